import { WEEKDAYS } from '../../api/member-types.ts';
import type { Weekday, WorkingHours } from '../../api/member-types.ts';

const SHORT: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/**
 * Working hours in a line per run of days alike: "Mon–Fri 09:00–17:00", "Sat 10:00–12:00, 13:00–15:00".
 * Days off are left out; no hours at all reads "No working hours".
 */
export function summarizeHours(hours: WorkingHours): string[] {
  const lines: string[] = [];
  let runStart = -1;
  let runKey = '';
  const flush = (end: number) => {
    if (runStart < 0 || runKey === '') return;
    const days = end === runStart ? SHORT[WEEKDAYS[runStart]!] : `${SHORT[WEEKDAYS[runStart]!]}–${SHORT[WEEKDAYS[end]!]}`;
    lines.push(`${days} ${runKey}`);
  };
  WEEKDAYS.forEach((day, index) => {
    const key = (hours[day] ?? []).map(([a, b]) => `${a}–${b}`).join(', ');
    if (key !== runKey || runStart < 0) {
      flush(index - 1);
      runStart = index;
      runKey = key;
    }
  });
  flush(WEEKDAYS.length - 1);
  return lines.length > 0 ? lines : ['No working hours'];
}
