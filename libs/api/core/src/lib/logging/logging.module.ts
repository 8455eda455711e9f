import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Options } from 'pino-http';
import { AppConfig } from '../config/app-config';

const CORRELATION_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** A caller's X-Request-Id is kept when well-formed, so one id follows a request across services. */
export function correlationIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && CORRELATION_ID.test(given)
    ? given
    : randomUUID();
}

/** Structured JSON logs (pino). Secrets never reach them: cookies, tokens and passwords are redacted. */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: httpLoggerOptions(config),
          // Nest 11's path syntax for "every route" (the library's default '*' is deprecated).
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        }),
      ],
    };
  }
}

function httpLoggerOptions(config: AppConfig): Options {
  return {
    level: config.logLevel,
    genReqId: (req) =>
      (req as IncomingMessage & { id?: string }).id ?? correlationIdOf(req),
    customProps: (req) => ({
      correlationId: (req as IncomingMessage & { id?: string }).id,
    }),
    // Health probes and static files would drown the log.
    autoLogging: {
      ignore: (req) =>
        !req.url?.startsWith('/api/') || req.url === '/api/health',
    },
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
    serializers: {
      req: (req: {
        id: string;
        method: string;
        url: string;
        remoteAddress?: string;
      }) => ({
        id: req.id,
        method: req.method,
        url: req.url?.split('?')[0],
        remoteAddress: req.remoteAddress,
      }),
    },
  };
}
