import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { connectDatabase } from './connect.ts';
import type { ConnectOptions, DatabaseHandle } from './connect.ts';

const engines: Array<{ name: string; options: ConnectOptions }> = [{ name: 'pglite', options: { engine: 'pglite', dataDir: 'memory://' } }];
if (process.env.TEST_DATABASE_URL) engines.push({ name: 'postgres', options: { engine: 'postgres', url: process.env.TEST_DATABASE_URL, poolSize: 1 } });

describe.each(engines)('repeated statements on $name', ({ options }) => {
  let handle: DatabaseHandle | undefined;
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
  });

  it('are prepared on the connection from their second use, and answer as before', async () => {
    handle = await connectDatabase(options);
    const db = handle.db;
    const prepared = async () =>
      (await sql<{ statement: string }>`select statement from pg_prepared_statements where statement like ${'%prepared-statements probe%'}`.execute(db)).rows;
    const answers: number[] = [];
    for (let value = 1; value <= 4; value += 1) {
      const { rows } = await sql<{ n: number }>`select ${value}::int + 1 as n /* prepared-statements probe */`.execute(db);
      answers.push(rows[0]!.n);
      // Prepared from the second time on (the probe of the catalog itself is a text of its own).
      expect((await prepared()).length).toBe(value === 1 ? 0 : 1);
    }
    expect(answers).toEqual([2, 3, 4, 5]);
  });

  it('are not prepared when the pool is told to prepare none (for a pooler in transaction mode)', async () => {
    handle = await connectDatabase({ ...options, pool: { ...options.pool, preparedStatements: 0 } });
    for (let value = 1; value <= 3; value += 1) await sql`select ${value}::int /* unprepared probe */`.execute(handle.db);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements`.execute(handle.db);
    expect(rows[0]!.n).toBe(0);
  });

  it('keep working after a statement fails in a transaction that is rolled back', async () => {
    handle = await connectDatabase(options);
    const db = handle.db;
    const divide = (by: number) => sql<{ q: number }>`select 10 / ${by}::int as q`.execute(db);
    await divide(5);
    await divide(2);
    await expect(db.transaction().execute((tx) => sql`select 10 / ${0}::int`.execute(tx))).rejects.toThrow(/division by zero/);
    expect((await divide(10)).rows[0]!.q).toBe(1);
  });
});
