import { HIGH_TECH_WORKFLOW } from '../programmes/high-tech/workflow';
import { TRANSFORMATION_LOAN_WORKFLOW } from '../programmes/transformation-loan/workflow';
import {
  addressedToApplicant,
  applicantStatus,
  applicantWording,
  availableActions,
  canTransition,
  nextHolders,
  partiesOf,
} from './workflow-engine';
import { currentWorkflow, workflowVersion } from './workflows';

describe('workflow engine', () => {
  it('maps memberships to parties: a county reviewer acts as the county', () => {
    expect(
      partiesOf([
        {
          role: 'reviewer',
          level: 'county',
          organisationId: 'b',
          regionCode: '330421',
        },
        {
          role: 'enterprise_admin',
          level: null,
          organisationId: 'e',
          regionCode: '330421',
        },
        {
          role: 'auditor',
          level: 'province',
          organisationId: 'p',
          regionCode: '330000',
        },
      ]),
    ).toEqual(['county', 'enterprise']);
  });

  it('offers the county its review actions, and nothing to the city at that stage', () => {
    expect(
      availableActions(HIGH_TECH_WORKFLOW, 'county_review', ['county']).map(
        (t) => t.action,
      ),
    ).toEqual([
      'recommend',
      'accept_with_missing_items',
      'return_for_supplement',
      'reject',
    ]);
    expect(
      availableActions(HIGH_TECH_WORKFLOW, 'county_review', ['city']),
    ).toEqual([]);
    expect(
      availableActions(HIGH_TECH_WORKFLOW, 'county_review', ['enterprise']).map(
        (t) => t.action,
      ),
    ).toEqual(['withdraw']);
  });

  it('never offers on one case a step that is fired for many at once', () => {
    const definition = currentWorkflow('innovation_voucher');
    const batch = definition.transitions.filter((t) => t.batch);
    expect(batch.map((t) => t.action)).toEqual(['settle']);
    for (const transition of batch)
      for (const state of transition.from)
        expect(
          availableActions(definition, state, transition.by).map(
            (t) => t.action,
          ),
        ).not.toContain(transition.action);
  });

  it('says why a transition is refused', () => {
    expect(
      canTransition(HIGH_TECH_WORKFLOW, 'county_review', 'fly', ['county']),
    ).toEqual({ allowed: false, reason: 'unknown_action' });
    expect(
      canTransition(HIGH_TECH_WORKFLOW, 'city_review', 'submit', [
        'enterprise',
      ]),
    ).toEqual({ allowed: false, reason: 'wrong_state' });
    expect(
      canTransition(HIGH_TECH_WORKFLOW, 'city_review', 'recommend', ['county']),
    ).toEqual({ allowed: false, reason: 'not_permitted' });
    const ok = canTransition(HIGH_TECH_WORKFLOW, 'city_review', 'recommend', [
      'city',
    ]);
    expect(ok.allowed && ok.transition.to).toBe('provincial_review');
  });

  it('lets only the queue fire automated stages', () => {
    expect(
      canTransition(HIGH_TECH_WORKFLOW, 'submitted', 'auto_check_passed', [
        'county',
        'enterprise',
      ]).allowed,
    ).toBe(false);
    expect(
      canTransition(HIGH_TECH_WORKFLOW, 'submitted', 'auto_check_passed', [
        'system',
      ]).allowed,
    ).toBe(true);
  });

  it('shows the applicant public wording and whether it must act', () => {
    const expert = applicantStatus(HIGH_TECH_WORKFLOW, 'expert_review');
    expect(expert.label['zh-CN']).toBe('省级评审中');
    expect(expert.waitingForApplicant).toBe(false);
    expect(
      applicantStatus(HIGH_TECH_WORKFLOW, 'returned_by_city')
        .waitingForApplicant,
    ).toBe(true);
    expect(applicantStatus(HIGH_TECH_WORKFLOW, 'certified')).toMatchObject({
      terminal: true,
      waitingForApplicant: false,
    });
  });

  it('names who holds the case next', () => {
    expect(nextHolders(TRANSFORMATION_LOAN_WORKFLOW, 'bank_review')).toBe(
      'bank',
    );
    expect(nextHolders(TRANSFORMATION_LOAN_WORKFLOW, 'closed')).toBeNull();
  });

  it('finds a case its recorded version and refuses an unknown one', () => {
    expect(workflowVersion('high_tech', 1)).toBe(HIGH_TECH_WORKFLOW);
    expect(() => workflowVersion('high_tech', 99)).toThrow(/No version 99/);
  });

  it('gives the applicant public wording for each step, and its comments only where addressed to it', () => {
    const step = (action: string) => {
      const found = HIGH_TECH_WORKFLOW.transitions.find(
        (t) => t.action === action,
      );
      if (!found) throw new Error(action);
      return found;
    };
    expect(applicantWording(step('scoring_complete'))['zh-CN']).toBe(
      '评审完成，待省级认定',
    );
    // Where the staff wording is public, the applicant reads it too.
    expect(applicantWording(step('submit'))).toBe(step('submit').label);
    expect(addressedToApplicant(step('send_to_experts'))).toBe(false);
    expect(addressedToApplicant(step('scoring_complete'))).toBe(false);
    expect(addressedToApplicant(step('return_for_supplement'))).toBe(true);
    expect(addressedToApplicant(step('resubmit'))).toBe(true);
  });
});
