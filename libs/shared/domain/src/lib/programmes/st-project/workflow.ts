import { l, PUBLIC } from '../../workflow/labels';
import { ENDINGS, returnAndReject } from '../../workflow/review-stage';
import type {
  Labels,
  Party,
  StateDefinition,
  TransitionDefinition,
  WorkflowDefinition,
} from '../../workflow/workflow-definition';

type S =
  | 'draft'
  | 'county_review'
  | 'returned_by_county'
  | 'formal_review'
  | 'returned_by_province'
  | 'expert_review'
  | 'initial_decision'
  | 'supplementing'
  | 'approval_review'
  | 'in_progress'
  | 'midterm_review'
  | 'final_stage'
  | 'final_acceptance'
  | 'closed'
  | 'terminated'
  | 'rejected'
  | 'withdrawn';

const REVIEW = l('项目评审中', 'Under review');
const UNDER_WAY = l('项目实施中', 'Project under way');

const held = (
  holder: Party,
  timeLimitDays: number,
  staffLabel: Labels,
  applicantLabel: Labels,
): StateDefinition => ({
  staffLabel,
  applicantLabel,
  terminal: false,
  outcome: null,
  holder,
  timeLimitDays,
});

/** A report or material the enterprise owes by a date: its clock runs while it holds the case. */
const owed = (
  timeLimitDays: number,
  staffLabel: Labels,
  applicantLabel: Labels,
): StateDefinition => ({
  ...held('enterprise', timeLimitDays, staffLabel, applicantLabel),
  milestone: true,
});

const step = (
  action: string,
  from: S,
  to: S,
  by: Party,
  label: Labels,
  extra: Partial<TransitionDefinition<S>> = {},
): TransitionDefinition<S> => ({
  action,
  from: [from],
  to,
  by: [by],
  label,
  commentRequired: false,
  guards: [],
  notify: ['applicant', 'holders'],
  effects: ['stage_timer'],
  ...extra,
});

/**
 * S&T project calls (科技计划项目: 火炬计划, city key programmes): filing, county recommendation,
 * formal review, the expert initial review on the call's rubric, a supplementary round with a
 * deadline for those that pass, approval (立项) with the funding granted, then the mid-term
 * report and the final acceptance (结题验收), each due by a date and reviewed like a stage.
 */
export const ST_PROJECT_WORKFLOW = {
  type: 'st_project',
  version: 1,
  policy: '科技计划项目管理办法（火炬计划、市级科技计划）',
  label: l('科技计划项目', 'S&T project'),
  initial: 'draft',
  capabilities: ['expert_review'],
  states: {
    draft: {
      staffLabel: l('草稿', 'Draft'),
      applicantLabel: PUBLIC.draft,
      terminal: false,
      outcome: null,
      holder: 'enterprise',
      timeLimitDays: null,
    },
    county_review: held(
      'county',
      10,
      l('县级审核推荐', 'County recommendation'),
      PUBLIC.county,
    ),
    returned_by_county: {
      staffLabel: l('县级退回补正', 'Returned by the county'),
      applicantLabel: PUBLIC.supplement,
      terminal: false,
      outcome: null,
      holder: 'enterprise',
      timeLimitDays: null,
    },
    formal_review: held(
      'province',
      10,
      l('形式审查', 'Formal review'),
      PUBLIC.province,
    ),
    returned_by_province: {
      staffLabel: l('形式审查退回补正', 'Returned by the formal review'),
      applicantLabel: PUBLIC.supplement,
      terminal: false,
      outcome: null,
      holder: 'enterprise',
      timeLimitDays: null,
    },
    expert_review: held(
      'expert',
      15,
      l('专家初审', 'Expert initial review'),
      REVIEW,
    ),
    initial_decision: held(
      'province',
      10,
      l('初审结果确定', 'Initial review decision'),
      REVIEW,
    ),
    supplementing: owed(
      10,
      l('初审通过，补充材料', 'Passed: supplementary material due'),
      l(
        '初审通过，请按期补充材料',
        'Passed the initial review: supplement by the date',
      ),
    ),
    approval_review: held(
      'province',
      15,
      l('立项审核', 'Approval review'),
      REVIEW,
    ),
    in_progress: owed(
      120,
      l('实施中（中期报告待交）', 'Under way: mid-term report due'),
      l(
        '已立项，实施中（请按期提交中期报告）',
        'Approved and under way: mid-term report due',
      ),
    ),
    midterm_review: held(
      'province',
      15,
      l('中期检查', 'Mid-term review'),
      UNDER_WAY,
    ),
    final_stage: owed(
      120,
      l('实施中（结题报告待交）', 'Under way: final report due'),
      l('实施中（请按期提交结题报告）', 'Under way: final report due'),
    ),
    final_acceptance: held(
      'province',
      20,
      l('结题验收', 'Final acceptance'),
      l('结题验收中', 'Final acceptance under way'),
    ),
    closed: {
      staffLabel: l('已结题', 'Closed'),
      applicantLabel: l('已通过结题验收', 'Accepted and closed'),
      terminal: true,
      outcome: 'completed',
      holder: 'system',
      timeLimitDays: null,
    },
    terminated: {
      staffLabel: l('已终止', 'Terminated'),
      applicantLabel: l('项目已终止', 'Project terminated'),
      terminal: true,
      outcome: 'terminated',
      holder: 'system',
      timeLimitDays: null,
    },
    ...ENDINGS,
  },
  transitions: [
    step(
      'submit',
      'draft',
      'county_review',
      'enterprise',
      l('提交申报', 'Submit'),
      {
        guards: ['call_open', 'form_valid', 'materials_complete'],
        notify: ['applicant', 'holders'],
      },
    ),
    {
      action: 'withdraw',
      from: [
        'draft',
        'county_review',
        'returned_by_county',
        'returned_by_province',
      ],
      to: 'withdrawn',
      by: ['enterprise'],
      label: l('撤回申报', 'Withdraw'),
      commentRequired: false,
      guards: [],
      notify: ['previous_holders'],
      effects: [],
    },
    step(
      'recommend',
      'county_review',
      'formal_review',
      'county',
      l('审核推荐', 'Recommend'),
      {
        commentRequired: true,
        guards: ['call_quota'],
      },
    ),
    ...returnAndReject<S>(
      'county_review',
      'county',
      'returned_by_county',
      'rejected',
      l('不予推荐', 'Reject'),
    ),
    step(
      'send_to_experts',
      'formal_review',
      'expert_review',
      'province',
      l('组织专家初审', 'Send to the expert initial review'),
      {
        guards: ['experts_drawn'],
        notify: ['holders'],
        applicantLabel: l('进入项目评审', 'Project review continues'),
      },
    ),
    ...returnAndReject<S>(
      'formal_review',
      'province',
      'returned_by_province',
      'rejected',
      l('形式审查不通过', 'Reject'),
      l('审核未通过', 'Not approved'),
    ),
    {
      ...step(
        'scoring_complete',
        'expert_review',
        'initial_decision',
        'system',
        l('专家评分完成', 'Expert scoring complete'),
        {
          guards: ['all_experts_scored'],
          notify: ['holders'],
          applicantLabel: l(
            '评审完成，待确定初审结果',
            'Reviewed: the result is pending',
          ),
        },
      ),
      trigger: { on: 'all_scored' },
    },
    step(
      'pass_initial_review',
      'initial_decision',
      'supplementing',
      'province',
      l(
        '初审通过，通知补充材料',
        'Pass the initial review: ask for the supplement',
      ),
      {
        commentRequired: true,
        guards: ['supplement_items_listed'],
        decision: true,
      },
    ),
    step(
      'reject',
      'initial_decision',
      'rejected',
      'province',
      l('初审不通过', 'Reject'),
      {
        commentRequired: true,
        notify: ['applicant'],
        effects: [],
        decision: true,
      },
    ),
    step(
      'submit_supplement',
      'supplementing',
      'approval_review',
      'enterprise',
      l('提交补充材料', 'Submit the supplement'),
      { guards: ['form_valid', 'materials_complete'], notify: ['holders'] },
    ),
    step(
      'approve_project',
      'approval_review',
      'in_progress',
      'province',
      l('批准立项', 'Approve the project'),
      { commentRequired: true, guards: ['budget_approved'], decision: true },
    ),
    step(
      'return_supplement',
      'approval_review',
      'supplementing',
      'province',
      l('退回补充材料', 'Return the supplement'),
      { commentRequired: true, guards: ['supplement_items_listed'] },
    ),
    step(
      'reject',
      'approval_review',
      'rejected',
      'province',
      l('不予立项', 'Reject'),
      {
        commentRequired: true,
        notify: ['applicant'],
        effects: [],
        decision: true,
      },
    ),
    step(
      'submit_midterm_report',
      'in_progress',
      'midterm_review',
      'enterprise',
      l('提交中期报告', 'Submit the mid-term report'),
      { guards: ['midterm_report_uploaded'], notify: ['holders'] },
    ),
    step(
      'accept_midterm',
      'midterm_review',
      'final_stage',
      'province',
      l('中期检查通过', 'Accept the mid-term report'),
      { commentRequired: true },
    ),
    step(
      'return_midterm',
      'midterm_review',
      'in_progress',
      'province',
      l('退回中期报告', 'Return the mid-term report'),
      { commentRequired: true, guards: ['supplement_items_listed'] },
    ),
    step(
      'terminate',
      'midterm_review',
      'terminated',
      'province',
      l('终止项目', 'Terminate'),
      {
        commentRequired: true,
        notify: ['applicant'],
        effects: [],
        decision: true,
      },
    ),
    step(
      'submit_final_report',
      'final_stage',
      'final_acceptance',
      'enterprise',
      l('提交结题报告', 'Submit the final report'),
      { guards: ['final_report_uploaded'], notify: ['holders'] },
    ),
    step(
      'accept_final',
      'final_acceptance',
      'closed',
      'province',
      l('结题验收通过', 'Accept and close'),
      {
        commentRequired: true,
        notify: ['applicant'],
        effects: [],
        decision: true,
      },
    ),
    step(
      'return_final',
      'final_acceptance',
      'final_stage',
      'province',
      l('退回结题报告', 'Return the final report'),
      { commentRequired: true, guards: ['supplement_items_listed'] },
    ),
    step(
      'terminate',
      'final_acceptance',
      'terminated',
      'province',
      l('验收不通过，终止', 'Fail and terminate'),
      {
        commentRequired: true,
        notify: ['applicant'],
        effects: [],
        decision: true,
      },
    ),
  ],
} as const satisfies WorkflowDefinition<S>;
