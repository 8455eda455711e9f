import { expect, type Page, test, type TestInfo } from '@playwright/test';
import {
  APPLICATION_FORMS,
  type ApplicationType,
  type FieldSchema,
} from '@portal/domain';
// The API tests' sample filings: plain data in a file of its own (the library's index would load
// the database helpers), so the browser files what the API tests file.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { FORMS } from '../../../libs/api/testing/src/lib/sample-filing';
import { login, logout, snapshot, staffApi, watchConsole } from './support';

/**
 * The demo company 嘉善安泰生物科技 (verified, Jiashan) files every programme open to it in the
 * demo, in the browser only: for each call it starts a draft, fills every required field of the
 * wizard from the programme's schema (values from the sample filings the API tests use), uploads
 * every required material, submits from the review step and sees the status move in My
 * applications. Then the county issues the voucher and the city and the bank grant the loan,
 * through the API, and the company sees the voucher's amount and balance and the loan's terms.
 */

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
    '2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
);

/** The seeded calls open to a Jiashan company, one per programme, and where each lands once submitted. */
const CALLS: readonly {
  type: ApplicationType;
  title: string;
  /** The status tag once submitted, or the API's refusal shown on submitting. */
  submitted: RegExp | { refused: string };
}[] = [
  {
    type: 'high_tech',
    title: '2026年度高新技术企业认定（第二批）',
    submitted: /县级科技局审核中/,
  },
  {
    type: 'tech_sme',
    title: '2026年度科技型中小企业评价入库',
    // The demo registered the company this year: a second evaluation is refused until 1 January.
    submitted: { refused: '企业本年度已入库，请于次年 1 月 1 日起重新评价。' },
  },
  {
    type: 'innovation_voucher',
    title: '2026年嘉善县科技创新券',
    submitted: /县级科技局审核中/,
  },
  {
    type: 'transformation_loan',
    title: '2026年嘉兴市科技成果转化贷款',
    submitted: /县级科技局审核中/,
  },
  {
    type: 'st_project',
    title: '2026年度火炬计划项目',
    submitted: /县级科技局审核中/,
  },
];

/** Fills one field of the wizard by its type with the sample filing's value. */
async function fillField(page: Page, field: FieldSchema, value: unknown) {
  const input = page.getByTestId(`field-${field.key}`);
  if (field.type === 'boolean' || field.type === 'select') {
    {
      const title =
        field.type === 'boolean'
          ? value
            ? '是'
            : '否'
          : field.options?.find((o) => o.value === value)?.label['zh-CN'];
      expect(title, `an option for ${field.key}`).toBeDefined();
      await input.click();
      const option = page.locator(`nz-option-item[title="${title}"]`);
      // A long list scrolls virtually: type ahead is not offered, so scroll the option into view.
      await option.scrollIntoViewIfNeeded();
      await option.click();
      await expect(input).toContainText(title as string);
      return;
    }
  }
  await input.fill(String(value));
  await expect(input).toHaveValue(String(value));
}

/**
 * Starts a draft in the call and returns the case's id: from the open calls page where the call
 * offers to start, else (the company already filed in it, and the page links that filing) from
 * My applications' chooser.
 */
async function startDraft(page: Page, title: string): Promise<string> {
  await page.goto('/calls');
  const card = page.getByTestId('call-card').filter({ hasText: title }).first();
  await expect(card.getByTestId('call-filing')).toBeVisible();
  if (await card.getByTestId('call-start').count())
    await card.getByTestId('call-start').click();
  else {
    await expect(card.getByTestId('call-view')).toBeVisible();
    await page.goto('/applications');
    await page.getByTestId('application-new').click();
    await page
      .getByTestId('call-option')
      .filter({ hasText: title })
      .first()
      .getByTestId('call-start')
      .click();
  }
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  return page.url().split('/').pop() as string;
}

/** Walks the wizard of one programme: every group's required fields, the materials, review, submit. */
async function fileThroughWizard(
  page: Page,
  testInfo: TestInfo,
  type: ApplicationType,
): Promise<void> {
  const schema = APPLICATION_FORMS[type];
  const values = FORMS[type];
  const wizard = page.getByTestId('wizard');
  for (const section of schema.sections) {
    await expect(wizard).toHaveAttribute('data-step', section.key);
    for (const field of section.fields.filter((f) => f.required))
      await fillField(page, field, values[field.key]);
    await page.getByTestId('wizard-next').click();
  }
  await expect(wizard).toHaveAttribute('data-step', 'materials');
  const required = schema.materials.filter(
    (m) => m.required && (m.phase ?? 'application') === 'application',
  );
  expect(required.length).toBeGreaterThan(0);
  for (const material of required)
    await page.getByTestId(`material-file-${material.key}`).setInputFiles({
      name: `${material.key}.pdf`,
      mimeType: 'application/pdf',
      buffer: PDF,
    });
  await expect(page.getByTestId('material-attachment')).toHaveCount(
    required.length,
  );
  await page.getByTestId('wizard-next').click();
  await expect(wizard).toHaveAttribute('data-step', 'review');
  await expect(page.getByTestId('review-complete')).toBeVisible();
  await snapshot(page, testInfo, `${type}-1-review`);
  await page.getByTestId('wizard-submit').click();
  await page.getByTestId('wizard-submit-confirm').click();
}

async function referenceShown(page: Page): Promise<string> {
  const reference = (
    (await page.getByTestId('application-reference').textContent()) ?? ''
  ).trim();
  expect(reference).not.toBe('');
  return reference;
}

/** The case's status tag in My applications, by reference. */
function statusOf(page: Page, reference: string) {
  return page
    .getByTestId('application-row')
    .filter({ hasText: reference })
    .getByTestId('application-status');
}

async function expectStatus(page: Page, reference: string, status: RegExp) {
  await page.goto('/applications');
  await expect(async () => {
    await page.getByTestId('applications-refresh').click();
    await expect(statusOf(page, reference)).toHaveText(status, {
      timeout: 1000,
    });
  }).toPass({ timeout: 20_000 });
}

/** Opens the case from its row in My applications. */
async function openFromList(page: Page, reference: string) {
  await page
    .getByTestId('application-row')
    .filter({ hasText: reference })
    .getByTestId('application-open')
    .click();
  await expect(page.getByTestId('application-reference')).toHaveText(
    new RegExp(reference),
  );
}

test.describe.configure({ timeout: 180_000 });

test('the demo company files each programme open to it through the wizard and follows the voucher and the loan to their result', async ({
  page,
  baseURL,
}, testInfo) => {
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, 'antai@example.com');

  const filed = new Map<ApplicationType, { id: string; reference: string }>();
  for (const call of CALLS) {
    const id = await startDraft(page, call.title);
    await fileThroughWizard(page, testInfo, call.type);
    if (call.submitted instanceof RegExp) {
      await expect(page.getByTestId('form-read-only')).toBeVisible();
      const reference = await referenceShown(page);
      filed.set(call.type, { id, reference });
      await expectStatus(page, reference, call.submitted);
    } else {
      // The API's reason, in words, and the case stays a draft the company can come back to.
      await expect(
        page.getByRole('alert').filter({ hasText: call.submitted.refused }),
      ).toBeVisible();
      await expect(page.getByTestId('wizard')).toBeVisible();
      const reference = await referenceShown(page);
      await expectStatus(page, reference, /^\s*草稿\s*$/);
    }
    await snapshot(page, testInfo, `${call.type}-2-status`);
  }

  const base = baseURL as string;
  const county = await staffApi(base, 'reviewer.jiashan@example.com');
  const city = await staffApi(base, 'reviewer.jiaxing@example.com');
  const bank = await staffApi(base, 'bank@example.com');

  // The county issues the voucher: the company sees its amount and what is left of its cap.
  const voucher = filed.get('innovation_voucher');
  await county.act(voucher?.id as string, 'approve', {
    comment: '同意发放创新券',
  });
  await expectStatus(page, voucher?.reference as string, /创新券已发放/);
  await openFromList(page, voucher?.reference as string);
  // 40 % of the planned 200,000 yuan, reserved against the company's yearly cap.
  const issued = page.getByTestId('decision-voucher');
  await expect(issued).toContainText('80,000 元');
  await expect(issued).toContainText('40 %');
  const ledger = page.getByTestId('voucher-ledger');
  await expect(
    ledger
      .getByTestId('ledger-entry')
      .filter({ hasText: voucher?.reference as string }),
  ).toContainText('+80,000 元');
  await expect(ledger.getByTestId('ledger-remaining')).toContainText('元');
  await snapshot(page, testInfo, 'innovation_voucher-3-issued');

  // The county recommends the loan, the city approves it to the bank, the bank sets the terms.
  const loan = filed.get('transformation_loan');
  await county.act(loan?.id as string, 'recommend', { comment: '同意推荐' });
  const banks = await city.get<{ id: string }[]>('/api/partners/banks');
  await city.act(loan?.id as string, 'approve', {
    comment: '同意，推送合作银行',
    payload: { bankId: banks[0]?.id },
  });
  await bank.act(loan?.id as string, 'bank_approve', {
    payload: { amountYuan: 5_000_000, ratePercent: 3.45, termMonths: 12 },
  });
  await expectStatus(page, loan?.reference as string, /银行已批准，待放款/);
  await openFromList(page, loan?.reference as string);
  const terms = page.getByTestId('decision-loanTerms');
  await expect(terms).toContainText('5,000,000 元');
  await expect(terms).toContainText('3.45 %');
  await expect(terms).toContainText('12 个月');
  await snapshot(page, testInfo, 'transformation_loan-3-terms');

  await logout(page);
  await county.dispose();
  await city.dispose();
  await bank.dispose();
  // The browser logs the refused submit's 409; nothing else.
  expect(errors.filter((e) => !/status of 409/.test(e))).toEqual([]);
  expect(errors.filter((e) => /status of 409/.test(e))).toHaveLength(1);
});
