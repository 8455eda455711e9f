import { l, PUBLIC } from '../../workflow/labels';
import {
  ENDINGS,
  NOTICE_STATES,
  objectionsDuringNotice,
  returnAndReject,
} from '../../workflow/review-stage';
import type { WorkflowDefinition } from '../../workflow/workflow-definition';

type S =
  | 'draft'
  | 'submitted'
  | 'formal_review'
  | 'returned'
  | 'provincial_batch'
  | 'public_notice'
  | 'objection_review'
  | 'registered'
  | 'expired'
  | 'rejected'
  | 'withdrawn';

/** Tech-based SME evaluation (科技型中小企业评价入库): score, formal review, monthly notice, registration. */
export const TECH_SME_WORKFLOW = {
  type: 'tech_sme',
  version: 1,
  policy: '国科发政〔2017〕115号',
  label: l('科技型中小企业评价入库', 'Tech-based SME evaluation'),
  initial: 'draft',
  capabilities: ['public_notice'],
  states: {
    draft: {
      staffLabel: l('草稿', 'Draft'),
      applicantLabel: PUBLIC.draft,
      terminal: false,
      outcome: null,
      holder: 'enterprise',
      timeLimitDays: null,
    },
    submitted: {
      staffLabel: l('已提交（自动评价）', 'Submitted (automated scoring)'),
      applicantLabel: PUBLIC.accepting,
      terminal: false,
      outcome: null,
      holder: 'system',
      timeLimitDays: 1,
    },
    formal_review: {
      staffLabel: l('形式审查', 'Formal review'),
      applicantLabel: PUBLIC.county,
      terminal: false,
      outcome: null,
      holder: 'county',
      timeLimitDays: 5,
    },
    returned: {
      staffLabel: l('退回补正', 'Returned for supplement'),
      applicantLabel: PUBLIC.supplement,
      terminal: false,
      outcome: null,
      holder: 'enterprise',
      timeLimitDays: null,
    },
    provincial_batch: {
      staffLabel: l('待省级批次公示', 'Awaiting the monthly provincial notice'),
      applicantLabel: PUBLIC.province,
      terminal: false,
      outcome: null,
      holder: 'province',
      timeLimitDays: 22,
    },
    ...NOTICE_STATES,
    registered: {
      staffLabel: l('已入库（有效）', 'Registered (valid)'),
      applicantLabel: l(
        '已入库，取得入库登记编号',
        'Registered: registration number issued',
      ),
      terminal: false,
      outcome: null,
      holder: 'system',
      timeLimitDays: null,
    },
    expired: {
      staffLabel: l('入库编号已过期', 'Registration expired'),
      applicantLabel: l(
        '入库登记编号已到期，请重新评价',
        'Registration expired: evaluate again',
      ),
      terminal: true,
      outcome: 'expired',
      holder: 'system',
      timeLimitDays: null,
    },
    ...ENDINGS,
  },
  transitions: [
    {
      action: 'submit',
      from: ['draft'],
      to: 'submitted',
      by: ['enterprise'],
      label: l('提交评价', 'Submit for evaluation'),
      commentRequired: false,
      guards: [
        'call_open',
        'not_registered_this_year',
        'form_valid',
        'materials_complete',
      ],
      notify: ['applicant'],
      effects: ['run_auto_check'],
    },
    {
      action: 'auto_check_passed',
      from: ['submitted'],
      to: 'formal_review',
      by: ['system'],
      trigger: { on: 'auto_check', outcome: 'passed' },
      label: l('自动评价通过', 'Automated scoring passed'),
      applicantLabel: l('评价核查通过，已受理', 'Checked and accepted'),
      commentRequired: false,
      guards: ['eligibility_passed'],
      notify: ['applicant', 'holders'],
      effects: ['stage_timer'],
    },
    {
      action: 'auto_check_failed',
      decision: true,
      from: ['submitted'],
      to: 'returned',
      by: ['system'],
      trigger: { on: 'auto_check', outcome: 'failed' },
      label: l('自动评价未通过', 'Automated scoring failed'),
      applicantLabel: l(
        '评价核查未通过，请补正',
        'The check found problems: supplement needed',
      ),
      commentRequired: true,
      guards: [],
      notify: ['applicant'],
      effects: [],
    },
    {
      action: 'withdraw',
      from: ['draft', 'submitted', 'formal_review', 'returned'],
      to: 'withdrawn',
      by: ['enterprise'],
      label: l('撤回', 'Withdraw'),
      commentRequired: false,
      guards: [],
      notify: ['previous_holders'],
      effects: [],
    },
    {
      action: 'recommend',
      from: ['formal_review'],
      to: 'provincial_batch',
      by: ['county'],
      label: l('形式审查通过', 'Pass the formal review'),
      applicantLabel: l('审核通过', 'Passed the review'),
      commentRequired: true,
      guards: [],
      notify: ['applicant', 'holders'],
      effects: ['stage_timer'],
    },
    ...returnAndReject<S>(
      'formal_review',
      'county',
      'returned',
      'rejected',
      l('不予入库', 'Reject'),
    ),
    {
      action: 'start_public_notice',
      from: ['provincial_batch'],
      to: 'public_notice',
      by: ['province'],
      label: l('纳入本月公示批次', "Put in this month's public notice"),
      commentRequired: false,
      guards: [],
      notify: ['applicant'],
      effects: [],
    },
    {
      action: 'reject',
      from: ['provincial_batch'],
      to: 'rejected',
      by: ['province'],
      label: l('不予入库', 'Reject'),
      commentRequired: true,
      guards: [],
      notify: ['applicant'],
      effects: [],
    },
    ...objectionsDuringNotice<S>(
      'public_notice',
      'objection_review',
      'rejected',
      l('异议成立，不予入库', 'Uphold the objection'),
    ),
    {
      action: 'notice_expired',
      decision: true,
      from: ['public_notice'],
      to: 'registered',
      by: ['system'],
      trigger: { on: 'time_limit_end' },
      label: l('公示期满，予以入库', 'Notice ended: registered'),
      commentRequired: false,
      guards: ['no_open_objection'],
      notify: ['applicant'],
      effects: ['issue_registration', 'remind_refiling'],
    },
    {
      action: 'registration_expired',
      from: ['registered'],
      to: 'expired',
      by: ['system'],
      trigger: { on: 'validity_end' },
      label: l('入库编号到期', 'Registration expired'),
      commentRequired: false,
      guards: [],
      notify: ['applicant'],
      effects: [],
    },
  ],
} as const satisfies WorkflowDefinition<S>;
