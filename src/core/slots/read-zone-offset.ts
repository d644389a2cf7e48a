/**
 * The UTC offset of an IANA zone at an instant, read from `Intl.DateTimeFormat`. Building a formatter
 * costs tens of microseconds and formatting about one, so formatters are kept per zone; the offsets
 * themselves are not cached here (see `create-zone-timeline.ts`, which calls this a few dozen times a
 * search).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

// `format` is about three times faster than `formatToParts`; with en-US, numeric fields and h23 its
// output is the stable "M/D/YYYY, HH:MM:SS".
const FORMAT_PATTERN = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)$/;

function getFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Local wall-clock time minus UTC, in milliseconds, at `instant` (epoch ms) in `timeZone`.
 * Throws a `RangeError` for an unknown zone.
 *
 * @example
 * readZoneOffset('America/New_York', Date.UTC(2026, 6, 1)); // -14_400_000 (EDT, UTC-4)
 */
export function readZoneOffset(timeZone: string, instant: number): number {
  const seconds = Math.floor(instant / 1000) * 1000;
  const text = getFormatter(timeZone).format(seconds);
  const match = FORMAT_PATTERN.exec(text);
  if (match === null) {
    throw new RangeError(`Unexpected date format "${text}" for time zone ${timeZone}`);
  }
  const [, month, day, year, hour, minute, second] = match.map(Number) as number[] as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  return wall - seconds;
}
