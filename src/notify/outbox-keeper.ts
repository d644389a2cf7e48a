import type { Clock } from '../core/clock.ts';
import type { Store } from '../store/index.ts';
import { readOutboxEmail } from './outbox-payload.ts';
import { createPollLoop } from './outbox-poll-loop.ts';
import type { OutboxLog, OutboxWorker } from './outbox-worker.ts';
import { redactLinkTokens } from './redact-link-tokens.ts';

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
  /** Unreadable payloads, failed as the worker would fail them. */
  failed: number;
}

export interface OutboxKeeper extends Omit<OutboxWorker, 'runOnce'> {
  runOnce(): Promise<OutboxKeepResult>;
}

/**
 * What stands in for delivery when no SMTP server is configured: each email, once due, becomes `kept`, a
 * final status, instead of staying `pending` forever. A reminder is kept when its time comes, so until
 * then it can still be called off. Kept messages lose their candidate link tokens like delivered ones
 * (the outbox is no store of credentials; a kept message is never going to carry its link anywhere), and
 * keep every other word, as the audit of what would have been said (`GET /api/v1/messages`).
 *
 * Each run is one short transaction (FOR UPDATE SKIP LOCKED); no attempt is counted, and a message a
 * delivering worker holds under its lease is left to it.
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
    const at = clock();
    const settled: Array<{ level: 'info' | 'error'; event: string; id: string; messageId: string; error?: string }> = [];
    const result = await store.transaction(async (tx) => {
      const due = await tx.outbox.lockDue({ at, limit: batchSize, channel: 'email' });
      const counts: OutboxKeepResult = { claimed: due.length, kept: 0, failed: 0 };
      const kept: Array<{ id: string; payload: Record<string, unknown> }> = [];
      for (const message of due) {
        const read = readOutboxEmail(message);
        if (!read.ok) {
          await tx.outbox.markFailed(message.id, read.error);
          counts.failed += 1;
          settled.push({ level: 'error', event: 'outbox.failed', id: message.id, messageId: message.messageId, error: read.error });
          continue;
        }
        kept.push({ id: message.id, payload: redactLinkTokens(message.payload) });
        counts.kept += 1;
        settled.push({ level: 'info', event: 'outbox.kept', id: message.id, messageId: message.messageId });
      }
      // The whole batch in one statement: under load a run settles dozens of messages.
      await tx.outbox.markKeptMany(kept);
      return counts;
    });
    // Logged once the outcome is committed; a transaction that was run again logs once.
    for (const entry of settled) log(entry);
    return result;
  }

  const loop = createPollLoop({
    pollMs: options.pollMs ?? 1_000,
    run: async () => ({ more: (await runOnce()).claimed >= batchSize }),
    onError: (error) => log({ level: 'error', event: 'outbox.run-error', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
  });
  return { runOnce, start: loop.start, stop: loop.stop, notify: loop.notify };
}
