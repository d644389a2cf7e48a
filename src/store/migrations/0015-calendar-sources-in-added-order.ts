import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * A member's calendar sources are listed in the order they were added. Their `created_at` is the
 * database's clock, which on the embedded engine moves in whole milliseconds: two sources added by one
 * request could tie, and the order then fell to their random ids. An identity column numbers them as they
 * are inserted (existing rows in the order they are stored).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE calendar_sources ADD COLUMN added bigint GENERATED ALWAYS AS IDENTITY`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE calendar_sources DROP COLUMN IF EXISTS added`.execute(db);
}
