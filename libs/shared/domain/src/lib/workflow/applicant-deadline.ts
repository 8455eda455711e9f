import { APPLICATION_TYPES } from '../programmes/registry';
import type {
  ApplicationType,
  WorkflowDefinition,
} from './workflow-definition';
import { WORKFLOW_VERSIONS } from './workflows';

/**
 * Where a case stands for the company that filed it: a draft not yet submitted, back with the
 * company (a return, a milestone it owes), with the bureau (or a bank, an expert...), finished.
 */
export const APPLICATION_PHASES = [
  'draft',
  'with_you',
  'in_review',
  'finished',
] as const;
export type ApplicationPhase = (typeof APPLICATION_PHASES)[number];

export function applicationPhase(
  definition: WorkflowDefinition,
  state: string,
): ApplicationPhase {
  const definitionOf = definition.states[state];
  if (!definitionOf || definitionOf.terminal) return 'finished';
  if (state === definition.initial) return 'draft';
  return definitionOf.holder === 'enterprise' ? 'with_you' : 'in_review';
}

/** The states of each programme (every version) that are in a phase: what a list filters on. */
export function statesInPhase(
  phase: ApplicationPhase,
): { readonly type: ApplicationType; readonly states: readonly string[] }[] {
  return APPLICATION_TYPES.map((type) => {
    const states = new Set<string>();
    for (const definition of WORKFLOW_VERSIONS[type])
      for (const state of Object.keys(definition.states))
        if (applicationPhase(definition, state) === phase) states.add(state);
    return { type, states: [...states].sort() };
  }).filter((entry) => entry.states.length > 0);
}

/** What the next deadline the company has to meet is about. */
export type ApplicantDeadlineKind =
  /** A draft: the call takes applications until it closes. */
  | 'call_closes'
  /** A milestone the company owes (a project's report, committed items). */
  | 'milestone'
  /** A return for supplement or another step the company answers by a date. */
  | 'answer';

export interface ApplicantDeadline {
  readonly kind: ApplicantDeadlineKind;
  /** ISO 8601 moment. */
  readonly at: string;
}

/**
 * The next deadline that applies to the company on a case: the call's closing for a draft, the
 * stage's limit while the company holds the case; none while others hold it or once it ended.
 */
export function applicantNextDeadline(
  definition: WorkflowDefinition,
  state: string,
  dueAt: string | null,
  callClosesAt: string | null,
): ApplicantDeadline | null {
  const phase = applicationPhase(definition, state);
  if (phase === 'draft')
    return callClosesAt ? { kind: 'call_closes', at: callClosesAt } : null;
  if (phase !== 'with_you' || !dueAt) return null;
  return {
    kind: definition.states[state]?.milestone ? 'milestone' : 'answer',
    at: dueAt,
  };
}
