import autocannon from 'autocannon';
import { summarise } from '../measure.ts';

/** How often a load looks whether it should stop. */
const STOP_CHECK_MS = 50;

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
  /** Requests taken from the list, answered or not: a load stopped when its time is up leaves some unanswered. */
  sent: number;
  ok: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Every answer's time, in ms, in the order they came: what the percentiles are taken from. */
  latenciesMs: readonly number[];
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
  const latenciesMs: number[] = [];
  // `amount` ends the run when the list is used up (each connection sends its share); the timer ends it
  // when the time is up first.
  let instance: autocannon.Instance | undefined;
  const finished = new Promise<autocannon.Result>((resolveResult, reject) => {
    const options: autocannon.Options = {
      url,
      connections,
      amount: list.length,
      timeout: 30,
      // autocannon notices a stop (the timer's, or the list used up) only when it takes a sample: at its
      // default of one a second, a load ran on for up to a second past its time, and a list used up early
      // counted up to a second of idling in the load's rate.
      sampleInt: STOP_CHECK_MS,
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
    instance.on('response', (_client, _status, _bytes, responseTime) => latenciesMs.push(responseTime));
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    instance?.stop();
  }, seconds * 1000);
  try {
    const result = await finished;
    const { medianMs, p99Ms } = summarise(latenciesMs);
    return {
      connections,
      seconds: result.duration,
      exhausted: !timedOut,
      sent: next,
      ok: result['2xx'],
      perSecond: result['2xx'] / result.duration,
      p50Ms: medianMs,
      p99Ms,
      latenciesMs,
      refused,
      errors: result.errors,
      timeouts: result.timeouts,
    };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Loads run one after another, as one: answers and time added up, percentiles over every answer of every
 * load, refusals counted together by status (the first body seen kept for each).
 *
 * @example
 * const bookings = combineLoads([firstSlice, secondSlice, thirdSlice]);
 */
export function combineLoads(loads: readonly LoadResult[]): LoadResult {
  const [first] = loads;
  if (!first) throw new Error('No loads to combine.');
  const ok = loads.reduce((sum, load) => sum + load.ok, 0);
  const seconds = loads.reduce((sum, load) => sum + load.seconds, 0);
  const latenciesMs = loads.flatMap((load) => load.latenciesMs);
  const { medianMs, p99Ms } = summarise(latenciesMs);
  const refused = new Map<number, { count: number; example: string }>();
  for (const [status, { count, example }] of loads.flatMap((load) => [...load.refused])) {
    const seen = refused.get(status);
    refused.set(status, { count: (seen?.count ?? 0) + count, example: seen?.example ?? example });
  }
  return {
    connections: first.connections,
    seconds,
    exhausted: loads.some((load) => load.exhausted),
    sent: loads.reduce((sum, load) => sum + load.sent, 0),
    ok,
    perSecond: ok / seconds,
    p50Ms: medianMs,
    p99Ms,
    latenciesMs,
    refused,
    errors: loads.reduce((sum, load) => sum + load.errors, 0),
    timeouts: loads.reduce((sum, load) => sum + load.timeouts, 0),
  };
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
