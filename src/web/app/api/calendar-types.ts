/**
 * A member's calendar sources (/api/v1/members/{id}/calendars*), restated from the server's OpenAPI
 * schemas for the web app. A source's password is never sent back; its address comes back masked,
 * because a feed's "secret address" is itself a credential.
 */

export type CalendarKind = 'ics' | 'caldav';
export type CalendarSourceStatus = 'pending' | 'ok' | 'error';

export interface CalendarSource {
  id: string;
  kind: CalendarKind;
  /** Scheme and host, then a fingerprint that tells a member's calendars apart ("https://calendar.google.com/… #3a72"). */
  url: string;
  /** The member's own name for it. */
  label: string | null;
  username: string | null;
  hasPassword: boolean;
  status: CalendarSourceStatus;
  lastSyncAt: string | null;
  lastSuccessAt: string | null;
  /** The last failure, in the server's words. */
  error: string | null;
  /** What the last good read left out (too many busy times or recurrences), in the server's words. */
  warning: string | null;
  busyCount: number;
  nextSyncAt: string | null;
}

export interface CalendarSourceList {
  calendars: CalendarSource[];
}

export interface CalendarSourceInput {
  kind: CalendarKind;
  url: string;
  username?: string;
  password?: string;
  label?: string;
}

/** `PATCH /api/v1/members/{id}/calendars/{sourceId}`: one calendar's new name or password. */
export interface CalendarSourceChange {
  password?: string | null;
  label?: string | null;
}
