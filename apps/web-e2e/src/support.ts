import { randomUUID } from 'node:crypto';
import {
  type APIRequestContext,
  expect,
  type Page,
  request as playwrightRequest,
  type TestInfo,
} from '@playwright/test';

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

/** The API as a member of staff would call it: a session cookie and the CSRF token. */
export async function staffApi(baseURL: string, email: string) {
  const context: APIRequestContext = await playwrightRequest.newContext({
    baseURL,
  });
  const csrf = async () =>
    ((await (await context.get('/api/auth/csrf')).json()) as { token: string })
      .token;
  let token = await csrf();
  const loggedIn = await context.post('/api/auth/login', {
    data: { email, password: DEMO_PASSWORD },
    headers: { 'x-xsrf-token': token },
  });
  expect(loggedIn.status(), `log-in of ${email}`).toBe(200);
  token = await csrf();
  const send = async (
    method: 'post' | 'get',
    url: string,
    data?: unknown,
  ): Promise<unknown> => {
    const response =
      method === 'get'
        ? await context.get(url)
        : await context.post(url, {
            data,
            headers: { 'x-xsrf-token': token, 'idempotency-key': randomUUID() },
          });
    expect(
      response.ok(),
      `${method.toUpperCase()} ${url}: ${await response.text()}`,
    ).toBe(true);
    return response.status() === 204 ? null : response.json();
  };
  return {
    get: <T>(url: string) => send('get', url) as Promise<T>,
    post: <T>(url: string, data: unknown) =>
      send('post', url, data) as Promise<T>,
    /** Fires an action on a case at the version it has now. */
    act: async (id: string, action: string, body: object = {}) => {
      const { version } = await (send(
        'get',
        `/api/applications/${id}`,
      ) as Promise<{ version: number }>);
      return send('post', `/api/applications/${id}/actions`, {
        action,
        version,
        ...body,
      });
    },
    dispose: () => context.dispose(),
  };
}
