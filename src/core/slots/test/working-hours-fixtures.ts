import type { WorkingHours } from '../../types.ts';

/** The same ranges on every day of the week. */
export function everyDay(...ranges: Array<[string, string]>): WorkingHours {
  return { mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges, sat: ranges, sun: ranges };
}

/** Monday to Friday only. */
export function weekdays(...ranges: Array<[string, string]>): WorkingHours {
  return { mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges, sat: [], sun: [] };
}
