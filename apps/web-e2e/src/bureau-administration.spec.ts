import { expect, test } from '@playwright/test';
import { login, logout, snapshot, watchConsole } from './support';

/**
 * A bureau's administration in the browser: the Jiashan county admin creates a call, opens it
 * now after the confirmation and previews it as enterprises see it, and a company of the county
 * then finds it among its calls; the admin changes the county's yearly targets; the system
 * administrator adds a holiday override and sees the calendar revision it created, then removes
 * it. Screenshots in Chinese are attached.
 */

const TITLE = `嘉善县浏览器测试创新券 ${Date.now()}`;
/** A Beijing-time datetime-local value `days` from now. */
const inDays = (days: number) =>
  new Date(Date.now() + 8 * 3600_000 + days * 86_400_000)
    .toISOString()
    .slice(0, 16);

test('a county admin creates and opens a call that the county’s companies then see', async ({
  page,
}, testInfo) => {
  const errors = watchConsole(page);
  await login(page, 'admin.jiashan@example.com');
  await page.getByTestId('nav-adminCalls').click();
  await expect(page.getByTestId('admin-calls')).toBeVisible();

  await page.getByTestId('admin-call-new').click();
  await page.getByTestId('admin-call-save').click();
  await expect(page.getByTestId('admin-call-incomplete')).toBeVisible();
  await page.getByTestId('admin-call-type').click();
  await page.getByTitle('科技创新券').click();
  await page.getByTestId('admin-call-title').fill(TITLE);
  await page.getByTestId('admin-call-opens').fill(inDays(3));
  await page.getByTestId('admin-call-closes').fill(inDays(40));
  await expect(page.getByTestId('admin-call-materials')).toContainText(
    '营业执照',
  );
  await snapshot(page, testInfo, 'admin-call-form');
  await page.getByTestId('admin-call-save').click();
  await expect(page.getByTestId('admin-call-form')).toBeHidden();

  const card = page.getByTestId('admin-call').filter({ hasText: TITLE });
  await expect(card.getByTestId('admin-call-status')).toHaveText('即将开放');
  await card.getByTestId('admin-call-open').click();
  await expect(card.getByTestId('admin-call-confirm')).toContainText(
    `立即开始“${TITLE}”？`,
  );
  await card.getByTestId('admin-call-confirm-yes').click();
  await expect(card.getByTestId('admin-call-status')).toHaveText('正在受理');
  await card.getByTestId('admin-call-preview').click();
  await expect(card.getByTestId('admin-call-preview-card')).toContainText(
    TITLE,
  );
  await snapshot(page, testInfo, 'admin-call-opened');
  expect(errors).toEqual([]);
  await logout(page);

  await login(page, 'antai@example.com');
  await page.goto('/calls');
  await expect(
    page.getByTestId('call-card').filter({ hasText: TITLE }),
  ).toContainText('正在受理');
});

test('a county admin sets the yearly targets; the system admin overrides a holiday', async ({
  page,
}, testInfo) => {
  const errors = watchConsole(page);
  await login(page, 'admin.jiashan@example.com');
  await page.getByTestId('nav-targets').click();
  const jiashan = page.locator('[data-region="330421"]');
  await expect(jiashan.getByTestId('target-high_tech_gained')).toHaveValue('6');
  await jiashan.getByTestId('target-platforms').fill('2.5');
  await jiashan.getByTestId('target-save').click();
  await expect(jiashan).toContainText('请输入 0 或以上的整数');
  await jiashan.getByTestId('target-platforms').fill('6');
  await jiashan.getByTestId('target-save').click();
  await expect(page.getByText('嘉善县的年度目标已保存。')).toBeVisible();
  await page.reload();
  await expect(
    page.locator('[data-region="330421"]').getByTestId('target-platforms'),
  ).toHaveValue('6');
  await snapshot(page, testInfo, 'targets');
  await logout(page);

  await login(page, 'sysadmin@example.com');
  await page.getByTestId('nav-calendar').click();
  const revision = page.getByTestId('calendar-revision');
  await expect(revision).toBeVisible();
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
  await page.getByTestId('calendar-date').fill(`${year}-11-13`);
  await page.getByTestId('calendar-note').fill('台风停工');
  await page.getByTestId('calendar-add').click();
  await expect(page.getByTestId('calendar-created-revision')).toBeVisible();
  const override = page
    .getByTestId('calendar-override')
    .filter({ hasText: '台风停工' });
  await expect(override).toContainText(`${year}-11-13`);
  await snapshot(page, testInfo, 'calendar');
  await override.getByTestId('calendar-remove').click();
  await override.getByTestId('calendar-remove-yes').click();
  await expect(override).toBeHidden();
  expect(errors).toEqual([]);
});
