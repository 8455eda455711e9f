import { Writable } from 'node:stream';
import Fastify from 'fastify';
import pino from 'pino';
import { loadConfig } from '../config/app-config';
import { logEveryApiResponse, rootLoggerOptions } from './logging.module';

/** A pino logger with the portal's options whose lines land in `lines`. */
function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info' });
  return { lines, logger: pino(rootLoggerOptions(config), sink) };
}

describe('the access log', () => {
  it('writes one line per API answer: correlation id, method, path without the query, status, time', async () => {
    const { lines, logger } = capturingLogger();
    const fastify = Fastify({ genReqId: () => 'corr-id-0001' });
    logEveryApiResponse(fastify, logger);
    fastify.get('/api/things', async (_request, reply) =>
      reply.status(201).send({ ok: true }),
    );
    fastify.get('/api/health', async () => ({ status: 'ok' }));
    fastify.get('/main.js', async () => '');

    await fastify.inject({
      url: '/api/things?text=private+search',
      headers: { cookie: 'portal_sid=secret' },
    });
    await fastify.inject({ url: '/api/health' });
    await fastify.inject({ url: '/main.js' });

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: 'request completed',
      correlationId: 'corr-id-0001',
      req: { method: 'GET', url: '/api/things' },
      res: { statusCode: 201 },
    });
    expect(typeof lines[0]?.['responseTime']).toBe('number');
    expect(JSON.stringify(lines)).not.toContain('secret');
    expect(JSON.stringify(lines)).not.toContain('private');
    await fastify.close();
  });

  it('logs an API request by the path the router matched, keeping the spelling it came in', async () => {
    const { lines, logger } = capturingLogger();
    const fastify = Fastify();
    logEveryApiResponse(fastify, logger);
    fastify.get('/api/things', async () => ({ ok: true }));
    fastify.get('/api/health', async () => ({ status: 'ok' }));

    await fastify.inject({ url: '/%61pi/things?text=private' });
    await fastify.inject({ url: '/%61pi/health' });

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      req: { method: 'GET', url: '/api/things', rawPath: '/%61pi/things' },
    });
    expect(JSON.stringify(lines)).not.toContain('private');
    await fastify.close();
  });

  it('leaves redaction in force for every other log line', () => {
    const { lines, logger } = capturingLogger();
    logger.warn({ user: { email: 'a@b.cn', password: 'hunter2' } }, 'odd');
    expect(lines[0]?.['user']).toEqual({
      email: '***@b.cn',
      password: '[redacted]',
    });
  });

  it('masks e-mail addresses and mobile numbers in every line, messages and errors alike', () => {
    const { lines, logger } = capturingLogger();
    logger.info('Wrote a mail for zhang.san@company.example.cn');
    logger.warn(
      { err: new Error('550 <li.si@bank.example.com>: mailbox unavailable') },
      'Mail failed; the contact is on 13812345678',
    );
    logger.info(
      { correlationId: '13812345678a-id', orderNo: 138123456789 },
      'ids',
    );
    const text = JSON.stringify(lines);
    expect(text).not.toContain('zhang.san');
    expect(text).not.toContain('li.si');
    expect(text).not.toContain('13812345678 ');
    expect(lines[0]?.['msg']).toBe('Wrote a mail for ***@company.example.cn');
    expect(lines[1]?.['msg']).toBe(
      'Mail failed; the contact is on 138****5678',
    );
    expect(String((lines[1]?.['err'] as { message: string }).message)).toBe(
      '550 <***@bank.example.com>: mailbox unavailable',
    );
    // Ids and longer numbers are not phone numbers.
    expect(lines[2]).toMatchObject({
      correlationId: '13812345678a-id',
      orderNo: 138123456789,
    });
  });
});
