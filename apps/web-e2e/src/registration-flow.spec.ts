import { expect, test } from '@playwright/test';
import { creditCode, login, logout, snapshot, watchConsole } from './support';

interface Flow {
  readonly language: 'zh-CN' | 'en';
  readonly serial: number;
  readonly companyName: string;
  readonly county: string;
  readonly texts: {
    readonly pending: string;
    readonly verified: string;
    readonly reviewTitle: string;
    readonly checkCharacterError: RegExp;
  };
}

const FLOWS: Flow[] = [
  {
    language: 'zh-CN',
    serial: 1,
    companyName: '嘉善浏览器测试科技有限公司',
    county: '嘉善县',
    texts: {
      pending: '待核验',
      verified: '已核验',
      reviewTitle: '待核验企业',
      checkCharacterError: /校验/,
    },
  },
  {
    language: 'en',
    serial: 2,
    companyName: 'Jiashan Browser Test Technology Co., Ltd.',
    county: '嘉善县',
    texts: {
      pending: 'Pending verification',
      verified: 'Verified',
      reviewTitle: 'Companies pending verification',
      checkCharacterError: /check character/i,
    },
  },
];

for (const flow of FLOWS) {
  test(`register, verify as the county reviewer, log in as the company (${flow.language})`, async ({
    page,
  }, testInfo) => {
    const errors = watchConsole(page);
    const email = `browser${flow.serial}@example.org`;
    const code = creditCode(flow.serial);

    await page.goto('/register');
    if (flow.language === 'en') {
      await page.getByTestId('language-switch').click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    } else {
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    }

    await page.getByTestId('register-companyName').fill(flow.companyName);
    // A typing error in the check character is caught at the field, before submitting.
    const wrong = code.slice(0, 17) + (code.endsWith('0') ? '1' : '0');
    await page.getByTestId('register-creditCode').fill(wrong);
    await page.getByTestId('register-contactName').click();
    await expect(
      page.getByText(flow.texts.checkCharacterError).first(),
    ).toBeVisible();
    await page.getByTestId('register-creditCode').fill(code);
    await page.getByTestId('register-regionCode').click();
    await page.locator(`nz-option-item[title="${flow.county}"]`).click();
    await page
      .getByTestId('register-contactName')
      .fill(flow.language === 'en' ? 'Li Lei' : '李雷');
    await page.getByTestId('register-email').fill(email);
    await page.getByTestId('register-phone').fill('13912345678');
    await page.getByTestId('register-password').fill('Browser-Test-2026!');
    await page
      .getByTestId('register-passwordConfirm')
      .fill('Browser-Test-2026!');
    await snapshot(page, testInfo, '1-register-form');
    await page.getByTestId('register-submit').click();
    // The same answer as for an address that already has an account: log in next.
    await expect(page.getByTestId('register-done')).toContainText(email);
    await page.getByTestId('register-login').click();
    await expect(page).toHaveURL(/\/login/);
    await login(page, email, 'Browser-Test-2026!');

    const status = page.getByTestId('verification-status');
    await expect(status).toHaveAttribute('data-status', 'pending');
    await expect(status).toContainText(flow.texts.pending);
    await expect(page.getByTestId('company-credit-code')).toContainText(code);
    await snapshot(page, testInfo, '2-company-pending');
    await logout(page);

    await login(page, 'reviewer.jiashan@example.com');
    await expect(page.getByText(flow.texts.reviewTitle).first()).toBeVisible();
    const row = page.locator(
      `[data-testid="pending-company-row"][data-credit-code="${code}"]`,
    );
    await expect(row).toBeVisible();
    await snapshot(page, testInfo, '3-reviewer-pending');
    await row.getByTestId('review-open').click();
    await expect(page.getByTestId('review-drawer')).toBeVisible();
    await page
      .getByTestId('review-comment')
      .fill(flow.language === 'en' ? 'Licence checked' : '营业执照已核对');
    await snapshot(page, testInfo, '4-reviewer-drawer');
    await page.getByTestId('verify-company').click();
    await expect(row).toHaveCount(0);
    await logout(page);

    await login(page, email, 'Browser-Test-2026!');
    await expect(page.getByTestId('verification-status')).toHaveAttribute(
      'data-status',
      'verified',
    );
    await expect(page.getByTestId('verification-status')).toContainText(
      flow.texts.verified,
    );
    await snapshot(page, testInfo, '5-company-verified');

    expect(errors).toEqual([]);
  });
}

test('a company sees an error it can act on for a credit code already registered', async ({
  page,
}, testInfo) => {
  await page.goto('/register');
  await page.getByTestId('register-companyName').fill('重复注册测试有限公司');
  await page.getByTestId('register-creditCode').fill(creditCode(1));
  await page.getByTestId('register-regionCode').click();
  await page.locator('nz-option-item[title="嘉善县"]').click();
  await page.getByTestId('register-contactName').fill('韩梅梅');
  await page.getByTestId('register-email').fill('duplicate@example.org');
  await page.getByTestId('register-phone').fill('13912345679');
  await page.getByTestId('register-password').fill('Browser-Test-2026!');
  await page.getByTestId('register-passwordConfirm').fill('Browser-Test-2026!');
  await page.getByTestId('register-submit').click();
  await expect(
    page.getByText(/已注册|already registered/i).first(),
  ).toBeVisible();
  await snapshot(page, testInfo, 'duplicate-credit-code');
  await expect(page).toHaveURL(/\/register/);
});
