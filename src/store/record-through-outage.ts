import { isDatabaseUnavailable } from './database-errors.ts';

/** Waits between tries to record an outcome while the database is away: a restart takes a second or two. */
const RETRY_DELAYS_MS = [100, 250, 500, 1_000, 2_000, 4_000, 8_000];

/**
 * Records what has already happened outside the record's own transaction: a message that went out, or
 * the answer to a request whose change has committed. If the database is unavailable at that moment
 * (restarting, say) the record is tried again for a while, until `giveUpAtMs`: a message whose "sent" is
 * not recorded goes back to the queue when its lease ends and is sent a second time, and a request whose
 * answer is not recorded would be run again by its retry. Any other error, or an outage that lasts past
 * `giveUpAtMs`, is thrown to the caller.
 *
 * @example
 * await recordThroughOutage(() => store.outbox.markSent(id, clock()), { giveUpAtMs: leaseEndMs, now: () => Date.now() });
 */
export async function recordThroughOutage(
  record: () => Promise<void>,
  options: { giveUpAtMs: number; now: () => number; wait?: (ms: number) => Promise<void> },
): Promise<void> {
  const wait = options.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 0; ; attempt += 1) {
    try {
      await record();
      return;
    } catch (error) {
      const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]!;
      if (!isDatabaseUnavailable(error) || options.now() + delay >= options.giveUpAtMs) throw error;
      await wait(delay);
    }
  }
}
