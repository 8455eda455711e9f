import { expect, test, type Page } from '@playwright/test';
import { login, logout, snapshot, watchConsole } from './support';

/** The demo expert pool (libs/api/db's demo data): names as the panel shows them. */
const EXPERT_EMAILS: Record<string, string> = {
  技术专家一: 'expert1@example.com',
  技术专家二: 'expert2@example.com',
  技术专家三: 'expert3@example.com',
  技术专家四: 'expert4@example.com',
  财务专家一: 'expert5@example.com',
  财务专家二: 'expert6@example.com',
};

async function confirmDialog(page: Page, kind: string): Promise<void> {
  const dialog = page.getByTestId('experts-confirm');
  await expect(dialog).toHaveAttribute('data-kind', kind);
  await page.getByTestId('experts-confirm-submit').click();
  await expect(dialog).toHaveCount(0);
}

async function panelNames(page: Page): Promise<string[]> {
  return (
    await page
      .locator('[data-testid="expert-row"] td:first-child')
      .allTextContents()
  ).map((name) => name.trim());
}

test('the province draws a panel after a confirmation that states the rules, an expert recuses, the province draws again for that seat, and another expert scores after a confirmation', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const errors = watchConsole(page);

  // A demo high-tech case at provincial review with no panel yet.
  await login(page, 'reviewer.zhejiang@example.com');
  const inbox = (await (
    await page.request.get('/api/inbox?view=todo&limit=50')
  ).json()) as {
    items: { id: string; type: string; status: { state: string } }[];
  };
  const atProvince = inbox.items.find(
    (a) => a.type === 'high_tech' && a.status.state === 'provincial_review',
  );
  expect(atProvince).toBeDefined();
  const url = `/applications/${atProvince?.id}`;
  await page.goto(url);
  await expect(page.getByTestId('experts-rules')).toContainText(
    '不少于 5 名专家',
  );
  await page.getByTestId('experts-draw').click();
  await expect(page.getByTestId('experts-confirm-rules')).toContainText(
    '技术专家不低于 60%',
  );
  await expect(page.getByTestId('experts-confirm-rules')).toContainText(
    '财务专家至少 1 名',
  );
  await snapshot(page, testInfo, '1-draw-confirmation');
  await confirmDialog(page, 'draw');
  await expect(page.getByTestId('expert-row')).toHaveCount(5);
  const drawn = await panelNames(page);
  expect(drawn).toHaveLength(5);
  await page
    .locator('[data-testid="action-button"][data-action="send_to_experts"]')
    .click();
  await expect(page.getByTestId('action-dialog')).toBeVisible();
  if (await page.getByTestId('action-comment').isVisible())
    await page.getByTestId('action-comment').fill('请专家评审');
  await page.getByTestId('action-confirm').click();
  await expect(page.getByTestId('action-dialog')).toHaveCount(0);
  await logout(page);

  // The first drawn expert has a conflict with the company.
  const [recusing, scoring] = drawn;
  await login(page, EXPERT_EMAILS[recusing] ?? '');
  await page.goto(url);
  await expect(page.getByTestId('score-form')).toBeVisible();
  await page.getByTestId('experts-recuse').click();
  await confirmDialog(page, 'recuse');
  await expect(page.getByTestId('experts-own-recused')).toBeVisible();
  await expect(page.getByTestId('score-form')).toHaveCount(0);
  await snapshot(page, testInfo, '2-expert-recused');
  await logout(page);

  // The province sees the recusal and draws someone for that seat.
  await login(page, 'reviewer.zhejiang@example.com');
  await page.goto(url);
  await expect(page.getByTestId('experts-redraw-needed')).toBeVisible();
  await expect(page.getByTestId('experts-recusal')).toContainText(recusing);
  const recusedRow = page.locator(
    '[data-testid="expert-row"][data-recused="true"]',
  );
  await expect(recusedRow).toContainText(recusing);
  await snapshot(page, testInfo, '3-province-recusal');
  await recusedRow.getByTestId('expert-replace').click();
  await confirmDialog(page, 'replace');
  await expect(page.getByTestId('expert-replace')).toHaveCount(0);
  await expect(page.getByTestId('expert-row')).toHaveCount(5);
  const after = await panelNames(page);
  expect(after).not.toContain(recusing);
  expect(after.filter((name) => !drawn.includes(name))).toHaveLength(1);
  await snapshot(page, testInfo, '4-province-replaced');
  await logout(page);

  // Another expert scores: an out-of-range part is refused in the page, then the confirmation.
  await login(page, EXPERT_EMAILS[scoring] ?? '');
  await page.goto(url);
  await page.getByTestId('score-ip').fill('31');
  await page.getByTestId('score-submit').click();
  await expect(
    page.getByTestId('score-form').locator('nz-form-item').first(),
  ).toContainText('超出该项分值范围');
  await page.getByTestId('score-ip').fill('26');
  await page.getByTestId('score-transformation').fill('24');
  await page.getByTestId('score-rd_management').fill('16');
  await page.getByTestId('score-growth').fill('15');
  await page.getByTestId('score-standard_bonus').fill('0');
  await page
    .getByTestId('score-opinion')
    .fill('知识产权与主营产品关联紧密，研发组织管理规范。');
  await expect(page.getByTestId('score-total')).toContainText('81 / 100');
  await page.getByTestId('score-submit').click();
  await expect(page.getByTestId('experts-confirm')).toContainText(
    '您的总分为 81/100 分',
  );
  await confirmDialog(page, 'score');
  await expect(page.getByTestId('experts-own-total')).toHaveText('81');
  await expect(page.getByTestId('score-form')).toHaveCount(0);
  await snapshot(page, testInfo, '5-expert-scored');

  expect(errors).toEqual([]);
});
