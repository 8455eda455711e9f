import { l } from './labels';
import type {
  Labels,
  Party,
  TransitionDefinition,
} from './workflow-definition';

/**
 * What every review stage offers besides moving the case on: return it for supplement (the
 * enterprise fixes the listed items and resubmits to the same stage) or reject it, both with a
 * comment.
 */
export function returnAndReject<S extends string>(
  stage: S,
  by: Party,
  returnedState: S,
  rejectedState: S,
  rejectLabel: Labels,
): TransitionDefinition<S>[] {
  return [
    {
      action: 'return_for_supplement',
      from: [stage],
      to: returnedState,
      by: [by],
      label: l('退回补正', 'Return for supplement'),
      commentRequired: true,
      guards: ['supplement_items_listed'],
      notify: ['applicant'],
      effects: [],
    },
    {
      action: 'resubmit',
      from: [returnedState],
      to: stage,
      by: ['enterprise'],
      label: l('补正后重新提交', 'Resubmit with the supplement'),
      commentRequired: false,
      guards: ['form_valid', 'materials_complete'],
      notify: ['holders'],
      effects: [{ kind: 'stage_timer' }],
    },
    {
      action: 'reject',
      from: [stage],
      to: rejectedState,
      by: [by],
      label: rejectLabel,
      commentRequired: true,
      guards: [],
      notify: ['applicant'],
      effects: [],
    },
  ];
}
