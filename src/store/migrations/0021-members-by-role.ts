import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * Members found by role within their organization. Every new interview reads its panel together with the
 * organization's recruiters and admins (who get copies when the organization has no contact address), and
 * a booking made from kept parties checks that no other member has gained one of those roles since. Both
 * scanned every member of the organization for the role; with this index each finds the few by key.
 * Built in the migration's transaction, holding back writes to members while it runs: a members table
 * is people, thousands of rows at most, and builds in moments.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS members_by_role ON members (organization_id, role)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS members_by_role`.execute(db);
}
