import type { Role } from '../access/roles';
import type { RegionLevel } from '../regions/region-code';

export const APPLICATION_TYPES = [
  'high_tech',
  'innovation_voucher',
  'transformation_loan',
] as const;
export type ApplicationType = (typeof APPLICATION_TYPES)[number];

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
  | 'completed';

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
  voucher_cap_available: "the company's yearly voucher cap covers the amount",
  contract_recorded:
    'a service contract with a registered provider is recorded',
  redemption_documents:
    'invoice, proof of payment and service result are uploaded',
  bank_chosen: 'a cooperating bank is chosen by the city',
  loan_terms_recorded: 'amount, rate and term are recorded',
  disbursement_recorded: 'the disbursement date and amount are recorded',
} as const;
export type GuardKey = keyof typeof GUARDS;

/** Who hears of a transition. `holders` are the holders of the state it moves to. */
export type NotifyTarget =
  | 'applicant'
  | 'holders'
  | 'previous_holders'
  | 'objector';

/** What Bull does after the transition commits. */
export type Effect =
  | {
      readonly kind: 'job';
      readonly job: 'auto_check' | 'issue_certificate' | 'issue_voucher';
    }
  | { readonly kind: 'stage_timer' }
  | {
      readonly kind: 'expiry';
      readonly at: 'public_notice_end' | 'voucher_validity_end';
    }
  /** Tracks the enterprise's commitment to provide missing items by its date. */
  | { readonly kind: 'commitment_deadline' }
  /** Closes the open objections of a public notice with this outcome. */
  | { readonly kind: 'objections'; readonly resolve: 'dismissed' | 'upheld' };

export interface TransitionDefinition<S extends string = string> {
  readonly action: string;
  readonly from: readonly S[];
  readonly to: S;
  /** The parties that may fire it; `system` transitions are fired by queue handlers only. */
  readonly by: readonly Party[];
  readonly label: Labels;
  readonly commentRequired: boolean;
  readonly guards: readonly GuardKey[];
  readonly notify: readonly NotifyTarget[];
  readonly effects: readonly Effect[];
  /** Anyone signed in may fire it (a real-name objection), not only the parties to the case. */
  readonly public?: boolean;
  /** A decision the enterprise must hear of even with status e-mails off (a grant, a loan, a failed check). */
  readonly decision?: boolean;
}

export interface WorkflowDefinition<S extends string = string> {
  readonly type: ApplicationType;
  /** Cases keep the version they started on; a new version never changes cases in flight. */
  readonly version: number;
  /** The policy document the rules implement. */
  readonly policy: string;
  readonly label: Labels;
  readonly initial: S;
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
