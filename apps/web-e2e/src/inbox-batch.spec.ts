import { expect, test } from '@playwright/test';
import { login, snapshot, watchConsole } from './support';

test('the county reviewer passes the formal review of several tech-SME evaluations at once, and each case answers', async ({
  page,
}, testInfo) => {
  const errors = watchConsole(page);
  await login(page, 'reviewer.jiashan@example.com');
  await page.goto('/inbox');
  const todo = page.getByTestId('inbox-count-todo');
  await expect(todo).toBeVisible();
  const before = Number(await todo.textContent());

  // Only the tech-SME evaluations waiting at the county's formal review.
  await page.getByTestId('inbox-filter-type').click();
  await page.locator('nz-option-item[title="科技型中小企业评价入库"]').click();
  await page.getByTestId('inbox-filter-submit').click();
  const rows = page.getByTestId('inbox-row');
  await expect(rows.first()).toContainText('形式审查');
  const picked = await rows.count();
  expect(picked).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('inbox-count-todo')).toHaveText(String(picked));

  // Every row of the page, one action, one comment, a confirmation.
  await page.locator('thead input[type="checkbox"]').check();
  await expect(page.getByTestId('inbox-batch-count')).toContainText(
    `已选 ${picked} 件`,
  );
  await page.getByTestId('inbox-batch-action').click();
  await page.locator('nz-option-item[title="形式审查通过"]').click();
  await expect(page.getByTestId('inbox-batch-submit')).toBeDisabled();
  await page.getByTestId('inbox-batch-comment').fill('材料齐全，形式审查通过');
  await page.getByTestId('inbox-batch-submit').click();
  await expect(page.getByTestId('inbox-batch-confirm-text')).toContainText(
    `${picked} 件`,
  );
  await snapshot(page, testInfo, 'inbox-batch-confirm');
  await page.getByTestId('inbox-batch-confirm').click();

  await expect(page.getByTestId('inbox-batch-result')).toContainText(
    `成功 ${picked} 件`,
  );
  const outcomes = page.getByTestId('inbox-batch-outcome');
  await expect(outcomes).toHaveCount(picked);
  for (let i = 0; i < picked; i++)
    await expect(outcomes.nth(i)).toHaveAttribute('data-ok', 'true');
  // They left this desk: the filtered list is empty and the tab's count fell.
  await expect(page.getByTestId('inbox-row')).toHaveCount(0);
  await page.getByTestId('inbox-filter-type').click();
  await page.locator('nz-option-item[title="全部类型"]').click();
  await page.getByTestId('inbox-filter-submit').click();
  await expect(page.getByTestId('inbox-count-todo')).toHaveText(
    String(before - picked),
  );
  await snapshot(page, testInfo, 'inbox-batch-result');

  // The handled cases are in the done tab, opened to read (查看), not to handle.
  await page.getByTestId('inbox-tab-done').click();
  await expect(page.getByTestId('inbox-open').first()).toHaveText('查看');

  // On a phone the list is cards: nothing scrolls sideways.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.getByTestId('inbox-tab-todo').click();
  await expect(page.getByTestId('inbox-row').first()).toBeVisible();
  expect(
    await page.evaluate(
      () => document.documentElement.scrollWidth <= window.innerWidth,
    ),
  ).toBe(true);
  await snapshot(page, testInfo, 'inbox-phone');
  expect(errors).toEqual([]);
});
