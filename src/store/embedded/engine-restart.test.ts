import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../database-errors.ts';
import { pgliteClientConfig } from '../pglite-connection.ts';
import { openEmbeddedEngine, STOP_THREAD_AS_A_CRASH } from './embedded-engine.ts';
import type { EmbeddedEngine } from './embedded-engine.ts';

/**
 * The embedded engine's thread can die (a WebAssembly abort): it is started again on the same data folder,
 * what was committed is there, the connections of the stopped thread are dropped, and in between a request
 * meets an unreachable database, not an error of its own.
 */
describe('the embedded engine on its own thread, after its thread dies', () => {
  let scratch: string;
  let engine: EmbeddedEngine;
  let pool: pg.Pool;

  beforeAll(async () => {
    scratch = await mkdtemp(join(os.tmpdir(), 'leeway-engine-restart-'));
    engine = await openEmbeddedEngine(join(scratch, 'data'), 'own');
    pool = new pg.Pool(pgliteClientConfig(engine, { size: 3 }) as unknown as pg.PoolConfig);
    // The pool's errors are the connections of the stopped thread being dropped.
    pool.on('error', () => undefined);
    await pool.query('CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL)');
    await pool.query('INSERT INTO notes VALUES ($1, $2)', [1, 'committed before']);
  });
  afterAll(async () => {
    await pool?.end();
    await engine?.close();
    await rm(scratch, { recursive: true, force: true });
  });

  const backAgain = () => new Promise<void>((resolve) => engine.onBack(resolve));

  it('is started again with everything committed, and refuses as unavailable meanwhile', async () => {
    // A connection held across the crash, inside a transaction that never commits.
    const held = await pool.connect();
    held.on('error', () => undefined);
    await held.query('BEGIN');
    await held.query('INSERT INTO notes VALUES ($1, $2)', [2, 'never committed']);
    const lost: Error[] = [];
    engine.onLost((error) => lost.push(error));
    const back = backAgain();

    await engine[STOP_THREAD_AS_A_CRASH]!();
    expect(lost).toHaveLength(1);
    const during = await pool.query('SELECT 1').catch((error: unknown) => error);
    expect(isDatabaseUnavailable(during)).toBe(true);
    const inTransaction = await held.query('COMMIT').catch((error: unknown) => error);
    expect(isDatabaseUnavailable(inTransaction)).toBe(true);
    held.release(true);

    await back;
    const { rows } = await pool.query<{ id: number; body: string }>('SELECT id, body FROM notes ORDER BY id');
    expect(rows).toEqual([{ id: 1, body: 'committed before' }]);
    // Named statements are prepared again on the new thread's sessions.
    for (let id = 3; id < 9; id += 1) await pool.query({ name: 'insert-note', text: 'INSERT INTO notes VALUES ($1, $2)', values: [id, `note ${id}`] });
    expect((await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM notes')).rows).toEqual([{ n: 7 }]);
  });

  it('is started again as often as it dies', async () => {
    for (let round = 0; round < 2; round += 1) {
      const back = backAgain();
      await engine[STOP_THREAD_AS_A_CRASH]!();
      await back;
      expect((await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM notes')).rows).toEqual([{ n: 7 }]);
    }
  });
});
