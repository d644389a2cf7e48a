import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import * as busyVersions from './0011-busy-versions.ts';
import { ALL_MEMBERS_NOTICE, MEMBER_CHANGES_CHANNEL, MOST_IDS_PER_NOTICE } from './0013-member-change-notices.ts';
import * as lighterBusyVersionTrigger from './0014-lighter-busy-version-trigger.ts';

/** The tables a member's busy time is read from, as in 0011. */
const BUSY_TABLES = ['bookings', 'busy_blocks', 'calendar_busy'] as const;
const EVENTS = ['insert', 'update', 'delete'] as const;
/** The rows each event's trigger sees: before, after, or both. */
const TRANSITION_TABLES: Record<(typeof EVENTS)[number], string> = {
  insert: 'NEW TABLE AS new_rows',
  update: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
  delete: 'OLD TABLE AS old_rows',
};

/**
 * What starts a notice of changed busy time, before the members' ids (or `*` for more than a notice can
 * name): the members themselves did not change, so what is kept of their working hours stands.
 */
export const BUSY_CHANGE_PREFIX = 'busy:';

/**
 * A change to a member's busy time is announced, no longer counted on the member's row.
 *
 * Since 0011 every statement that changed bookings, busy blocks or calendar busy times locked the
 * members it touched and raised their busy versions, and the raise was announced by the members' own
 * trigger (0013). But a process keeps busy time only while it hears every announcement, so the version
 * told it nothing the announcement did not: what it cost was an update of a wide, much-read row with
 * every booking. Now the same statement triggers announce the members' ids on the same channel, at
 * commit, marked as a change of busy time only, and write nothing; the version column is gone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of BUSY_TABLES) {
    for (const event of EVENTS) await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_raise_busy_version_on_${event}`)} ON ${sql.table(table)}`.execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS leeway_raise_busy_version()`.execute(db);
  await sql`ALTER TABLE members DROP COLUMN IF EXISTS busy_version`.execute(db);
  // Plain statements, as in 0013: the function runs with every booking. The transition table of the
  // trigger's own event is the only one that exists.
  await sql`
    CREATE FUNCTION leeway_announce_busy_change() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      ids text;
      changed bigint;
    BEGIN
      IF TG_OP = 'INSERT' THEN
        SELECT string_agg(member_id::text, ','), count(*) INTO ids, changed FROM (SELECT DISTINCT member_id FROM new_rows) AS members_changed;
      ELSIF TG_OP = 'DELETE' THEN
        SELECT string_agg(member_id::text, ','), count(*) INTO ids, changed FROM (SELECT DISTINCT member_id FROM old_rows) AS members_changed;
      ELSE
        SELECT string_agg(member_id::text, ','), count(*) INTO ids, changed FROM (SELECT member_id FROM old_rows UNION SELECT member_id FROM new_rows) AS members_changed;
      END IF;
      IF changed > ${sql.lit(MOST_IDS_PER_NOTICE)} THEN
        PERFORM pg_notify(${sql.lit(MEMBER_CHANGES_CHANNEL)}, ${sql.lit(BUSY_CHANGE_PREFIX + ALL_MEMBERS_NOTICE)});
      ELSIF changed > 0 THEN
        PERFORM pg_notify(${sql.lit(MEMBER_CHANGES_CHANNEL)}, ${sql.lit(BUSY_CHANGE_PREFIX)} || ids);
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  for (const table of BUSY_TABLES) {
    for (const event of EVENTS) {
      await sql`
        CREATE TRIGGER ${sql.raw(`${table}_announce_busy_change_on_${event}`)} AFTER ${sql.raw(event.toUpperCase())} ON ${sql.table(table)}
        REFERENCING ${sql.raw(TRANSITION_TABLES[event])} FOR EACH STATEMENT EXECUTE FUNCTION leeway_announce_busy_change()`.execute(db);
    }
  }
}

/** Back to busy versions raised on the members' rows, as 0011 and 0014 left them (every version 0 again). */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of BUSY_TABLES) {
    for (const event of EVENTS) await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_announce_busy_change_on_${event}`)} ON ${sql.table(table)}`.execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS leeway_announce_busy_change()`.execute(db);
  await busyVersions.up(db);
  await lighterBusyVersionTrigger.up(db);
}
