import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * The candidate's answer to the interview's current time, kept with the interview so that every
 * invitation, update and cancellation states it as it is: accepted only when the candidate chose the
 * time (an offer taken, their own pick or move) or their calendar accepted it, tentative when their
 * calendar said so, and otherwise still asked — a time the employer set is no answer of theirs.
 *
 * Interviews already written take it from what happened: their calendar's answer to the current time
 * when there is one, else accepted when the last line that set the time was the candidate's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE interviews ADD COLUMN candidate_partstat text NOT NULL DEFAULT 'needs-action'
      CHECK (candidate_partstat IN ('needs-action', 'accepted', 'tentative'))`.execute(db);
  await sql`
    UPDATE interviews i SET candidate_partstat = 'accepted'
    WHERE i.start_at IS NOT NULL
      AND (SELECT h.actor FROM interview_history h
           WHERE h.organization_id = i.organization_id AND h.interview_id = i.id
             AND h.action IN ('scheduled', 'accepted', 'rescheduled', 'filled_from_waitlist')
           ORDER BY h.seq DESC LIMIT 1) = 'candidate'`.execute(db);
  await sql`
    UPDATE interviews i SET candidate_partstat = a.partstat
    FROM attendee_answers a, candidates c
    WHERE a.organization_id = i.organization_id AND a.interview_id = i.id AND a.for_start = i.start_at
      AND c.organization_id = i.organization_id AND c.id = i.candidate_id AND lower(c.email) = a.email
      AND a.partstat IN ('accepted', 'tentative')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE interviews DROP COLUMN candidate_partstat`.execute(db);
}
