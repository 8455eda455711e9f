import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { INestApplication } from '@nestjs/common';
import { AuditService, SessionService } from '@portal/api-access';
import { JobProducer, QUEUE_NAMES } from '@portal/api-jobs';
import { ApiRoutes, SESSION_COOKIE, type ErrorBody } from '@portal/contracts';
import { hasPermission } from '@portal/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';

/**
 * Mounts Bull Board at /api/admin/queues inside its own Fastify context, whose onRequest hook
 * lets only system admins (permission queues.dashboard) through.
 */
export async function mountQueueDashboard(
  app: INestApplication,
): Promise<void> {
  const jobs = app.get(JobProducer);
  const sessions = app.get(SessionService);
  const audit = app.get(AuditService);
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(ApiRoutes.queueDashboard);
  createBullBoard({
    queues: QUEUE_NAMES.map((name) => new BullAdapter(jobs.queue(name))),
    serverAdapter,
  });
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  await fastify.register(async (scope) => {
    scope.addHook(
      'onRequest',
      async (request: FastifyRequest, reply: FastifyReply) => {
        const deny = (
          statusCode: number,
          body: Omit<ErrorBody, 'correlationId' | 'statusCode'>,
        ) =>
          reply
            .status(statusCode)
            .send({ statusCode, ...body, correlationId: String(request.id) });
        let actor;
        try {
          actor = await sessions.resolve(
            request.cookies?.[SESSION_COOKIE],
            request.ip,
          );
        } catch {
          return deny(401, {
            code: 'AUTH_REQUIRED',
            message: 'Please log in as a system administrator.',
          });
        }
        if (
          actor.stage !== 'authenticated' ||
          !hasPermission(actor.memberships, 'queues.dashboard')
        ) {
          await audit.record({
            action: 'permission.denied',
            result: 'denied',
            userId: actor.userId,
            userEmail: actor.email,
            ip: request.ip,
            objectType: 'route',
            objectId: ApiRoutes.queueDashboard,
            detail: { permission: 'queues.dashboard' },
          });
          return deny(403, {
            code: 'FORBIDDEN',
            message: 'Only system administrators may open the queue dashboard.',
          });
        }
        return undefined;
      },
    );
    await scope.register(serverAdapter.registerPlugin(), {
      prefix: ApiRoutes.queueDashboard,
    });
  });
}
