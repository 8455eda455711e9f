import { expect, test } from '@playwright/test';
import { login, logout, snapshot, watchConsole } from './support';

/** A small but well-formed PDF, enough for the portal's type check of an upload. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
    '2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
);

const NOTE = '服务内容请写明检测项目和检测机构';

test('the county reviewer returns an application for supplement; the company sees the item, a bell notice and one e-mail, fixes it and resubmits; the reviewer sees what changed', async ({
  page,
}, testInfo) => {
  const errors = watchConsole(page);

  // Setup through the UI: the company files an innovation voucher, which goes to county review.
  await login(page, 'antai@example.com');
  await page.goto('/applications');
  await page.getByTestId('application-new').click();
  await page
    .getByTestId('call-option')
    // The seeded call by its title: other specs open calls of the same programme first.
    .filter({ hasText: '2026年嘉善县科技创新券' })
    .first()
    .getByTestId('call-start')
    .click();
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  const applicationUrl = page.url();
  await page.getByTestId('field-serviceCategory').click();
  await page.locator('nz-option-item[title="检验检测"]').click();
  await page
    .getByTestId('field-serviceDescription')
    .fill('新产品第三方检测服务');
  await page.getByTestId('field-plannedCostYuan').fill('200000');
  // The wizard: the form's group, then the materials, then the review and a confirmed submit.
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('wizard')).toHaveAttribute(
    'data-step',
    'materials',
  );
  await page.getByTestId('material-file-business_licence').setInputFiles({
    name: 'licence.pdf',
    mimeType: 'application/pdf',
    buffer: PDF,
  });
  await expect(page.getByTestId('material-attachment').first()).toBeVisible();
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('review-complete')).toBeVisible();
  await page.getByTestId('wizard-submit').click();
  await page.getByTestId('wizard-submit-confirm').click();
  await expect(page.getByTestId('wizard')).toHaveCount(0);
  await expect(page.getByTestId('form-read-only')).toBeVisible();
  // The reference number as it stands once submitted.
  const reference = (
    (await page.getByTestId('application-reference').textContent()) ?? ''
  ).trim();
  expect(reference).not.toBe('');

  await logout(page);

  // The county reviewer finds it in the inbox and returns it with one item.
  await login(page, 'reviewer.jiashan@example.com');
  await page.goto('/inbox');
  await page.getByTestId('inbox-filter-q').fill(reference);
  await page.getByTestId('inbox-filter-submit').click();
  const row = page.getByTestId('inbox-row').filter({ hasText: reference });
  await expect(row).toHaveCount(1);
  await snapshot(page, testInfo, '1-inbox');
  await row.getByTestId('inbox-open').click();
  await expect(page).toHaveURL(applicationUrl);
  const detailUrl = new URL(page.url()).pathname;
  await page
    .locator(
      '[data-testid="action-button"][data-action="return_for_supplement"]',
    )
    .click();
  await expect(page.getByTestId('action-dialog')).toBeVisible();
  await page.getByTestId('action-comment').fill('请补充服务内容');
  await page.getByTestId('action-item-target-0').click();
  await page.locator('nz-option-item[title="服务内容"]').click();
  await page.getByTestId('action-item-note-0').fill(NOTE);
  await snapshot(page, testInfo, '2-return-dialog');
  await page.getByTestId('action-confirm').click();
  await expect(page.getByTestId('action-dialog')).toHaveCount(0);
  await expect(
    page.locator(
      '[data-testid="action-button"][data-action="return_for_supplement"]',
    ),
  ).toHaveCount(0);
  await logout(page);

  // The company sees the application returned, with the item to supplement.
  await login(page, 'antai@example.com');
  await page.goto('/applications');
  const own = page
    .getByTestId('application-row')
    .filter({ hasText: reference });
  await expect(own).toHaveCount(1);
  await own.getByTestId('application-open').click();
  const item = page.getByTestId('supplement-item');
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute('data-target', 'serviceDescription');
  await expect(item).toContainText(NOTE);
  await snapshot(page, testInfo, '3-company-supplement');

  // The bell counts the return; the notice centre shows it with the item to supplement.
  const bell = page.getByTestId('notice-bell');
  await expect(bell).not.toHaveAttribute('data-unread', '0');
  await bell.click();
  const notice = page.getByTestId('notice').filter({ hasText: NOTE });
  await expect(notice).toHaveCount(1);
  const title = (
    (await notice.getByTestId('notice-title').textContent()) ?? ''
  ).trim();
  expect(title).toContain(reference);
  await snapshot(page, testInfo, '4-notice-centre');
  await page.getByTestId('notices-read-all').click();
  await expect(bell).toHaveAttribute('data-unread', '0');
  await logout(page);

  // Without SMTP_URL the e-mail is an .eml file: the administrator's outbox lists exactly one.
  await login(page, 'sysadmin@example.com');
  await page.goto('/mail-outbox');
  const mails = page
    .getByTestId('outbox-row')
    .filter({ hasText: title })
    .filter({ hasText: 'antai@example.com' });
  await expect(async () => {
    await page.getByTestId('outbox-refresh').click();
    await expect(mails).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await snapshot(page, testInfo, '5-mail-outbox');
  await logout(page);

  // The company fixes the item and resubmits; the reviewer sees what changed since the return.
  await login(page, 'antai@example.com');
  await page.goto('/applications');
  await own.getByTestId('application-open').click();
  await page
    .getByTestId('field-serviceDescription')
    .fill('产品第三方检测（含电磁兼容）');
  await expect(page.getByTestId('save-state')).toHaveAttribute(
    'data-state',
    'saved',
  );
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('review-complete')).toBeVisible();
  await page.getByTestId('wizard-submit').click();
  await page.getByTestId('wizard-submit-confirm').click();
  await expect(page.getByTestId('wizard')).toHaveCount(0);
  await logout(page);

  await login(page, 'reviewer.jiashan@example.com');
  await page.goto(detailUrl);
  const changed = page
    .getByTestId('changes-since-return')
    .getByTestId('changed-field');
  await expect(changed).toHaveCount(1);
  await expect(changed).toHaveAttribute('data-field', 'serviceDescription');
  await expect(changed.getByTestId('changed-before')).toContainText(
    '产品第三方检测',
  );
  await expect(changed.getByTestId('changed-after')).toContainText(
    '产品第三方检测（含电磁兼容）',
  );
  await snapshot(page, testInfo, '6-reviewer-sees-changes');

  expect(errors).toEqual([]);
});
