/**
 * The web app's one time formatter: every time shown names its zone, because a candidate and a panel
 * rarely share one. Formats are cached per zone and style (creating Intl formats is slow).
 */
const cache = new Map<string, Intl.DateTimeFormat>();

function format(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(options)}`;
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone: zone, ...options });
    cache.set(key, formatter);
  }
  return formatter;
}

/** "New York" for America/New_York; the zone id itself for UTC and the like. */
export function zoneLabel(zone: string): string {
  const city = zone.split('/').pop() ?? zone;
  return city.replace(/_/g, ' ');
}

/** "Tue 1 Dec 2026, 14:00 (New York time)". */
export function formatDateTime(iso: string, zone: string): string {
  const text = format(zone, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
  return `${text} (${zoneLabel(zone)} time)`;
}

/** "14:00" in the zone, for grids whose zone is stated once. */
export function formatClock(iso: string, zone: string): string {
  return format(zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** "Tue 1 Dec" in the zone. */
export function formatDay(iso: string, zone: string): string {
  return format(zone, { weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(iso));
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function dateInZone(iso: string | Date, zone: string): string {
  const parts = format(zone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** "in 3 h 20 min", "in 2 days", "5 min ago" — for notice and countdowns. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  let text: string;
  if (minutes < 60) text = `${minutes} min`;
  else if (minutes < 48 * 60) text = `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  else text = `${Math.round(minutes / 1440)} days`;
  return ms >= 0 ? `in ${text}` : `${text} ago`;
}
