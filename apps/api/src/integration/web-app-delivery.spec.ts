import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DEMO_PASSWORD } from '@portal/api-db';
import type { TestClient } from '@portal/api-testing';
import { ApiRoutes, SESSION_COOKIE } from '@portal/contracts';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { insertCall } from '../testing/factories';
import { startTestApp, type TestApp } from '../testing/test-app';
import { readyDraft } from '../testing/workflow-steps';

/** The script `nx build web` runs after the Angular build. */
const PRECOMPRESS = join(__dirname, '../../../web/precompress.mjs');
const BROWSER = 'gzip, deflate, br, zstd';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** A web root shaped like Angular's production output, precompressed as the build does it. */
function builtWebRoot(): { root: string; files: Record<string, Buffer> } {
  const root = mkdtempSync(join(tmpdir(), 'portal-web-'));
  const js = (name: string) =>
    Buffer.from(
      Array.from(
        { length: 400 },
        (_, i) => `export function ${name}${i}(a){return a*${i}+"${name}";}\n`,
      ).join(''),
    );
  const files: Record<string, Buffer> = {
    'index.html': Buffer.from(
      `<!doctype html><html lang="zh-CN"><head><title>科技局企业服务门户</title>` +
        `<style>${'body{margin:0;font-family:system-ui}'.repeat(60)}</style>` +
        `<script src="main-ABCD2345.js" type="module"></script></head>` +
        `<body><app-root></app-root></body></html>`,
    ),
    'main-ABCD2345.js': js('main'),
    'chunk-WXYZ6789.js': js('chunk'),
    // Under the precompression threshold: no .br or .gz beside it.
    'chunk-TINY0001.js': Buffer.from('export const tiny = 1;\n'),
    'styles-EFGH3456.css': Buffer.from(
      '.app-panel{padding:24px}\n'.repeat(200),
    ),
    'media/logo-IJKL4567.svg': Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg">${'<rect width="1" height="1"/>'.repeat(80)}</svg>`,
    ),
    'favicon.ico': Buffer.alloc(4286, 7),
  };
  mkdirSync(join(root, 'media'));
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(root, name), content);
  execFileSync(process.execPath, [PRECOMPRESS, root]);
  return { root, files };
}

describe('web app delivery: precompressed files, cache headers, compressed JSON', () => {
  let t: TestApp;
  let web: { root: string; files: Record<string, Buffer> };
  let company: TestClient;
  let applicationId: string;

  beforeAll(async () => {
    web = builtWebRoot();
    t = await startTestApp('sqlite', {}, { webRoot: web.root });
    company = t.client();
    expect(
      (await company.login('antai@example.com', DEMO_PASSWORD)).status,
    ).toBe(200);
    const callId = await insertCall(t.dataSource, 'high_tech', '330000');
    applicationId = (await readyDraft(company, 'high_tech', callId)).id;
  });

  afterAll(async () => {
    await t?.close();
    if (web) rmSync(web.root, { recursive: true, force: true });
  });

  /** A request through the whole pipeline, body left as sent (compressed or not). */
  function get(
    url: string,
    headers: Record<string, string> = {},
    method: 'GET' | 'HEAD' = 'GET',
  ): Promise<LightMyRequestResponse> {
    const fastify = t.app.getHttpAdapter().getInstance() as FastifyInstance;
    return fastify.inject({ method, url, headers });
  }

  /** The company user's session, for requests made past TestClient (which parses bodies). */
  const asCompany = () => ({
    cookie: `${SESSION_COOKIE}=${company.sessionCookie ?? ''}`,
  });

  it('the build step wrote a brotli and a gzip copy of each text file, none for tiny ones', () => {
    for (const name of ['index.html', 'main-ABCD2345.js', 'favicon.ico']) {
      expect(
        brotliDecompressSync(readFileSync(join(web.root, `${name}.br`))),
      ).toEqual(web.files[name]);
      expect(gunzipSync(readFileSync(join(web.root, `${name}.gz`)))).toEqual(
        web.files[name],
      );
    }
    expect(existsSync(join(web.root, 'chunk-TINY0001.js.br'))).toBe(false);
  });

  it("sends a script brotli-compressed to a browser's Accept-Encoding, cached for a year", async () => {
    const res = await get('/main-ABCD2345.js', { 'accept-encoding': BROWSER });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(brotliDecompressSync(res.rawPayload)).toEqual(
      web.files['main-ABCD2345.js'],
    );
    expect(res.rawPayload.length).toBeLessThan(
      (web.files['main-ABCD2345.js']?.length ?? 0) / 5,
    );
  });

  it('sends gzip to a client that takes only gzip', async () => {
    const res = await get('/styles-EFGH3456.css', {
      'accept-encoding': 'gzip',
    });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/text\/css/);
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(gunzipSync(res.rawPayload)).toEqual(
      web.files['styles-EFGH3456.css'],
    );
  });

  it('sends the file itself without Accept-Encoding, or when only identity is accepted', async () => {
    const asked: Record<string, string>[] = [
      {},
      { 'accept-encoding': 'identity' },
    ];
    for (const headers of asked) {
      const res = await get('/chunk-WXYZ6789.js', headers);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers['vary']).toMatch(/accept-encoding/i);
      expect(res.headers['cache-control']).toBe(IMMUTABLE);
      expect(res.rawPayload).toEqual(web.files['chunk-WXYZ6789.js']);
    }
  });

  it('falls back to the file itself when the build wrote no compressed copy', async () => {
    const res = await get('/chunk-TINY0001.js', { 'accept-encoding': BROWSER });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.rawPayload).toEqual(web.files['chunk-TINY0001.js']);
  });

  it('answers HEAD as curl -I asks it: the encoding and cache headers, no body', async () => {
    const res = await get(
      '/media/logo-IJKL4567.svg',
      { 'accept-encoding': 'br' },
      'HEAD',
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.rawPayload.length).toBe(0);
  });

  it('index.html, at / and at a client-side route, is revalidated on every load', async () => {
    for (const url of ['/', '/applications/some-id', '/index.html']) {
      const res = await get(url, { 'accept-encoding': BROWSER });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['vary']).toMatch(/accept-encoding/i);
      expect(brotliDecompressSync(res.rawPayload)).toEqual(
        web.files['index.html'],
      );
    }
  });

  it('unhashed files (favicon) are cached briefly, not for a year', async () => {
    const res = await get('/favicon.ico', { 'accept-encoding': BROWSER });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    expect(brotliDecompressSync(res.rawPayload)).toEqual(
      web.files['favicon.ico'],
    );
  });

  it('the compressed copies are not addressable as files of their own', async () => {
    expect((await get('/main-ABCD2345.js.br')).statusCode).toBe(404);
    expect((await get('/missing-ABCD2345.js')).statusCode).toBe(404);
  });

  it("compresses a large JSON answer (an application's detail) for a browser", async () => {
    const plain = await get(ApiRoutes.application(applicationId), asCompany());
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(2048);

    const br = await get(ApiRoutes.application(applicationId), {
      ...asCompany(),
      'accept-encoding': BROWSER,
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    const detail = JSON.parse(brotliDecompressSync(br.rawPayload).toString());
    expect(detail.id).toBe(applicationId);

    const gzip = await get(ApiRoutes.application(applicationId), {
      ...asCompany(),
      'accept-encoding': 'gzip',
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload)).toEqual(plain.rawPayload);
  });

  it('compresses the OpenAPI document too (registered outside the Nest controllers)', async () => {
    const res = await get('/api/docs-json', { 'accept-encoding': BROWSER });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(
      JSON.parse(brotliDecompressSync(res.rawPayload).toString()).openapi,
    ).toMatch(/^3\./);
  });

  it('leaves a small JSON answer as it is', async () => {
    const res = await get(ApiRoutes.healthLive, { 'accept-encoding': BROWSER });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.length).toBeLessThan(1024);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(res.body)).toBeTruthy();
  });
});
