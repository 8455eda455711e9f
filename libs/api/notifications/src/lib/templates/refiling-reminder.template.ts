import { caseLines, FOOTER, greeting, openAction } from './common';
import type { Template } from './message';

/**
 * 1 January after a tech-SME registration (入库编号): file this year's evaluation before the
 * registration lapses on 31 March.
 */
export const refilingReminderTemplate: Template<'refiling_reminder'> = {
  'zh-CN': (d) => ({
    subject: `【科技型中小企业】${d.reference} 入库编号将于 ${d.validUntil} 到期，请及时办理新年度评价`,
    greeting: greeting('zh-CN', d.recipientName),
    paragraphs: [
      `${d.companyName}的入库编号 ${d.number} 有效期至 ${d.validUntil}。自 ${d.refilingOpensOn} 起可在本平台填报新年度评价；入库编号到期失效后，需要有效入库编号的贷款等项目将不予受理。`,
    ],
    facts: caseLines('zh-CN', d),
    action: openAction('zh-CN', d.url),
    footer: FOOTER['zh-CN'],
  }),
  en: (d) => ({
    subject: `[Tech SME] ${d.reference}: registration ${d.number} ends on ${d.validUntil}: file this year's evaluation`,
    greeting: greeting('en', d.recipientName),
    paragraphs: [
      `The registration number ${d.number} of ${d.companyName} is valid until ${d.validUntil}. This year's evaluation can be filed in the portal from ${d.refilingOpensOn}. Once the registration lapses, a loan or other programme that needs a valid registration will refuse the company.`,
    ],
    facts: caseLines('en', d),
    action: openAction('en', d.url),
    footer: FOOTER.en,
  }),
};
