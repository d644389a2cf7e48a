/**
 * How people read a time in a message: in their own zone, with the zone named, so nobody has to convert.
 *
 * @example
 * formatForReader(new Date('2026-12-02T14:00:00Z'), 'America/New_York')
 * // 'Wednesday, December 2, 2026 at 9:00 AM EST (America/New_York)'
 */
export function formatForReader(instant: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(instant);
  return `${text} (${timeZone})`;
}

/** The time of day alone, for a leave-by line: `8:15 AM`. */
export function formatTimeOfDay(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' }).format(instant);
}
