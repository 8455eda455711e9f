import autocannon from 'autocannon';

/**
 * What Chromium sends with every request. autocannon sends no Accept-Encoding of its own, so
 * without this the API would answer uncompressed and the figures would leave out the cost of
 * compressing what browsers really get.
 */
export const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly requests: number;
}

/** autocannon against one URL, asking for compression as a browser does; a non-2xx answer counts as an error. */
export async function load(
  url: string,
  options: {
    connections: number;
    seconds: number;
    headers?: Record<string, string>;
  },
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    headers: {
      'accept-encoding': BROWSER_ACCEPT_ENCODING,
      ...options.headers,
    },
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
  };
}

/** Runs `work` from `concurrency` loops for `seconds`; returns completions per second. */
export async function rate(
  concurrency: number,
  seconds: number,
  work: () => Promise<unknown>,
): Promise<number> {
  const until = Date.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        await work();
        done++;
      }
    }),
  );
  return Math.round(done / seconds);
}
