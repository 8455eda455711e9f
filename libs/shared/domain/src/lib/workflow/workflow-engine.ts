import type { MembershipGrant } from '../access/roles';
import type {
  Labels,
  Party,
  StateDefinition,
  TransitionDefinition,
  Trigger,
  WorkflowDefinition,
} from './workflow-definition';
import { partyOf } from './workflow-definition';

/** The parties a user acts as, from their memberships (a reviewer of a county acts as `county`). */
export function partiesOf(memberships: readonly MembershipGrant[]): Party[] {
  const parties = memberships
    .map((m) => partyOf(m.role, m.level))
    .filter((p): p is Party => p !== null);
  return [...new Set(parties)];
}

export function stateOf(
  definition: WorkflowDefinition,
  state: string,
): StateDefinition {
  const found = (
    definition.states as Record<string, StateDefinition | undefined>
  )[state];
  if (!found)
    throw new Error(
      `${definition.type} v${definition.version} has no state "${state}"`,
    );
  return found;
}

/** The actions the parties may fire in `state` on the case itself, in definition order. */
export function availableActions(
  definition: WorkflowDefinition,
  state: string,
  parties: readonly Party[],
): TransitionDefinition[] {
  return definition.transitions.filter(
    (t) =>
      !t.batch &&
      t.from.includes(state) &&
      t.by.some((party) => parties.includes(party)),
  );
}

export type TransitionCheck =
  | { readonly allowed: true; readonly transition: TransitionDefinition }
  | {
      readonly allowed: false;
      readonly reason: 'unknown_action' | 'wrong_state' | 'not_permitted';
    };

/**
 * Whether `action` may be fired in `state` by these parties. Guards (data checks) and region
 * scope are the API's to check on top; this answers what the definition allows.
 */
export function canTransition(
  definition: WorkflowDefinition,
  state: string,
  action: string,
  parties: readonly Party[],
): TransitionCheck {
  const named = definition.transitions.filter((t) => t.action === action);
  if (named.length === 0) return { allowed: false, reason: 'unknown_action' };
  const here = named.filter((t) => t.from.includes(state));
  if (here.length === 0) return { allowed: false, reason: 'wrong_state' };
  const transition = here.find((t) =>
    t.by.some((party) => parties.includes(party)),
  );
  return transition
    ? { allowed: true, transition }
    : { allowed: false, reason: 'not_permitted' };
}

export interface ApplicantStatus {
  readonly label: Labels;
  readonly terminal: boolean;
  /** Whether the enterprise has to act now. */
  readonly waitingForApplicant: boolean;
}

/** What the enterprise sees of a state: only the public wording, never the internal stage. */
export function applicantStatus(
  definition: WorkflowDefinition,
  state: string,
): ApplicantStatus {
  const s = stateOf(definition, state);
  return {
    label: s.applicantLabel,
    terminal: s.terminal,
    waitingForApplicant: s.holder === 'enterprise' && !s.terminal,
  };
}

/** Who holds the case once it is in `state` (null when it has ended). */
export function nextHolders(
  definition: WorkflowDefinition,
  state: string,
): Party | null {
  const s = stateOf(definition, state);
  return s.terminal ? null : s.holder;
}

const sameTrigger = (a: Trigger, b: Trigger) =>
  a.on === b.on &&
  (a.on !== 'auto_check' || b.on !== 'auto_check' || a.outcome === b.outcome);

/** The system transition `trigger` fires in `state`; null when nothing waits for it there. */
export function systemTransition(
  definition: WorkflowDefinition,
  state: string,
  trigger: Trigger,
): TransitionDefinition | null {
  return (
    definition.transitions.find(
      (t) =>
        t.from.includes(state) &&
        t.trigger !== undefined &&
        sameTrigger(t.trigger, trigger),
    ) ?? null
  );
}

/** Whether a case entering `state` waits for `on` (so entering it schedules that timer). */
export function waitsFor(
  definition: WorkflowDefinition,
  state: string,
  on: Trigger['on'],
): boolean {
  return definition.transitions.some(
    (t) => t.from.includes(state) && t.trigger?.on === on,
  );
}

/** The states of a public notice: those in which anyone signed in may object. */
export function publicNoticeStates(definition: WorkflowDefinition): string[] {
  return Object.keys(definition.states).filter((state) =>
    definition.transitions.some((t) => t.public && t.from.includes(state)),
  );
}

/** The transition that puts a case in `state` into public notice; null where none does. */
export function noticeStart(
  definition: WorkflowDefinition,
  state: string,
): TransitionDefinition | null {
  const notices = publicNoticeStates(definition);
  return (
    definition.transitions.find(
      (t) => t.from.includes(state) && !t.trigger && notices.includes(t.to),
    ) ?? null
  );
}

/** The parties that may put some case of this programme into public notice. */
export function noticeStarters(definition: WorkflowDefinition): Party[] {
  const notices = publicNoticeStates(definition);
  return [
    ...new Set(
      definition.transitions
        .filter((t) => !t.trigger && notices.includes(t.to))
        .flatMap((t) => t.by),
    ),
  ];
}

/** What the enterprise reads of a step: its applicant wording, or its label where that is public. */
export function applicantWording(transition: TransitionDefinition): Labels {
  return transition.applicantLabel ?? transition.label;
}

/**
 * Whether the enterprise reads a step's comment and listed items: those of its own steps and of
 * the steps it is told of (a return, a decision), as its mail carries them. A comment between
 * bureau stages (sending a case to experts, an expert panel's close) stays with the staff.
 */
export function addressedToApplicant(
  transition: TransitionDefinition,
): boolean {
  return (
    transition.by.includes('enterprise') ||
    transition.notify.includes('applicant')
  );
}
