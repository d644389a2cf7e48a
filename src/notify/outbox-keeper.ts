import type { Clock } from '../core/clock.ts';
import type { Store } from '../store/index.ts';
import { createPollLoop } from './outbox-poll-loop.ts';
import type { OutboxLog, OutboxWorker } from './outbox-worker.ts';

export interface OutboxKeeperOptions {
  store: Store;
  clock: Clock;
  /** Messages kept per run. Default 100. */
  batchSize?: number;
  /** Pause between runs when nothing was due. Default 1 s. */
  pollMs?: number;
  log?: OutboxLog;
}

export interface OutboxKeepResult {
  /** Due messages this run settled. */
  claimed: number;
  kept: number;
}

export interface OutboxKeeper extends Omit<OutboxWorker, 'runOnce'> {
  runOnce(): Promise<OutboxKeepResult>;
}

/**
 * What stands in for delivery when no SMTP server is configured: each email, once due, becomes `kept`, a
 * final status, instead of staying `pending` forever. A reminder is kept when its time comes, so until
 * then it can still be called off. A kept message's text is already without its link tokens (they rest
 * apart, sealed, and keeping drops them: a kept message is never going to carry its link anywhere), and it
 * keeps every other word, as the audit of what would have been said (`GET /api/v1/messages`).
 *
 * Each run is one statement (FOR UPDATE SKIP LOCKED) that never reads the messages' text; no attempt is
 * counted, and a message a delivering worker holds under its lease is left to it.
 *
 * @example
 * const keeper = createOutboxKeeper({ store, clock: () => new Date() });
 * keeper.start();
 * // after a commit that wrote messages: keeper.notify(); on shutdown: await keeper.stop();
 */
export function createOutboxKeeper(options: OutboxKeeperOptions): OutboxKeeper {
  const { store, clock } = options;
  const batchSize = options.batchSize ?? 100;
  const log: OutboxLog = options.log ?? (() => {});

  async function runOnce(): Promise<OutboxKeepResult> {
    const kept = await store.outbox.keepDue({ at: clock(), limit: batchSize, channel: 'email' });
    // Logged once the outcome is committed (the statement is its own transaction).
    for (const { id, messageId } of kept) log({ level: 'info', event: 'outbox.kept', id, messageId });
    return { claimed: kept.length, kept: kept.length };
  }

  const loop = createPollLoop({
    pollMs: options.pollMs ?? 1_000,
    run: async () => ({ more: (await runOnce()).claimed >= batchSize }),
    onError: (error) => log({ level: 'error', event: 'outbox.run-error', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
  });
  return { runOnce, start: loop.start, stop: loop.stop, notify: loop.notify };
}
