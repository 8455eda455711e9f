import { ApiRoutes, CSRF_COOKIE, CSRF_HEADER } from '@portal/contracts';

/** Logs a demo user in over HTTP and returns the headers of their session. */
export async function sessionHeaders(
  base: string,
  email: string,
  password: string,
): Promise<Record<string, string>> {
  const jar = new Map<string, string>();
  const remember = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  remember(
    await fetch(base + ApiRoutes.csrf, { headers: { cookie: cookie() } }),
  );
  const csrf = decodeURIComponent(jar.get(CSRF_COOKIE) ?? '');
  const login = await fetch(base + ApiRoutes.login, {
    method: 'POST',
    headers: {
      cookie: cookie(),
      'content-type': 'application/json',
      [CSRF_HEADER]: csrf,
    },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok)
    throw new Error(
      `Log-in of ${email} failed: ${login.status} ${await login.text()}`,
    );
  remember(login);
  return {
    cookie: cookie(),
    [CSRF_HEADER]: decodeURIComponent(jar.get(CSRF_COOKIE) ?? ''),
  };
}
