import type { Role } from '../access/roles';
import type { RegionLevel } from '../regions/region-code';

import type { ApplicationType } from '../programmes/registry';

export {
  APPLICATION_TYPES,
  type ApplicationType,
} from '../programmes/registry';

/** Who holds a state (whose move it is) or fires a transition. */
export const PARTIES = [
  'enterprise',
  'county',
  'city',
  'province',
  'expert',
  'bank',
  'provider',
  'system',
] as const;
export type Party = (typeof PARTIES)[number];

export interface Labels {
  readonly 'zh-CN': string;
  readonly en: string;
}

/** How a terminal state ended the case; null for states that are not an ending. */
export type Outcome =
  | 'granted'
  | 'refused'
  | 'withdrawn'
  | 'expired'
  | 'completed'
  | 'terminated';

export interface StateDefinition {
  /** What bureau staff see: the stage as the bureau works it. */
  readonly staffLabel: Labels;
  /** What the enterprise sees: plain public wording, never an internal stage name. */
  readonly applicantLabel: Labels;
  readonly terminal: boolean;
  readonly outcome: Outcome | null;
  /** Whose move it is; `system` for automated stages. */
  readonly holder: Party;
  /** Working days the holder has; null only where the enterprise holds (or the state is terminal). */
  readonly timeLimitDays: number | null;
  /**
   * The enterprise owes something by the time limit (a project's report, a supplementary round
   * with a deadline): the clock runs while it holds the case, with reminders and escalation.
   */
  readonly milestone?: boolean;
}

/** Named checks a transition needs to pass; the API implements each key once. */
export const GUARDS = {
  call_open: 'the call (申报批次) the application belongs to is open',
  call_quota:
    "the call's quota for the company's region (e.g. a county's recommendations) is not used up",
  materials_complete: 'every required material is uploaded',
  form_valid: 'the form passes its schema',
  eligibility_passed: 'the automated eligibility check passed',
  supplement_items_listed: 'a return lists at least one item to supplement',
  commitment_recorded:
    'the date by which the enterprise commits to provide the missing items',
  experts_drawn: 'at least 5 experts are drawn, >=60% technical, >=1 finance',
  all_experts_scored: 'every assigned expert has scored',
  no_open_objection: 'no objection is open',
  tech_sme_registered:
    'the company holds a tech-SME registration number for the year',
  not_registered_this_year:
    'the company is not already registered as a tech SME for this evaluation year',
  voucher_cap_available: "the company's yearly voucher cap covers the amount",
  contract_recorded:
    'a service contract with a registered provider is recorded',
  redemption_documents:
    'invoice, proof of payment and service result are uploaded',
  bank_chosen: 'a cooperating bank is chosen by the city',
  loan_terms_recorded: 'amount, rate and term are recorded',
  disbursement_recorded: 'the disbursement date and amount are recorded',
  budget_approved:
    'the funding granted is recorded, at most what the enterprise requested',
  midterm_report_uploaded: "the project's mid-term report is uploaded",
  final_report_uploaded: "the project's final report is uploaded",
  settlement_recorded:
    'the case is in a settlement batch of its city, paid on a date with a payment reference',
} as const;
export type GuardKey = keyof typeof GUARDS;

/** Who hears of a transition. `holders` are the holders of the state it moves to. */
export type NotifyTarget =
  | 'applicant'
  | 'holders'
  | 'previous_holders'
  | 'objector';

/**
 * Named effects a transition has besides moving the case; the API implements each key once
 * (`libs/api/applications/src/lib/effects`). Timers a trigger waits for (a notice's end, a
 * validity's end) are not listed: entering a state whose exit is triggered by them schedules them.
 */
export const EFFECTS = {
  run_auto_check:
    "queue the automated check of the form, the materials and the programme's eligibility rules",
  stage_timer:
    'start the clock of the state entered: a reminder at 80% of its time limit, escalation at 100%',
  commitment_deadline:
    'track the date by which the enterprise committed to provide the missing items',
  dismiss_objections: "close the public notice's open objections as dismissed",
  uphold_objections: "close the public notice's open objections as upheld",
  issue_certificate:
    "number the certificate in the province's series for the year, valid three years",
  issue_voucher: 'date the voucher granted, valid twelve months',
  issue_registration:
    'number the tech-SME registration for the evaluation year, valid until 31 March after it',
  remind_refiling:
    'remind the enterprise on 1 January to file for the next evaluation year',
  release_ledger:
    "give a voucher's unredeemed reservation back to the company's yearly cap",
  mark_ledger_paid:
    "mark the redemption's ledger booking paid by the settlement batch (its id, the payment date)",
} as const;
export type EffectKey = keyof typeof EFFECTS;

/**
 * What fires a system transition: the automated check's outcome, the experts' last score, the
 * end of the state's time limit (a public notice), or the end of the grant's validity.
 */
export type Trigger =
  | { readonly on: 'auto_check'; readonly outcome: 'passed' | 'failed' }
  | { readonly on: 'all_scored' }
  | { readonly on: 'time_limit_end' }
  | { readonly on: 'validity_end' };

/** What a programme's pages show beyond the common parts (form, materials, actions, timeline). */
export const CAPABILITIES = {
  expert_review: 'an expert panel is drawn and scores on the rubric',
  public_notice: 'a public notice during which anyone signed in may object',
  voucher_ledger: "grants reserve and spend the company's yearly voucher cap",
  voucher_settlement:
    'approved redemptions are paid in monthly batches per city, each with a payment date and reference',
} as const;
export type Capability = keyof typeof CAPABILITIES;

export interface TransitionDefinition<S extends string = string> {
  readonly action: string;
  readonly from: readonly S[];
  readonly to: S;
  /** The parties that may fire it; `system` transitions are fired by queue handlers only. */
  readonly by: readonly Party[];
  /** What bureau staff read of the step: in the history and on the action's button. */
  readonly label: Labels;
  /**
   * What the enterprise reads of the step in its history and its mail: plain public wording,
   * never an internal stage. Needed wherever `label` names one (an expert review, an automated
   * check, an objection review); without it the enterprise reads `label`, which validateWorkflow
   * then holds to the same rule.
   */
  readonly applicantLabel?: Labels;
  readonly commentRequired: boolean;
  readonly guards: readonly GuardKey[];
  readonly notify: readonly NotifyTarget[];
  readonly effects: readonly EffectKey[];
  /** For `system` transitions: what fires it. Queue handlers fire by trigger, never by action name. */
  readonly trigger?: Trigger;
  /** Anyone signed in may fire it (a real-name objection), not only the parties to the case. */
  readonly public?: boolean;
  /** A decision the enterprise must hear of even with status e-mails off (a grant, a loan, a failed check). */
  readonly decision?: boolean;
  /**
   * Fired for many cases at once by the page and endpoint of its own (a month's settlement),
   * never offered as a button on one case.
   */
  readonly batch?: boolean;
}

export interface WorkflowDefinition<S extends string = string> {
  readonly type: ApplicationType;
  /** Cases keep the version they started on; a new version never changes cases in flight. */
  readonly version: number;
  /** The policy document the rules implement. */
  readonly policy: string;
  readonly label: Labels;
  readonly initial: S;
  readonly capabilities: readonly Capability[];
  /** Effects of every transition that ends the case, whichever it is (a reservation given back). */
  readonly endEffects?: readonly EffectKey[];
  readonly states: { readonly [K in S]: StateDefinition };
  readonly transitions: readonly TransitionDefinition<S>[];
}

/** The party a membership acts as in a workflow. Bureau admins and auditors act in none. */
export function partyOf(role: Role, level: RegionLevel | null): Party | null {
  switch (role) {
    case 'enterprise_admin':
    case 'enterprise_member':
      return 'enterprise';
    case 'reviewer':
      return level;
    case 'expert':
      return 'expert';
    case 'bank_officer':
      return 'bank';
    case 'service_provider':
      return 'provider';
    case 'bureau_admin':
    case 'system_admin':
    case 'auditor':
      return null;
  }
}
