import type { AppContext } from '../app/context.ts';
import { REMINDER_BATCH, writeDueReminders } from '../app/interviews/write-due-reminders.ts';
import { createPollLoop } from '../notify/outbox-poll-loop.ts';
import { DatabaseOutageWatch } from '../store/database-errors.ts';
import type { CliIO } from './io.ts';

/**
 * How often due reminders are looked for: a reminder goes out at most this late. The organization's
 * reminder hours are whole hours before the start, so a few seconds do not matter to anyone.
 */
export const REMINDER_POLL_MS = 15_000;

/**
 * Writes reminders as they fall due (see `writeDueReminders`): at start, then every
 * {@link REMINDER_POLL_MS}, and again at once while a batch came back full. Any number of serving
 * processes may run it; each batch is claimed with SKIP LOCKED. Written reminders wake delivery.
 */
export function startReminders(ctx: AppContext, io: CliIO, onWork: () => void, pollMs = REMINDER_POLL_MS): { stop(): Promise<void> } {
  const batchSize = REMINDER_BATCH;
  // While the database is away every run fails alike: said once when it goes, once when it is back.
  const outage = new DatabaseOutageWatch();
  const say = (entry: Record<string, unknown>) => io.stderr(`${JSON.stringify(entry)}\n`);
  const loop = createPollLoop({
    pollMs,
    run: async () => {
      const { found, written } = await writeDueReminders(ctx, { batchSize });
      if (outage.succeeded()) say({ level: 'warn', event: 'reminders.database-back' });
      if (written > 0) onWork();
      return { more: found >= batchSize };
    },
    onError: (error) => {
      const step = outage.failed(error);
      if (step === 'outage-began') say({ level: 'warn', event: 'reminders.database-unavailable', error: String(error) });
      if (step === 'not-an-outage') say({ level: 'warn', event: 'reminders.failed', error: String(error) });
    },
  });
  loop.start();
  return { stop: loop.stop };
}
