import type { INestApplication } from '@nestjs/common';
import { ApiRoutes, CSRF_HEADER, SESSION_COOKIE } from '@portal/contracts';
import type { FastifyInstance, InjectOptions } from 'fastify';

export interface TestResponse<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Record<string, string | string[] | number | undefined>;
}

/**
 * A browser-like client over Fastify's inject: keeps cookies, fetches and sends the CSRF token,
 * and goes through the whole HTTP pipeline (hooks, guards, pipes, filters).
 */
export class TestClient {
  private readonly cookies = new Map<string, string>();
  private csrfToken: string | null = null;
  private forwardedFor: string | null = null;

  constructor(private readonly app: INestApplication) {}

  /**
   * Sends every request as if from `ip`, through X-Forwarded-For (inject connects from
   * 127.0.0.1, a trusted proxy under the default TRUST_PROXY).
   */
  from(ip: string): this {
    this.forwardedFor = ip;
    return this;
  }

  get sessionCookie(): string | undefined {
    return this.cookies.get(SESSION_COOKIE);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async get<T = unknown>(
    url: string,
    headers: Record<string, string> = {},
  ): Promise<TestResponse<T>> {
    return this.request<T>({ method: 'GET', url, headers });
  }

  async post<T = unknown>(
    url: string,
    body?: unknown,
    options: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<TestResponse<T>> {
    return this.send<T>('POST', url, body, options);
  }

  async delete<T = unknown>(url: string): Promise<TestResponse<T>> {
    return this.send<T>('DELETE', url, undefined, {});
  }

  /** A multipart upload: text fields first, then the file (as browsers send forms). */
  async upload<T = unknown>(
    url: string,
    fields: Record<string, string>,
    file: { name: string; content: Buffer; contentType?: string },
    method: 'POST' | 'PUT' = 'POST',
  ): Promise<TestResponse<T>> {
    const boundary = `----portal${Date.now().toString(16)}`;
    const parts: Buffer[] = [];
    for (const [name, value] of Object.entries(fields))
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
        ),
      );
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    );
    return this.send<T>(method, url, Buffer.concat(parts), {
      contentType: `multipart/form-data; boundary=${boundary}`,
    });
  }

  async patch<T = unknown>(
    url: string,
    body?: unknown,
  ): Promise<TestResponse<T>> {
    return this.send<T>('PATCH', url, body, {});
  }

  async put<T = unknown>(
    url: string,
    body?: unknown,
  ): Promise<TestResponse<T>> {
    return this.send<T>('PUT', url, body, {});
  }

  /** Sends a body exactly as given (for malformed payloads), with the CSRF header. */
  async postRaw<T = unknown>(
    url: string,
    payload: string,
    contentType: string,
  ): Promise<TestResponse<T>> {
    const issued = await this.get<{ token: string }>(ApiRoutes.csrf);
    return this.request<T>({
      method: 'POST',
      url,
      payload,
      headers: {
        'content-type': contentType,
        [CSRF_HEADER]: issued.body.token,
      },
    });
  }

  async login(
    email: string,
    password: string,
  ): Promise<TestResponse<{ status: string }>> {
    return this.post(ApiRoutes.login, { email, password });
  }

  private async send<T>(
    method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body: unknown,
    options: {
      csrf?: boolean;
      headers?: Record<string, string>;
      contentType?: string;
    },
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.csrf !== false) {
      if (!this.csrfToken) {
        const issued = await this.get<{ token: string }>(ApiRoutes.csrf);
        this.csrfToken = issued.body.token;
      }
      headers[CSRF_HEADER] = this.csrfToken;
    }
    if (body !== undefined)
      headers['content-type'] = options.contentType ?? 'application/json';
    return this.request<T>({
      method,
      url,
      headers,
      payload:
        body === undefined
          ? undefined
          : Buffer.isBuffer(body)
            ? body
            : JSON.stringify(body),
    });
  }

  private async request<T>(
    options: InjectOptions & { headers: Record<string, string> },
  ): Promise<TestResponse<T>> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (cookie) options.headers['cookie'] = cookie;
    if (this.forwardedFor)
      options.headers['x-forwarded-for'] ??= this.forwardedFor;
    const fastify = this.app.getHttpAdapter().getInstance() as FastifyInstance;
    const response = await fastify.inject(options);
    for (const c of response.cookies as {
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }[]) {
      const expired =
        c.maxAge === 0 ||
        (c.expires && c.expires.getTime() <= Date.now()) ||
        c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const text = response.body;
    let body: unknown = text;
    if (
      (response.headers['content-type'] ?? '').toString().includes('json') &&
      text
    )
      body = JSON.parse(text);
    return {
      status: response.statusCode,
      body: body as T,
      headers: response.headers,
    };
  }
}
