import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * The database makes time-ordered ids (version 7 uuids, as `newId` in `store/ids.ts` does): a row's id
 * and every index keyed by it then grow at their right-hand edge instead of landing on a random page.
 * A booking writes about a dozen index entries keyed by a new id (the interview's own and those of its
 * panel, bookings, history, links and messages); with random ids each was a random page of its index
 * to find, read and dirty, and once the tables outgrow memory, to read from disk.
 *
 * `leeway_new_id()` is plain SQL, which the planner folds into each insert (it costs about a
 * microsecond more than `gen_random_uuid()`): the current millisecond in the first 48 bits of a
 * random uuid, its version set to 7. Every column that defaulted to `gen_random_uuid()` defaults to it;
 * rows written before keep their ids.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE OR REPLACE FUNCTION leeway_new_id() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
      SELECT encode(
        set_bit(set_bit(
          overlay(uuid_send(gen_random_uuid())
                  PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
                  FROM 1 FOR 6),
          52, 1), 53, 1),
        'hex')::uuid
    $$`.execute(db);
  for (const { table, column } of await columnsDefaultingTo(db, 'gen_random_uuid()')) {
    await sql`ALTER TABLE ${sql.table(table)} ALTER COLUMN ${sql.ref(column)} SET DEFAULT leeway_new_id()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const { table, column } of await columnsDefaultingTo(db, 'leeway_new_id()')) {
    await sql`ALTER TABLE ${sql.table(table)} ALTER COLUMN ${sql.ref(column)} SET DEFAULT gen_random_uuid()`.execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS leeway_new_id()`.execute(db);
}

async function columnsDefaultingTo(db: Kysely<unknown>, expression: string): Promise<Array<{ table: string; column: string }>> {
  const { rows } = await sql<{ table: string; column: string }>`
    SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_default = ${expression}
    ORDER BY table_name, column_name`.execute(db);
  return rows;
}
