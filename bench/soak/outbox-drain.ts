import { setTimeout as sleep } from 'node:timers/promises';

interface MessagePage {
  messages: unknown[];
  nextCursor: string | null;
}

export interface DrainResult {
  drained: boolean;
  seconds: number;
  /** Due messages still pending when the wait ended (0 when drained). */
  pendingDue: number;
}

const PAGE = 200;
const POLL_MS = 3_000;

/**
 * Waits, at most `limitSeconds`, until the outbox has no pending message that is due: everything the load
 * wrote and the faults held back has gone out (a retry scheduled after now waits for its time). Asks
 * `GET /api/v1/messages` for pending messages due by now, so it works on either engine while the server
 * runs, and reads only what is left to send rather than the whole outbox.
 *
 * @example
 * const { drained } = await drainOutbox(() => servers[0].url, apiKey, 240);
 */
export async function drainOutbox(url: () => string, apiKey: string, limitSeconds: number): Promise<DrainResult> {
  const started = Date.now();
  let pendingDue = Number.NaN;
  while (true) {
    pendingDue = await countPendingDue(url(), apiKey).catch(() => Number.NaN);
    const seconds = (Date.now() - started) / 1000;
    if (pendingDue === 0) return { drained: true, seconds, pendingDue };
    if (seconds >= limitSeconds) return { drained: false, seconds, pendingDue };
    await sleep(POLL_MS);
  }
}

async function countPendingDue(url: string, apiKey: string): Promise<number> {
  const dueBy = new Date().toISOString();
  let count = 0;
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ status: 'pending', dueBy, limit: String(PAGE), ...(cursor === null ? {} : { cursor }) });
    const response = await fetch(`${url}/api/v1/messages?${query.toString()}`, {
      headers: { authorization: `Bearer ${apiKey}` },
      signal: AbortSignal.timeout(30_000),
    });
    if (response.status !== 200) throw new Error(`GET /api/v1/messages answered ${response.status}`);
    const page = (await response.json()) as MessagePage;
    count += page.messages.length;
    cursor = page.nextCursor;
  } while (cursor !== null);
  return count;
}
