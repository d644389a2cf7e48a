import { Temporal } from 'temporal-polyfill';
import { readZoneOffset } from './slots/read-zone-offset.ts';

const DAY_MS = 86_400_000;

/** What a wall clock in a zone shows at an instant, down to the minute. */
export interface WallClock {
  /** Days since 1970-01-01 of the local date: two instants are on the same local day when these are equal. */
  day: number;
  /** 0 for Monday … 6 for Sunday, the order of `WEEKDAYS`. */
  weekday: number;
  /** Minutes since the local midnight, seconds left out. */
  minutes: number;
}

/**
 * The wall clock of a zone at an instant, by arithmetic on the zone's offset there (one cached
 * `Intl` formatter per zone): about a microsecond, where a `Temporal.ZonedDateTime` costs tens, and
 * this is asked for every time a booking or an offer is checked against someone's hours.
 *
 * @example
 * wallClockAt(new Date('2026-11-02T13:30:00Z'), 'America/New_York') // { day: 20759, weekday: 0, minutes: 510 } (Monday 08:30 EST)
 */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const wall = instant.getTime() + readZoneOffset(timeZone, instant.getTime());
  const day = Math.floor(wall / DAY_MS);
  // 1970-01-01 was a Thursday (3 counting from Monday).
  return { day, weekday: (((day + 3) % 7) + 7) % 7, minutes: Math.floor((wall - day * DAY_MS) / 60_000) };
}

/**
 * Converts a local wall-clock time in a zone to an instant. A time skipped by a DST change moves forward
 * and a repeated one takes the earlier instant ("compatible", as calendars do).
 *
 * @example
 * zonedToInstant('2026-11-02T09:00', 'America/New_York') // 2026-11-02T14:00:00.000Z
 */
export function zonedToInstant(localDateTime: string, timeZone: string): Date {
  const zoned = Temporal.PlainDateTime.from(localDateTime).toZonedDateTime(timeZone, { disambiguation: 'compatible' });
  return new Date(zoned.epochMilliseconds);
}

/**
 * The local wall-clock time of an instant in a zone, with its offset: `2026-11-02T09:00:00-05:00`.
 *
 * @example
 * formatInZone(new Date('2026-11-02T14:00:00Z'), 'America/New_York') // '2026-11-02T09:00:00-05:00'
 */
export function formatInZone(instant: Date, timeZone: string): string {
  const epochMs = Math.floor(instant.getTime() / 1000) * 1000;
  const offsetMs = readZoneOffset(timeZone, epochMs);
  // The wall clock's fields read off a Date shifted by the offset, and the offset written to the minute
  // (rounded, as ISO 8601 and Temporal write the seconds of an old local mean time).
  const wall = new Date(epochMs + offsetMs).toISOString().slice(0, 19);
  const offsetMinutes = Math.round(Math.abs(offsetMs) / 60_000);
  const sign = offsetMs < 0 && offsetMinutes > 0 ? '-' : '+';
  return `${wall}${sign}${pad(Math.floor(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`;
}

const pad = (value: number): string => String(value).padStart(2, '0');

/**
 * Zones already found valid: building an `Intl.DateTimeFormat` to ask costs more than the rest of a
 * request's validation, and the runtime's zone data does not change while it runs. Only valid names are
 * kept, in lower case (zone names are matched without case, and keeping every spelling a client sends
 * would let the set grow without bound), so it is bounded by the zones the runtime knows.
 */
const knownZones = new Set<string>();

/** True when the name is an IANA time zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone || timeZone.length > 64) return false;
  const key = timeZone.toLowerCase();
  if (knownZones.has(key)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    knownZones.add(key);
    return true;
  } catch {
    return false;
  }
}

/**
 * The IANA spelling of a time-zone name given in any case (`america/new_york` → `America/New_York`), or
 * null when it names no zone. The client's choice among a zone's names is kept (`Asia/Calcutta` stays,
 * `Asia/Kolkata` stays): only the case is restored.
 *
 * @example
 * canonicalTimeZone('europe/london') // 'Europe/London'
 * canonicalTimeZone('Mars/Olympus') // null
 */
export function canonicalTimeZone(name: string): string | null {
  if (typeof name !== 'string' || !isValidTimeZone(name)) return null;
  try {
    return Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(name).timeZoneId;
  } catch {
    return null;
  }
}
