import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { DEMO_PASSWORD } from '@portal/api-db';
import { ApiRoutes, CSRF_HEADER, type ErrorBody } from '@portal/contracts';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { startTestApp, type TestApp } from '../testing/test-app';

/**
 * Every hook that treats API requests apart must see the path the router matched, not the raw
 * request target: Fastify's router decodes `/%61pi/…` to `/api/…` and drops the origin of an
 * absolute-form target (`POST http://host/api/…`), so a hook testing `request.url` for `/api/`
 * let those writes through without a CSRF token and left them out of the access log.
 *
 * The requests go over a real socket: inject() parses its URL with WHATWG URL, which resolves
 * `..` and strips origins, so it never sends the targets a client can.
 *
 * SQLite only: this is the HTTP layer (the router and its hooks), the same on either dialect;
 * the database only holds the session.
 */

interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
}

interface Browser {
  readonly cookie: string;
  readonly token: string;
}

interface AccessLine {
  readonly correlationId: string;
  readonly req: { method: string; url: string; rawPath?: string };
  readonly res: { statusCode: number };
}

const ANTAI = 'antai@example.com';

/** The writes of the report, and what each answers a logged-in user who sends the token. */
const WRITES = [
  {
    method: 'PUT',
    path: ApiRoutes.myNotificationPreferences,
    body: { statusChangeEmail: true },
    answers: 200,
  },
  { method: 'POST', path: ApiRoutes.secondFactorEnrol, answers: 200 },
  { method: 'POST', path: ApiRoutes.logout, answers: 204, endsSession: true },
] as const satisfies readonly {
  method: string;
  path: string;
  body?: unknown;
  answers: number;
  endsSession?: boolean;
}[];

/**
 * Spellings of an /api/ path that Fastify routes to the same handler (checked: each answers as
 * the canonical path does once the token is there).
 */
function routedSpellings(path: string): string[] {
  const rest = path.slice('/api'.length);
  const last = path.slice(path.lastIndexOf('/') + 1);
  return [
    `/%61pi${rest}`,
    `/%61%70%69${rest}`,
    `/a%70i${rest}`,
    `http://portal.example${path}`,
    `https://attacker.example${path}`,
    `${path.slice(0, -last.length)}%${last.charCodeAt(0).toString(16)}${last.slice(1)}`,
    `${path}#fragment`,
    `/%61pi${rest}?x=1`,
  ];
}

/** Spellings the router does not take for the /api/ path: with the token a 404 (without, 403). */
function unroutedSpellings(path: string): string[] {
  const rest = path.slice('/api'.length);
  return [
    `//api${rest}`,
    `/api/${rest}`,
    `/API${rest}`,
    `/%41PI${rest}`,
    `/api/..${path}`,
    `/x/..${path}`,
    `/%2561pi${rest}`,
    `/%252561pi${rest}`,
    `/api;x${rest}`,
    `${path};jsessionid=1`,
    `${path}.`,
    `/api.${rest}`,
    `${path}/`,
    `/api%2F${rest.slice(1).replaceAll('/', '%2F')}`,
    `HTTP://portal.example${path}`,
  ];
}

/** A minimal built web app, so the route table has the catch-all it has in production. */
function webRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'portal-paths-'));
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><title>portal</title>',
  );
  return root;
}

describe('hooks decide on the path the router matched (sqlite)', () => {
  let t: TestApp;
  let root: string;
  let port: number;
  /** For the requests that leave the session alive; log-out gets sessions of its own. */
  let shared: Browser;
  const accessLog: AccessLine[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        const line = JSON.parse(chunk.toString()) as AccessLine & {
          msg: string;
        };
        if (line.msg === 'request completed') accessLog.push(line);
        done();
      },
    });
    root = webRoot();
    t = await startTestApp(
      'sqlite',
      {},
      { webRoot: root, accessLogger: pino({ level: 'info' }, sink) },
    );
    await t.app.listen(0, '127.0.0.1');
    const fastify = t.app.getHttpAdapter().getInstance() as FastifyInstance;
    port = (fastify.server.address() as AddressInfo).port;
    shared = await session();
  });

  afterAll(async () => {
    await t?.close();
    rmSync(root, { recursive: true, force: true });
  });

  /** Sends `target` verbatim as the request target. */
  function send(
    method: string,
    target: string,
    options: { cookie?: string; token?: string; body?: unknown } = {},
  ): Promise<RawResponse> {
    const headers: Record<string, string> = {};
    if (options.cookie) headers['cookie'] = options.cookie;
    if (options.token) headers[CSRF_HEADER] = options.token;
    const payload =
      options.body === undefined ? undefined : JSON.stringify(options.body);
    if (payload) headers['content-type'] = 'application/json';
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, method, path: target, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              text: Buffer.concat(chunks).toString(),
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** The cookies a response sets, as a Cookie header after those already held. */
  function withCookies(held: string, res: RawResponse): string {
    const cookies = new Map(
      held
        .split('; ')
        .filter(Boolean)
        .map((pair) => [pair.slice(0, pair.indexOf('=')), pair] as const),
    );
    for (const header of [res.headers['set-cookie'] ?? []].flat()) {
      const [pair = ''] = header.split(';');
      cookies.set(pair.slice(0, pair.indexOf('=')), pair);
    }
    return [...cookies.values()].join('; ');
  }

  /** A browser that fetched its CSRF token: the _csrf cookie and the token. */
  async function csrf(): Promise<Browser> {
    const issued = await send('GET', ApiRoutes.csrf);
    const { token } = JSON.parse(issued.text) as { token: string };
    return { cookie: withCookies('', issued), token };
  }

  /** A browser logged in as the demo company's user. */
  async function session(): Promise<Browser> {
    const browser = await csrf();
    const login = await send('POST', ApiRoutes.login, {
      ...browser,
      body: { email: ANTAI, password: DEMO_PASSWORD },
    });
    expect(login.status).toBe(200);
    return { ...browser, cookie: withCookies(browser.cookie, login) };
  }

  /** An error body as a person reads it: the correlation id differs per request. */
  function errorOf(
    text: string,
  ): Pick<ErrorBody, 'statusCode' | 'code' | 'message'> {
    const { statusCode, code, message } = JSON.parse(text) as ErrorBody;
    return { statusCode, code, message };
  }

  function accessLineOf(res: RawResponse): AccessLine | undefined {
    const id = res.headers['x-request-id'];
    return accessLog.find((line) => line.correlationId === id);
  }

  describe.each(WRITES)('$method $path', (write) => {
    const { method, path } = write;
    const body = 'body' in write ? write.body : undefined;
    // Log-out ends a session: each of its requests needs one of its own.
    const browser = async () => ('endsSession' in write ? session() : shared);

    it('answers the canonical path with a valid token', async () => {
      const res = await send(method, path, { ...(await browser()), body });
      expect(res.status).toBe(write.answers);
    });

    it.each(routedSpellings(path))(
      'refuses %s without a CSRF token as the canonical path is refused, and logs it as the canonical path',
      async (target) => {
        const { cookie } = shared;
        const canonical = await send(method, path, { cookie, body });
        const encoded = await send(method, target, { cookie, body });
        expect(canonical.status).toBe(403);
        expect(encoded.status).toBe(403);
        expect(errorOf(encoded.text)).toEqual(errorOf(canonical.text));
        const rawPath = target.split(/[?#]/)[0];
        expect(accessLineOf(encoded)).toMatchObject({
          req: { method, url: path, ...(rawPath === path ? {} : { rawPath }) },
          res: { statusCode: 403 },
        });
      },
    );

    it.each(routedSpellings(path))(
      'answers %s with a valid token as the canonical path, and logs it',
      async (target) => {
        const encoded = await send(method, target, {
          ...(await browser()),
          body,
        });
        expect(encoded.status).toBe(write.answers);
        expect(accessLineOf(encoded)).toMatchObject({
          req: { method, url: path },
          res: { statusCode: write.answers },
        });
      },
    );

    it.each(unroutedSpellings(path))(
      'does not route %s to the API: 403 without a token, 404 with one',
      async (target) => {
        const withoutToken = await send(method, target, {
          cookie: shared.cookie,
          body,
        });
        expect(withoutToken.status).toBe(403);
        const withToken = await send(method, target, { ...shared, body });
        expect(withToken.status).toBe(404);
      },
    );
  });

  it('runs the queue dashboard hook, the rate limit and the web fallback on the routed path', async () => {
    const dashboard = await send('GET', `/%61pi/admin/queues`);
    expect(dashboard.status).toBe(401);
    expect(accessLineOf(dashboard)).toMatchObject({
      req: { method: 'GET', url: ApiRoutes.queueDashboard },
    });

    // One counter per network for the authentication routes, whatever the spelling. An
    // unknown address, so that the demo user is not locked out by the failures.
    const browser = await csrf();
    const login = async (target: string) =>
      send('POST', target, {
        ...browser,
        body: { email: 'nobody@example.com', password: 'Wrong-password-1' },
      });
    const first = await login(ApiRoutes.login);
    const second = await login(`/%61pi${ApiRoutes.login.slice(4)}`);
    expect(second.status).toBe(401);
    expect(first.headers['x-ratelimit-remaining']).toBeDefined();
    expect(Number(second.headers['x-ratelimit-remaining'])).toBe(
      Number(first.headers['x-ratelimit-remaining']) - 1,
    );

    // An unknown API path is a JSON 404 and logged, not the web app's index.html.
    const unknown = await send('GET', '/%61pi/nothing-here');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text)).toMatchObject({ code: 'NOT_FOUND' });
    expect(accessLineOf(unknown)).toMatchObject({
      req: { url: '/api/nothing-here', rawPath: '/%61pi/nothing-here' },
      res: { statusCode: 404 },
    });
    const page = await send('GET', '/applications/new');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>portal</title>');
    expect(accessLineOf(page)).toBeUndefined();
  });
});
