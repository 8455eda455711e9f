import {
  caseLines,
  englishWorkingDays,
  FOOTER,
  greeting,
  openAction,
} from './common';
import type { Template } from './message';

/** A call closes in a few working days and the company's application is still a draft. */
export const draftReminderTemplate: Template<'draft_reminder'> = {
  'zh-CN': (d) => ({
    subject: `【申报截止提醒】${d.callTitle}将于 ${d.closesOn} 截止`,
    greeting: greeting('zh-CN', d.recipientName),
    paragraphs: [
      `“${d.callTitle}”将于 ${d.closesOn} 截止（还剩 ${d.workingDaysLeft} 个工作日），贵单位的申报（${d.reference}）尚未提交。逾期将无法提交。`,
    ],
    facts: caseLines('zh-CN', d),
    action: openAction('zh-CN', d.url),
    footer: FOOTER['zh-CN'],
  }),
  en: (d) => ({
    subject: `[Closing soon] ${d.callTitle} closes on ${d.closesOn}`,
    greeting: greeting('en', d.recipientName),
    paragraphs: [
      `"${d.callTitle}" closes on ${d.closesOn} (${englishWorkingDays(d.workingDaysLeft)} left) and your application ${d.reference} is still a draft. It cannot be submitted after the call closes.`,
    ],
    facts: caseLines('en', d),
    action: openAction('en', d.url),
    footer: FOOTER.en,
  }),
};
