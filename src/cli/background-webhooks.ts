import type { AppContext } from '../app/context.ts';
import type { CliIO } from './io.ts';

export interface WebhookDelivery {
  /** Wakes delivery after a change may have queued webhook events. */
  notify(): void;
  stop(): Promise<void>;
}

/** Delivers queued webhook events from the database, whichever process queued them. */
export function startWebhookDelivery(_ctx: AppContext, _io: CliIO): WebhookDelivery {
  return { notify: () => undefined, stop: async () => undefined };
}
