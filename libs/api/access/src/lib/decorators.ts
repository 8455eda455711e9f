import {
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import type { Permission } from '@portal/domain';
import type { FastifyRequest } from 'fastify';
import type { SessionStage } from '@portal/api-db';
import type { Actor, RequestContext } from './actor';

export const PUBLIC_ROUTE = 'portal:public';
export const REQUIRED_PERMISSION = 'portal:permission';
export const ALLOWED_STAGES = 'portal:stages';

/** No session needed (login, registration, health, CSRF token). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The caller must hold this permission through at least one membership. */
export const RequirePermission = (permission: Permission) =>
  SetMetadata(REQUIRED_PERMISSION, permission);

/** Also reachable by a session that has not finished the second factor (or its enrolment). */
export const AllowStages = (...stages: SessionStage[]) =>
  SetMetadata(ALLOWED_STAGES, stages);

export const CurrentActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Actor => {
    const actor = ctx.switchToHttp().getRequest<FastifyRequest>().actor;
    if (!actor)
      throw new Error('CurrentActor used on a route without a session');
    return actor;
  },
);

export function requestContextOf(request: FastifyRequest): RequestContext {
  const agent = request.headers['user-agent'];
  return {
    ip: request.ip ?? null,
    userAgent: typeof agent === 'string' ? agent.slice(0, 255) : null,
  };
}

export const ReqContext = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): RequestContext =>
    requestContextOf(ctx.switchToHttp().getRequest<FastifyRequest>()),
);
