import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Executor } from './executor.ts';
import type { Database } from './schema.ts';

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
 * Statistics target for the upkeep's quick ANALYZEs: a sample of 300 × 10 rows instead of 300 × 100. On the
 * embedded engine every ANALYZE uses it: reading and summarizing 30,000 messages, bodies included, held the
 * server's only thread for 100–220 ms; 3,000 take about a tenth of that, and the queues' plans (status and
 * due time) need no more. On PostgreSQL the catch-up of grown tables uses it (see {@link analyzeGrownTables}).
 */
export const LIGHT_STATISTICS_TARGET = 10;

/**
 * Removes the dead row versions of the churning tables, one table per statement, and every `analyzeEvery`
 * calls also refreshes their statistics. Without it a queue's "what is due" query wades through every row
 * it ever settled (each settled row leaves its old version in the pending index until vacuumed).
 * PostgreSQL's autovacuum does this by itself; the embedded engine has no autovacuum, and a server may
 * have it turned off. One statement per table: on the embedded engine each one holds the server's only
 * thread while it runs, and requests get their turn in between. Analyzing reads a sample of every table,
 * large message bodies included, so it is done less often, and with `lightSample` (the embedded engine)
 * on a smaller sample (LIGHT_STATISTICS_TARGET).
 */
export async function vacuumChurningTables(db: Kysely<Database>, options: { analyze: boolean; lightSample?: boolean }): Promise<void> {
  // VACUUM cannot run in a transaction block: each goes to the pool as a statement of its own.
  for (const table of CHURNING_TABLES) await sql.raw(`VACUUM ${table}`).execute(db);
  if (!options.analyze) return;
  for (const table of CHURNING_TABLES) await analyzeTable(db, table, { lightSample: options.lightSample === true });
}

/** ANALYZE of one table, on the light sample (see {@link LIGHT_STATISTICS_TARGET}) when asked. */
async function analyzeTable(db: Kysely<Database>, table: string, options: { lightSample: boolean }): Promise<void> {
  if (!options.lightSample) {
    await sql`ANALYZE ${sql.table(table)}`.execute(db);
    return;
  }
  // ANALYZE may run in a transaction, where SET LOCAL keeps the smaller sample to this one statement.
  await db.transaction().execute(async (tx) => {
    await sql.raw(`SET LOCAL default_statistics_target = ${LIGHT_STATISTICS_TARGET}`).execute(tx);
    await sql`ANALYZE ${sql.table(table)}`.execute(tx);
  });
}

/** Whether the server's autovacuum is on (PostgreSQL's default). */
export async function autovacuumIsOn(db: Executor): Promise<boolean> {
  const { rows } = await sql<{ on: boolean }>`SELECT current_setting('autovacuum') = 'on' AS on`.execute(db);
  return rows[0]?.on === true;
}

/**
 * Rows changed since a table's last ANALYZE before it is analyzed again: autovacuum's own default rule
 * (50 rows and a tenth of the table).
 */
export const ANALYZE_THRESHOLD = { rows: 50, fraction: 0.1 } as const;

/**
 * Where changed rows are not counted (PGlite): pages a table has grown by since its last statistics before
 * it is analyzed again: 8 pages of 8 kB and as many again as it had, so a growing table is analyzed at
 * about 8, 24, 56, 120… pages. Plans go wrong when a table grows from almost nothing, not when it grows
 * by a tenth; and there every ANALYZE holds the server's only thread. With a tenth, a booking load on a
 * young data folder analyzed five tables every 5 s and ran at 88–122 bookings a second; doubling, at
 * 121–157; with no ANALYZE before the minute's upkeep, at 67–153, falling and rising as plans went stale.
 */
export const ANALYZE_GROWTH_THRESHOLD = { pages: 8, fraction: 1 } as const;

/**
 * Analyzes the tables that have changed well past their last statistics, as autovacuum would, and returns
 * their names. A young database needs it most: a plan made while a table was empty is kept by each
 * connection until the table's statistics change, and the foreign-key checks that look an interview up by
 * organization and id then took an index that reads every interview of the organization. PostgreSQL
 * counts the changed rows (`pg_stat_user_tables`, see {@link ANALYZE_THRESHOLD}); PGlite does not report
 * them, so there a table's growth in pages since its statistics were taken stands in for them (see
 * {@link ANALYZE_GROWTH_THRESHOLD}). On both engines the sample is the light one (see
 * {@link LIGHT_STATISTICS_TARGET}): a catch-up needs plans that know a table is no longer empty, not fine
 * histograms, and it comes often while a young database grows. Under a booking load on PostgreSQL the
 * outbox passed the rule every 5 s, and its full-sample ANALYZE took 130–300 ms of a connection and a core
 * each time; most of the load's slowest hundredth of answers came while one ran. The
 * upkeep's periodic ANALYZE (see {@link vacuumChurningTables}) still takes the full sample there.
 */
export async function analyzeGrownTables(db: Kysely<Database>, options: { countsChangedRows: boolean }): Promise<string[]> {
  const { rows } = options.countsChangedRows
    ? await sql<{ table: string }>`
        SELECT relname AS table FROM pg_stat_user_tables
        WHERE schemaname = current_schema()
          AND n_mod_since_analyze > ${ANALYZE_THRESHOLD.rows}::float8 + ${ANALYZE_THRESHOLD.fraction}::float8 * greatest(n_live_tup, 0)
        ORDER BY relname`.execute(db)
    : await sql<{ table: string }>`
        SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind = 'r'
          AND pg_relation_size(c.oid) / current_setting('block_size')::int - c.relpages
            > ${ANALYZE_GROWTH_THRESHOLD.pages}::float8 + ${ANALYZE_GROWTH_THRESHOLD.fraction}::float8 * c.relpages
        ORDER BY c.relname`.execute(db);
  for (const { table } of rows) await analyzeTable(db, table, { lightSample: true });
  return rows.map(({ table }) => table);
}
