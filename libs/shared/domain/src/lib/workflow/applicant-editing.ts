import type { MaterialPhase } from '../forms/form-schema';
import type { GuardKey, WorkflowDefinition } from './workflow-definition';
import { stateOf } from './workflow-engine';

/** What a guard on the enterprise's way out of a state needs it to have edited there. */
const EDITED_FOR: { readonly [K in GuardKey]?: 'form' | MaterialPhase } = {
  form_valid: 'form',
  materials_complete: 'application',
  redemption_documents: 'redemption',
  midterm_report_uploaded: 'midterm',
  final_report_uploaded: 'final',
};

export interface ApplicantEditing {
  /** The application form is open for changes (a draft, a return for supplement). */
  readonly form: boolean;
  /** The material phases the enterprise uploads and removes files of here. */
  readonly materialPhases: readonly MaterialPhase[];
}

/**
 * What the enterprise edits while its case is in `state`: what the steps it may take from there
 * check. A draft or a return opens the form and the application's materials; a granted voucher
 * opens nothing until its redemption, which opens the redemption's documents only.
 */
export function applicantEditing(
  definition: WorkflowDefinition,
  state: string,
): ApplicantEditing {
  const s = stateOf(definition, state);
  if (s.terminal || s.holder !== 'enterprise')
    return { form: false, materialPhases: [] };
  const edited = new Set(
    definition.transitions
      .filter((t) => t.from.includes(state) && t.by.includes('enterprise'))
      .flatMap((t) => t.guards.map((g) => EDITED_FOR[g]))
      .filter((e) => e !== undefined),
  );
  return {
    form: edited.has('form'),
    materialPhases: [...edited].filter((e): e is MaterialPhase => e !== 'form'),
  };
}

/**
 * The step that hands the edited form in from `state` (a submission, a resubmission after a
 * return): the enterprise's way out that checks the form. Null where the form is not handed in.
 */
export function submittingTransition(
  definition: WorkflowDefinition,
  state: string,
): WorkflowDefinition['transitions'][number] | null {
  return (
    definition.transitions.find(
      (t) =>
        t.from.includes(state) &&
        t.by.includes('enterprise') &&
        t.guards.includes('form_valid'),
    ) ?? null
  );
}
