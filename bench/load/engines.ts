import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { Query } from './audit.ts';
import { onCleanup } from './cleanup.ts';
import { GOALS, PGBENCH_SLICES } from './load-report.ts';
import type { EngineRow } from './load-report.ts';
import { measureEngine } from './measure-engine.ts';
import { pgliteTransactionsPerSecond } from './pglite-baseline.ts';
import { createScratchDatabase, initPgbench, queryDatabase, runPgbench } from './scratch-postgres.ts';

export interface EngineRunOptions {
  seconds: number;
  /** Time the pool of 200 too (it takes a while to store). */
  poolSearch: boolean;
  /** The most interviews to prepare per candidate action. */
  maxPerAction?: number;
  log: (line: string) => void;
}

/**
 * The PostgreSQL row: pgbench TPC-B on one scratch database, the loads through a server on another, both
 * on the same PostgreSQL server. The timed booking load runs in slices (PGBENCH_SLICES), and pgbench (its tables made
 * once, before the server starts) runs for as long as a slice before, between and after them; the
 * baseline is the mean of those runs. These hosts' speed drifts by a fifth or more within minutes,
 * and a baseline taken on one side of the booking load, or on both, would hand that drift to the ratio.
 * The scratch databases are dropped by the bench's cleanup.
 *
 * @example
 * rows.push(await measurePostgres({ seconds: 20, poolSearch: true, log: console.log }));
 */
export async function measurePostgres({ seconds, log, ...options }: EngineRunOptions): Promise<EngineRow> {
  log('PostgreSQL');
  const pgbenchUrl = await createScratchDatabase(`leeway_pgbench_${process.pid}`);
  // pgbench runs whole seconds.
  const sliceSeconds = Math.max(1, Math.round(seconds / PGBENCH_SLICES));
  log(`  pgbench -i -s 16; it runs -c 16 -j 2 -T ${sliceSeconds} before, between and after the booking load's ${PGBENCH_SLICES} slices`);
  await initPgbench(pgbenchUrl);
  const runs: number[] = [];
  const loadUrl = await createScratchDatabase(`leeway_load_${process.pid}`);
  const measured = await measureEngine(['--database-url', loadUrl], {
    ...options,
    seconds,
    withQuery: (use) => use((text, params) => queryDatabase(loadUrl, text, params)),
    walPosition: async () => Number((await queryDatabase<{ bytes: string }>(loadUrl, "SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::text AS bytes"))[0]!.bytes),
    aroundBookingSlices: {
      slices: PGBENCH_SLICES,
      run: async (timedLog) => {
        runs.push(await runPgbench(pgbenchUrl, sliceSeconds));
        timedLog(`  pgbench: ${runs.at(-1)!.toFixed(0)} tps`);
      },
    },
    log,
  });
  return {
    engine: 'PostgreSQL',
    goals: GOALS.postgres,
    measured,
    baseline: { label: 'pgbench TPC-B', perSecond: runs.reduce((sum, tps) => sum + tps, 0) / runs.length, runs },
  };
}

/**
 * The embedded row: the loads through a server on a PGlite data folder in a temporary directory, then
 * PGlite alone on another folder. The directory is removed by the bench's cleanup.
 *
 * @example
 * rows.push(await measureEmbedded({ seconds: 20, poolSearch: true, log: console.log }));
 */
export async function measureEmbedded({ seconds, log, ...options }: EngineRunOptions): Promise<EngineRow> {
  log('Embedded (PGlite)');
  const scratch = await mkdtemp(join(os.tmpdir(), 'leeway-load-'));
  onCleanup(`remove ${scratch}`, () => rm(scratch, { recursive: true, force: true }));
  const dataDir = join(scratch, 'data');
  const measured = await measureEngine(['--data-dir', dataDir], { ...options, seconds, withQuery: (use) => withPglite(dataDir, use), log });
  log(`  PGlite alone: transactions of 10 statements for ${seconds} s`);
  const baseline = await pgliteTransactionsPerSecond(join(scratch, 'baseline'), seconds);
  return {
    engine: 'Embedded (PGlite, data folder)',
    goals: GOALS.embedded,
    measured,
    baseline: { label: 'PGlite 10-statement transactions', perSecond: baseline.perSecond },
  };
}

/** The embedded database opened in this process once the server has closed it. */
async function withPglite<T>(dataDir: string, use: (query: Query) => Promise<T>): Promise<T> {
  const db = await PGlite.create(dataDir, { extensions: { btree_gist } });
  try {
    return await use(async <Row>(text: string, params: unknown[]) => (await db.query<Row>(text, params)).rows);
  } finally {
    await db.close();
  }
}
