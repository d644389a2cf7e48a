import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/** The channel every changed member's id is announced on (see `member-schedule-cache.ts`). */
export const MEMBER_CHANGES_CHANNEL = 'leeway_member_changes';

/**
 * The most ids one notice names: a payload must stay under 8,000 bytes, and an id with its comma takes
 * 37. A statement that changes more members than this announces `*`: every member may have changed.
 */
export const MOST_IDS_PER_NOTICE = 150;

/** The notice of a statement that changed more members than one notice can name. */
export const ALL_MEMBERS_NOTICE = '*';

/**
 * Any statement that updates or deletes members announces their ids on a channel, at commit, to every
 * session listening. Busy time changes reach members too: the busy-version triggers of migration 0011
 * update the member's row. A process may therefore keep what it read of members (working hours, zone,
 * buffer, busy version) and use it again without asking, while it listens: whatever changes a member,
 * in any process or by hand, is announced. Inserted members need no notice: nothing kept can name them.
 *
 * The function is kept plain: it runs with every booking, and on the embedded engine a window function
 * to split long lists cost it three times as much as the whole statement it follows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION leeway_announce_member_changes() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      ids text;
      changed bigint;
    BEGIN
      SELECT string_agg(id::text, ','), count(*) INTO ids, changed FROM changed_rows;
      IF changed > ${sql.lit(MOST_IDS_PER_NOTICE)} THEN
        PERFORM pg_notify(${sql.lit(MEMBER_CHANGES_CHANNEL)}, ${sql.lit(ALL_MEMBERS_NOTICE)});
      ELSIF changed > 0 THEN
        PERFORM pg_notify(${sql.lit(MEMBER_CHANGES_CHANNEL)}, ids);
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER members_announce_on_update AFTER UPDATE ON members
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION leeway_announce_member_changes()`.execute(db);
  await sql`
    CREATE TRIGGER members_announce_on_delete AFTER DELETE ON members
    REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION leeway_announce_member_changes()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS members_announce_on_update ON members`.execute(db);
  await sql`DROP TRIGGER IF EXISTS members_announce_on_delete ON members`.execute(db);
  await sql`DROP FUNCTION IF EXISTS leeway_announce_member_changes()`.execute(db);
}
