import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * Reminders are written when they fall due, from the interview as it is then, instead of with every
 * booking and move (which wrote two more outbox rows a booking and rewrote them on every move). Each
 * interview keeps `reminded_through`: reminder times up to it are settled, because the interview got its
 * current time later or a reminder was written for them.
 *
 * The reminders still queued are dropped here and written again when due: for an interview with one, the
 * mark is the later of when they were queued (the booking or move) and the last reminder of it already
 * settled, so each comes back once and none that went out comes twice. A reminder a worker holds at this
 * moment is left to it and counts as settled. Every other interview is marked now: no reminder it had
 * queued is left to write.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE interviews ADD COLUMN reminded_through timestamptz`.execute(db);
  await sql`
    UPDATE interviews i SET reminded_through = queued.through
      FROM (
        SELECT organization_id, interview_id,
               greatest(min(created_at) FILTER (WHERE waiting), max(next_attempt_at) FILTER (WHERE NOT waiting)) AS through
          FROM (SELECT *, status = 'pending' AND (locked_until IS NULL OR locked_until < now()) AS waiting
                  FROM outbox WHERE kind = 'reminder' AND interview_id IS NOT NULL) reminders
         GROUP BY organization_id, interview_id
        HAVING bool_or(waiting)
      ) queued
     WHERE i.organization_id = queued.organization_id AND i.id = queued.interview_id`.execute(db);
  await sql`UPDATE interviews SET reminded_through = now() WHERE reminded_through IS NULL`.execute(db);
  await sql`DELETE FROM outbox WHERE kind = 'reminder' AND status = 'pending' AND (locked_until IS NULL OR locked_until < now())`.execute(db);
  await sql`ALTER TABLE interviews ALTER COLUMN reminded_through SET DEFAULT now(), ALTER COLUMN reminded_through SET NOT NULL`.execute(db);
}

/** The reminders not yet written are not queued again: the code before this wrote them with the booking. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE interviews DROP COLUMN reminded_through`.execute(db);
}
