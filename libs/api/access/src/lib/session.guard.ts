import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError, ForbiddenError } from '@portal/api-core';
import type { SessionStage } from '@portal/api-db';
import { SESSION_COOKIE } from '@portal/contracts';
import { hasPermission, type Permission } from '@portal/domain';
import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import { AuditService } from './audit.service';
import {
  ALLOWED_STAGES,
  PUBLIC_ROUTE,
  REQUIRED_PERMISSION,
} from './decorators';
import { SessionService } from './session.service';

/**
 * The global guard: every route needs a live, fully authenticated session unless marked
 * @Public(), and the permission named by @RequirePermission(). Denials are audited.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets))
      return true;

    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const actor = await this.sessions.resolve(
      request.cookies?.[SESSION_COOKIE],
      request.ip,
    );
    request.actor = actor;

    const stages =
      this.reflector.getAllAndOverride<SessionStage[]>(
        ALLOWED_STAGES,
        targets,
      ) ?? [];
    if (actor.stage !== 'authenticated' && !stages.includes(actor.stage)) {
      throw actor.stage === 'enrolment'
        ? new AppError(
            403,
            'SECOND_FACTOR_ENROLMENT_REQUIRED',
            'Set up two-factor authentication first.',
          )
        : new AppError(
            401,
            'SECOND_FACTOR_REQUIRED',
            'Enter the code from your authenticator app.',
          );
    }

    const permission = this.reflector.getAllAndOverride<Permission>(
      REQUIRED_PERMISSION,
      targets,
    );
    if (permission && !hasPermission(actor.memberships, permission)) {
      await this.audit.record({
        action: 'permission.denied',
        result: 'denied',
        userId: actor.userId,
        userEmail: actor.email,
        ip: actor.ip,
        objectType: 'route',
        objectId:
          `${request.method} ${request.routeOptions.url ?? request.url}`.slice(
            0,
            64,
          ),
        detail: { permission },
      });
      throw new ForbiddenError();
    }
    return true;
  }
}
