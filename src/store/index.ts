import { connectDatabase } from './connect.ts';
import type { ConnectOptions, DatabaseEngine } from './connect.ts';
import type { MemberScheduleCache } from './member-schedule-cache.ts';
import { migrateToLatest } from './migrate.ts';
import { Store } from './store.ts';
import { KeptParties } from './kept-parties.ts';

export { Store } from './store.ts';
export type { ConnectOptions, DatabaseEngine } from './connect.ts';
export { DataDirLockedError } from './data-dir-lock.ts';
export { PartiesChangedMeanwhile } from './database-errors.ts';
export type { ClaimedOutboxMessage, OutboxMessage, NewOutboxMessage, OutboxStatus } from './repositories/outbox.ts';
export type { ApiKeyRecord } from './repositories/api-keys.ts';
export type {
  AnalyticsWindow,
  CancellationGrouping,
  CancellationGroupRow,
  InterviewerLoadRow,
  SideFigures,
  SummaryRows,
} from './repositories/analytics.ts';
export type { CandidateTokenRecord } from './repositories/candidate-tokens.ts';
export type { PanelTokenRecord } from './repositories/panel-tokens.ts';
export type { SeriesBucket, SeriesRows } from './repositories/analytics-series.ts';
export type { ChangeFilter, ChangeRow, InterviewLabels } from './repositories/dashboard.ts';
export type { NewHistoryEntry, InterviewFilter } from './repositories/interviews.ts';
export type { NewMember, MemberPatch, MemberSchedule } from './repositories/members.ts';
export type { BusyByReason, BusyReason, EpochSpan, PanelBusyRead } from './busy-time-cache.ts';
export { noBusyTime } from './busy-time-cache.ts';
export type { KeptPartiesCheck } from './kept-parties.ts';
export type { NewOrganization, OrganizationPatch } from './repositories/organizations.ts';
export type { OpeningEnd, OpeningEndCounts } from './repositories/openings.ts';
export type { Job, NewJob } from './repositories/jobs.ts';
export type { IdempotencyClaim } from './repositories/idempotency.ts';
export type { FreedSlot, FreedSlotStatus, NewWaitlistEntry, WaitlistEntry, WaitlistEntryStatus, WaitlistOffer, WaitlistOfferStatus } from './repositories/waitlist.ts';

export interface OpenStore {
  store: Store;
  engine: DatabaseEngine;
  /** Members' schedules the store keeps while it hears their changes. */
  schedules: MemberScheduleCache;
  close(): Promise<void>;
}

/** Connects and (unless told not to) migrates to the latest schema. */
export async function openStore(options: ConnectOptions & { migrate?: boolean }): Promise<OpenStore> {
  const handle = await connectDatabase(options);
  try {
    if (options.migrate !== false) await migrateToLatest(handle.db as never);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return { store: new Store(handle.db, handle.engine, handle.answers, undefined, handle.schedules, undefined, new KeptParties()), engine: handle.engine, schedules: handle.schedules, close: () => handle.close() };
}

export async function migrateDatabase(options: ConnectOptions): Promise<string[]> {
  const handle = await connectDatabase(options);
  try {
    return (await migrateToLatest(handle.db as never)).applied;
  } finally {
    await handle.close();
  }
}
