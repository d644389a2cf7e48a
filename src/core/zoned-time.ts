import { Temporal } from 'temporal-polyfill';

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
  const zoned = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
  return zoned.toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

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
