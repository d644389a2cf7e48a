/**
 * `npm run bench:load [-- --write] [-- --seconds N]`: the booking load and the slot timing on both engines,
 * each beside what its database does alone in the same run (pgbench TPC-B on PostgreSQL, bare
 * transactions on PGlite), with the ratios against the goals. Without PostgreSQL (or pgbench) only the
 * embedded rows run and the table says what was skipped. `--write` puts the "Load" section into
 * docs/benchmarks.md. Servers, temporary folders and scratch databases are removed however the run ends.
 * Exits 1 when the audit finds a double booking or a booking without its messages.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { describeMachine } from '../write-benchmark-report.ts';
import type { Query } from './audit.ts';
import { cleanUpAll, cleanUpOnSignals, onCleanup } from './cleanup.ts';
import { auditFailures, auditTable, GOALS, goalsTable, loadSection, SECTION_TITLE, writeLoadSection } from './load-report.ts';
import type { EngineRow } from './load-report.ts';
import { measureEngine } from './measure-engine.ts';
import { pgliteTransactionsPerSecond } from './pglite-baseline.ts';
import { createScratchDatabase, postgresUnavailable, queryDatabase, runPgbench } from './scratch-postgres.ts';

const reportPath = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/benchmarks.md');
const { values } = parseArgs({ options: { write: { type: 'boolean' }, seconds: { type: 'string' } } });
const seconds = Number(values.seconds ?? 20);
if (!Number.isInteger(seconds) || seconds < 1 || seconds > 600) {
  console.error(`--seconds takes a whole number of seconds from 1 to 600, not ${values.seconds}`);
  process.exit(2);
}

cleanUpOnSignals();
const machine = describeMachine();
const log = (line: string): void => console.log(line);
log(`${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}; ${seconds} s per load\n`);

const rows: EngineRow[] = [];
const skipped: string[] = [];
try {
  const unavailable = postgresUnavailable();
  if (unavailable) {
    skipped.push(`the PostgreSQL rows (pgbench and the booking load on PostgreSQL): ${unavailable}`);
    log(`Skipping PostgreSQL: ${unavailable}`);
  } else {
    log('PostgreSQL');
    const pgbenchUrl = await createScratchDatabase(`leeway_pgbench_${process.pid}`);
    log(`  pgbench -i -s 16, then -c 16 -j 2 -T ${seconds}`);
    const { tps } = await runPgbench(pgbenchUrl, seconds);
    log(`  pgbench: ${tps.toFixed(0)} tps`);
    const loadUrl = await createScratchDatabase(`leeway_load_${process.pid}`);
    const measured = await measureEngine(
      ['--database-url', loadUrl],
      seconds,
      (use) => use((text, params) => queryDatabase(loadUrl, text, params)),
      log,
    );
    rows.push({ engine: 'PostgreSQL', goals: GOALS.postgres, measured, baseline: { label: 'pgbench TPC-B', perSecond: tps } });
  }

  log('Embedded (PGlite)');
  const scratch = await mkdtemp(join(os.tmpdir(), 'leeway-load-'));
  onCleanup(`remove ${scratch}`, () => rm(scratch, { recursive: true, force: true }));
  const dataDir = join(scratch, 'data');
  const measured = await measureEngine(['--data-dir', dataDir], seconds, (use) => withPglite(dataDir, use), log);
  log(`  PGlite alone: transactions of 10 statements for ${seconds} s`);
  const baseline = await pgliteTransactionsPerSecond(join(scratch, 'baseline'), seconds);
  rows.push({
    engine: 'Embedded (PGlite, data folder)',
    goals: GOALS.embedded,
    measured,
    baseline: { label: 'PGlite 10-statement transactions', perSecond: baseline.perSecond },
  });
} catch (error) {
  console.error(`\nThe load bench failed: ${(error as Error).stack ?? String(error)}`);
  process.exitCode = 1;
} finally {
  await cleanUpAll();
}

if (rows.length > 0) {
  log(`\n## ${SECTION_TITLE}\n\n${goalsTable(rows)}\n\n${auditTable(rows)}`);
  for (const reason of skipped) log(`Skipped: ${reason}`);
  for (const row of rows) {
    for (const [status, { count, example }] of row.measured.bookings.refused) log(`${row.engine}: ${count} × ${status}, e.g. ${example}`);
  }
  const failures = auditFailures(rows);
  for (const failure of failures) console.error(`WRONG: ${failure}`);
  if (failures.length > 0) process.exitCode = 1;
  if (values.write && process.exitCode !== 1) {
    writeLoadSection(reportPath, loadSection(rows, skipped, machine, seconds));
    log(`\nWrote the "${SECTION_TITLE}" section of ${reportPath}`);
  }
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
