import { FOOTER, greeting } from './common';
import type { Template } from './message';

/** A reviewer's one daily mail instead of one per status change. */
export const digestTemplate: Template<'digest'> = {
  'zh-CN': (d) => ({
    subject: `【每日汇总】${d.date} 共 ${d.lines.length + d.more} 条申报动态`,
    greeting: greeting('zh-CN', d.recipientName),
    paragraphs: [
      `以下是您在 ${d.date} 的申报动态汇总。`,
      ...(d.more ? [`另有 ${d.more} 条未列出，请在门户中查看。`] : []),
    ],
    facts: [],
    list: { title: '申报动态：', items: d.lines },
    action: { label: '打开待办', url: d.url },
    footer: FOOTER['zh-CN'],
  }),
  en: (d) => ({
    subject: `[Daily digest] ${d.lines.length + d.more} updates on ${d.date}`,
    greeting: greeting('en', d.recipientName),
    paragraphs: [
      `Here is what happened to your cases on ${d.date}.`,
      ...(d.more
        ? [`${d.more} more are not listed; see them in the portal.`]
        : []),
    ],
    facts: [],
    list: { title: 'Updates:', items: d.lines },
    action: { label: 'Open my inbox', url: d.url },
    footer: FOOTER.en,
  }),
};
