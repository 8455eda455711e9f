import type { AppConfig } from '@portal/api-core';
import { SESSION_COOKIE } from '@portal/contracts';
import { SESSION_ABSOLUTE_TIMEOUT_MS } from '@portal/domain';
import type { FastifyReply } from 'fastify';
import type {} from '@fastify/cookie';

/** The session cookie: httpOnly, SameSite=Lax (links from e-mails keep the session), Secure on https. */
export function setSessionCookie(
  reply: FastifyReply,
  config: AppConfig,
  token: string,
): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.publicUrl.startsWith('https:'),
    maxAge: SESSION_ABSOLUTE_TIMEOUT_MS / 1000,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
