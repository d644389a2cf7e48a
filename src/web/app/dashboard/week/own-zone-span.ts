import { dateInZone, formatClock, formatDay, zoneLabel } from '../../ui/format-time.ts';

/**
 * An interview's time as the interviewer reads it in their own zone, for the week shown in the
 * organization's: "13:30–14:30 Sydney", with the day named when theirs is another day ("Wed 2 Dec
 * 01:30–02:30 Sydney"). Null when their zone reads the same clock as the organization's.
 *
 * @example
 * ownZoneSpan('2026-12-01T14:30:00Z', '2026-12-01T15:30:00Z', 'America/New_York', 'Australia/Sydney') // 'Wed 2 Dec 01:30–02:30 Sydney'
 */
export function ownZoneSpan(start: string, end: string, zone: string, ownZone: string | null | undefined): string | null {
  if (!ownZone || ownZone === zone || formatClock(start, ownZone) === formatClock(start, zone)) return null;
  const otherDay = dateInZone(start, ownZone) !== dateInZone(start, zone);
  return `${otherDay ? `${formatDay(start, ownZone)} ` : ''}${formatClock(start, ownZone)}–${formatClock(end, ownZone)} ${zoneLabel(ownZone)}`;
}
