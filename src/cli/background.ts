import type { AppContext } from '../app/context.ts';
import { computeOutboxBackoff, withJitter } from '../notify/outbox-backoff.ts';
import { createOutboxWorker } from '../notify/outbox-worker.ts';
import { createSmtpSender } from '../notify/smtp-sender.ts';
import type { CliIO } from './io.ts';

export interface BackgroundWork {
  /** Wakes delivery after a change wrote messages, instead of waiting for the next poll. */
  notify(): void;
  stop(): Promise<void>;
}

/**
 * Background work of a serving process: outbox delivery over SMTP when SMTP_URL is set. Without SMTP,
 * messages stay in the outbox and are listed by the messages endpoint.
 */
export function startBackgroundWork(ctx: AppContext, io: CliIO): BackgroundWork {
  const url = io.env.SMTP_URL;
  if (!url) {
    io.stdout('SMTP_URL is not set: messages are kept in the outbox (GET /api/v1/messages).\n');
    return { notify: () => undefined, stop: async () => undefined };
  }
  const sender = createSmtpSender({ url });
  const worker = createOutboxWorker({
    store: ctx.store,
    send: (email) => sender.send(email),
    clock: ctx.clock,
    backoff: withJitter(computeOutboxBackoff),
    log: (entry) => {
      if (entry.level !== 'info') io.stderr(`${JSON.stringify(entry)}\n`);
    },
  });
  worker.start();
  io.stdout('Delivering email over SMTP.\n');
  return {
    notify: () => worker.notify(),
    stop: async () => {
      await worker.stop();
      sender.close();
    },
  };
}
