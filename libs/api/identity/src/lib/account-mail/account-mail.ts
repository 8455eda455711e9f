import type { OutgoingMail } from '@portal/api-mail';
import type { AccountMailKind } from '@portal/api-jobs';
import type { Language } from '@portal/contracts';

/** One language's version of a mail: its subject and paragraphs; `{link}` marks the link. */
interface Version {
  readonly subject: string;
  readonly paragraphs: readonly string[];
}

const PORTAL_ZH = '科技局企业服务门户';
const PORTAL_EN = 'S&T Bureau Enterprise Portal';

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[
        c
      ] as string,
  );

/** China time, to the minute: what the recipient's clock shows. */
function chinaTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600 * 1000)
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ');
}

/**
 * Both languages, the recipient's first (the invitation mail's shape, which cannot know the
 * language): subject "theirs / other", then each version's paragraphs.
 */
function bilingual(
  to: string,
  language: Language,
  zh: Version,
  en: Version,
  link?: string,
): OutgoingMail {
  const [first, second] = language === 'en' ? [en, zh] : [zh, en];
  const fill = (p: string) => (link ? p.replace('{link}', link) : p);
  const text = [
    ...first.paragraphs.map(fill),
    '',
    '———',
    '',
    ...second.paragraphs.map(fill),
  ].join('\n');
  const html = [first, second]
    .map((v) =>
      v.paragraphs
        .map((p) =>
          link && p === '{link}'
            ? `<p><a href="${escape(link)}">${escape(link)}</a></p>`
            : `<p>${escape(fill(p))}</p>`,
        )
        .join('\n'),
    )
    .join('\n<hr>\n');
  return {
    to,
    subject: `${first.subject} / ${second.subject}`,
    text,
    html,
  };
}

export interface AccountMailData {
  readonly to: string;
  readonly language: Language;
  readonly name: string;
  readonly at: Date;
  readonly loginUrl: string;
  readonly resetUrl: string;
}

/** The account mails that carry no secret: registration received or attempted, password changed. */
export function renderAccountMail(
  kind: AccountMailKind,
  data: AccountMailData,
): OutgoingMail {
  const when = `${chinaTime(data.at)} (UTC+8)`;
  switch (kind) {
    case 'registered':
      return bilingual(
        data.to,
        data.language,
        {
          subject: `注册已收到 — ${PORTAL_ZH}`,
          paragraphs: [
            `${data.name}，您好：`,
            `您的企业已于 ${when} 在${PORTAL_ZH}注册，正在等待所在区县科技局核验。`,
            `请用本邮箱和注册时设置的密码登录：${data.loginUrl}`,
            '如果这不是您本人的操作，请忽略本邮件并联系科技局。',
          ],
        },
        {
          subject: `Registration received — ${PORTAL_EN}`,
          paragraphs: [
            `Dear ${data.name},`,
            `Your company was registered on the ${PORTAL_EN} at ${when} and is waiting for verification by its county's bureau.`,
            `Log in with this address and the password you chose: ${data.loginUrl}`,
            'If this was not you, ignore this mail and contact the bureau.',
          ],
        },
      );
    case 'registration_attempt':
      return bilingual(
        data.to,
        data.language,
        {
          subject: `有人尝试用您的邮箱注册 — ${PORTAL_ZH}`,
          paragraphs: [
            `${data.name}，您好：`,
            `${when}，有人尝试用本邮箱地址在${PORTAL_ZH}注册新企业。由于该邮箱已有账户，未创建任何新账户，您的账户也未做任何改动。`,
            `如果是您本人：请直接登录 ${data.loginUrl} ；忘记密码可在此重设：${data.resetUrl}`,
            '如果不是您本人，无需任何操作。',
          ],
        },
        {
          subject: `Someone tried to register with your address — ${PORTAL_EN}`,
          paragraphs: [
            `Dear ${data.name},`,
            `At ${when} someone tried to register a new company on the ${PORTAL_EN} with this e-mail address. It already has an account, so no account was created and yours was not changed.`,
            `If it was you: log in at ${data.loginUrl} ; if you forgot your password, reset it here: ${data.resetUrl}`,
            'If it was not you, there is nothing to do.',
          ],
        },
      );
    case 'password_changed':
      return bilingual(
        data.to,
        data.language,
        {
          subject: `您的密码已更改 — ${PORTAL_ZH}`,
          paragraphs: [
            `${data.name}，您好：`,
            `您在${PORTAL_ZH}的账户密码已于 ${when} 更改，其他设备上的登录已全部退出。`,
            `如果不是您本人操作，请立即重设密码：${data.resetUrl} ，并联系科技局。`,
          ],
        },
        {
          subject: `Your password was changed — ${PORTAL_EN}`,
          paragraphs: [
            `Dear ${data.name},`,
            `The password of your account on the ${PORTAL_EN} was changed at ${when}; every other session was logged out.`,
            `If this was not you, reset your password now at ${data.resetUrl} and contact the bureau.`,
          ],
        },
      );
  }
}

export interface PasswordResetMailData {
  readonly to: string;
  readonly language: Language;
  readonly name: string;
  /** Carries the token in its fragment, never in the path or query. */
  readonly link: string;
  readonly expiresAt: Date;
}

export function renderPasswordResetMail(
  data: PasswordResetMailData,
): OutgoingMail {
  const until = `${chinaTime(data.expiresAt)} (UTC+8)`;
  return bilingual(
    data.to,
    data.language,
    {
      subject: `重设密码 — ${PORTAL_ZH}`,
      paragraphs: [
        `${data.name}，您好：`,
        `请在 ${until} 前打开以下链接设置新密码（链接仅可使用一次）：`,
        '{link}',
        '如果您没有申请重设密码，请忽略本邮件，您的密码不会改变。',
      ],
    },
    {
      subject: `Reset your password — ${PORTAL_EN}`,
      paragraphs: [
        `Dear ${data.name},`,
        `Open this link before ${until} to choose a new password (it works once):`,
        '{link}',
        'If you did not ask for this, ignore this mail: your password stays as it is.',
      ],
    },
    data.link,
  );
}
