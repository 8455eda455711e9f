import {
  caseLines,
  commentLine,
  deadlineLine,
  FOOTER,
  greeting,
  itemsList,
  openAction,
} from './common';
import type { Template } from './message';

/** A case moved on: to the enterprise, the next desk, and whoever the definition names. */
export const statusChangeTemplate: Template<'status_change'> = {
  'zh-CN': (d) => ({
    subject: `【${d.reference}】${d.typeLabel}：${d.statusLabel}`,
    greeting: greeting('zh-CN', d.recipientName),
    paragraphs: [
      `${d.companyName}的${d.typeLabel}申报（${d.reference}）已办理“${d.actionLabel}”，当前状态为“${d.statusLabel}”。`,
      ...commentLine('zh-CN', d.comment),
      ...deadlineLine('zh-CN', d.deadline),
    ],
    facts: caseLines('zh-CN', d),
    list: itemsList('zh-CN', d.items),
    action: openAction('zh-CN', d.url),
    footer: FOOTER['zh-CN'],
  }),
  en: (d) => ({
    subject: `[${d.reference}] ${d.typeLabel}: ${d.statusLabel}`,
    greeting: greeting('en', d.recipientName),
    paragraphs: [
      `"${d.actionLabel}" was recorded on the ${d.typeLabel} application ${d.reference} of ${d.companyName}. Its status is now "${d.statusLabel}".`,
      ...commentLine('en', d.comment),
      ...deadlineLine('en', d.deadline),
    ],
    facts: caseLines('en', d),
    list: itemsList('en', d.items),
    action: openAction('en', d.url),
    footer: FOOTER.en,
  }),
};
