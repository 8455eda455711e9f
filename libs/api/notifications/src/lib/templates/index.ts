import type { Language, NotificationKind } from '@portal/contracts';
import { commitmentOverdueTemplate } from './commitment-overdue.template';
import { companyVerificationTemplate } from './company-verification.template';
import { digestTemplate } from './digest.template';
import { draftReminderTemplate } from './draft-reminder.template';
import { layOut, type RenderedMessage } from './layout';
import type { Template, TemplateData } from './message';
import { refilingReminderTemplate } from './refiling-reminder.template';
import { stageEscalationTemplate } from './stage-escalation.template';
import { stageReminderTemplate } from './stage-reminder.template';
import { statusChangeTemplate } from './status-change.template';

export type { RenderedMessage } from './layout';
export type * from './message';

/** Every template, by kind: the files beside this one, reviewed like code. */
export const TEMPLATES: { readonly [K in NotificationKind]: Template<K> } = {
  status_change: statusChangeTemplate,
  stage_reminder: stageReminderTemplate,
  stage_escalation: stageEscalationTemplate,
  commitment_overdue: commitmentOverdueTemplate,
  refiling_reminder: refilingReminderTemplate,
  draft_reminder: draftReminderTemplate,
  company_verification: companyVerificationTemplate,
  digest: digestTemplate,
};

export function render<K extends NotificationKind>(
  kind: K,
  language: Language,
  data: TemplateData[K],
): RenderedMessage {
  const template = TEMPLATES[kind] as Template<K>;
  return layOut(template[language](data));
}
