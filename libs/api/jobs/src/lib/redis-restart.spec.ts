import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Queue from 'bull';
import { createRedis } from './redis-connection';

/** A real redis-server of the test's own, so restarting it disturbs nothing else. */
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startRedis(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
    ],
    {
      stdio: 'ignore',
    },
  );
  const probe = createRedis(`redis://127.0.0.1:${port}`, 'client');
  try {
    await probe.ping();
  } finally {
    probe.disconnect();
  }
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

async function waitFor(
  predicate: () => boolean,
  timeoutMs: number,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > until)
      throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('Bull on our ioredis settings across a Redis restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-redis-'));
  let redis: ChildProcess;
  let queue: Queue.Queue<{ n: number }>;

  afterAll(async () => {
    await queue?.close().catch(() => undefined);
    if (redis) await stop(redis);
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps processing jobs added after Redis came back', async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    redis = await startRedis(port, dir);
    queue = new Queue<{ n: number }>('restart-test', {
      createClient: (type) => createRedis(url, type),
    });
    const processed: number[] = [];
    void queue.process(async (job) => {
      processed.push(job.data.n);
    });

    await queue.add({ n: 1 });
    await waitFor(() => processed.includes(1), 10_000);

    await stop(redis);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    redis = await startRedis(port, dir);

    await queue.add({ n: 2 });
    await waitFor(() => processed.includes(2), 20_000);
    expect(processed).toEqual([1, 2]);
  }, 45_000);
});
