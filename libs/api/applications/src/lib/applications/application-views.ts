import type {
  ApplicationEntity,
  ApplicationEventEntity,
  AttachmentEntity,
  SummaryFields,
} from '@portal/api-db';
import type {
  ApplicationDetail,
  ApplicationEventView,
  ApplicationStatusView,
  ChangesSinceReturnView,
  ApplicationSummary,
  AttachmentView,
  AvailableAction,
  SupplementItem,
} from '@portal/contracts';
import { returnSnapshotOf } from '@portal/api-engine';
import {
  addressedToApplicant,
  applicantEditing,
  changesSinceReturn,
  applicantStatus,
  applicantWording,
  stateOf,
  workflowVersion,
  type Party,
} from '@portal/domain';

/** What the reader may see: enterprises read public wording only. */
export interface Reader {
  readonly asStaff: boolean;
  readonly parties: readonly Party[];
}

export function statusView(
  application: Pick<
    ApplicationEntity,
    'type' | 'workflowVersion' | 'state' | 'holder'
  >,
  asStaff: boolean,
): ApplicationStatusView {
  const definition = workflowVersion(
    application.type,
    application.workflowVersion,
  );
  const state = stateOf(definition, application.state);
  const status = applicantStatus(definition, application.state);
  return {
    state: application.state,
    label: status.label,
    stage: asStaff ? state.staffLabel : null,
    terminal: status.terminal,
    waitingForApplicant: status.waitingForApplicant,
    holder: application.holder,
  };
}

export function summaryView(
  application: SummaryFields,
  companyName: string,
  callTitle: string,
  asStaff: boolean,
  /** The portal's now: decides `overdue`. */
  now: Date,
): ApplicationSummary {
  const definition = workflowVersion(
    application.type,
    application.workflowVersion,
  );
  return {
    id: application.id,
    reference: application.reference,
    type: application.type,
    title: definition.label,
    companyId: application.organisationId,
    companyName,
    countyCode: application.countyCode,
    callId: application.callId,
    callTitle,
    status: statusView(application, asStaff),
    version: application.version,
    stateEnteredAt: application.stateEnteredAt.toISOString(),
    dueAt: application.dueAt?.toISOString() ?? null,
    overdue: application.dueAt !== null && application.dueAt < now,
    submittedAt: application.submittedAt?.toISOString() ?? null,
    updatedAt: application.updatedAt.toISOString(),
  };
}

export function attachmentView(a: AttachmentEntity): AttachmentView {
  return {
    id: a.id,
    materialKey: a.materialKey,
    fileName: a.fileName,
    kind: a.kind,
    sizeBytes: a.sizeBytes,
    sha256: a.sha256,
    uploadedAt: a.uploadedAt.toISOString(),
  };
}

export function eventView(
  application: ApplicationEntity,
  event: ApplicationEventEntity,
  asStaff: boolean,
): ApplicationEventView {
  const definition = workflowVersion(
    application.type,
    application.workflowVersion,
  );
  const to = stateOf(definition, event.toState);
  const transition = definition.transitions.find(
    (t) => t.action === event.action && t.to === event.toState,
  );
  const items = event.payload['items'];
  // The enterprise reads a step in its public wording, and its comment and items only where the
  // step is addressed to it (its own, or one it is told of): a remark between bureau stages stays.
  const addressed = asStaff || !transition || addressedToApplicant(transition);
  return {
    seq: event.seq,
    action: event.action,
    actionLabel: (transition &&
      (asStaff ? transition.label : applicantWording(transition))) ??
      EVENT_LABELS[event.action] ?? { 'zh-CN': event.action, en: event.action },
    from: event.fromState,
    to: event.toState,
    toLabel: asStaff ? to.staffLabel : to.applicantLabel,
    party: event.party,
    actorName: asStaff || event.party === 'enterprise' ? event.actorName : null,
    comment: addressed ? event.comment : null,
    items:
      addressed && Array.isArray(items) ? (items as SupplementItem[]) : null,
    createdAt: event.createdAt.toISOString(),
    ...(asStaff && transition && !addressedToApplicant(transition)
      ? { internal: true }
      : {}),
  };
}

/** Events that are not transitions of the definition. */
const EVENT_LABELS: Readonly<Record<string, { 'zh-CN': string; en: string }>> =
  {
    create: { 'zh-CN': '创建申报', en: 'Created' },
    fulfil_commitment: {
      'zh-CN': '补齐容缺材料',
      en: 'Provided the promised items',
    },
  };

export function detailView(
  summary: ApplicationSummary,
  application: ApplicationEntity,
  events: readonly ApplicationEventEntity[],
  attachments: readonly AttachmentEntity[],
  available: readonly AvailableAction[],
  asStaff: boolean,
  dueInWorkingDays: number | null = null,
): ApplicationDetail {
  return {
    ...summary,
    workflowVersion: application.workflowVersion,
    form: application.form,
    materials: attachments.map(attachmentView),
    events: events.map((e) => eventView(application, e, asStaff)),
    availableActions: available,
    autoCheck: application.autoCheck,
    supplementItems: application.supplementItems,
    decision: application.decision,
    dueInWorkingDays,
    changesSinceReturn: asStaff
      ? changesView(application, events, attachments)
      : null,
  };
}

/** The last return's recorded case against the case now, once the enterprise has handed it back. */
function changesView(
  application: ApplicationEntity,
  events: readonly ApplicationEventEntity[],
  attachments: readonly AttachmentEntity[],
): ChangesSinceReturnView | null {
  const definition = workflowVersion(
    application.type,
    application.workflowVersion,
  );
  if (applicantEditing(definition, application.state).form) return null;
  const returned = [...events].reverse().find((e) => returnSnapshotOf(e));
  const snapshot = returned && returnSnapshotOf(returned);
  if (!returned || !snapshot) return null;
  const changes = changesSinceReturn(snapshot, application.form, attachments);
  return {
    returnedAt: returned.createdAt.toISOString(),
    fields: changes.fields.map((f) => ({
      key: f.key,
      before: f.before ?? null,
      after: f.after ?? null,
    })),
    materials: changes.materials,
  };
}
