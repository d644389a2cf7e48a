import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * Analytics read one kind of event over a window (cancellations, grouped): an index by organization,
 * action and time finds them without reading the rest of the history, and carries the columns they are
 * grouped by so most groupings never visit the table (measured in docs/benchmarks.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX interview_history_org_action_at ON interview_history (organization_id, action, at)
      INCLUDE (interview_id, actor, notice_class, reason)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX interview_history_org_action_at`.execute(db);
}
