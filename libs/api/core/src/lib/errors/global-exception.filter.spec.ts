import { QueryFailedError } from 'typeorm';
import { AppError } from './app-error';
import { toErrorBody } from './global-exception.filter';

describe('error bodies', () => {
  it('answers a lost database connection with 503 and a retry hint, never 500', () => {
    for (const code of [
      'ECONNREFUSED',
      'PROTOCOL_CONNECTION_LOST',
      'ER_SERVER_SHUTDOWN',
    ]) {
      const lost = new QueryFailedError(
        'SELECT 1',
        [],
        Object.assign(new Error('gone'), { code }),
      );
      expect(toErrorBody(lost, 'c-1')).toEqual({
        statusCode: 503,
        code: 'SERVICE_UNAVAILABLE',
        message: 'The service is briefly unavailable. Try again in a minute.',
        correlationId: 'c-1',
      });
    }
  });

  it('keeps other failures a 500 without detail, and refusals as they were raised', () => {
    const deadlock = new QueryFailedError(
      'UPDATE x',
      [],
      Object.assign(new Error('Deadlock found'), { code: 'ER_LOCK_DEADLOCK' }),
    );
    expect(toErrorBody(deadlock, 'c-2')).toMatchObject({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
    });
    expect(JSON.stringify(toErrorBody(deadlock, 'c-2'))).not.toContain(
      'Deadlock',
    );
    expect(
      toErrorBody(new AppError(409, 'VERSION_CONFLICT', 'Reload it.'), 'c-3'),
    ).toEqual({
      statusCode: 409,
      code: 'VERSION_CONFLICT',
      message: 'Reload it.',
      correlationId: 'c-3',
    });
  });
});
