import { l, PUBLIC } from '../../workflow/labels';
import { ENDINGS, returnAndReject } from '../../workflow/review-stage';
import type {
  TransitionDefinition,
  WorkflowDefinition,
} from '../../workflow/workflow-definition';

type S =
  | 'draft'
  | 'county_review'
  | 'returned_by_county'
  | 'issued'
  | 'contract_confirmation'
  | 'in_service'
  | 'redemption_review'
  | 'redemption_returned'
  | 'redeemed'
  | 'expired'
  | 'rejected'
  | 'withdrawn';

/** Innovation voucher (科技创新券): grant, service contract, delivery, redemption. */
export const INNOVATION_VOUCHER_WORKFLOW = {
  type: 'innovation_voucher',
  version: 1,
  policy: '山东省科技创新券管理办法（地方实践）',
  label: l('科技创新券', 'Innovation voucher'),
  initial: 'draft',
  capabilities: ['voucher_ledger'],
  endEffects: ['release_ledger'],
  states: {
    draft: {
      staffLabel: l('草稿', 'Draft'),
      applicantLabel: PUBLIC.draft,
      terminal: false,
      outcome: null,
      holder: 'enterprise',
      timeLimitDays: null,
    },
    county_review: {
      staffLabel: l('县级审核', 'County review'),
      applicantLabel: PUBLIC.county,
      terminal: false,
      outcome: null,
      holder: 'county',
      timeLimitDays: 15,
    },
    returned_by_county: {
      staffLabel: l('县级退回补正', 'Returned by the county'),
      applicantLabel: PUBLIC.supplement,
      terminal: false,
      outcome: null,
      holder: 'enterprise',
      timeLimitDays: null,
    },
    issued: {
      staffLabel: l(
        '已发放，待签服务合同',
        'Issued, awaiting a service contract',
      ),
      applicantLabel: l('创新券已发放', 'Voucher issued'),
      terminal: false,
      outcome: null,
      holder: 'enterprise',
      timeLimitDays: null,
    },
    contract_confirmation: {
      staffLabel: l('服务机构确认合同', 'Provider confirms the contract'),
      applicantLabel: l(
        '服务合同待服务机构确认',
        'Contract awaiting the provider',
      ),
      terminal: false,
      outcome: null,
      holder: 'provider',
      timeLimitDays: 10,
    },
    in_service: {
      staffLabel: l('服务实施中', 'Service in progress'),
      applicantLabel: l('服务实施中', 'Service in progress'),
      terminal: false,
      outcome: null,
      holder: 'enterprise',
      timeLimitDays: null,
    },
    redemption_review: {
      staffLabel: l('兑付审核', 'Redemption review'),
      applicantLabel: l('兑付审核中', 'Redemption under review'),
      terminal: false,
      outcome: null,
      holder: 'city',
      timeLimitDays: 20,
    },
    redemption_returned: {
      staffLabel: l('兑付退回补正', 'Redemption returned'),
      applicantLabel: PUBLIC.supplement,
      terminal: false,
      outcome: null,
      holder: 'enterprise',
      timeLimitDays: null,
    },
    redeemed: {
      staffLabel: l('已兑付', 'Redeemed'),
      applicantLabel: l('已兑付', 'Redeemed'),
      terminal: true,
      outcome: 'completed',
      holder: 'system',
      timeLimitDays: null,
    },
    expired: {
      staffLabel: l('已过期', 'Expired'),
      applicantLabel: l('创新券已过期', 'Voucher expired'),
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
      to: 'county_review',
      by: ['enterprise'],
      label: l('提交申请', 'Submit'),
      commentRequired: false,
      guards: ['call_open', 'form_valid', 'materials_complete'],
      notify: ['applicant', 'holders'],
      effects: ['stage_timer'],
    },
    {
      action: 'withdraw',
      from: ['draft', 'county_review', 'returned_by_county'],
      to: 'withdrawn',
      by: ['enterprise'],
      label: l('撤回申请', 'Withdraw'),
      commentRequired: false,
      guards: [],
      notify: ['previous_holders'],
      effects: [],
    },
    {
      action: 'approve',
      decision: true,
      from: ['county_review'],
      to: 'issued',
      by: ['county'],
      label: l('审核通过并发券', 'Approve and issue'),
      commentRequired: true,
      guards: ['voucher_cap_available'],
      notify: ['applicant'],
      effects: ['issue_voucher'],
    },
    ...returnAndReject<S>(
      'county_review',
      'county',
      'returned_by_county',
      'rejected',
      l('不予通过', 'Reject'),
    ),
    {
      action: 'record_contract',
      from: ['issued'],
      to: 'contract_confirmation',
      by: ['enterprise'],
      label: l('登记服务合同', 'Record the service contract'),
      commentRequired: false,
      guards: ['contract_recorded'],
      notify: ['holders'],
      effects: ['stage_timer'],
    },
    {
      action: 'confirm_contract',
      from: ['contract_confirmation'],
      to: 'in_service',
      by: ['provider'],
      label: l('确认服务合同', 'Confirm the contract'),
      commentRequired: false,
      guards: [],
      notify: ['applicant'],
      effects: [],
    },
    {
      action: 'decline_contract',
      from: ['contract_confirmation'],
      to: 'issued',
      by: ['provider'],
      label: l('不确认合同', 'Decline the contract'),
      commentRequired: true,
      guards: [],
      notify: ['applicant'],
      effects: [],
    },
    {
      action: 'request_redemption',
      from: ['in_service'],
      to: 'redemption_review',
      by: ['enterprise'],
      label: l('申请兑付', 'Request redemption'),
      commentRequired: false,
      guards: ['redemption_documents'],
      notify: ['holders'],
      effects: ['stage_timer'],
    },
    {
      action: 'approve_redemption',
      decision: true,
      from: ['redemption_review'],
      to: 'redeemed',
      by: ['city'],
      label: l('兑付审核通过', 'Approve the redemption'),
      commentRequired: true,
      guards: ['voucher_cap_available'],
      notify: ['applicant'],
      effects: [],
    },
    {
      action: 'return_redemption',
      from: ['redemption_review'],
      to: 'redemption_returned',
      by: ['city'],
      label: l('兑付退回补正', 'Return the redemption'),
      commentRequired: true,
      guards: ['supplement_items_listed'],
      notify: ['applicant'],
      effects: [],
    },
    {
      action: 'resubmit_redemption',
      from: ['redemption_returned'],
      to: 'redemption_review',
      by: ['enterprise'],
      label: l('补正后重新申请兑付', 'Resubmit the redemption'),
      commentRequired: false,
      guards: ['redemption_documents'],
      notify: ['holders'],
      effects: ['stage_timer'],
    },
    {
      action: 'voucher_expired',
      from: ['issued', 'contract_confirmation', 'in_service'],
      to: 'expired',
      by: ['system'],
      trigger: { on: 'validity_end' },
      label: l('有效期满', 'Validity ended'),
      commentRequired: false,
      guards: [],
      notify: ['applicant'],
      effects: [],
    },
  ],
} as const satisfies WorkflowDefinition<S>;

type S2 = Exclude<S, 'redeemed'> | 'awaiting_settlement' | 'settled';

/** Version 1's states but "redeemed", which version 2 splits into awaiting settlement and settled. */
const {
  draft,
  county_review,
  returned_by_county,
  issued,
  contract_confirmation,
  in_service,
  redemption_review,
  redemption_returned,
  expired,
  rejected,
  withdrawn,
} = INNOVATION_VOUCHER_WORKFLOW.states;

/** Version 1's steps but its redemption approval (which ended the case there), in order. */
const V1_STEPS =
  INNOVATION_VOUCHER_WORKFLOW.transitions as readonly TransitionDefinition<
    Exclude<S, 'redeemed'>
  >[];
const V1_APPROVAL = V1_STEPS.findIndex(
  (t) => t.action === 'approve_redemption',
);

/**
 * Version 2: an approved redemption waits for the city's monthly settlement (a batch of the
 * month's approved redemptions, paid on a date with a payment reference), and the case ends
 * when it is paid. Cases started on version 1 end at "redeemed" as before.
 */
export const INNOVATION_VOUCHER_WORKFLOW_V2 = {
  ...INNOVATION_VOUCHER_WORKFLOW,
  version: 2,
  capabilities: ['voucher_ledger', 'voucher_settlement'],
  states: {
    draft,
    county_review,
    returned_by_county,
    issued,
    contract_confirmation,
    in_service,
    redemption_review,
    redemption_returned,
    awaiting_settlement: {
      staffLabel: l('兑付已审核，待月度拨付', 'Redeemed, awaiting settlement'),
      applicantLabel: l(
        '已兑付审核通过，待拨付',
        'Redemption approved, awaiting payment',
      ),
      terminal: false,
      outcome: null,
      holder: 'city',
      // Paid in the batch after the month of its approval closes: at most about six weeks.
      timeLimitDays: 30,
    },
    settled: {
      staffLabel: l('已拨付', 'Paid'),
      applicantLabel: l('补助已拨付', 'Subsidy paid'),
      terminal: true,
      outcome: 'completed',
      holder: 'system',
      timeLimitDays: null,
    },
    expired,
    rejected,
    withdrawn,
  },
  transitions: [
    ...V1_STEPS.slice(0, V1_APPROVAL),
    {
      action: 'approve_redemption',
      decision: true,
      from: ['redemption_review'],
      to: 'awaiting_settlement',
      by: ['city'],
      label: l('兑付审核通过', 'Approve the redemption'),
      commentRequired: true,
      guards: ['voucher_cap_available'],
      notify: ['applicant'],
      effects: ['stage_timer'],
    },
    ...V1_STEPS.slice(V1_APPROVAL + 1),
    {
      // Fired only by a settlement batch, which names the case (settlement_recorded).
      action: 'settle',
      decision: true,
      from: ['awaiting_settlement'],
      to: 'settled',
      by: ['city'],
      label: l('拨付创新券补助', 'Pay the voucher subsidy'),
      commentRequired: false,
      // Paid a month at a time: POST /api/voucher-settlements fires it for every case paid.
      batch: true,
      guards: ['settlement_recorded'],
      notify: ['applicant'],
      effects: ['mark_ledger_paid'],
    },
  ],
} as const satisfies WorkflowDefinition<S2>;
