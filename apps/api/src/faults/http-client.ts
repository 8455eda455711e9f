import type { INestApplication } from '@nestjs/common';
import { TestClient } from '@portal/api-testing';

const REQUEST_TIMEOUT_MS = 60_000;

interface InjectLike {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

interface Cookie {
  name: string;
  value: string;
  maxAge?: number;
  expires?: Date;
}

/**
 * The suite's browser-like client (cookies, CSRF) over real HTTP to a process or a proxy.
 * A request that gets no answer at all (refused, reset, timed out) comes back as status 0, so a
 * burst can count those beside the statuses the portal chose.
 */
export function httpClient(baseUrl: string): TestClient {
  const inject = async (options: InjectLike) => {
    try {
      const response = await fetch(`${baseUrl}${options.url}`, {
        method: options.method,
        headers: options.headers,
        body:
          typeof options.payload === 'string' || !options.payload
            ? options.payload
            : new Uint8Array(options.payload),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => (headers[name] = value));
      return {
        statusCode: response.status,
        headers,
        cookies: response.headers.getSetCookie().map(parseCookie),
        body: await response.text(),
      };
    } catch (error) {
      return {
        statusCode: 0,
        headers: { 'x-no-answer': String((error as Error).cause ?? error) },
        cookies: [],
        body: '',
      };
    }
  };
  const app = {
    getHttpAdapter: () => ({ getInstance: () => ({ inject }) }),
  };
  return new TestClient(app as unknown as INestApplication);
}

function parseCookie(header: string): Cookie {
  const [pair = '', ...attributes] = header.split(';');
  const at = pair.indexOf('=');
  const cookie: Cookie = {
    name: pair.slice(0, at).trim(),
    value: pair.slice(at + 1).trim(),
  };
  for (const attribute of attributes) {
    const [key = '', value = ''] = attribute.split('=');
    const name = key.trim().toLowerCase();
    if (name === 'max-age') cookie.maxAge = Number(value);
    if (name === 'expires') cookie.expires = new Date(value);
  }
  return cookie;
}
