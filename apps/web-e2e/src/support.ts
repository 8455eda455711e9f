import { expect, type Page, type TestInfo } from '@playwright/test';

export const DEMO_PASSWORD = 'Demo-Portal-2026';

/** A unified social credit code with a correct check character (GB 32100-2015). */
export function creditCode(serial: number, region = '330421'): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
  ];
  const first17 = `91${region}E2${String(serial).padStart(6, '0')}0`;
  const sum = [...first17].reduce(
    (acc, ch, i) => acc + alphabet.indexOf(ch) * (weights[i] ?? 0),
    0,
  );
  return first17 + alphabet.charAt((31 - (sum % 31)) % 31);
}

/** Saves a full-page screenshot into the test's output folder and attaches it to the report. */
export async function snapshot(
  page: Page,
  testInfo: TestInfo,
  name: string,
): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

export async function login(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

export async function logout(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await expect(page).toHaveURL(/\/login/);
}

/**
 * Collects every error the page logs — CSP violations, failed requests, exceptions — except the
 * 401 the browser reports while the app asks /api/auth/me whether anyone is logged in.
 */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && !/status of 401/.test(text))
      errors.push(text);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
