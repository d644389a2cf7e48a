import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from './schema-columns.ts';

export type CalendarSourceKind = 'ics' | 'caldav';
export type CalendarSourceStatus = 'pending' | 'ok' | 'error';

export interface CalendarSourcesTable {
  id: Generated<string>;
  organizationId: string;
  memberId: string;
  kind: CalendarSourceKind;
  urlSealed: string;
  urlShown: string;
  usernameSealed: string | null;
  passwordSealed: string | null;
  label: ColumnType<string | null, string | null | undefined, string | null>;
  warning: ColumnType<string | null, string | null | undefined, string | null>;
  status: ColumnType<CalendarSourceStatus, CalendarSourceStatus | undefined, CalendarSourceStatus>;
  error: string | null;
  etag: string | null;
  lastModified: string | null;
  busyCount: ColumnType<number, number | undefined, number>;
  lastSyncAt: Date | null;
  lastSuccessAt: Date | null;
  lastReadAt: Date | null;
  nextSyncAt: Date;
  claimedUntil: Date | null;
  createdAt: CreatedAt;
  /** The order sources were added in (migration 0015); `createdAt` can tie within a millisecond. */
  added: ColumnType<string, never, never>;
}

export interface CalendarBusyTable {
  id: Generated<string>;
  organizationId: string;
  memberId: string;
  sourceId: string;
  /** A tstzrange as text, like every range in the store. */
  during: string;
  uid: string;
}

/** Tables of the calendars integration; `Database` in schema.ts includes them. */
export interface CalendarTables {
  calendarSources: CalendarSourcesTable;
  calendarBusy: CalendarBusyTable;
}
