/**
 * Calendar days of the organization's week. A day is a YYYY-MM-DD date in the organization's zone; its
 * bounds are the real instants of local midnight there, so a week across a clock change is still seven
 * whole local days.
 */
import { dateInZone } from '../../ui/format-time.ts';

const parts = new Map<string, Intl.DateTimeFormat>();

function partsFormat(zone: string): Intl.DateTimeFormat {
  let format = parts.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' });
    parts.set(zone, format);
  }
  return format;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(instant: number, zone: string): number {
  const values: Record<string, number> = {};
  for (const part of partsFormat(zone).formatToParts(new Date(instant))) values[part.type] = Number(part.value);
  const wall = Date.UTC(values.year!, values.month! - 1, values.day!, values.hour!, values.minute!, values.second!);
  return wall - Math.floor(instant / 1000) * 1000;
}

function utcDate(date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, day!));
}

/** The instant local midnight begins on that date in the zone (checked twice for a clock change). */
export function startOfDay(date: string, zone: string): Date {
  const wall = utcDate(date).getTime();
  const first = wall - offsetAt(wall, zone);
  return new Date(wall - offsetAt(first, zone));
}

export function addDays(date: string, days: number): string {
  const value = utcDate(date);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

/** The Monday of the week a date falls in. */
export function mondayOf(date: string): string {
  const weekday = (utcDate(date).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

export function isDate(value: string | null): value is string {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(utcDate(value).getTime());
}

export function todayIn(zone: string): string {
  return dateInZone(new Date(), zone);
}

/** The seven dates of the week starting on a Monday. */
export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** "Mon 30 Nov" for a calendar date, without any zone shift. */
export function dayLabel(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(utcDate(date));
}

/** "Monday 30 November 2026", for headings read aloud. */
export function longDayLabel(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(utcDate(date));
}
