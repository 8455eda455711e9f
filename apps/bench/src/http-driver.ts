import { Agent, request } from 'node:http';

export interface Answer {
  readonly status: number;
  readonly ms: number;
}

/**
 * POSTs JSON bodies one after another from `connections` keep-alive loops, taking the next task
 * from a shared list until it runs out or `seconds` have passed. Requests in flight at the end
 * are waited for, so every request sent has its answer counted (unlike autocannon, which drops
 * them): that is what a lost/doubled reconciliation needs.
 */
export async function drive<T>(
  base: string,
  tasks: readonly T[],
  options: {
    connections: number;
    seconds: number;
    headers: Record<string, string>;
    path: (task: T) => string;
    body: (task: T) => unknown;
    progress?: (sent: number) => void;
  },
): Promise<{ answers: (Answer | null)[]; seconds: number }> {
  const url = new URL(base);
  const agent = new Agent({
    keepAlive: true,
    maxSockets: options.connections,
  });
  const answers: (Answer | null)[] = tasks.map(() => null);
  const started = Date.now();
  const until = started + options.seconds * 1000;
  let next = 0;
  const ticker = options.progress
    ? setInterval(() => options.progress?.(next), 5000)
    : null;
  const post = (task: T): Promise<Answer> =>
    new Promise((resolve) => {
      const body = JSON.stringify(options.body(task));
      const at = process.hrtime.bigint();
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: options.path(task),
          headers: {
            ...options.headers,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              ms: Number(process.hrtime.bigint() - at) / 1e6,
            }),
          );
        },
      );
      req.on('error', () =>
        resolve({ status: 0, ms: Number(process.hrtime.bigint() - at) / 1e6 }),
      );
      req.end(body);
    });
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (Date.now() < until && next < tasks.length) {
        const i = next++;
        answers[i] = await post(tasks[i] as T);
      }
    }),
  );
  if (ticker) clearInterval(ticker);
  const seconds = (Date.now() - started) / 1000;
  agent.destroy();
  return { answers, seconds };
}

/** The q-quantile (0..1) of a list of numbers, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const at = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, at)] as number;
}
