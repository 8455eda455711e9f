import { HIGH_TECH_WORKFLOW } from '../programmes/high-tech/workflow';
import { INNOVATION_VOUCHER } from '../programmes/innovation-voucher';
import { APPLICATION_TYPES, PROGRAMMES } from '../programmes/registry';
import { assertValidProgrammes, validateWorkflow } from './validate-workflow';
import type {
  Party,
  StateDefinition,
  TransitionDefinition,
  WorkflowDefinition,
} from './workflow-definition';
import { currentWorkflow, WORKFLOW_VERSIONS } from './workflows';

const ALL = APPLICATION_TYPES.flatMap((type) =>
  PROGRAMMES[type].workflows.map((w) => [`${type} v${w.version}`, w] as const),
);

describe('validateWorkflow', () => {
  it.each(ALL)('finds nothing wrong with %s', (_, w) => {
    expect(validateWorkflow(w, PROGRAMMES[w.type])).toEqual([]);
  });

  it('passes the registry as a whole: one current definition per type, versions in order', () => {
    expect(() => assertValidProgrammes()).not.toThrow();
    for (const type of APPLICATION_TYPES) {
      const versions = WORKFLOW_VERSIONS[type].map((w) => w.version);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
      expect(currentWorkflow(type).type).toBe(type);
    }
  });

  // Each broken definition below starts from the sound high-tech one and breaks one thing.
  const base: WorkflowDefinition = HIGH_TECH_WORKFLOW;
  const states = base.states as Record<string, StateDefinition>;
  const withState = (key: string, change: Partial<StateDefinition>) => ({
    ...base,
    states: { ...states, [key]: { ...states[key], ...change } },
  });
  const withTransition = (
    action: string,
    change: Partial<TransitionDefinition> | null,
  ): WorkflowDefinition => ({
    ...base,
    transitions: base.transitions.flatMap((t) =>
      t.action !== action ? [t] : change ? [{ ...t, ...change }] : [],
    ),
  });

  it.each<[string, WorkflowDefinition, string]>([
    [
      'an unknown state',
      withTransition('lodge_objection', { to: 'limbo' }),
      'transition "lodge_objection" from public_notice: names "limbo", which is not a state',
    ],
    [
      'an unreachable state',
      withTransition('lodge_objection', null),
      'state "objection_review": cannot be reached from the initial state',
    ],
    [
      'a terminal state with an exit',
      withState('county_review', { terminal: true, outcome: 'refused' }),
      'state "county_review": is terminal but has exits',
    ],
    [
      'a terminal state without an outcome',
      withState('certified', { outcome: null }),
      'state "certified": is terminal but has no outcome',
    ],
    [
      'a reviewer stage without a time limit',
      withState('city_review', { timeLimitDays: null }),
      'state "city_review": is held by city but has no time limit',
    ],
    [
      'a time limit on the enterprise',
      withState('returned_by_city', { timeLimitDays: 5 }),
      'state "returned_by_city": is held by the enterprise, whose time is not limited',
    ],
    [
      'an unknown guard',
      withTransition('withdraw', { guards: ['moon_full' as never] }),
      'transition "withdraw" from draft/submitted/county_review/returned_by_county: has the unknown guard "moon_full"',
    ],
    [
      'an unknown effect',
      withTransition('withdraw', { effects: ['fax_the_minister' as never] }),
      'has the unknown effect "fax_the_minister"',
    ],
    [
      'a party no role acts as',
      withTransition('withdraw', { by: ['notary' as Party] }),
      'names the unknown party "notary"',
    ],
    [
      'a system transition without a trigger',
      withTransition('notice_expired', { trigger: undefined }),
      'transition "notice_expired" from public_notice: is fired by the system but names no trigger',
    ],
    [
      'a trigger on a person’s transition',
      withTransition('withdraw', { trigger: { on: 'all_scored' } }),
      'has a trigger (all_scored) but is not by the system',
    ],
    [
      'an automated check with one outcome only',
      withTransition('auto_check_failed', null),
      'state "submitted": runs the automated check but lacks an exit for passed and one for failed',
    ],
    [
      'a missing English label',
      withTransition('recommend', { label: { 'zh-CN': '审核推荐', en: ' ' } }),
      'transition "recommend" from county_review: has no English wording',
    ],
    [
      'an internal word shown to the applicant',
      withState('expert_review', {
        applicantLabel: { 'zh-CN': '专家评审中', en: 'With the experts' },
      }),
      'state "expert_review" applicant label: shows the applicant an internal word ("专家评审中")',
    ],
    [
      'a step the applicant reads in its staff wording, which names an internal stage',
      withTransition('scoring_complete', { applicantLabel: undefined }),
      'transition "scoring_complete" from expert_review label, which the applicant reads (it has no applicant label): shows the applicant an internal word ("专家评分完成")',
    ],
    [
      'an internal word in a step’s applicant wording',
      withTransition('send_to_experts', {
        applicantLabel: { 'zh-CN': '进入专家评审', en: 'Sent to the panel' },
      }),
      'transition "send_to_experts" from provincial_review applicant label: shows the applicant an internal word ("进入专家评审")',
    ],
    [
      'a step’s applicant wording without English',
      withTransition('auto_check_passed', {
        applicantLabel: { 'zh-CN': '已受理', en: '已受理' },
      }),
      'transition "auto_check_passed" from submitted applicant label: has no English wording',
    ],
    [
      'a step’s applicant wording without Chinese',
      withTransition('auto_check_failed', {
        applicantLabel: { 'zh-CN': '', en: 'Supplement needed' },
      }),
      'transition "auto_check_failed" from submitted applicant label: has no Chinese wording',
    ],
    [
      'a return without a comment',
      withTransition('return_for_supplement', { commentRequired: false }),
      'refuses or returns without requiring a comment',
    ],
    [
      'a state the enterprise holds but cannot act in',
      withTransition('resubmit', { by: ['county'] }),
      'state "returned_by_city": is held by the enterprise, who can do nothing there',
    ],
    [
      'an undeclared capability',
      { ...base, capabilities: ['public_notice'] },
      'transition "send_to_experts" from provincial_review: needs the capability expert_review, which is not declared',
    ],
    [
      'a declared capability nothing uses',
      { ...base, capabilities: [...base.capabilities, 'voucher_ledger'] },
      'capabilities: declares voucher_ledger but no transition uses it',
    ],
    [
      'an action defined twice in one state',
      {
        ...base,
        transitions: [...base.transitions, base.transitions[0]],
      } as WorkflowDefinition,
      'transition "submit" from "draft": is defined 2 times',
    ],
  ])('refuses %s, naming where', (_, broken, message) => {
    const problems = validateWorkflow(broken);
    expect(problems.some((p) => p.includes(message))).toBe(true);
  });

  it('stops the registry check with every problem named when a registered programme is broken', () => {
    const broken = {
      ...PROGRAMMES.high_tech,
      workflows: [withState('certified', { outcome: null })],
    };
    const restore = jest.replaceProperty(PROGRAMMES, 'high_tech', broken);
    try {
      expect(() => assertValidProgrammes()).toThrow(
        'high_tech v1, state "certified": is terminal but has no outcome',
      );
    } finally {
      restore.restore();
    }
    expect(() => assertValidProgrammes()).not.toThrow();
  });

  it('refuses a validity trigger in a programme that dates no grant, and a ledger never released', () => {
    const voucher = INNOVATION_VOUCHER.workflows[0] as WorkflowDefinition;
    expect(validateWorkflow(voucher, {})).toContain(
      `state "issued": ends on a grant's validity, but the programme dates no grant`,
    );
    expect(validateWorkflow({ ...voucher, endEffects: [] })).toContain(
      'endEffects: keeps a voucher ledger but does not release it when a case ends',
    );
  });
});
