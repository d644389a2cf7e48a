import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * A calendar source's own name (its address is masked, so several look alike), and a warning kept beside
 * a good sync when the calendar held more than Leeway reads.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE calendar_sources ADD COLUMN label text`.execute(db);
  await sql`ALTER TABLE calendar_sources ADD COLUMN warning text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE calendar_sources DROP COLUMN IF EXISTS warning`.execute(db);
  await sql`ALTER TABLE calendar_sources DROP COLUMN IF EXISTS label`.execute(db);
}
