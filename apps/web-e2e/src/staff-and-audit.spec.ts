import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { login, logout, snapshot, watchConsole } from './support';

/**
 * Staff administration and the auditor in the browser: the Jiashan county admin invites a
 * reviewer of the county, who opens the mailed link, sets a password and is in; the admin then
 * deactivates them (after the confirmation) and their log-in is refused with the reason; the
 * auditor finds both steps by the action's words and verifies the event hash chains.
 * Screenshots in Chinese are attached.
 */

/** Where the portal under test writes its mails (start-portal.mjs's DATA_DIR, or E2E_DATA_DIR). */
const MAIL_DIR = resolve(
  process.env['E2E_DATA_DIR'] ?? resolve(__dirname, '../../../tmp/e2e-data'),
  'mail',
);
const EMAIL = `browser.reviewer.${Date.now()}@example.org`;
const PASSWORD = 'Reviewer-Browser-2026!';

const INVITATION_LINK = /https?:\/\/\S+?\/invitation#token=[A-Za-z0-9._-]+/;

/** A mail's text: each part's leading base64 lines decoded, the rest as it is. */
function plainText(raw: string): string {
  return raw
    .split(/\r?\n\r?\n/)
    .map((block) => {
      const base64 = /^(?:[A-Za-z0-9+/=]+\r?\n)+/.exec(block)?.[0];
      return base64
        ? Buffer.from(base64.replace(/\s/g, ''), 'base64').toString('utf8')
        : block;
    })
    .join('\n');
}

/** The invitation link of the first mail to `to` (the token rides in the fragment). */
async function invitationLink(to: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    let files: string[] = [];
    try {
      files = readdirSync(MAIL_DIR).sort();
    } catch {
      // The directory appears with the first mail.
    }
    const raw = files
      .map((f) => readFileSync(resolve(MAIL_DIR, f), 'utf8'))
      .find((m) => m.includes(`To: ${to}`));
    const link = raw && plainText(raw).match(INVITATION_LINK)?.[0];
    if (link) return new URL(link).pathname + new URL(link).hash;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No invitation mail to ${to}`);
}

test('a county admin invites a reviewer who joins, then deactivates them; the auditor sees it and verifies the chains', async ({
  page,
  browser,
}, testInfo) => {
  const errors = watchConsole(page);
  await login(page, 'admin.jiashan@example.com');
  await page.getByTestId('nav-staff').click();
  await expect(page.getByTestId('staff-page')).toBeVisible();
  await page.getByTestId('staff-invite').click();
  await page.getByTestId('invite-email').fill(EMAIL);
  await page.getByTestId('invite-submit').click();
  // The region is asked for before anything is sent.
  await expect(page.getByText('请选择地区')).toBeVisible();
  await page.getByTestId('invite-region').click();
  await page.getByTitle('嘉善县').click();
  await snapshot(page, testInfo, 'staff-invite');
  await page.getByTestId('invite-submit').click();
  await expect(page.getByText(`邀请已发送至 ${EMAIL}`)).toBeVisible();

  const invitee = await browser.newPage();
  await invitee.goto(await invitationLink(EMAIL));
  await invitee.getByTestId('invitation-name').fill('浏览器审核员');
  await invitee.getByTestId('invitation-password').fill(PASSWORD);
  await invitee.getByTestId('invitation-passwordConfirm').fill(PASSWORD);
  await invitee.getByTestId('invitation-submit').click();
  await expect(invitee.getByTestId('user-menu')).toBeVisible();
  await invitee.close();

  await page.getByTestId('staff-filter-q').fill('browser.reviewer');
  await page.getByTestId('staff-filter-submit').click();
  const row = page.getByTestId('staff-row').filter({ hasText: EMAIL });
  await expect(row).toContainText('嘉善县');
  await row.getByTestId('staff-deactivate').click();
  await page.getByTestId('staff-reason').fill('浏览器测试');
  await page.getByTestId('staff-confirm-submit').click();
  await expect(row.getByTestId('staff-status')).toHaveText('已停用');
  await expect(page.getByTestId('staff-confirm')).toBeHidden();
  await snapshot(page, testInfo, 'staff-deactivated');
  expect(errors).toEqual([]);
  await logout(page);

  await page.goto('/login');
  await page.getByTestId('login-email').fill(EMAIL);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByText('该账号已停用')).toBeVisible();

  await login(page, 'auditor@example.com');
  await page.getByTestId('nav-audit').click();
  await page.getByTestId('audit-filter-q').fill('停用账号');
  await page.getByTestId('audit-search').click();
  await expect(
    page
      .getByTestId('audit-row')
      .filter({ hasText: 'admin.jiashan@example.com' })
      .first(),
  ).toContainText('停用账号');
  await page.getByTestId('audit-verify-chain').click();
  await expect(page.getByTestId('audit-chain-intact')).toContainText(
    '哈希链完整',
  );
  await expect(page.getByTestId('audit-export-csv')).toHaveAttribute(
    'href',
    /\/api\/audit-log\/export\.csv\?q=/,
  );
  await snapshot(page, testInfo, 'audit-searched');
});
