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
      effects: ['stage_timer'],
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

/**
 * Acceptance with missing items (容缺受理): the reviewer moves the case on while listed items are
 * still missing, against the enterprise's commitment to provide them by a date that is tracked.
 */
export function acceptWithMissingItems<S extends string>(
  stage: S,
  by: Party,
  next: S,
  extraGuards: readonly TransitionDefinition<S>['guards'][number][] = [],
): TransitionDefinition<S> {
  return {
    action: 'accept_with_missing_items',
    from: [stage],
    to: next,
    by: [by],
    label: l('容缺受理', 'Accept with missing items'),
    commentRequired: true,
    guards: [...extraGuards, 'supplement_items_listed', 'commitment_recorded'],
    notify: ['applicant', 'holders'],
    effects: ['stage_timer', 'commitment_deadline'],
  };
}
