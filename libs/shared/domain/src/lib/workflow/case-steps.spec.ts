import { APPLICATION_TYPES } from '../programmes/registry';
import { HIGH_TECH_WORKFLOW } from '../programmes/high-tech/workflow';
import {
  INNOVATION_VOUCHER_WORKFLOW,
  INNOVATION_VOUCHER_WORKFLOW_V2,
} from '../programmes/innovation-voucher/workflow';
import { TECH_SME_WORKFLOW } from '../programmes/tech-sme/workflow';
import { caseProgress, mainPath } from './case-steps';
import type { WorkflowDefinition } from './workflow-definition';
import { WORKFLOW_VERSIONS } from './workflows';

const highTech = HIGH_TECH_WORKFLOW as WorkflowDefinition;
const statuses = (p: ReturnType<typeof caseProgress>) =>
  p.steps.map((s) => `${s.label.en}:${s.status}`);

describe('mainPath', () => {
  it('walks from the initial state to the successful ending, leaving out returns and refusals', () => {
    expect(mainPath(highTech)).toEqual([
      'draft',
      'submitted',
      'county_review',
      'city_review',
      'provincial_review',
      'expert_review',
      'provincial_decision',
      'public_notice',
      'certified',
    ]);
  });

  it('follows the version a case started on (a voucher paid in a settlement ends later)', () => {
    expect(mainPath(INNOVATION_VOUCHER_WORKFLOW as WorkflowDefinition)).toEqual(
      [
        'draft',
        'county_review',
        'issued',
        'contract_confirmation',
        'in_service',
        'redemption_review',
        'redeemed',
      ],
    );
    expect(
      mainPath(INNOVATION_VOUCHER_WORKFLOW_V2 as WorkflowDefinition).slice(-2),
    ).toEqual(['awaiting_settlement', 'settled']);
  });

  it('ends at the grant where a programme has no successful ending, only a lapse', () => {
    expect(mainPath(TECH_SME_WORKFLOW as WorkflowDefinition).at(-1)).toBe(
      'registered',
    );
  });

  it('reaches a successful ending or a lapsing grant in every programme, on no terminal refusal', () => {
    for (const type of APPLICATION_TYPES) {
      for (const definition of WORKFLOW_VERSIONS[type]) {
        const path = mainPath(definition);
        const states = definition.states as Record<
          string,
          { terminal: boolean; outcome: string | null }
        >;
        expect(path[0]).toBe(definition.initial);
        expect(path.length).toBeGreaterThan(2);
        for (const s of path.slice(0, -1))
          expect(states[s]?.terminal).toBe(false);
        const end = states[path[path.length - 1] ?? ''];
        if (end?.terminal)
          expect(['granted', 'completed']).toContain(end.outcome);
      }
    }
  });
});

describe('caseProgress', () => {
  it('merges stages the enterprise sees under one name and marks the current one', () => {
    const progress = caseProgress(highTech, 'expert_review', 'applicant');
    expect(statuses(progress)).toEqual([
      'Draft:done',
      'Submitted, being accepted:done',
      'Under review by the county S&T bureau:done',
      'Under review by the city S&T bureau:done',
      'Under provincial review:current',
      expect.stringMatching(/public notice:upcoming$/i),
      'Certified as a high-tech enterprise:upcoming',
    ]);
    expect(progress.steps[4]?.states).toEqual([
      'provincial_review',
      'expert_review',
      'provincial_decision',
    ]);
    expect(progress.detour).toBeNull();
  });

  it('shows staff the bureau stages one by one', () => {
    const progress = caseProgress(highTech, 'expert_review', 'staff');
    expect(progress.steps).toHaveLength(9);
    expect(progress.steps[5]).toMatchObject({
      label: { en: 'Expert scoring' },
      status: 'current',
    });
  });

  it('marks every step done once the case reached its successful ending', () => {
    const progress = caseProgress(highTech, 'certified', 'applicant');
    expect(progress.steps.every((s) => s.status === 'done')).toBe(true);
    expect(progress.detour).toBeNull();
  });

  it('shows a return as a detour at the stage that returned it', () => {
    const progress = caseProgress(highTech, 'returned_by_city', 'applicant', [
      'draft',
      'submitted',
      'county_review',
      'city_review',
      'returned_by_city',
    ]);
    expect(progress.detour).toMatchObject({
      kind: 'return',
      state: 'returned_by_city',
      label: { 'zh-CN': '待补正材料' },
    });
    expect(progress.steps.find((s) => s.status === 'current')?.states).toEqual([
      'city_review',
    ]);
  });

  it('without a history takes the latest stage that returns into the state', () => {
    const progress = caseProgress(highTech, 'returned_by_county', 'applicant');
    expect(progress.steps.find((s) => s.status === 'current')?.states).toEqual([
      'county_review',
    ]);
  });

  it('shows a refusal as the ending where the case stopped, later steps not reached', () => {
    const progress = caseProgress(highTech, 'rejected', 'applicant', [
      'draft',
      'submitted',
      'county_review',
      'city_review',
      'provincial_review',
      'expert_review',
      'provincial_decision',
      'rejected',
    ]);
    expect(progress.detour).toMatchObject({
      kind: 'ending',
      outcome: 'refused',
    });
    expect(statuses(progress).slice(4)).toEqual([
      'Under provincial review:current',
      expect.stringMatching(/upcoming$/),
      'Certified as a high-tech enterprise:upcoming',
    ]);
  });

  it('marks a grant that holds until it lapses done once the case reached it', () => {
    const progress = caseProgress(
      TECH_SME_WORKFLOW as WorkflowDefinition,
      'registered',
      'applicant',
    );
    expect(progress.steps.every((s) => s.status === 'done')).toBe(true);
    expect(progress.detour).toBeNull();
  });

  it('keeps a lapsed grant done and adds the lapse as its ending', () => {
    const progress = caseProgress(
      TECH_SME_WORKFLOW as WorkflowDefinition,
      'expired',
      'applicant',
      [
        'draft',
        'submitted',
        'formal_review',
        'provincial_batch',
        'public_notice',
        'registered',
        'expired',
      ],
    );
    expect(progress.steps.every((s) => s.status === 'done')).toBe(true);
    expect(progress.detour).toMatchObject({
      kind: 'ending',
      outcome: 'expired',
    });
  });

  it('shows a withdrawn draft stopped at its first step', () => {
    const progress = caseProgress(highTech, 'withdrawn', 'applicant', [
      'draft',
      'withdrawn',
    ]);
    expect(progress.steps[0]?.status).toBe('current');
    expect(progress.detour?.outcome).toBe('withdrawn');
  });
});
