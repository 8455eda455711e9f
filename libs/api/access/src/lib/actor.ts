import type { MembershipView } from '@portal/contracts';
import type { SessionStage } from '@portal/api-db';

/** Who is calling: resolved once per request by the SessionGuard from the session cookie. */
export interface Actor {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly sessionId: string;
  readonly stage: SessionStage;
  readonly memberships: readonly MembershipView[];
  readonly ip: string | null;
}

/** What the audit log needs of any request, logged in or not. */
export interface RequestContext {
  readonly ip: string | null;
  readonly userAgent: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
}
