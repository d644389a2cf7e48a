import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * States the lifecycle knows and the database did not: a withdrawal is its own status, a candidate is in
 * one interview at a time (enforced here like a panelist's bookings), a candidate email is unique per
 * organization, and candidates have reasonable hours (the organization's default, or their own).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE interviews DROP CONSTRAINT IF EXISTS interviews_status_check`.execute(db);
  await sql`
    ALTER TABLE interviews ADD CONSTRAINT interviews_status_check CHECK (status IN
      ('invited', 'scheduled', 'completed', 'cancelled', 'withdrawn', 'no_show', 'ended_early', 'declined'))`.execute(db);

  // The candidate's own double booking: two scheduled interviews of one candidate may not overlap, whatever
  // panels they have. Half-open ranges, as for bookings, so back-to-back interviews are allowed.
  await sql`
    ALTER TABLE interviews ADD CONSTRAINT interviews_candidate_no_overlap
      EXCLUDE USING gist (organization_id WITH =, candidate_id WITH =, tstzrange(start_at, end_at) WITH &&)
      WHERE (status = 'scheduled')`.execute(db);

  await sql`CREATE UNIQUE INDEX candidates_org_email ON candidates (organization_id, lower(email))`.execute(db);

  // Reasonable hours for candidates, as local "HH:MM" pairs per weekday in the candidate's zone.
  await sql`
    ALTER TABLE organizations ADD COLUMN candidate_hours jsonb NOT NULL DEFAULT
      '{"mon":[["08:00","20:00"]],"tue":[["08:00","20:00"]],"wed":[["08:00","20:00"]],"thu":[["08:00","20:00"]],"fri":[["08:00","20:00"]],"sat":[],"sun":[]}'::jsonb`.execute(db);
  await sql`ALTER TABLE candidates ADD COLUMN reasonable_hours jsonb`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE candidates DROP COLUMN reasonable_hours`.execute(db);
  await sql`ALTER TABLE organizations DROP COLUMN candidate_hours`.execute(db);
  await sql`DROP INDEX candidates_org_email`.execute(db);
  await sql`ALTER TABLE interviews DROP CONSTRAINT interviews_candidate_no_overlap`.execute(db);
  await sql`ALTER TABLE interviews DROP CONSTRAINT interviews_status_check`.execute(db);
  await sql`
    ALTER TABLE interviews ADD CONSTRAINT interviews_status_check CHECK (status IN
      ('invited', 'scheduled', 'completed', 'cancelled', 'no_show', 'ended_early', 'declined'))`.execute(db);
}
