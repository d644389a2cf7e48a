import { setTimeout as sleep } from 'node:timers/promises';
import type { StatusCounts } from './status-counts.ts';

export interface SoakRequest {
  /** How the answer is counted, e.g. `POST /api/v1/interviews`. */
  route: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  /** Sent on every attempt of this request, so a retry can never do the thing twice. */
  idempotencyKey?: string;
  /** Candidate links carry their own credential; everything else sends the API key. */
  withApiKey?: boolean;
  /** Which server to try first (the load is split between them). */
  server: number;
}

/** The final answer, or `unresolved` when no final answer came before the deadline. */
export type SoakAnswer = { status: number; body: unknown } | { status: 'unresolved'; last: string };

export interface SoakClientOptions {
  /** The servers' base URLs, read at every attempt: a restarted server may come back elsewhere. */
  servers: () => readonly string[];
  apiKey: string;
  counts: StatusCounts;
  /** No new attempt starts after this instant (ms since the epoch). */
  deadline: () => number;
}

const REQUEST_TIMEOUT_MS = 30_000;
const LONGEST_RETRY_AFTER_MS = 30_000;
const RETRIES_AFTER_500 = 2;

/**
 * A client that behaves as the API asks of clients: on 503 or 429 it waits as long as `Retry-After` says
 * and sends the same request again with the same Idempotency-Key; when a connection fails (a server was
 * killed) or a request is still running under its key (409 IDEMPOTENCY_IN_PROGRESS) it waits a moment and
 * tries again, the next server first. A 500 is retried twice (a failed request releases its key) but is
 * counted, and the audit fails on it. Every answer is counted per route.
 *
 * @example
 * const answer = await client.send({ route: 'GET /healthz', method: 'GET', path: '/healthz', server: 0 });
 */
export function soakClient(options: SoakClientOptions): { send(request: SoakRequest): Promise<SoakAnswer> } {
  const { counts } = options;
  return {
    async send(request) {
      let last = 'not sent';
      let serverErrors = 0;
      for (let attempt = 0; Date.now() < options.deadline(); attempt += 1) {
        const servers = options.servers();
        const base = servers[(request.server + attempt) % servers.length]!;
        const started = performance.now();
        let response: Response;
        try {
          response = await fetch(`${base}${request.path}`, {
            method: request.method,
            headers: headersOf(request, options.apiKey),
            ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          });
        } catch (error) {
          last = describeNetworkError(error);
          counts.add(request.route, last, performance.now() - started);
          await sleep(500);
          continue;
        }
        const text = await response.text().catch(() => '');
        counts.add(request.route, response.status, performance.now() - started);
        last = `${response.status} ${text.slice(0, 200)}`;
        if (response.status === 503 || response.status === 429) {
          const retryAfter = response.headers.get('retry-after');
          if (retryAfter === null) counts.noteMissingRetryAfter(request.route, response.status);
          await sleep(retryAfterMs(retryAfter));
          continue;
        }
        if (response.status >= 500) {
          counts.noteServerError(request.route, response.status, text);
          // A fault may have caused it, so try again; a request that keeps failing is a bug, and its 500 final.
          serverErrors += 1;
          if (serverErrors > RETRIES_AFTER_500) return { status: response.status, body: parseJson(text) };
          await sleep(1_000);
          continue;
        }
        if (response.status === 409 && text.includes('IDEMPOTENCY_IN_PROGRESS')) {
          await sleep(2_000);
          continue;
        }
        if (response.status >= 400) counts.noteRefusal(request.route, response.status, text);
        return { status: response.status, body: parseJson(text) };
      }
      return { status: 'unresolved', last };
    },
  };
}

function headersOf(request: SoakRequest, apiKey: string): Record<string, string> {
  return {
    ...(request.withApiKey === false ? {} : { authorization: `Bearer ${apiKey}` }),
    ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
    ...(request.idempotencyKey === undefined ? {} : { 'idempotency-key': request.idempotencyKey }),
  };
}

/** Seconds or an HTTP date, as RFC 9110 allows; 1 s when absent or unreadable; never more than 30 s. */
function retryAfterMs(value: string | null): number {
  if (value === null) return 1_000;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1_000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) ? Math.min(LONGEST_RETRY_AFTER_MS, Math.max(0, ms)) : 1_000;
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  if ((error as Error).name === 'TimeoutError') return 'timeout';
  return `network ${cause?.code ?? (error as Error).name}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
