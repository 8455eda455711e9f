import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { ErrorBody, ErrorCode } from '@portal/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error';

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'AUTH_REQUIRED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/** Fastify plugin errors that carry their own status (body parsing, CSRF, rate limit, ...). */
interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/** The single error path: every failure leaves as an ErrorBody with the request's correlation id. */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = toErrorBody(exception, String(request.id));
    if (body.statusCode >= 500) {
      this.logger.error(
        { err: exception, correlationId: body.correlationId, url: request.url },
        'Unhandled error',
      );
    }
    void reply
      .status(body.statusCode)
      .header('content-type', 'application/json')
      .send(body);
  }
}

/** Maps anything thrown to the one error body. */
export function toErrorBody(
  exception: unknown,
  correlationId: string,
): ErrorBody {
  if (exception instanceof AppError) {
    return {
      statusCode: exception.status,
      code: exception.code,
      message: exception.message,
      correlationId,
      ...(exception.fields ? { fields: exception.fields } : {}),
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    // Nest turns Fastify plugin errors into plain HttpExceptions; CSRF ones keep their message.
    if (status === 403 && /csrf/i.test(exception.message))
      return csrfBody(correlationId);
    const response = exception.getResponse();
    const message =
      typeof response === 'object' && response && 'message' in response
        ? String((response as { message: unknown }).message)
        : exception.message;
    return {
      statusCode: status,
      code: STATUS_CODES[status] ?? 'INTERNAL_ERROR',
      message,
      correlationId,
    };
  }
  const fastifyError = exception as FastifyLikeError;
  const status = fastifyError?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (fastifyError.code?.startsWith('FST_CSRF')) {
      return {
        statusCode: 403,
        code: 'CSRF_INVALID',
        message:
          'The form expired or the security token is missing. Reload the page and try again.',
        correlationId,
      };
    }
    return {
      statusCode: status,
      code: STATUS_CODES[status] ?? 'VALIDATION_FAILED',
      message: fastifyError.message ?? 'The request was not accepted.',
      correlationId,
    };
  }
  if (lostDatabase(exception)) {
    return {
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: 'The service is briefly unavailable. Try again in a minute.',
      correlationId,
    };
  }
  return {
    statusCode: 500,
    code: 'INTERNAL_ERROR',
    message: `Something went wrong on our side. Quote ${correlationId} when you contact support.`,
    correlationId,
  };
}

/**
 * Driver errors that mean the database could not be reached or went away mid-request (a restart,
 * a failover). The transaction did not commit, so the request can simply be repeated.
 */
const LOST_DATABASE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'ER_SERVER_SHUTDOWN',
]);

function lostDatabase(exception: unknown): boolean {
  const error = exception as {
    code?: unknown;
    driverError?: { code?: unknown };
  } | null;
  const code = error?.driverError?.code ?? error?.code;
  return typeof code === 'string' && LOST_DATABASE_CODES.has(code);
}

function csrfBody(correlationId: string): ErrorBody {
  return {
    statusCode: 403,
    code: 'CSRF_INVALID',
    message:
      'The security token is missing or expired. Reload the page and try again.',
    correlationId,
  };
}
