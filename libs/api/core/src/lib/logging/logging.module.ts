import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { LoggerModule } from 'nestjs-pino';
import pino, { type Logger as PinoRoot } from 'pino';
import { AppConfig } from '../config/app-config';
import { isApiRequest, routedPath } from '../http/routed-path';
import { maskPersonalData } from './personal-data';

const CORRELATION_ID = /^[A-Za-z0-9._-]{8,64}$/;
const HEALTH = '/api/health';

/** The process's one pino logger: Nest's logs and the access log write through it. */
export const ROOT_LOGGER = 'PORTAL_ROOT_LOGGER';

/** A caller's X-Request-Id is kept when well-formed, so one id follows a request across services. */
export function correlationIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && CORRELATION_ID.test(given)
    ? given
    : randomUUID();
}

/**
 * Structured JSON logs (pino). Secrets never reach them: cookies, tokens and passwords are
 * redacted, e-mail addresses and mobile numbers masked. Requests are logged once each, when answered, by `logEveryApiResponse`; there is no
 * per-request middleware or child logger (pino-http's cost half the request pipeline's time).
 */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    const root = pino(rootLoggerOptions(config));
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: { logger: root },
          // No request middleware: see logEveryApiResponse.
          forRoutes: [],
        }),
      ],
      providers: [{ provide: ROOT_LOGGER, useValue: root }],
      exports: [ROOT_LOGGER],
    };
  }
}

export function rootLoggerOptions(config: AppConfig): pino.LoggerOptions {
  return {
    level: config.logLevel,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-xsrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.code',
        '*.token',
        '*.secret',
      ],
      censor: '[redacted]',
    },
    // Every line, whatever wrote it (a message, an error's text from an SMTP server): e-mail
    // addresses and mobile numbers never reach the log in full.
    hooks: { streamWrite: maskPersonalData },
  };
}

/**
 * One line per answered API request — correlation id, method, path (never the query, which
 * may hold search text), status and time — from Fastify's onResponse hook. Health probes and
 * static files would drown the log. "API request" and the path logged are the router's
 * (`isApiRequest`, `routedPath`), so `/%61pi/auth/logout` is logged as `/api/auth/logout`; when
 * the request spelt its path otherwise, that spelling is kept beside it as `rawPath`.
 */
export function logEveryApiResponse(
  fastify: FastifyInstance,
  logger: PinoRoot,
): void {
  // Its fields are chosen above and hold no secret: the redaction walk is skipped.
  const access = logger.child({}, { redact: { paths: [] } });
  fastify.addHook('onResponse', (request, reply, done) => {
    if (isApiRequest(request) && request.routeOptions.url !== HEALTH) {
      const path = routedPath(request);
      const rawPath = request.url.split(/[?#]/)[0] ?? '';
      access.info(
        {
          correlationId: request.id,
          req: {
            method: request.method,
            url: path,
            ...(rawPath === path ? {} : { rawPath }),
            remoteAddress: request.ip,
          },
          res: { statusCode: reply.statusCode },
          responseTime: Math.round(reply.elapsedTime),
        },
        'request completed',
      );
    }
    done();
  });
}
