import type { Message } from './message';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

export interface RenderedMessage {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The in-portal notice: what happened and the list, without greeting, link or footer. */
  readonly notice: string;
}

/** One layout for every template: the plain-text part and the HTML part say the same. */
export function layOut(message: Message): RenderedMessage {
  const text = [
    message.greeting,
    '',
    ...message.paragraphs.flatMap((p) => [p, '']),
    ...message.facts.map(([label, value]) => `${label}: ${value}`),
    ...(message.list
      ? [
          '',
          message.list.title,
          ...message.list.items.map((i, n) => `${n + 1}. ${i}`),
        ]
      : []),
    '',
    `${message.action.label}: ${message.action.url}`,
    '',
    '--',
    message.footer,
  ].join('\n');

  const facts = message.facts
    .map(
      ([label, value]) =>
        `<tr><th style="text-align:left;padding:2px 12px 2px 0;color:#555;font-weight:normal">${escapeHtml(label)}</th><td style="padding:2px 0">${escapeHtml(value)}</td></tr>`,
    )
    .join('');
  const list = message.list
    ? `<p><strong>${escapeHtml(message.list.title)}</strong></p><ol>${message.list.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ol>`
    : '';
  const html = `<!doctype html><html><body style="font-family:sans-serif;font-size:14px;color:#222;max-width:640px">
<p>${escapeHtml(message.greeting)}</p>
${message.paragraphs.map((p) => `<p style="white-space:pre-line">${escapeHtml(p)}</p>`).join('\n')}
<table>${facts}</table>
${list}
<p><a href="${escapeHtml(message.action.url)}">${escapeHtml(message.action.label)}</a></p>
<hr><p style="color:#888;font-size:12px">${escapeHtml(message.footer)}</p>
</body></html>`;
  const notice = [
    ...message.paragraphs,
    ...(message.list
      ? [
          message.list.title,
          ...message.list.items.map((i, n) => `${n + 1}. ${i}`),
        ]
      : []),
  ].join('\n');
  return { subject: message.subject, text, html, notice };
}
