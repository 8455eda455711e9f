import type {
  Party,
  TransitionDefinition,
  WorkflowDefinition,
} from '../workflow/workflow-definition';

/** What a notification is about; each has its own template. */
export const NOTIFICATION_KINDS = [
  'status_change',
  'stage_reminder',
  'stage_escalation',
  'commitment_overdue',
  'refiling_reminder',
  'draft_reminder',
  'company_verification',
  'digest',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The preference groups a user can turn e-mail on or off for. */
export const NOTIFICATION_CATEGORIES = [
  'status_change',
  'reminder',
  'digest',
] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

/** The preference a kind of notification falls under. */
export const NOTIFICATION_CATEGORY: {
  readonly [K in NotificationKind]: NotificationCategory;
} = {
  status_change: 'status_change',
  stage_reminder: 'reminder',
  stage_escalation: 'reminder',
  commitment_overdue: 'reminder',
  refiling_reminder: 'reminder',
  draft_reminder: 'reminder',
  company_verification: 'status_change',
  digest: 'digest',
};

/** Parties whose members may take one daily digest instead of a mail per case. */
export const DIGEST_PARTIES: readonly Party[] = [
  'county',
  'city',
  'province',
  'expert',
  'bank',
  'provider',
];

/**
 * Whether the enterprise must hear of this transition whatever its preferences say: a decision
 * (voucher, loan, a failed automated check), an ending (rejection, certificate, expiry…) or a
 * return for supplement.
 */
export function applicantMustHear(
  definition: WorkflowDefinition,
  transition: TransitionDefinition,
): boolean {
  const target = definition.states[transition.to];
  if (!target) return false;
  return (
    transition.decision === true ||
    target.terminal ||
    transition.guards.includes('supplement_items_listed')
  );
}

/** The supervising level a stage is escalated to when its time runs out. */
export function supervisingParty(holder: Party): Party | null {
  switch (holder) {
    case 'county':
      return 'city';
    case 'city':
      return 'province';
    case 'expert':
    case 'province':
      return 'province';
    // A report the enterprise owes (a project milestone) escalates to the county supervising it.
    case 'enterprise':
      return 'county';
    case 'bank':
    case 'provider':
    case 'system':
      return null;
  }
}
