import { HIGH_TECH_WORKFLOW } from '../programmes/high-tech/workflow';
import { INNOVATION_VOUCHER_WORKFLOW_V2 } from '../programmes/innovation-voucher/workflow';
import { ST_PROJECT_WORKFLOW } from '../programmes/st-project/workflow';
import { applicantEditing, submittingTransition } from './applicant-editing';
import type { WorkflowDefinition } from './workflow-definition';

const highTech = HIGH_TECH_WORKFLOW as WorkflowDefinition;
const voucher = INNOVATION_VOUCHER_WORKFLOW_V2 as WorkflowDefinition;

describe('applicantEditing', () => {
  it('opens the form and the application materials in a draft and a return', () => {
    for (const state of ['draft', 'returned_by_city'])
      expect(applicantEditing(highTech, state)).toEqual({
        form: true,
        materialPhases: ['application'],
      });
  });

  it('opens nothing while the bureau holds the case or once it ended', () => {
    expect(applicantEditing(highTech, 'county_review')).toEqual({
      form: false,
      materialPhases: [],
    });
    expect(applicantEditing(highTech, 'certified').form).toBe(false);
  });

  it('keeps a granted voucher read-only and opens only the redemption documents at redemption', () => {
    expect(applicantEditing(voucher, 'issued')).toEqual({
      form: false,
      materialPhases: [],
    });
    expect(applicantEditing(voucher, 'in_service')).toEqual({
      form: false,
      materialPhases: ['redemption'],
    });
  });

  it("opens a project's mid-term report while it is due", () => {
    expect(
      applicantEditing(
        ST_PROJECT_WORKFLOW as WorkflowDefinition,
        'in_progress',
      ),
    ).toEqual({ form: false, materialPhases: ['midterm'] });
  });

  it('names the step that hands the form in from a draft and from a return, none elsewhere', () => {
    expect(submittingTransition(highTech, 'draft')?.action).toBe('submit');
    const back = submittingTransition(highTech, 'returned_by_city');
    expect(back?.from).toContain('returned_by_city');
    expect(back?.guards).toContain('form_valid');
    expect(submittingTransition(highTech, 'county_review')).toBeNull();
    expect(submittingTransition(voucher, 'in_service')).toBeNull();
  });
});
