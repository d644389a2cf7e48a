/**
 * Times as a reader in a given zone sees them: the one formatter for everything Leeway writes to people.
 * The zone is always explicit (never the host's), and it is named in the text, so a candidate in another
 * city cannot misread the hour.
 */

import { RecentAnswers } from './recent-answers.ts';

const FORMATS = {
  day: { weekday: 'long', month: 'long', day: 'numeric' },
  clock: { hour: 'numeric', minute: '2-digit', hour12: true },
  zoneName: { timeZoneName: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
type FormatName = keyof typeof FORMATS;

/**
 * Creating an `Intl.DateTimeFormat` costs far more than using one (it loads locale and zone data), and
 * every message formats several times, so instances are kept per zone and format. The key space is
 * bounded by the zones in use times the three formats above.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string, name: FormatName): Intl.DateTimeFormat {
  const key = `${timeZone}|${name}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { ...FORMATS[name], timeZone });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * The parts of recent instants, by format, zone and instant: one booking writes the same few times into
 * every message, text, HTML and calendar, for each reader, and ICU's formatting of each was a visible share
 * of a booking's server time. The answer depends on nothing else, so keeping it is safe.
 */
const recentParts = new RecentAnswers<string, Readonly<Record<string, string>>>(4_096);

function partsOf(instant: Date, timeZone: string, name: FormatName): Readonly<Record<string, string>> {
  return recentParts.get(`${name}|${timeZone}|${instant.getTime()}`, () =>
    Object.freeze(Object.fromEntries(formatterFor(timeZone, name).formatToParts(instant).map((p) => [p.type, p.value]))),
  );
}

/**
 * A readable name for a zone: "New York time" for `America/New_York`, "UTC" for UTC.
 *
 * @example
 * labelZone('America/Argentina/Buenos_Aires') // 'Buenos Aires time'
 */
export function labelZone(timeZone: string): string {
  if (/^(Etc\/)?(UTC|GMT|UCT|Zulu|Universal)$/i.test(timeZone)) return 'UTC';
  const city = timeZone.split('/').pop() ?? timeZone;
  return `${city.replace(/_/g, ' ')} time`;
}

/**
 * The calendar day of an instant in a zone: "Thursday, December 10".
 *
 * @example
 * formatDay(new Date('2026-12-11T03:00:00Z'), 'America/New_York') // 'Thursday, December 10'
 */
export function formatDay(instant: Date, timeZone: string): string {
  const p = partsOf(instant, timeZone, 'day');
  return `${p.weekday}, ${p.month} ${p.day}`;
}

/**
 * The clock time of an instant in a zone: "10:00 AM".
 *
 * @example
 * formatClock(new Date('2026-12-10T15:00:00Z'), 'America/New_York') // '10:00 AM'
 */
export function formatClock(instant: Date, timeZone: string): string {
  const p = partsOf(instant, timeZone, 'clock');
  // Built from parts so the space before AM/PM is a plain space whatever the ICU version prints.
  return `${p.hour}:${p.minute} ${(p.dayPeriod ?? '').toUpperCase()}`.trim();
}

/**
 * Day, clock time and the zone's abbreviation, for lists under a line that already names the zone:
 * "Monday, December 14 at 10:00 AM EST".
 *
 * @example
 * formatSlot(new Date('2026-12-14T15:00:00Z'), 'America/New_York') // 'Monday, December 14 at 10:00 AM EST'
 */
export function formatSlot(instant: Date, timeZone: string): string {
  const abbreviation = partsOf(instant, timeZone, 'zoneName').timeZoneName ?? '';
  return `${formatDay(instant, timeZone)} at ${formatClock(instant, timeZone)} ${abbreviation}`.trim();
}

/**
 * Day, clock time, the zone's abbreviation and its name: "Thursday, December 10 at 10:00 AM EST
 * (New York time)".
 *
 * @example
 * formatWhen(new Date('2026-12-10T15:00:00Z'), 'America/New_York')
 * // 'Thursday, December 10 at 10:00 AM EST (New York time)'
 */
export function formatWhen(instant: Date, timeZone: string): string {
  const abbreviation = partsOf(instant, timeZone, 'zoneName').timeZoneName ?? '';
  const label = labelZone(timeZone);
  const zone = label === 'UTC' ? 'UTC' : `${abbreviation} (${label})`;
  return `${formatDay(instant, timeZone)} at ${formatClock(instant, timeZone)} ${zone}`;
}
