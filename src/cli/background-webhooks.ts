import type { AppContext } from '../app/context.ts';
import { createWebhookWorker } from '../notify/webhook-worker.ts';
import type { CliIO } from './io.ts';

export interface WebhookDelivery {
  /** Wakes delivery after a change may have queued webhook events. */
  notify(): void;
  stop(): Promise<void>;
}

/**
 * Delivers queued webhook events from the database, whichever process queued them: polled every second
 * and woken after each change, shared with any other serving process through SKIP LOCKED claims.
 */
export function startWebhookDelivery(ctx: AppContext, io: CliIO): WebhookDelivery {
  const worker = createWebhookWorker({
    store: ctx.store,
    secrets: ctx.secrets,
    clock: ctx.clock,
    policy: { allowPrivateAddresses: ctx.config.allowPrivateUrls },
    sender: { fromAddress: ctx.config.mailFrom.address, mailDomain: ctx.config.mailDomain },
    log: (entry) => {
      if (entry.level !== 'info') io.stderr(`${JSON.stringify(entry)}\n`);
    },
  });
  worker.start();
  return { notify: () => worker.notify(), stop: () => worker.stop() };
}
