import type {
  Labels,
  Outcome,
  StateDefinition,
  WorkflowDefinition,
} from './workflow-definition';
import { stateOf } from './workflow-engine';

/** Endings a case is meant to reach: what the main path of a programme leads to. */
const SUCCESSFUL: readonly Outcome[] = ['granted', 'completed'];

/** Who reads the steps: the enterprise reads applicant labels, staff the bureau's. */
export type StepReader = 'applicant' | 'staff';

export type StepStatus = 'done' | 'current' | 'upcoming';

export interface CaseStep {
  /** The states the step stands for (consecutive states the reader sees under one name). */
  readonly states: readonly string[];
  readonly label: Labels;
  readonly status: StepStatus;
}

/** Where the case left the main path: a return it must answer, or an ending other than success. */
export interface CaseDetour {
  readonly kind: 'return' | 'ending';
  readonly state: string;
  readonly label: Labels;
  /** For an ending: how it ended (refused, withdrawn, expired, terminated). */
  readonly outcome: Outcome | null;
}

export interface CaseProgress {
  readonly steps: readonly CaseStep[];
  readonly detour: CaseDetour | null;
}

const statesOf = (definition: WorkflowDefinition) =>
  definition.states as Readonly<Record<string, StateDefinition>>;

/**
 * The programme's main path: the shortest walk from the initial state to a successful ending
 * (outcome granted or completed), which leaves out returns, refusals and withdrawals since
 * those never lie on it. A programme whose grant only lapses (no successful ending) walks to the
 * state that waits for the grant's validity to end.
 */
export function mainPath(definition: WorkflowDefinition): string[] {
  const states = statesOf(definition);
  const successful = (state: string) => {
    const s = states[state];
    return (
      s !== undefined &&
      s.outcome !== null &&
      s.terminal &&
      SUCCESSFUL.includes(s.outcome)
    );
  };
  const lapsingGrant = (state: string) => {
    const exits = definition.transitions.filter((t) => t.from.includes(state));
    return (
      exits.length > 0 && exits.every((t) => t.trigger?.on === 'validity_end')
    );
  };
  return (
    shortestPath(definition, successful) ??
    shortestPath(definition, lapsingGrant) ?? [definition.initial]
  );
}

function shortestPath(
  definition: WorkflowDefinition,
  isTarget: (state: string) => boolean,
): string[] | null {
  const previous = new Map<string, string | null>([[definition.initial, null]]);
  const queue = [definition.initial];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    if (isTarget(state)) {
      const path = [state];
      for (let p = previous.get(state); p; p = previous.get(p)) path.unshift(p);
      return path;
    }
    for (const t of definition.transitions) {
      if (!t.from.includes(state) || previous.has(t.to)) continue;
      previous.set(t.to, state);
      queue.push(t.to);
    }
  }
  return null;
}

/**
 * Where a case stands on its programme's main path, in the reader's wording: steps done, the
 * current one and those to come; a return or an ending off the path as a detour. `visited` are
 * the states the case has been in (its history), which tell where a detour left the path; without
 * them the latest main-path state leading into it is taken.
 */
export function caseProgress(
  definition: WorkflowDefinition,
  state: string,
  reader: StepReader,
  visited: readonly string[] = [],
): CaseProgress {
  const states = statesOf(definition);
  const path = mainPath(definition);
  const labelOf = (key: string): Labels => {
    const s = stateOf(definition, key);
    return reader === 'applicant' ? s.applicantLabel : s.staffLabel;
  };

  let at = path.indexOf(state);
  let detour: CaseDetour | null = null;
  if (at < 0) {
    const current = states[state];
    if (!current) throw new Error(`${definition.type} has no state "${state}"`);
    const lastVisited = visited
      .map((v) => path.indexOf(v))
      .filter((i) => i >= 0)
      .pop();
    const leadingIn = path
      .map((p, i) =>
        definition.transitions.some((t) => t.from.includes(p) && t.to === state)
          ? i
          : -1,
      )
      .filter((i) => i >= 0);
    at = lastVisited ?? leadingIn.pop() ?? 0;
    detour = {
      kind: current.terminal ? 'ending' : 'return',
      state,
      label: labelOf(state),
      outcome: current.outcome,
    };
  }

  // The last step reached is done: the successful ending, a grant that holds until it lapses,
  // and a grant that lapsed afterwards.
  const anchorDone = at === path.length - 1;
  const statusOf = (i: number): StepStatus =>
    i < at || (i === at && anchorDone)
      ? 'done'
      : i === at
        ? 'current'
        : 'upcoming';

  const steps: CaseStep[] = [];
  path.forEach((key, i) => {
    const label = labelOf(key);
    const status = statusOf(i);
    const previous = steps[steps.length - 1];
    if (
      previous &&
      previous.label['zh-CN'] === label['zh-CN'] &&
      previous.label.en === label.en
    ) {
      // The reader sees one stage here: it is current while any of its states is.
      const merged: StepStatus =
        previous.status === 'current' || status === 'current'
          ? 'current'
          : status;
      steps[steps.length - 1] = {
        states: [...previous.states, key],
        label,
        status: merged,
      };
    } else {
      steps.push({ states: [key], label, status });
    }
  });
  return { steps, detour };
}
