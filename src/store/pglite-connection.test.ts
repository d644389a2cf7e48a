import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOOP_TURN_EVERY_MS, pgliteClientConfig } from './pglite-connection.ts';

/** The `pg` driver over the embedded engine: whole pipelines in one call, errors and prepared statements as on a server. */
describe('PgliteConnection', () => {
  let engine: PGlite;
  let pool: pg.Pool;

  beforeAll(async () => {
    engine = await PGlite.create();
    pool = new pg.Pool(pgliteClientConfig(engine) as unknown as pg.PoolConfig);
    await pool.query('CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL)');
  });
  afterAll(async () => {
    await pool.end();
    await engine.close();
  });

  it('hands a parametrized statement (parse, bind, describe, execute, sync) to the engine in one call', async () => {
    const calls = vi.spyOn(engine, 'execProtocolStream');
    try {
      const { rows } = await pool.query<{ id: number; body: string }>('INSERT INTO notes VALUES ($1, $2) RETURNING id, body', [1, 'first']);
      expect(rows).toEqual([{ id: 1, body: 'first' }]);
      expect(calls).toHaveBeenCalledTimes(1);
    } finally {
      calls.mockRestore();
    }
  });

  it('reports a refused statement with its code, and the connection goes on', async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await expect(client.query('INSERT INTO notes VALUES ($1, $2)', [1, 'again'])).rejects.toMatchObject({ code: '23505' });
      await client.query('ROLLBACK');
      expect((await client.query('SELECT count(*)::int AS n FROM notes')).rows).toEqual([{ n: 1 }]);
    } finally {
      client.release();
    }
  });

  it('prepares a named statement once and runs it again by name', async () => {
    const insert = (id: number) => pool.query({ name: 'insert-note', text: 'INSERT INTO notes VALUES ($1, $2) RETURNING id', values: [id, `note ${id}`] });
    expect((await insert(2)).rows).toEqual([{ id: 2 }]);
    expect((await insert(3)).rows).toEqual([{ id: 3 }]);
    expect((await pool.query('SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name = $1', ['insert-note'])).rows).toEqual([{ n: 1 }]);
  });

  it('gives the event loop a turn during a long run of statements sent one after another', async () => {
    let turns = 0;
    const ticking = setInterval(() => (turns += 1), 1);
    try {
      const started = performance.now();
      // Each statement waits for the one before: without a turn now and then, only promises would run.
      while (performance.now() - started < 200) await pool.query('SELECT pg_sleep(0.002)');
    } finally {
      clearInterval(ticking);
    }
    // 200 ms of statements: a turn at least every LOOP_TURN_EVERY_MS, and the 1 ms timer fires at each.
    expect(turns).toBeGreaterThanOrEqual(200 / LOOP_TURN_EVERY_MS / 2);
  });

  it('keeps statements sent at once in order', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => pool.query<{ n: number }>('SELECT $1::int AS n', [i])));
    expect(results.map(({ rows }) => rows[0]!.n)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});
