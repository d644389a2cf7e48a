import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOOP_TURN_EVERY_MS, openEmbeddedEngine } from './embedded/embedded-engine.ts';
import type { EmbeddedEngine, EngineThread } from './embedded/embedded-engine.ts';
import { pgliteClientConfig } from './pglite-connection.ts';

const poolOver = (engine: EmbeddedEngine, size: number, onNotification?: (notice: { channel: string; payload?: string }) => void): pg.Pool =>
  new pg.Pool(pgliteClientConfig(engine, { size, ...(onNotification ? { onNotification } : {}) }) as unknown as pg.PoolConfig);

/** The `pg` driver over the embedded engine: whole pipelines in one exchange, errors, prepared statements and sessions as on a server. */
describe.each<EngineThread>(['caller', 'own'])('PgliteConnection, engine on the %s thread', (thread) => {
  let scratch: string;
  let engine: EmbeddedEngine;
  let pool: pg.Pool;
  const notices: Array<{ channel: string; payload?: string }> = [];

  beforeAll(async () => {
    scratch = await mkdtemp(join(os.tmpdir(), 'leeway-pglite-connection-'));
    engine = await openEmbeddedEngine(thread === 'own' ? join(scratch, 'data') : undefined, thread);
    pool = poolOver(engine, 4, (notice) => notices.push(notice));
    await pool.query('CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL)');
  });
  afterAll(async () => {
    await pool.end();
    await engine.close();
    await rm(scratch, { recursive: true, force: true });
  });

  it('hands a parametrized statement (parse, bind, describe, execute, sync) to the engine in one exchange', async () => {
    const exchanges = vi.spyOn(engine, 'exchange');
    try {
      const { rows } = await pool.query<{ id: number; body: string }>('INSERT INTO notes VALUES ($1, $2) RETURNING id, body', [1, 'first']);
      expect(rows).toEqual([{ id: 1, body: 'first' }]);
      expect(exchanges).toHaveBeenCalledTimes(1);
    } finally {
      exchanges.mockRestore();
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

  it('prepares a named statement once per session, under a name of the session, and runs it again by name', async () => {
    const client = await pool.connect();
    const other = await pool.connect();
    try {
      const insert = (on: pg.PoolClient, id: number) => on.query({ name: 'insert-note', text: 'INSERT INTO notes VALUES ($1, $2) RETURNING id', values: [id, `note ${id}`] });
      expect((await insert(client, 2)).rows).toEqual([{ id: 2 }]);
      expect((await insert(client, 3)).rows).toEqual([{ id: 3 }]);
      expect((await insert(other, 4)).rows).toEqual([{ id: 4 }]);
      const prepared = await client.query<{ name: string }>("SELECT name FROM pg_prepared_statements WHERE name LIKE '%insert-note' ORDER BY name");
      expect(prepared.rows).toHaveLength(2);
    } finally {
      client.release();
      other.release();
    }
  });

  it('lets a session inside a transaction hold the engine: another session waits for its commit', async () => {
    const writer = await pool.connect();
    const reader = await pool.connect();
    try {
      await writer.query('BEGIN');
      await writer.query("INSERT INTO notes VALUES (100, 'in a transaction')");
      const read = reader.query<{ n: number }>('SELECT count(*)::int AS n FROM notes WHERE id = 100');
      let answered = false;
      void read.then(() => (answered = true));
      await new Promise((resolve) => setTimeout(resolve, 30));
      // The reader's statement would otherwise have run inside the writer's transaction and seen its row.
      expect(answered).toBe(false);
      await writer.query('COMMIT');
      expect((await read).rows).toEqual([{ n: 1 }]);
    } finally {
      writer.release();
      reader.release();
    }
  });

  it('rolls back the transaction of a session that ends inside it, and the others go on', async () => {
    const client = await pool.connect();
    await client.query('BEGIN');
    await client.query("INSERT INTO notes VALUES (200, 'never committed')");
    client.release(true);
    expect((await pool.query('SELECT count(*)::int AS n FROM notes WHERE id = 200')).rows).toEqual([{ n: 0 }]);
  });

  it('hands the notices a commit announces to the listener, with the answer to that commit', async () => {
    await pool.query('LISTEN note_changes');
    notices.length = 0;
    await pool.query("SELECT pg_notify('note_changes', 'id 5')");
    expect(notices).toEqual([expect.objectContaining({ channel: 'note_changes', payload: 'id 5' })]);
  });

  it('keeps statements sent at once in order', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => pool.query<{ n: number }>('SELECT $1::int AS n', [i])));
    expect(results.map(({ rows }) => rows[0]!.n)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('keeps the event loop turning during a long run of statements sent one after another', async () => {
    let turns = 0;
    const ticking = setInterval(() => (turns += 1), 1);
    try {
      const started = performance.now();
      // Each statement waits for the one before: on the caller's thread, without a turn now and then,
      // only promises would run.
      while (performance.now() - started < 200) await pool.query('SELECT pg_sleep(0.002)');
    } finally {
      clearInterval(ticking);
    }
    // 200 ms of statements: a turn at least every LOOP_TURN_EVERY_MS, and the 1 ms timer fires at each.
    expect(turns).toBeGreaterThanOrEqual(200 / LOOP_TURN_EVERY_MS / 2);
  });
});
