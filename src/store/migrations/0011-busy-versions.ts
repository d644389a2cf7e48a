import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/** The tables a member's busy time is read from; a statement that changes any of them bumps the member. */
const BUSY_TABLES = ['bookings', 'busy_blocks', 'calendar_busy'] as const;

/**
 * The trigger function as this migration made it (0014 makes it lighter; its `down` restores this one):
 * everything after `CREATE [OR REPLACE] FUNCTION leeway_raise_busy_version()`.
 */
export const FIRST_RAISE_BUSY_VERSION = `RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      changed uuid[];
    BEGIN
      -- Only the transition tables of the trigger's own event exist; plpgsql plans a statement when it first runs.
      IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT member_id) INTO changed FROM new_rows;
      ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT member_id) INTO changed FROM old_rows;
      ELSE
        SELECT array_agg(DISTINCT member_id) INTO changed FROM (SELECT member_id FROM old_rows UNION SELECT member_id FROM new_rows) AS both_sides;
      END IF;
      IF changed IS NULL THEN
        RETURN NULL;
      END IF;
      PERFORM 1 FROM members WHERE id = ANY (changed) ORDER BY id FOR NO KEY UPDATE;
      UPDATE members SET busy_version = busy_version + 1 WHERE id = ANY (changed);
      RETURN NULL;
    END $$`;

/**
 * Every member carries a busy version: a number the database raises in the same transaction as any
 * change to the member's busy time (their bookings, busy blocks and calendar busy times), whichever code
 * or tool makes it. A process may then keep busy time it read and use it again for as long as the version
 * it was read at is still the member's: the version is read with the member, before the busy time, so a
 * kept copy is never newer than its version says and never older once a change has committed.
 *
 * The triggers run once per statement, not per row (a calendar sync writes hundreds of rows for one
 * member), and lock the members' rows in id order before raising them, the order bookings already take
 * them in, so that two changes to overlapping panels queue instead of deadlocking.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE members ADD COLUMN busy_version bigint NOT NULL DEFAULT 0`.execute(db);
  await sql.raw(`CREATE FUNCTION leeway_raise_busy_version() ${FIRST_RAISE_BUSY_VERSION}`).execute(db);
  for (const table of BUSY_TABLES) {
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_raise_busy_version_on_insert`)} AFTER INSERT ON ${sql.table(table)}
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION leeway_raise_busy_version()`.execute(db);
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_raise_busy_version_on_update`)} AFTER UPDATE ON ${sql.table(table)}
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION leeway_raise_busy_version()`.execute(db);
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_raise_busy_version_on_delete`)} AFTER DELETE ON ${sql.table(table)}
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION leeway_raise_busy_version()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of BUSY_TABLES) {
    for (const event of ['insert', 'update', 'delete']) {
      await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_raise_busy_version_on_${event}`)} ON ${sql.table(table)}`.execute(db);
    }
  }
  await sql`DROP FUNCTION IF EXISTS leeway_raise_busy_version()`.execute(db);
  await sql`ALTER TABLE members DROP COLUMN IF EXISTS busy_version`.execute(db);
}
