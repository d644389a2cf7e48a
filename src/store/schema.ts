import type { ColumnType, Generated } from 'kysely';
import type { WorkingHours } from '../core/types.ts';
import type { CalendarTables } from './schema-calendars.ts';
import type { InboundTables } from './schema-inbound.ts';
import type { WebhookTables } from './schema-webhooks.ts';

/**
 * Table types as Kysely sees them (camelCase through CamelCasePlugin). Ranges travel as text
 * (`["2026-12-01 09:00:00+00","2026-12-01 10:00:00+00")`); the repositories convert them.
 */
import type { CreatedAt, Json } from './schema-columns.ts';
/** numeric and bigint come back from pg as strings. */
type Numeric = ColumnType<string, number | string, number | string>;

export interface OrganizationsTable {
  id: Generated<string>;
  name: string;
  timezone: string;
  contactEmail: string | null;
  contactPhone: string | null;
  hrContactEmail: string | null;
  ampleHours: ColumnType<string, number | undefined, number>;
  adequateHours: ColumnType<string, number | undefined, number>;
  reminders: ColumnType<number[], string | undefined, string>;
  candidateHours: ColumnType<WorkingHours, string | undefined, string>;
  offerMinutes: Generated<number>;
  offerFanout: Generated<number>;
  replaceHours: ColumnType<string, number | undefined, number>;
  createdAt: CreatedAt;
}

export interface ApiKeysTable {
  id: Generated<string>;
  organizationId: string;
  name: string;
  prefix: string;
  keyHash: string;
  createdAt: CreatedAt;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface MembersTable {
  id: Generated<string>;
  organizationId: string;
  name: string;
  email: string;
  role: string;
  timezone: string;
  phone: string | null;
  workingHours: Json<Record<string, Array<[string, string]>>>;
  bufferMinutes: number;
  pools: ColumnType<string[], string | undefined, string>;
  limits: ColumnType<{ perDay?: number; perWeek?: number }, string | undefined, string>;
  createdAt: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  organizationId: string;
  email: string;
  passwordHash: string;
  memberId: string | null;
  createdAt: CreatedAt;
}

export interface SessionsTable {
  id: Generated<string>;
  organizationId: string;
  userId: string;
  tokenHash: string;
  csrfHash: string;
  expiresAt: Date;
  createdAt: CreatedAt;
}

export interface BusyBlocksTable {
  id: Generated<string>;
  organizationId: string;
  memberId: string;
  during: string;
  title: string | null;
  createdAt: CreatedAt;
}

export interface OpeningsTable {
  id: Generated<string>;
  organizationId: string;
  title: string;
  department: string | null;
  location: string | null;
  status: Generated<string>;
  endedAt: ColumnType<Date | null, Date | null | undefined, Date | null>;
  hiredCandidateId: ColumnType<string | null, string | null | undefined, string | null>;
  endMessage: ColumnType<string | null, string | null | undefined, string | null>;
  createdAt: CreatedAt;
}

export interface CandidatesTable {
  id: Generated<string>;
  organizationId: string;
  name: string;
  email: string;
  phone: string | null;
  timezone: string;
  reasonableHours: ColumnType<WorkingHours | null, string | null | undefined, string | null>;
  createdAt: CreatedAt;
}

export interface InterviewsTable {
  id: Generated<string>;
  organizationId: string;
  openingId: string;
  candidateId: string;
  title: string;
  durationMinutes: number;
  startAt: Date | null;
  endAt: Date | null;
  status: string;
  uid: string;
  sequence: Generated<number>;
  location: string | null;
  videoUrl: string | null;
  offeredSlots: ColumnType<Array<{ start: string; end: string }>, string | undefined, string>;
  /** The candidate's answer to the current time (`CandidatePartstat`). */
  candidatePartstat: ColumnType<string, string | undefined, string>;
  createdAt: CreatedAt;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
  /** Reminder times up to this moment are settled (see `decideReminder`); moves to the change's time with the start. */
  remindedThrough: ColumnType<Date, Date | undefined, Date>;
}

export interface InterviewPanelTable {
  organizationId: string;
  interviewId: string;
  memberId: string;
  position: number;
}

export interface BookingsTable {
  id: Generated<string>;
  organizationId: string;
  memberId: string;
  interviewId: string;
  during: string;
  active: Generated<boolean>;
  createdAt: CreatedAt;
}

export interface InterviewHistoryTable {
  id: Generated<string>;
  organizationId: string;
  interviewId: string;
  at: Date;
  actor: string;
  action: string;
  noticeHours: Numeric | null;
  noticeClass: string | null;
  reason: string | null;
  privateNote: string | null;
  messageId: string | null;
  details: ColumnType<Record<string, unknown> | null, string | null, never>;
  seq: Generated<string>;
}

export interface CandidateTokensTable {
  id: Generated<string>;
  organizationId: string;
  candidateId: string;
  openingId: string;
  interviewId: string;
  tokenHash: string;
  expiresAt: Date;
  createdAt: CreatedAt;
}

export interface IdempotencyKeysTable {
  organizationId: string;
  scope: string;
  key: string;
  requestHash: string;
  statusCode: number | null;
  responseBody: string | null;
  /** Also the start of an in-progress claim's lease, so it may be moved. */
  createdAt: ColumnType<Date, Date | string | undefined, Date>;
}

export interface OutboxTable {
  id: Generated<string>;
  organizationId: string;
  messageId: string;
  kind: string;
  channel: Generated<string>;
  interviewId: string | null;
  recipient: string;
  subject: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  icsMethod: string | null;
  sequence: number | null;
  status: Generated<string>;
  attempts: Generated<number>;
  nextAttemptAt: ColumnType<Date, Date | undefined, Date>;
  lockedUntil: Date | null;
  lastError: string | null;
  createdAt: CreatedAt;
  sentAt: Date | null;
  /** The link tokens set aside from a pending message's text (`sealLinkTokens`); null once it is settled. */
  linkTokens: string | null;
}

export interface Database extends WebhookTables, InboundTables, CalendarTables {
  organizations: OrganizationsTable;
  apiKeys: ApiKeysTable;
  members: MembersTable;
  users: UsersTable;
  sessions: SessionsTable;
  busyBlocks: BusyBlocksTable;
  openings: OpeningsTable;
  candidates: CandidatesTable;
  interviews: InterviewsTable;
  interviewPanel: InterviewPanelTable;
  bookings: BookingsTable;
  interviewHistory: InterviewHistoryTable;
  candidateTokens: CandidateTokensTable;
  idempotencyKeys: IdempotencyKeysTable;
  outbox: OutboxTable;
  waitlistEntries: WaitlistEntriesTable;
  freedSlots: FreedSlotsTable;
  waitlistOffers: WaitlistOffersTable;
  panelTokens: PanelTokensTable;
  jobs: JobsTable;
}

export interface WaitlistEntriesTable {
  id: Generated<string>;
  organizationId: string;
  openingId: string;
  candidateId: string;
  panel: Json<string[]>;
  durationMinutes: number;
  earliest: Date | null;
  latest: Date | null;
  status: Generated<string>;
  joinedAt: Generated<Date>;
  endedAt: Date | null;
  interviewId: string | null;
}

export interface FreedSlotsTable {
  id: Generated<string>;
  organizationId: string;
  openingId: string;
  sourceInterviewId: string | null;
  panel: Json<string[]>;
  startAt: Date;
  endAt: Date;
  freedAt: Date;
  status: Generated<string>;
  filledAt: Date | null;
  filledEntryId: string | null;
}

export interface WaitlistOffersTable {
  id: Generated<string>;
  organizationId: string;
  freedSlotId: string;
  entryId: string;
  tokenHash: string;
  status: Generated<string>;
  offeredAt: Date;
  expiresAt: Date;
  resolvedAt: Date | null;
}

export interface PanelTokensTable {
  id: Generated<string>;
  organizationId: string;
  interviewId: string;
  memberId: string;
  tokenHash: string;
  expiresAt: Date;
  createdAt: CreatedAt;
}

export interface JobsTable {
  id: Generated<string>;
  organizationId: string;
  kind: string;
  key: string;
  payload: ColumnType<Record<string, unknown>, string | undefined, string>;
  runAt: Date;
  lockedUntil: Date | null;
  attempts: Generated<number>;
  lastError: string | null;
  doneAt: Date | null;
  createdAt: CreatedAt;
}
