import { Migrator } from 'kysely';
import type { Kysely, Migration, MigrationProvider, MigrationResultSet } from 'kysely';
import * as foundation from './migrations/0001-foundation.ts';
import * as truthfulStates from './migrations/0002-truthful-states.ts';
import * as ripple from './migrations/0003-ripple.ts';
import * as analytics from './migrations/0004-analytics.ts';
import * as webhooks from './migrations/0005-webhooks.ts';
import * as inboundReplies from './migrations/0006-inbound-replies.ts';
import * as calendarSources from './migrations/0007-calendar-sources.ts';
import * as calendarSourceLabels from './migrations/0008-calendar-source-labels.ts';
import * as tokenLookupIndexes from './migrations/0009-token-lookup-indexes.ts';
import * as calendarBusyWithoutOwnInvitations from './migrations/0010-calendar-busy-without-own-invitations.ts';
import * as busyVersions from './migrations/0011-busy-versions.ts';
import * as noStatisticsForBodies from './migrations/0012-no-statistics-for-bodies.ts';
import * as memberChangeNotices from './migrations/0013-member-change-notices.ts';
import * as lighterBusyVersionTrigger from './migrations/0014-lighter-busy-version-trigger.ts';
import * as calendarSourcesInAddedOrder from './migrations/0015-calendar-sources-in-added-order.ts';
import * as linkTokensSetAside from './migrations/0016-link-tokens-set-aside.ts';
import * as outboxRoomToSettle from './migrations/0017-outbox-room-to-settle.ts';
import * as remindersWrittenWhenDue from './migrations/0018-reminders-written-when-due.ts';
import * as busyChangesAnnounced from './migrations/0019-busy-changes-announced.ts';
import * as timeOrderedIds from './migrations/0020-time-ordered-ids.ts';
import * as membersByRole from './migrations/0021-members-by-role.ts';
import * as messageBodiesLz4 from './migrations/0022-message-bodies-lz4.ts';
import * as candidatePartstat from './migrations/0023-candidate-partstat.ts';

/** Migrations are compiled in, so a packaged build needs no migrations folder on disk. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-truthful-states': truthfulStates,
  '0003-ripple': ripple,
  '0004-analytics': analytics,
  '0005-webhooks': webhooks,
  '0006-inbound-replies': inboundReplies,
  '0007-calendar-sources': calendarSources,
  '0008-calendar-source-labels': calendarSourceLabels,
  '0009-token-lookup-indexes': tokenLookupIndexes,
  '0010-calendar-busy-without-own-invitations': calendarBusyWithoutOwnInvitations,
  '0011-busy-versions': busyVersions,
  '0012-no-statistics-for-bodies': noStatisticsForBodies,
  '0013-member-change-notices': memberChangeNotices,
  '0014-lighter-busy-version-trigger': lighterBusyVersionTrigger,
  '0015-calendar-sources-in-added-order': calendarSourcesInAddedOrder,
  '0016-link-tokens-set-aside': linkTokensSetAside,
  '0017-outbox-room-to-settle': outboxRoomToSettle,
  '0018-reminders-written-when-due': remindersWrittenWhenDue,
  '0019-busy-changes-announced': busyChangesAnnounced,
  '0020-time-ordered-ids': timeOrderedIds,
  '0021-members-by-role': membersByRole,
  '0022-message-bodies-lz4': messageBodiesLz4,
  '0023-candidate-partstat': candidatePartstat,
};

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

export interface MigrationReport {
  applied: string[];
}

/** Brings the schema to the latest version; safe to run on every start and from several processes. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<MigrationReport> {
  const migrator = new Migrator({
    db,
    provider: new StaticMigrationProvider(),
    migrationTableName: 'leeway_migrations',
    migrationLockTableName: 'leeway_migrations_lock',
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${String((result.error as Error).message ?? result.error)}`, {
      cause: result.error,
    });
  }
  return { applied: (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
