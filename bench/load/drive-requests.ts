import autocannon from 'autocannon';

/** One request of a prepared list: each is sent once. */
export interface PreparedRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** JSON text. */
  body?: string;
  headers?: Record<string, string>;
}

export interface LoadResult {
  connections: number;
  /** How long the load ran: `seconds`, or less when the prepared list ran out first. */
  seconds: number;
  /** The list ran out before the time was up. */
  exhausted: boolean;
  ok: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Non-2xx answers by status, with the first body seen for each. */
  refused: Map<number, { count: number; example: string }>;
  errors: number;
  timeouts: number;
}

/**
 * Sends a prepared list of requests from `connections` keep-alive connections (autocannon), each request
 * once and in list order, until `seconds` are up or the list is used up, whichever comes first.
 *
 * @example
 * const result = await driveRequests(url, bodies.map((body) => ({ method: 'POST', path: '/api/v1/interviews', body })), 16, 20);
 */
export async function driveRequests(url: string, list: readonly PreparedRequest[], connections: number, seconds: number): Promise<LoadResult> {
  if (list.length < connections) throw new Error(`${list.length} prepared requests cannot keep ${connections} connections busy`);
  let next = 0;
  const refused = new Map<number, { count: number; example: string }>();
  // `amount` ends the run when the list is used up (each connection sends its share); the timer ends it
  // when the time is up first.
  let instance: autocannon.Instance | undefined;
  const finished = new Promise<autocannon.Result>((resolveResult, reject) => {
    const options: autocannon.Options = {
      url,
      connections,
      amount: list.length,
      timeout: 30,
      requests: [
        {
          setupRequest: (request) => {
            const prepared = list[next]!;
            next += 1;
            return {
              ...request,
              method: prepared.method,
              path: prepared.path,
              headers: { ...(prepared.body === undefined ? {} : { 'content-type': 'application/json' }), ...prepared.headers },
              ...(prepared.body === undefined ? {} : { body: prepared.body }),
            };
          },
          onResponse: (status, body) => {
            if (status >= 200 && status < 300) return;
            const seen = refused.get(status);
            if (seen) seen.count += 1;
            else refused.set(status, { count: 1, example: body.slice(0, 300) });
          },
        },
      ],
    };
    instance = autocannon(options, (error: unknown, result: autocannon.Result) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolveResult(result),
    );
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    instance?.stop();
  }, seconds * 1000);
  try {
    const result = await finished;
    return {
      connections,
      seconds: result.duration,
      exhausted: !timedOut,
      ok: result['2xx'],
      perSecond: result['2xx'] / result.duration,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      refused,
      errors: result.errors,
      timeouts: result.timeouts,
    };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs `work` on every item with at most `concurrency` at a time; the first failure stops taking new
 * items and is thrown once the ones under way have settled.
 *
 * @example
 * await inParallel(blocks, 16, (block) => api.call('POST', `/api/v1/members/${block.memberId}/busy`, block.body, 201));
 */
export async function inParallel<T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next;
      next += 1;
      try {
        results[index] = await work(items[index]!, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  const rejected = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (rejected) throw rejected.reason;
  return results;
}
