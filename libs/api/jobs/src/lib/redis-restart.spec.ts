import { TestRedisServer, waitFor } from '@portal/api-testing';
import Queue from 'bull';
import { createRedis } from './redis-connection';

describe('Bull on our ioredis settings across a Redis restart', () => {
  let redis: TestRedisServer;
  let queue: Queue.Queue<{ n: number }>;

  afterAll(async () => {
    await queue?.close().catch(() => undefined);
    await redis?.dispose();
  });

  it('keeps processing jobs added after Redis came back', async () => {
    redis = await TestRedisServer.start();
    const url = redis.url;
    queue = new Queue<{ n: number }>('restart-test', {
      createClient: (type) => createRedis(url, type),
    });
    const processed: number[] = [];
    void queue.process(async (job) => {
      processed.push(job.data.n);
    });

    await queue.add({ n: 1 });
    await waitFor(() => processed.includes(1), 10_000);

    await redis.kill();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await redis.restart();

    await queue.add({ n: 2 });
    await waitFor(() => processed.includes(2), 20_000);
    expect(processed).toEqual([1, 2]);
  }, 45_000);
});
