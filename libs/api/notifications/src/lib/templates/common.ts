import type { Language } from '@portal/contracts';
import type { CaseFacts, Message } from './message';

/** The lines every case message carries, in the recipient's language. */
export function caseLines(language: Language, d: CaseFacts): Message['facts'] {
  return language === 'zh-CN'
    ? [
        ['申报编号', d.reference],
        ['申报类型', d.typeLabel],
        ['申报单位', d.companyName],
        ['当前状态', d.statusLabel],
      ]
    : [
        ['Reference', d.reference],
        ['Type', d.typeLabel],
        ['Company', d.companyName],
        ['Status', d.statusLabel],
      ];
}

export function greeting(language: Language, name: string): string {
  return language === 'zh-CN' ? `${name}，您好：` : `Dear ${name},`;
}

export function openAction(language: Language, url: string): Message['action'] {
  return {
    label: language === 'zh-CN' ? '在门户中查看' : 'Open in the portal',
    url,
  };
}

export const FOOTER: Readonly<Record<Language, string>> = {
  'zh-CN':
    '本邮件由科技局企业服务门户自动发送，请勿直接回复。您可在门户“账户设置”中调整邮件通知。',
  en: 'Sent by the S&T Bureau Enterprise Portal; please do not reply. You can change your e-mail notifications under Account in the portal.',
};

const ENGLISH_PLURALS = new Intl.PluralRules('en');

/** "1 working day", "3 working days": English counts with their plural form. */
export function englishWorkingDays(count: number): string {
  return `${count} working ${ENGLISH_PLURALS.select(count) === 'one' ? 'day' : 'days'}`;
}

export function deadlineLine(
  language: Language,
  deadline: CaseFacts['deadline'],
): string[] {
  if (!deadline) return [];
  return [
    language === 'zh-CN'
      ? `办理时限：${deadline.days} 个工作日，截至 ${deadline.dueOn}。`
      : `Time to act: ${englishWorkingDays(deadline.days)}, until ${deadline.dueOn}.`,
  ];
}

export function commentLine(
  language: Language,
  comment: string | null,
): string[] {
  if (!comment) return [];
  return [
    language === 'zh-CN' ? `办理意见：${comment}` : `Comment: ${comment}`,
  ];
}

export function itemsList(
  language: Language,
  items: readonly string[],
): Message['list'] {
  if (!items.length) return undefined;
  return {
    title: language === 'zh-CN' ? '需补正的事项：' : 'What to supplement:',
    items,
  };
}
