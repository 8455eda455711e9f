import { expect, type Page, test, type TestInfo } from '@playwright/test';
import {
  creditCode,
  login,
  logout,
  snapshot,
  staffApi,
  watchConsole,
} from './support';

/**
 * A new company's year in the portal, in the browser: it registers, is verified (the county
 * reviewer acts through the API here), enters three years of figures, runs the high-tech
 * self-check (failing, then fixed), files a tech-SME evaluation through the wizard with an upload,
 * answers the county's return, follows its status to the public notice, objects to another
 * company's notice and sees what became of the objection. Lists are checked for overlapping
 * columns at 1366 px and as cards at 375 px; screenshots in Chinese and English are attached.
 */

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
    '2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
);
const EMAIL = 'journey@example.org';
const PASSWORD = 'Browser-Filing-2026!';
const CODE = creditCode(7);
const COMPANY = '嘉善旅程测试科技有限公司';
const RETURN_NOTE = '财务报表缺少审计签章页，请重新上传';

/** One year's figures as typed on the page (money in 万元). */
const FIGURES: Record<string, string> = {
  totalRevenue: '4000',
  salesRevenue: '4000',
  highTechRevenue: '3000',
  rdExpense: '240',
  rdExpenseDomestic: '240',
  staff: '100',
  scienceTechStaff: '20',
  netAssets: '2000',
  totalAssets: '5000',
  totalCosts: '3000',
  'ip-classOne': '1',
  'ip-classTwo': '4',
};

/** The rendered extent of an element's content (text that overflows its cell included). */
async function contentBoxes(page: Page, selectors: string[], row: string) {
  return page.evaluate(
    ({ selectors, row }) =>
      Array.from(document.querySelectorAll(row)).map((tr) =>
        selectors.map((selector) => {
          const element = tr.querySelector(selector);
          if (!element) return null;
          const range = document.createRange();
          range.selectNodeContents(element);
          const text = range.getBoundingClientRect();
          const box = element.getBoundingClientRect();
          // The larger of the element and the text it holds.
          const left = Math.min(box.left, text.width ? text.left : box.left);
          const right = Math.max(
            box.right,
            text.width ? text.right : box.right,
          );
          const top = Math.min(box.top, text.height ? text.top : box.top);
          const bottom = Math.max(
            box.bottom,
            text.height ? text.bottom : box.bottom,
          );
          return { selector, left, right, top, bottom };
        }),
      ),
    { selectors, row },
  );
}

/**
 * The list's reference, type, status tag and date never overlap, in any row; the page does not
 * scroll sideways; on a phone each row is a card as wide as the screen at most.
 */
async function expectNoOverlap(page: Page, width: number) {
  const rows = await contentBoxes(
    page,
    [
      'td:nth-child(1)',
      'td:nth-child(2)',
      '[data-testid="application-status"]',
      'td:nth-child(6)',
    ],
    '[data-testid="application-row"]',
  );
  expect(rows.length).toBeGreaterThan(0);
  for (const cells of rows) {
    const boxes = cells.filter((c) => c !== null);
    expect(boxes).toHaveLength(4);
    // The tag sits inside its cell; compare the tag, not its cell, with the others.
    const [reference, type, tag, date] = boxes as NonNullable<
      (typeof boxes)[number]
    >[];
    const pairs = [
      [reference, type],
      [reference, tag],
      [reference, date],
      [type, tag],
      [type, date],
      [tag, date],
    ];
    for (const [a, b] of pairs) {
      if (!a || !b) continue;
      const apart =
        a.right <= b.left + 0.5 ||
        b.right <= a.left + 0.5 ||
        a.bottom <= b.top + 0.5 ||
        b.bottom <= a.top + 0.5;
      expect(
        apart,
        `${a.selector} and ${b.selector} overlap at ${width} px: ${JSON.stringify([a, b])}`,
      ).toBe(true);
    }
    for (const box of boxes) expect(box?.right ?? 0).toBeLessThanOrEqual(width);
  }
  const scrollWidth = await page.evaluate(
    () => document.scrollingElement?.scrollWidth ?? 0,
  );
  expect(scrollWidth).toBeLessThanOrEqual(width);
}

async function myApplicationsAt(
  page: Page,
  testInfo: TestInfo,
  width: number,
  name: string,
) {
  await page.setViewportSize({ width, height: width < 500 ? 812 : 900 });
  await page.goto('/applications');
  await expect(page.getByTestId('application-row').first()).toBeVisible();
  await expectNoOverlap(page, width);
  await snapshot(page, testInfo, name);
}

async function chooseOption(page: Page, testId: string, title: string) {
  await page.getByTestId(testId).click();
  await page.locator(`nz-option-item[title="${title}"]`).click();
}

async function enterYear(page: Page, year: number, rdExpense: string) {
  await page.getByTestId('figures-add').click();
  await chooseOption(page, 'figures-year', String(year));
  for (const [field, value] of Object.entries({
    ...FIGURES,
    rdExpense,
    rdExpenseDomestic: rdExpense,
  }))
    await page.getByTestId(`figures-${field}`).fill(value);
  await page.getByTestId('figures-submit').click();
  await expect(page.getByTestId('figures-saved')).toBeVisible();
}

async function runSelfCheck(page: Page) {
  await page.goto('/company/high-tech-self-check');
  await page.getByTestId('check-registered-on').fill('2018-03-01');
  await page.getByTestId('check-field').click();
  await page.locator('nz-option-item').first().click();
  await chooseOption(page, 'check-incident', '否');
  await page.getByTestId('check-submit').click();
  const verdict = page.getByTestId('self-check-verdict');
  await expect(verdict).toBeVisible();
  return verdict;
}

/** Steps the wizard on to `step`, waiting for each step to show before the next click. */
async function wizardTo(page: Page, step: string) {
  const wizard = page.getByTestId('wizard');
  for (let i = 0; i < 8; i++) {
    const current = (await wizard.getAttribute('data-step')) ?? '';
    if (current === step) return;
    await page.getByTestId('wizard-next').click();
    await expect(wizard).not.toHaveAttribute('data-step', current);
  }
  await expect(wizard).toHaveAttribute('data-step', step);
}

/** The case's status tag in My applications, by reference. */
function statusOf(page: Page, reference: string) {
  return page
    .getByTestId('application-row')
    .filter({ hasText: reference })
    .getByTestId('application-status');
}

test.describe.configure({ timeout: 180_000 });

test('a new company registers, is verified, keeps its figures, files a tech-SME evaluation, answers a return, objects to a notice and sees the outcome', async ({
  page,
  baseURL,
}, testInfo) => {
  const errors = watchConsole(page);
  const base = baseURL as string;
  const thisYear = Number(
    new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4),
  );

  // 1. Registration in the browser.
  await page.goto('/register');
  await page.getByTestId('register-companyName').fill(COMPANY);
  await page.getByTestId('register-creditCode').fill(CODE);
  await chooseOption(page, 'register-regionCode', '嘉善县');
  await page.getByTestId('register-contactName').fill('周旅');
  await page.getByTestId('register-email').fill(EMAIL);
  await page.getByTestId('register-phone').fill('13912340007');
  await page.getByTestId('register-password').fill(PASSWORD);
  await page.getByTestId('register-passwordConfirm').fill(PASSWORD);
  await page.getByTestId('register-submit').click();
  await expect(page.getByTestId('register-done')).toContainText(EMAIL);

  // 2. The county reviewer verifies the company through the API.
  const county = await staffApi(base, 'reviewer.jiashan@example.com');
  const pending = await county.get<{
    items: { id: string; creditCode: string }[];
  }>('/api/companies?status=pending&limit=100');
  const company = pending.items.find((c) => c.creditCode === CODE);
  expect(company).toBeDefined();
  await county.post(`/api/companies/${company?.id}/verify`, {
    comment: '营业执照已核对',
  });

  await login(page, EMAIL, PASSWORD);
  await expect(page.getByTestId('verification-status')).toHaveAttribute(
    'data-status',
    'verified',
  );

  // 3. Three years of figures; the latest with too little R&D at first.
  await page.goto('/company/figures');
  await enterYear(page, thisYear - 3, '240');
  await enterYear(page, thisYear - 2, '240');
  await enterYear(page, thisYear - 1, '10');
  await expect(page.getByTestId('figures-row')).toHaveCount(3);
  await snapshot(page, testInfo, '01-figures-zh');

  // 4. The high-tech self-check fails on R&D intensity, then passes once the year is fixed.
  let verdict = await runSelfCheck(page);
  await expect(verdict).toHaveText('不符合');
  await snapshot(page, testInfo, '02-self-check-failed-zh');
  await page.goto('/company/figures');
  await page
    .getByTestId('figures-row')
    .filter({ hasText: String(thisYear - 1) })
    .getByTestId('figures-open')
    .click();
  await page.getByTestId('figures-rdExpense').fill('240');
  await page.getByTestId('figures-rdExpenseDomestic').fill('240');
  await page.getByTestId('figures-submit').click();
  await expect(page.getByTestId('figures-saved')).toBeVisible();
  verdict = await runSelfCheck(page);
  await expect(verdict).toHaveText('符合');
  await snapshot(page, testInfo, '03-self-check-passed-zh');

  // 5. A tech-SME evaluation through the wizard, with an upload showing its progress.
  await page.goto('/applications');
  await page.getByTestId('application-new').click();
  await page
    .getByTestId('call-option')
    .filter({ hasText: '2026年度科技型中小企业评价入库' })
    .first()
    .getByTestId('call-start')
    .click();
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').pop() as string;
  await chooseOption(page, 'field-blacklisted', '否');
  await chooseOption(page, 'field-seriousIncidentInThreeYears', '否');
  await snapshot(page, testInfo, '04-wizard-zh');
  await wizardTo(page, 'materials');
  // Hold the upload's answer a moment so its progress bar can be seen.
  await page.route(`**/api/applications/${id}/materials`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
  await page.getByTestId('material-file-financial_statements').setInputFiles({
    name: 'statements.pdf',
    mimeType: 'application/pdf',
    buffer: PDF,
  });
  await expect(page.getByTestId('material-progress').first()).toBeVisible();
  await snapshot(page, testInfo, '05-upload-progress-zh');
  await expect(page.getByTestId('material-attachment').first()).toBeVisible();
  await page.unroute(`**/api/applications/${id}/materials`);
  await page.getByTestId('material-file-business_licence').setInputFiles({
    name: 'licence.pdf',
    mimeType: 'application/pdf',
    buffer: PDF,
  });
  await expect(page.getByTestId('material-attachment')).toHaveCount(2);
  await page.getByTestId('wizard-next').click();
  await expect(page.getByTestId('review-complete')).toBeVisible();
  await page.getByTestId('wizard-submit').click();
  await page.getByTestId('wizard-submit-confirm').click();
  await expect(page.getByTestId('form-read-only')).toBeVisible();
  const reference = (
    (await page.getByTestId('application-reference').textContent()) ?? ''
  ).trim();
  expect(reference).not.toBe('');

  // 6. The status moves on: the automated check passes and the county reviews it.
  await page.goto('/applications');
  await expect(async () => {
    await page.getByTestId('applications-refresh').click();
    await expect(statusOf(page, reference)).toHaveText('县级科技局审核中', {
      timeout: 1000,
    });
  }).toPass({ timeout: 20_000 });
  await myApplicationsAt(page, testInfo, 1366, '06-my-applications-1366-zh');
  await myApplicationsAt(page, testInfo, 375, '07-my-applications-375-zh');
  await page.setViewportSize({ width: 1366, height: 900 });

  // 7. The county returns it with an item; the company answers in the browser.
  await county.act(id, 'return_for_supplement', {
    comment: '请补充',
    items: [{ target: 'financial_statements', note: RETURN_NOTE }],
  });
  await page.goto('/applications');
  const returned = page
    .getByTestId('application-row')
    .filter({ hasText: reference });
  await expect(returned.getByTestId('application-status')).toHaveText(
    '待补正材料',
  );
  await returned.getByTestId('application-open').click();
  await expect(page.getByTestId('supplement-item')).toContainText(RETURN_NOTE);
  await snapshot(page, testInfo, '08-returned-zh');
  await wizardTo(page, 'materials');
  await page.getByTestId('material-file-financial_statements').setInputFiles({
    name: 'statements-signed.pdf',
    mimeType: 'application/pdf',
    buffer: PDF,
  });
  await expect(
    page.getByTestId('material-attachment').filter({
      hasText: 'statements-signed.pdf',
    }),
  ).toBeVisible();
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('wizard-submit').click();
  await page.getByTestId('wizard-submit-confirm').click();
  await expect(page.getByTestId('form-read-only')).toBeVisible();

  // 8. The county passes it, the province puts it in the month's public notice.
  await expect(async () => {
    const detail = await county.get<{ status: { state: string } }>(
      `/api/applications/${id}`,
    );
    expect(detail.status.state).toBe('formal_review');
  }).toPass({ timeout: 20_000 });
  await county.act(id, 'recommend', { comment: '形式审查通过' });
  const province = await staffApi(base, 'reviewer.zhejiang@example.com');
  const { version } = await province.get<{ version: number }>(
    `/api/applications/${id}`,
  );
  await province.post('/api/public-notices', {
    applications: [{ id, version }],
  });
  await page.goto('/applications');
  await expect(statusOf(page, reference)).toHaveText('公示中');
  await snapshot(page, testInfo, '09-in-notice-zh');

  // 9. The company objects to another company's notice, under its real name.
  await page.goto('/notices');
  const own = page.locator(
    `[data-testid="notice-row"][data-application-id="${id}"]`,
  );
  await expect(own).toHaveCount(1);
  const other = page
    .locator(`[data-testid="notice-row"]:not([data-application-id="${id}"])`)
    .filter({ has: page.getByTestId('notice-object') })
    .first();
  const otherId = (await other.getAttribute('data-application-id')) as string;
  expect(otherId).not.toBe(id);
  await other.getByTestId('notice-object').click();
  await page.getByTestId('objection-real-name').fill('周旅');
  await page
    .getByTestId('objection-reasons')
    .fill('该企业申报的研发人员与实际不符，请核查。');
  await page.getByTestId('objection-send').click();
  await expect(page.getByTestId('objection-dialog')).toHaveCount(0);
  await expect(page.getByTestId('my-objection-row')).toHaveCount(1);
  await expect(page.getByTestId('my-objection-status')).toHaveText('复核中');
  await snapshot(page, testInfo, '10-objection-lodged-zh');

  // 10. The province dismisses it; the objector sees the outcome.
  await province.act(otherId, 'dismiss_objection', {
    comment: '经核查，研发人员情况属实，异议不成立',
  });
  await page.goto('/notices');
  await expect(page.getByTestId('my-objection-status')).toHaveText(
    '异议不成立',
  );
  await snapshot(page, testInfo, '11-objection-outcome-zh');

  // 11. The same pages in English, on a laptop and on a phone.
  await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('my-objection-status')).toHaveText('Dismissed');
  await snapshot(page, testInfo, '12-objection-outcome-en');
  await myApplicationsAt(page, testInfo, 1366, '13-my-applications-1366-en');
  await expect(statusOf(page, reference)).toHaveText('In public notice');
  await myApplicationsAt(page, testInfo, 375, '14-my-applications-375-en');
  await page.goto('/notices');
  await snapshot(page, testInfo, '15-notices-375-en');

  await logout(page);
  await county.dispose();
  await province.dispose();
  expect(errors).toEqual([]);
});
