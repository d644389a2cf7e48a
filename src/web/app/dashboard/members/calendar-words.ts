import type { CalendarKind, CalendarSource } from '../../api/calendar-types.ts';

export const CALENDAR_KIND_LABELS: Record<CalendarKind, string> = {
  ics: 'iCalendar feed',
  caldav: 'CalDAV calendar',
};

/** Where a source stands, in a few words. */
export function sourceStatusLabel(source: CalendarSource): string {
  if (source.status === 'ok') return 'Up to date';
  if (source.status === 'error') return 'Cannot be read';
  return 'Not read yet';
}

/** The badge class of the shared message badges: read reads as sent, failing as failed. */
export function sourceBadgeClass(source: CalendarSource): string {
  if (source.status === 'ok') return 'message-sent';
  if (source.status === 'error') return 'message-failed';
  return 'message-pending';
}

/** "12 busy times", "1 busy time", "no busy time". */
export function busyText(count: number): string {
  if (count === 0) return 'No busy time in the weeks read';
  return `${count} busy ${count === 1 ? 'time' : 'times'} read`;
}
