import { Temporal } from 'temporal-polyfill';

/**
 * The local day and ISO week (Monday first) an instant falls in, in a zone: load limits and ranking count
 * a member's interviews by their own calendar, so a day is theirs, DST and all.
 *
 * @example
 * localDayAndWeek(new Date('2026-12-07T03:00:00Z'), 'America/New_York') // { day: '2026-12-06', week: '2026-W49' }
 */
export function localDayAndWeek(instant: Date, timeZone: string): { day: string; week: string } {
  const local = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone).toPlainDate();
  const week = `${local.yearOfWeek}-W${String(local.weekOfYear).padStart(2, '0')}`;
  return { day: local.toString(), week };
}

/** How many of these instants fall on the same local day and in the same local week as `at`, in a zone. */
export function countSameDayAndWeek(at: Date, instants: readonly Date[], timeZone: string): { day: number; week: number } {
  const target = localDayAndWeek(at, timeZone);
  let day = 0;
  let week = 0;
  for (const instant of instants) {
    const local = localDayAndWeek(instant, timeZone);
    if (local.week === target.week) week += 1;
    if (local.day === target.day) day += 1;
  }
  return { day, week };
}
