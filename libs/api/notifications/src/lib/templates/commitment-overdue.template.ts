import { caseLines, FOOTER, greeting, itemsList, openAction } from './common';
import type { Template } from './message';

/** The date an enterprise promised its missing items by (容缺受理) passed without them. */
export const commitmentOverdueTemplate: Template<'commitment_overdue'> = {
  'zh-CN': (d) => ({
    subject: `【容缺承诺逾期】${d.reference} 承诺补交的材料未按期提交`,
    greeting: greeting('zh-CN', d.recipientName),
    paragraphs: [
      `${d.companyName}的${d.typeLabel}申报（${d.reference}）在容缺受理时承诺于 ${d.dueOn} 前补交材料，截至目前尚未提交。`,
    ],
    facts: caseLines('zh-CN', d),
    list: itemsList('zh-CN', d.items),
    action: openAction('zh-CN', d.url),
    footer: FOOTER['zh-CN'],
  }),
  en: (d) => ({
    subject: `[Commitment overdue] ${d.reference}: promised items not provided`,
    greeting: greeting('en', d.recipientName),
    paragraphs: [
      `When the ${d.typeLabel} application ${d.reference} of ${d.companyName} was accepted with missing items, they were promised by ${d.dueOn}. They have not been provided.`,
    ],
    facts: caseLines('en', d),
    list: itemsList('en', d.items),
    action: openAction('en', d.url),
    footer: FOOTER.en,
  }),
};
