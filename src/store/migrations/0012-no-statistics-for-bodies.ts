import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * Columns that hold bodies, never searched or joined on: statistics for them help no plan, and gathering
 * them means reading (and unpacking) every sampled body. On the embedded engine that ANALYZE runs on the
 * server's only thread; for the outbox it was most of the time ANALYZE took.
 */
const BODIES = {
  outbox: ['subject', 'payload', 'last_error'],
  webhook_deliveries: ['body', 'last_error'],
  jobs: ['payload', 'last_error'],
  idempotency_keys: ['response_body'],
} as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, columns] of Object.entries(BODIES)) {
    for (const column of columns) await sql`ALTER TABLE ${sql.table(table)} ALTER COLUMN ${sql.ref(column)} SET STATISTICS 0`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table, columns] of Object.entries(BODIES)) {
    for (const column of columns) await sql`ALTER TABLE ${sql.table(table)} ALTER COLUMN ${sql.ref(column)} SET STATISTICS -1`.execute(db);
  }
}
