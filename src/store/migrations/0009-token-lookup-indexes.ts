import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * Candidate and seat links are found by their hash (unique index), but also by interview: every move or
 * pick extends the interview's candidate links, and a panelist leaving a panel loses their seat links.
 * Without these indexes each of those scanned every link ever issued, so candidate actions slowed down as
 * the tables grew.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX candidate_tokens_interview ON candidate_tokens (organization_id, interview_id)`.execute(db);
  await sql`CREATE INDEX panel_tokens_interview ON panel_tokens (organization_id, interview_id, member_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS panel_tokens_interview`.execute(db);
  await sql`DROP INDEX IF EXISTS candidate_tokens_interview`.execute(db);
}
