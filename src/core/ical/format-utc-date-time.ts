import { IcalInputError } from './ical-input-error.ts';

/**
 * Writes an instant as an RFC 5545 DATE-TIME in UTC (form #2, with `Z`), whole seconds. UTC needs no
 * VTIMEZONE and reads the same in every client whatever its zone; the host's `TZ` never enters.
 *
 * @example
 * formatUtcDateTime(new Date('2025-03-30T01:30:00+01:00'), 'start') // => '20250330T003000Z'
 */
export function formatUtcDateTime(date: Date, field: string): string {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new IcalInputError(`${field} is not a valid date`, field);
  const year = date.getUTCFullYear();
  // DATE-TIME has exactly four year digits.
  if (year < 0 || year > 9999) throw new IcalInputError(`${field} is outside years 0000-9999`, field);
  return (
    pad(year, 4) +
    pad(date.getUTCMonth() + 1, 2) +
    pad(date.getUTCDate(), 2) +
    'T' +
    pad(date.getUTCHours(), 2) +
    pad(date.getUTCMinutes(), 2) +
    pad(date.getUTCSeconds(), 2) +
    'Z'
  );
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
