import { l, PUBLIC } from './labels';
import type {
  Labels,
  Party,
  StateDefinition,
  TransitionDefinition,
} from './workflow-definition';

/** The endings every programme has: rejected (with a comment) and withdrawn by the company. */
export const ENDINGS = {
  rejected: {
    staffLabel: l('未通过', 'Rejected'),
    applicantLabel: PUBLIC.rejected,
    terminal: true,
    outcome: 'refused',
    holder: 'system',
    timeLimitDays: null,
  },
  withdrawn: {
    staffLabel: l('已撤回', 'Withdrawn'),
    applicantLabel: PUBLIC.withdrawn,
    terminal: true,
    outcome: 'withdrawn',
    holder: 'system',
    timeLimitDays: null,
  },
} as const satisfies Record<string, StateDefinition>;

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
  /** What the enterprise reads of the rejection, where `rejectLabel` names an internal stage. */
  rejectApplicantLabel?: Labels,
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
      ...(rejectApplicantLabel ? { applicantLabel: rejectApplicantLabel } : {}),
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

/** A public notice and the province's review of its objections (see objectionsDuringNotice). */
export const NOTICE_STATES = {
  public_notice: {
    staffLabel: l('公示期', 'Public notice'),
    applicantLabel: l('公示中', 'In public notice'),
    terminal: false,
    outcome: null,
    holder: 'system',
    timeLimitDays: 10,
  },
  objection_review: {
    staffLabel: l('公示异议复核', 'Objection review'),
    applicantLabel: PUBLIC.province,
    terminal: false,
    outcome: null,
    holder: 'province',
    timeLimitDays: 15,
  },
} as const satisfies Record<string, StateDefinition>;

/** Everyone signed in who may lodge a real-name objection during a public notice. */
const EVERYONE_SIGNED_IN: readonly Party[] = [
  'enterprise',
  'county',
  'city',
  'province',
  'expert',
  'bank',
  'provider',
];

/**
 * A public notice's objections (公示异议): anyone signed in lodges one by real name, which sends
 * the case to the province's review; dismissed, the notice runs again; upheld, the case ends
 * refused. The notice's own end (a system transition on its time limit) is the programme's.
 */
export function objectionsDuringNotice<S extends string>(
  notice: S,
  review: S,
  refused: S,
  upholdLabel: Labels,
): TransitionDefinition<S>[] {
  return [
    {
      action: 'lodge_objection',
      from: [notice],
      to: review,
      by: EVERYONE_SIGNED_IN,
      label: l('实名提出异议', 'Lodge a real-name objection'),
      applicantLabel: l(
        '公示期间收到实名反映，复核中',
        'A real-name concern was raised during the notice: under review',
      ),
      public: true,
      commentRequired: true,
      guards: [],
      notify: ['holders', 'applicant'],
      effects: ['stage_timer'],
    },
    {
      action: 'dismiss_objection',
      from: [review],
      to: notice,
      by: ['province'],
      label: l('异议不成立', 'Dismiss the objection'),
      applicantLabel: l(
        '经复核反映不成立，公示继续',
        'Reviewed: the concern was not upheld, the notice continues',
      ),
      commentRequired: true,
      guards: [],
      notify: ['applicant', 'objector'],
      effects: ['dismiss_objections'],
    },
    {
      action: 'uphold_objection',
      from: [review],
      to: refused,
      by: ['province'],
      label: upholdLabel,
      applicantLabel: l(
        '经公示复核，未予通过',
        'Not approved after the review during the notice',
      ),
      commentRequired: true,
      guards: [],
      notify: ['applicant', 'objector'],
      effects: ['uphold_objections'],
    },
  ];
}
