import { DomainError } from '../errors.ts';
import { WEEKDAYS } from '../types.ts';
import type { WorkingHours } from '../types.ts';

/** Minutes after local midnight, `[start, end)`; `end` may be 1440 ("24:00"). */
export type MinuteRange = readonly [start: number, end: number];

/** Working ranges indexed like `WEEKDAYS` (0 = Monday), each day's sorted by start. */
export type WeeklyMinuteRanges = readonly (readonly MinuteRange[])[];

const TIME_PATTERN = /^(\d{1,2}):(\d{2})$/;

/**
 * Reads "HH:MM" as minutes after midnight; "24:00" is allowed so that a range can end a day.
 *
 * @example
 * parseClockTime('09:30'); // 570
 */
export function parseClockTime(text: string): number {
  // Fast path for the usual "HH:MM": a pool search parses every member's week on every call.
  if (text.length === 5 && text.charCodeAt(2) === 58) {
    const hours = digit(text, 0) * 10 + digit(text, 1);
    const minutes = digit(text, 3) * 10 + digit(text, 4);
    if ((hours <= 23 && minutes <= 59) || (hours === 24 && minutes === 0)) return hours * 60 + minutes;
  }
  const match = TIME_PATTERN.exec(text);
  const hours = match === null ? Number.NaN : Number(match[1]);
  const minutes = match === null ? Number.NaN : Number(match[2]);
  if (!(hours <= 23 && minutes <= 59) && !(hours === 24 && minutes === 0)) {
    throw new DomainError('VALIDATION', `Invalid working-hours time "${text}"; expected HH:MM`);
  }
  return hours * 60 + minutes;
}

/** The digit at `index`, or NaN. */
function digit(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : Number.NaN;
}

/**
 * Turns `WorkingHours` into minute ranges per weekday. Empty or inverted ranges ("17:00"–"09:00") are
 * dropped: a shift across midnight is two ranges, one on each day.
 *
 * @example
 * parseWorkingHours({ mon: [['09:00', '17:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] });
 * // [[[540, 1020]], [], [], [], [], [], []]
 */
export function parseWorkingHours(workingHours: WorkingHours): WeeklyMinuteRanges {
  return WEEKDAYS.map((weekday) => {
    const ranges: MinuteRange[] = [];
    for (const [start, end] of workingHours[weekday] ?? []) {
      const range: MinuteRange = [parseClockTime(start), parseClockTime(end)];
      if (range[1] > range[0]) ranges.push(range);
    }
    return ranges.length > 1 ? ranges.sort((a, b) => a[0] - b[0]) : ranges;
  });
}
