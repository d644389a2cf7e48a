import type { Clock } from '../core/clock.ts';
import { putBackLinkTokens } from '../core/link-tokens-at-rest.ts';
import type { OutgoingEmail } from '../core/outgoing-email.ts';
import type { ClaimedOutboxMessage, Store } from '../store/index.ts';
import { DatabaseOutageWatch } from '../store/database-errors.ts';
import { LinkTokensKeyMissingError, openLinkTokens } from '../store/sealed-link-tokens.ts';
import type { SecretBox } from '../store/secret-box.ts';
import { computeOutboxBackoff } from './outbox-backoff.ts';
import type { OutboxBackoff } from './outbox-backoff.ts';
import { readOutboxEmail } from './outbox-payload.ts';
import { recordThroughOutage } from '../store/record-through-outage.ts';
import { createPollLoop } from './outbox-poll-loop.ts';
import { isPermanentSmtpFailure } from './smtp-failure.ts';

/** How many emails a worker has in flight at once, by default: each on a kept-open SMTP connection of its own. */
export const SENDS_AT_ONCE = 4;

/**
 * A structured log line; `event` is one of `outbox.claimed|sent|retry|failed|deferred|mark-error|run-error`, or
 * `outbox.database-unavailable|database-back` once each per database outage.
 */
export interface OutboxLogEntry {
  level: 'info' | 'warn' | 'error';
  event: string;
  [field: string]: unknown;
}

export type OutboxLog = (entry: OutboxLogEntry) => void;

export interface OutboxWorkerOptions {
  store: Store;
  /** Delivers one email, e.g. `createSmtpSender(...).send`; rejects to report a failure. */
  send: (email: OutgoingEmail) => Promise<unknown>;
  clock: Clock;
  /**
   * Opens the link tokens set aside from each message: the key they were sealed with (the server's
   * `secrets`), or undefined on a server without one, whose messages keep their tokens in plain JSON.
   */
  secrets: SecretBox | undefined;
  /** Messages claimed per run. Default 20. */
  batchSize?: number;
  /**
   * How long a claim keeps other workers off a message. A worker that dies mid-send delays its messages by
   * at most this. Must be at least twice the longest send (the SMTP sender's timeouts). Default 60 s.
   */
  leaseMs?: number;
  /** Pause between runs when the queue was drained. Default 1 s. */
  pollMs?: number;
  /** Attempts after which a transient failure becomes final. Default 8. */
  maxAttempts?: number;
  /** Delay before the next attempt given the attempts so far. Default {@link computeOutboxBackoff}. */
  backoff?: OutboxBackoff;
  /** Sends in flight at once within a batch. Default {@link SENDS_AT_ONCE}. */
  concurrency?: number;
  log?: OutboxLog;
}

export interface OutboxRunResult {
  /** Messages this run claimed. */
  claimed: number;
  sent: number;
  /** Failed for now; rescheduled with backoff. */
  retried: number;
  /** Given up: permanent refusal, attempts exhausted, or an unreadable payload. */
  failed: number;
  /**
   * Left under their lease, not settled: not started because the lease was running out, or settled but
   * the database did not take the outcome. They come back once the lease ends.
   */
  deferred: number;
}

export interface OutboxWorker {
  /** Claims one batch of due emails, sends them and records each outcome. */
  runOnce(): Promise<OutboxRunResult>;
  /** Polls in the background until `stop()`. */
  start(): void;
  /** Stops polling; resolves once the run in progress has finished. */
  stop(): Promise<void>;
  /** Runs soon, e.g. right after a request committed new outbox rows. */
  notify(): void;
}

type Outcome = 'sent' | 'retried' | 'failed' | 'deferred';

/** Recording a send stops being retried this long before the lease ends. */
const RECORD_MARGIN_MS = 5_000;

/**
 * Delivers the email outbox. Each run claims a batch in its own short transaction, which commits before
 * anything is sent: a crash mid-send leaves the messages claimed, and they are sent again once the lease
 * ends (at-least-once; the stable Message-ID lets receivers drop a duplicate). Outcomes are written one
 * message at a time, outside any transaction.
 *
 * @example
 * const sender = createSmtpSender({ url: smtpUrl });
 * const worker = createOutboxWorker({ store, send: sender.send, clock: () => new Date(), log });
 * worker.start();
 * // on shutdown
 * await worker.stop();
 * sender.close();
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { store, send, clock } = options;
  const batchSize = options.batchSize ?? 20;
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 1_000;
  const maxAttempts = options.maxAttempts ?? 8;
  const backoff = options.backoff ?? computeOutboxBackoff;
  const concurrency = Math.max(1, options.concurrency ?? SENDS_AT_ONCE);
  const log: OutboxLog = options.log ?? (() => {});

  async function settle(message: ClaimedOutboxMessage, leaseEndMs: number): Promise<Outcome> {
    const fields = { id: message.id, messageId: message.messageId, attempts: message.attempts };
    const read = readDeliverableEmail(message, options.secrets);
    if (!read.ok && !read.anotherServerMayRead) {
      await store.outbox.markFailed(message.id, read.error);
      log({ level: 'error', event: 'outbox.failed', ...fields, error: read.error });
      return 'failed';
    }
    if (!read.ok) return retryOrGiveUp(message, read.error, false);
    // A send started in the second half of the lease could still be running when the lease ends and
    // another worker claims the message again: leave it for the next claim instead.
    if (clock().getTime() > leaseEndMs - leaseMs / 2) {
      log({ level: 'warn', event: 'outbox.deferred', ...fields, reason: 'lease running out before the send' });
      return 'deferred';
    }
    let failure: { error: unknown } | undefined;
    try {
      await send(read.email);
    } catch (error) {
      failure = { error };
    }
    if (failure === undefined) {
      // Sent: recording it must outlast a database restart, or the lease would send it again. Tried until
      // shortly before the lease ends (another worker may claim it after that).
      // (Measured on the real clock: the worker's clock may be a test's fixed one.)
      const leaseLeftMs = leaseEndMs - RECORD_MARGIN_MS - clock().getTime();
      await recordThroughOutage(() => store.outbox.markSent(message.id, clock()), {
        giveUpAtMs: Date.now() + leaseLeftMs,
        now: Date.now,
      });
      log({ level: 'info', event: 'outbox.sent', ...fields });
      return 'sent';
    }
    return retryOrGiveUp(message, describeFailure(failure.error), isPermanentSmtpFailure(failure.error));
  }

  /** A failure that may pass: tried again after the backoff, until `maxAttempts`; a permanent one is final at once. */
  async function retryOrGiveUp(message: ClaimedOutboxMessage, error: string, permanent: boolean): Promise<Outcome> {
    const fields = { id: message.id, messageId: message.messageId, attempts: message.attempts };
    if (permanent || message.attempts >= maxAttempts) {
      await store.outbox.markFailed(message.id, error);
      const reason = permanent ? 'permanent' : 'attempts exhausted';
      log({ level: 'error', event: 'outbox.failed', ...fields, reason, error });
      return 'failed';
    }
    const nextAttemptAt = new Date(clock().getTime() + backoff(message.attempts));
    await store.outbox.scheduleRetry(message.id, nextAttemptAt, error);
    log({ level: 'warn', event: 'outbox.retry', ...fields, nextAttemptAt: nextAttemptAt.toISOString(), error });
    return 'retried';
  }

  async function runOnce(): Promise<OutboxRunResult> {
    const claimedAt = clock();
    const claimed = await store.transaction((tx) =>
      tx.outbox.claimDue({ at: claimedAt, limit: batchSize, leaseMs, channel: 'email' }),
    );
    const result: OutboxRunResult = { claimed: claimed.length, sent: 0, retried: 0, failed: 0, deferred: 0 };
    if (claimed.length === 0) return result;
    const leaseEndMs = claimedAt.getTime() + leaseMs;
    log({ level: 'info', event: 'outbox.claimed', count: claimed.length, leaseUntil: new Date(leaseEndMs).toISOString() });
    await forEachConcurrently(claimed, concurrency, async (message) => {
      try {
        result[await settle(message, leaseEndMs)] += 1;
      } catch (error) {
        // Recording the outcome failed (the database went away). The lease brings the message back, and a
        // message that was sent is sent again with the same Message-ID.
        result.deferred += 1;
        log({ level: 'error', event: 'outbox.mark-error', id: message.id, messageId: message.messageId, error: describeFailure(error) });
      }
    });
    return result;
  }

  // While the database is away every poll fails alike: said once when it goes, once when it is back.
  const outage = new DatabaseOutageWatch();
  const loop = createPollLoop({
    pollMs,
    run: async () => {
      const done = await runOnce();
      if (outage.succeeded()) log({ level: 'warn', event: 'outbox.database-back' });
      return { more: done.claimed >= batchSize };
    },
    onError: (error) => {
      const step = outage.failed(error);
      if (step === 'outage-began') log({ level: 'error', event: 'outbox.database-unavailable', error: describeFailure(error) });
      if (step === 'not-an-outage') log({ level: 'error', event: 'outbox.run-error', error: describeFailure(error) });
    },
  });

  return { runOnce, start: loop.start, stop: loop.stop, notify: loop.notify };
}

/**
 * The email a claimed message will send: its stored text with the link tokens put back. A message whose
 * text or tokens cannot be read (changed by hand, or sealed under a key this server does not have) can
 * never be sent as written: the caller fails it rather than retrying.
 */
function readDeliverableEmail(
  message: ClaimedOutboxMessage,
  secrets: SecretBox | undefined,
): { ok: true; email: OutgoingEmail } | { ok: false; error: string; anotherServerMayRead: boolean } {
  const read = readOutboxEmail(message);
  if (!read.ok) return { ...read, anotherServerMayRead: false };
  try {
    return { ok: true, email: putBackLinkTokens(read.email, openLinkTokens(message.linkTokens, secrets)) };
  } catch (error) {
    // Without the key the links were sealed under, this server cannot send the message, but a server of
    // the same database that has it can: a misconfigured server must not fail everyone's messages.
    return { ok: false, error: `The message's links cannot be put back: ${describeFailure(error)}`, anotherServerMayRead: error instanceof LinkTokensKeyMissingError };
  }
}

/** Runs `work` over `items` with at most `limit` in flight; `work` must not reject. */
async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/** The error as stored in `last_error` and logged: the SMTP reply when there is one, never a stack. */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${error.name} ${code}: ${error.message}` : `${error.name}: ${error.message}`;
}
