import {
  caseLines,
  deadlineLine,
  FOOTER,
  greeting,
  openAction,
} from './common';
import type { Template } from './message';

/** 80% of a stage's time is used: the desk that holds the case is reminded. */
export const stageReminderTemplate: Template<'stage_reminder'> = {
  'zh-CN': (d) => ({
    subject: `【办理提醒】${d.reference} ${d.typeLabel}即将到期`,
    greeting: greeting('zh-CN', d.recipientName),
    paragraphs: [
      `${d.companyName}的${d.typeLabel}申报（${d.reference}）在“${d.statusLabel}”环节的办理时限即将届满，请及时办理。`,
      ...deadlineLine('zh-CN', d.deadline),
    ],
    facts: caseLines('zh-CN', d),
    action: openAction('zh-CN', d.url),
    footer: FOOTER['zh-CN'],
  }),
  en: (d) => ({
    subject: `[Reminder] ${d.reference} ${d.typeLabel} is due soon`,
    greeting: greeting('en', d.recipientName),
    paragraphs: [
      `The time for "${d.statusLabel}" on the ${d.typeLabel} application ${d.reference} of ${d.companyName} is nearly used up. Please act on it.`,
      ...deadlineLine('en', d.deadline),
    ],
    facts: caseLines('en', d),
    action: openAction('en', d.url),
    footer: FOOTER.en,
  }),
};
