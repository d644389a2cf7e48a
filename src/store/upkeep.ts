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
 * Removes the dead row versions of the churning tables, one table per statement, and every `analyzeEvery`
 * calls also refreshes their statistics. Without it a queue's "what is due" query wades through every row
 * it ever settled (each settled row leaves its old version in the pending index until vacuumed).
 * PostgreSQL's autovacuum does this by itself; the embedded engine has no autovacuum, and a server may
 * have it turned off. One statement per table: on the embedded engine each one holds the server's only
 * thread while it runs, and requests get their turn in between. Analyzing reads a sample of every table,
 * large message bodies included, so it is done less often.
 */
export async function vacuumChurningTables(db: Executor, options: { analyze: boolean }): Promise<void> {
  // VACUUM cannot run in a transaction block: each goes to the pool as a statement of its own.
  for (const table of CHURNING_TABLES) await sql.raw(`VACUUM ${table}`).execute(db);
  if (options.analyze) for (const table of CHURNING_TABLES) await sql.raw(`ANALYZE ${table}`).execute(db);
}

/** Whether the server's autovacuum is on (PostgreSQL's default). */
export async function autovacuumIsOn(db: Executor): Promise<boolean> {
  const { rows } = await sql<{ on: boolean }>`SELECT current_setting('autovacuum') = 'on' AS on`.execute(db);
  return rows[0]?.on === true;
}
