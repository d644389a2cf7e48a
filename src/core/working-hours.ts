import { WEEKDAYS } from './types.ts';
import type { WorkingHours } from './types.ts';

export interface FieldError {
  path: string;
  message: string;
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Minutes after local midnight of an "HH:MM" value ("24:00" is 1440). */
export function minutesOfDay(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/**
 * Checks a working-hours map: every weekday present, "HH:MM" values, each interval ending after it
 * starts, and no two intervals of a day overlapping. Returns every problem, not just the first.
 *
 * @example
 * validateWorkingHours({ mon: [['17:00', '09:00']], ... }) // [{ path: 'workingHours.mon.0', message: ... }]
 */
export function validateWorkingHours(hours: Partial<WorkingHours>, path = 'workingHours'): FieldError[] {
  const errors: FieldError[] = [];
  for (const day of WEEKDAYS) {
    const intervals = hours[day] ?? [];
    const parsed: Array<[number, number]> = [];
    intervals.forEach(([start, end], index) => {
      const where = `${path}.${day}.${index}`;
      if (!HH_MM.test(start) || !HH_MM.test(end)) {
        errors.push({ path: where, message: 'Times must be "HH:MM" between 00:00 and 24:00.' });
        return;
      }
      if (minutesOfDay(end) <= minutesOfDay(start)) {
        errors.push({ path: where, message: `The interval must end after it starts (${start}–${end}).` });
        return;
      }
      parsed.push([minutesOfDay(start), minutesOfDay(end)]);
    });
    parsed.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < parsed.length; i += 1) {
      if (parsed[i]![0] < parsed[i - 1]![1]) {
        errors.push({ path: `${path}.${day}`, message: 'Intervals of one day must not overlap.' });
        break;
      }
    }
  }
  return errors;
}

/** Fills absent weekdays with no hours, so stored maps always name all seven days. */
export function completeWorkingHours(hours: Partial<WorkingHours>): WorkingHours {
  return Object.fromEntries(WEEKDAYS.map((day) => [day, hours[day] ?? []])) as WorkingHours;
}
