import type { OutgoingMail } from '@portal/api-mail';

export interface InvitationMailData {
  readonly to: string;
  readonly companyName: string;
  readonly inviterName: string;
  readonly link: string;
  readonly expiresAt: Date;
}

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[
        c
      ] as string,
  );

/**
 * The recipient has no account yet, so no known language: the invitation says it in Chinese,
 * then in English.
 */
export function renderInvitationMail(data: InvitationMailData): OutgoingMail {
  const until = data.expiresAt.toISOString().slice(0, 10);
  const text = [
    `${data.inviterName} 邀请您加入「${data.companyName}」在科技局企业服务门户的账号。`,
    `请在 ${until} 前打开以下链接设置密码：`,
    data.link,
    '',
    `${data.inviterName} invited you to join ${data.companyName} on the S&T Bureau Enterprise Portal.`,
    `Open this link before ${until} to set your password:`,
    data.link,
  ].join('\n');
  const link = escape(data.link);
  const html = `<p>${escape(data.inviterName)} 邀请您加入「${escape(data.companyName)}」在科技局企业服务门户的账号。请在 ${until} 前打开以下链接设置密码：</p>
<p><a href="${link}">${link}</a></p>
<hr>
<p>${escape(data.inviterName)} invited you to join ${escape(data.companyName)} on the S&amp;T Bureau Enterprise Portal. Open the link before ${until} to set your password.</p>`;
  return {
    to: data.to,
    subject: `邀请加入 ${data.companyName} / Invitation to join ${data.companyName}`,
    text,
    html,
  };
}
