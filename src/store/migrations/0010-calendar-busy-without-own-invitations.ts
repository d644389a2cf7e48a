import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * Leeway's own invitations in a member's calendar (events whose UID is one of the organization's
 * interviews) used to be stored among the calendar's busy times and left out by a join on every slot
 * search. A sync now leaves them out when it stores the busy times; this removes those stored before.
 * Nothing to undo: they never counted as busy time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    DELETE FROM calendar_busy b
      USING interviews i
      WHERE i.organization_id = b.organization_id AND i.uid = b.uid`.execute(db);
}

export async function down(): Promise<void> {}
