import type { Clock } from '../core/clock.ts';
import { decideDeliveryOutcome } from '../core/webhooks/delivery-outcome.ts';
import type { OutboundPolicy, Resolver } from '../net/outbound-request.ts';
import type { Store } from '../store/index.ts';
import { DatabaseOutageWatch } from '../store/database-errors.ts';
import type { ClaimedDelivery } from '../store/repositories/webhooks.ts';
import type { SecretBox } from '../store/secret-box.ts';
import { recordThroughOutage } from '../store/record-through-outage.ts';
import { createPollLoop } from './outbox-poll-loop.ts';
import type { OutboxLog } from './outbox-worker.ts';
import { attemptDelivery, WEBHOOK_TIMEOUT_MS } from './webhook-attempt.ts';
import { queueDisabledNotice } from './webhook-disabled-notice.ts';
import type { NoticeSender } from './webhook-disabled-notice.ts';

export interface WebhookWorkerOptions {
  store: Store;
  /** Opens the sealed signing secrets; without it nothing can be signed and deliveries wait. */
  secrets: SecretBox | undefined;
  clock: Clock;
  /** `{ allowPrivateAddresses: config.allowPrivateUrls }`. */
  policy: OutboundPolicy;
  /** Who the "endpoint disabled" email comes from. */
  sender: NoticeSender;
  /** Deliveries claimed per run (at most one per endpoint and lane). Default 20. */
  batchSize?: number;
  /** How long a claim keeps other workers off a delivery; must exceed the timeout twice over. Default 60 s. */
  leaseMs?: number;
  pollMs?: number;
  /** Per attempt; default 15 s. */
  timeoutMs?: number;
  concurrency?: number;
  /** For tests of the rebinding guard. */
  resolve?: Resolver;
  log?: OutboxLog;
}

export interface WebhookRunResult {
  claimed: number;
  delivered: number;
  retried: number;
  /** Given up, with the endpoint disabled. */
  failed: number;
  /** Not settled: the lease ran out, or the outcome could not be written; they come back after the lease. */
  deferred: number;
}

export interface WebhookWorker {
  runOnce(): Promise<WebhookRunResult>;
  start(): void;
  stop(): Promise<void>;
  notify(): void;
}

type Outcome = 'delivered' | 'retried' | 'failed' | 'deferred';

/**
 * Delivers queued webhook events. Each run claims, in a short transaction of its own, the oldest due
 * delivery of each active endpoint's lanes — its event stream, and its test events (SKIP LOCKED and a lease, so any number of processes share the queue
 * and a crash only delays a delivery), sends them signed, and records each outcome only while its lease
 * still holds. At least once: a delivery sent by a worker that died before recording it is sent again with
 * the same `webhook-id`, which receivers use to drop the copy.
 */
export function createWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const { store, clock } = options;
  const batchSize = options.batchSize ?? 20;
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const leaseMs = Math.max(options.leaseMs ?? 60_000, 2 * timeoutMs);
  const pollMs = options.pollMs ?? 1_000;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const log: OutboxLog = options.log ?? (() => {});

  function signingSecrets(delivery: ClaimedDelivery, at: Date): string[] | { error: string } {
    if (!options.secrets) return { error: 'No LEEWAY_SECRET_KEY: the signing secret cannot be opened.' };
    try {
      const secrets = [options.secrets.open(delivery.secretSealed)];
      if (delivery.previousSecretSealed && delivery.previousSecretUntil && delivery.previousSecretUntil.getTime() > at.getTime()) {
        secrets.push(options.secrets.open(delivery.previousSecretSealed));
      }
      return secrets;
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }

  async function settle(delivery: ClaimedDelivery): Promise<Outcome> {
    const fields = { id: delivery.id, webhookId: delivery.webhookId, subscriptionId: delivery.subscriptionId, attempts: delivery.attempts };
    const startedAt = clock();
    // A send begun late in the lease could outlive it and race the next claim: leave it for that claim.
    if (startedAt.getTime() + timeoutMs > delivery.leaseUntil.getTime()) {
      log({ level: 'warn', event: 'webhook.deferred', ...fields, reason: 'lease running out before the send' });
      return 'deferred';
    }
    const secrets = signingSecrets(delivery, startedAt);
    const result = Array.isArray(secrets)
      ? await attemptDelivery(
          { url: delivery.url, webhookId: delivery.webhookId, body: delivery.body, secrets, timestampSeconds: Math.floor(startedAt.getTime() / 1000) },
          { policy: options.policy, timeoutMs, ...(options.resolve ? { resolve: options.resolve } : {}) },
        )
      : { kind: 'error' as const, message: secrets.error };
    const at = clock();
    const outcome = decideDeliveryOutcome(result, delivery.attempts, at);
    const lease = { leaseUntil: delivery.leaseUntil };
    if (outcome.kind === 'delivered') {
      // Delivered: recording it must outlast a database restart, or the lease would deliver it again.
      let recorded = false;
      await recordThroughOutage(
        async () => {
          recorded = await store.webhooks.markDelivered(delivery.id, { ...lease, at, responseStatus: outcome.responseStatus });
        },
        { giveUpAtMs: Date.now() + (delivery.leaseUntil.getTime() - clock().getTime()), now: Date.now },
      );
      if (!recorded) return 'deferred';
      log({ level: 'info', event: 'webhook.delivered', ...fields, status: outcome.responseStatus });
      return 'delivered';
    }
    if (outcome.kind === 'retry') {
      const written = await store.webhooks.scheduleRetry(delivery.id, { ...lease, nextAttemptAt: outcome.nextAttemptAt, responseStatus: outcome.responseStatus, error: outcome.error });
      if (!written) return 'deferred';
      log({ level: 'warn', event: 'webhook.retry', ...fields, nextAttemptAt: outcome.nextAttemptAt.toISOString(), error: outcome.error });
      return 'retried';
    }
    const given = await store.transaction(async (tx) => {
      const done = await tx.webhooks.giveUp(delivery, { ...lease, at, responseStatus: outcome.responseStatus, error: outcome.error, disableReason: outcome.disableReason });
      const told = done.disabled
        ? await queueDisabledNotice(tx, options.sender, {
            organizationId: delivery.organizationId,
            webhookId: delivery.subscriptionId,
            url: delivery.url,
            description: delivery.description,
            reason: outcome.disableReason,
            pendingDeliveries: done.pending,
            at,
          })
        : null;
      return { ...done, told };
    });
    if (!given.settled) return 'deferred';
    log({ level: 'error', event: 'webhook.disabled', ...fields, reason: outcome.disableReason, told: given.told });
    return 'failed';
  }

  async function runOnce(): Promise<WebhookRunResult> {
    const claimed = await store.transaction((tx) => tx.webhooks.claimDue({ at: clock(), limit: batchSize, leaseMs }));
    const result: WebhookRunResult = { claimed: claimed.length, delivered: 0, retried: 0, failed: 0, deferred: 0 };
    let next = 0;
    const lane = async () => {
      while (next < claimed.length) {
        const delivery = claimed[next]!;
        next += 1;
        try {
          result[await settle(delivery)] += 1;
        } catch (error) {
          result.deferred += 1;
          log({ level: 'error', event: 'webhook.mark-error', id: delivery.id, error: error instanceof Error ? error.message : String(error) });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, lane));
    return result;
  }

  // While the database is away every poll fails alike: said once when it goes, once when it is back.
  const outage = new DatabaseOutageWatch();
  const loop = createPollLoop({
    pollMs,
    // A settled delivery may have unblocked the next one of its endpoint: run again while anything moved.
    run: async () => {
      const done = await runOnce();
      if (outage.succeeded()) log({ level: 'warn', event: 'webhook.database-back' });
      return { more: done.delivered + done.failed > 0 || done.claimed >= batchSize };
    },
    onError: (error) => {
      const message = error instanceof Error ? error.message : String(error);
      const step = outage.failed(error);
      if (step === 'outage-began') log({ level: 'error', event: 'webhook.database-unavailable', error: message });
      if (step === 'not-an-outage') log({ level: 'error', event: 'webhook.run-error', error: message });
    },
  });

  return { runOnce, start: loop.start, stop: loop.stop, notify: loop.notify };
}
