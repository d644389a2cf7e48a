import type { AppContext } from '../app/context.ts';
import { refreshDueCalendarSources } from '../app/calendars/refresh-due-sources.ts';
import { DEFAULT_REFRESH_MINUTES } from '../app/calendars/sync-calendar-source.ts';
import { DatabaseOutageWatch } from '../store/database-errors.ts';
import { UsageError } from './args.ts';
import type { CliIO } from './io.ts';

export interface CalendarRefresh {
  stop(): Promise<void>;
}

/** How often a process looks for due sources: a new source is read within this long of being added. */
const POLL_MS = 15_000;
const BATCH = 10;

/**
 * `LEEWAY_CALENDAR_REFRESH_MINUTES`: the least time between two syncs of one calendar (default 5).
 *
 * @throws {UsageError} when it is not a whole number of minutes from 1 to 1440.
 */
export function readCalendarRefreshMinutes(env: Record<string, string | undefined>): number {
  const raw = env.LEEWAY_CALENDAR_REFRESH_MINUTES;
  if (raw === undefined || raw.trim() === '') return DEFAULT_REFRESH_MINUTES;
  const minutes = Number(raw);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
    throw new UsageError(`LEEWAY_CALENDAR_REFRESH_MINUTES must be a whole number of minutes from 1 to 1440, not ${JSON.stringify(raw)}.`);
  }
  return minutes;
}

/**
 * Refreshes members' calendar sources that are due, shared by every serving process (sources are claimed
 * with SKIP LOCKED). A round that found a full batch runs again at once; otherwise the next poll waits.
 */
export function startCalendarRefresh(ctx: AppContext, io: CliIO): CalendarRefresh {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const outage = new DatabaseOutageWatch();
  const say = (entry: Record<string, unknown>) => io.stderr(`${JSON.stringify(entry)}\n`);
  const round = async (): Promise<void> => {
    try {
      for (;;) {
        const done = await refreshDueCalendarSources(ctx, { limit: BATCH });
        if (outage.succeeded()) say({ level: 'warn', event: 'calendars.database-back' });
        if (done.failed > 0) say({ level: 'warn', event: 'calendars.sync_failed', sources: done.failed });
        if (stopped || done.synced + done.failed < BATCH) break;
      }
    } catch (error) {
      // While the database is away every round fails alike: said once when it goes, once when it is back.
      const step = outage.failed(error);
      if (step === 'outage-began') say({ level: 'warn', event: 'calendars.database-unavailable', error: String(error) });
      if (step === 'not-an-outage') say({ level: 'warn', event: 'calendars.refresh_failed', error: String(error) });
    }
    if (!stopped) {
      timer = setTimeout(() => {
        running = round();
      }, POLL_MS);
      timer.unref();
    }
  };
  running = round();
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
