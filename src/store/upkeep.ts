import { sql } from 'kysely';
import type { Executor } from './executor.ts';

/**
 * The tables whose rows are updated or deleted as Leeway works: queues that settle every row they hold
 * (outbox, webhook deliveries, jobs), records that expire (idempotency keys) and the states of interviews
 * and their bookings, links, freed times and calendar copies.
 */
export const CHURNING_TABLES = [
  'outbox',
  'webhook_deliveries',
  'jobs',
  'idempotency_keys',
  'interviews',
  'bookings',
  'candidate_tokens',
  'calendar_busy',
  'freed_slots',
] as const;

/**
 * Removes the dead row versions of the churning tables and refreshes their statistics. Without it a
 * queue's "what is due" query wades through every row it ever settled (each settled row leaves its old
 * version in the pending index until vacuumed) and the planner works from row counts of long ago.
 * PostgreSQL's autovacuum does this by itself; the embedded engine has no autovacuum, and a server may
 * have it turned off.
 */
export async function vacuumChurningTables(db: Executor): Promise<void> {
  // VACUUM cannot run in a transaction block: it goes to the pool as a statement of its own.
  await sql.raw(`VACUUM (ANALYZE) ${CHURNING_TABLES.join(', ')}`).execute(db);
}

/** Whether the server's autovacuum is on (PostgreSQL's default). */
export async function autovacuumIsOn(db: Executor): Promise<boolean> {
  const { rows } = await sql<{ on: boolean }>`SELECT current_setting('autovacuum') = 'on' AS on`.execute(db);
  return rows[0]?.on === true;
}
