/**
 * `npm run bench:load [-- --write] [-- --seconds N] [-- --engine pglite|postgres|both]`: the slot timings (s2 against /healthz, the pool of
 * 200), the booking load and the candidate action loads on both engines, each beside what its database
 * does alone in the same run (pgbench TPC-B on PostgreSQL, bare transactions on PGlite), with the ratios
 * against the goals. Without PostgreSQL (or pgbench) only the embedded rows run and the table says what
 * was skipped. `--write` puts the "Load" section into
 * docs/benchmarks.md. Servers, temporary folders and scratch databases are removed however the run ends.
 * Exits 1 when the audit finds a double booking, or a booking or a candidate action without its messages.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeMachine } from '../write-benchmark-report.ts';
import { cleanUpAll, cleanUpOnSignals, stopping } from './cleanup.ts';
import { measureEmbedded, measurePostgres } from './engines.ts';
import { actionAuditTable, auditFailures, auditTable, goalsTable, loadSection, SECTION_TITLE, writeLoadSection } from './load-report.ts';
import type { EngineRow } from './load-report.ts';
import { postgresUnavailable } from './scratch-postgres.ts';

const reportPath = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/benchmarks.md');
const { values } = parseArgs({ options: { write: { type: 'boolean' }, seconds: { type: 'string' }, engine: { type: 'string' } } });
const engine = values.engine ?? 'both';
if (!['pglite', 'postgres', 'both'].includes(engine)) {
  console.error(`--engine takes pglite, postgres or both, not ${engine}`);
  process.exit(2);
}
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
  if (engine === 'pglite') {
    skipped.push('the PostgreSQL rows: --engine pglite');
  } else if (unavailable) {
    skipped.push(`the PostgreSQL rows (pgbench and the loads on PostgreSQL): ${unavailable}`);
    log(`Skipping PostgreSQL: ${unavailable}`);
  } else {
    rows.push(await measurePostgres({ seconds, poolSearch: true, log }));
  }
  if (engine === 'postgres') skipped.push('the embedded rows: --engine postgres');
  else rows.push(await measureEmbedded({ seconds, poolSearch: true, log }));
} catch (error) {
  // After Ctrl-C the servers are stopped under the requests in flight: their failures are not news.
  if (!stopping()) {
    console.error(`\nThe load bench failed: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 1;
  }
} finally {
  await cleanUpAll();
}

if (rows.length > 0 && !stopping()) {
  log(`\n## ${SECTION_TITLE}\n\n${goalsTable(rows)}\n\n${auditTable(rows)}\n\n${actionAuditTable(rows)}`);
  for (const reason of skipped) log(`Skipped: ${reason}`);
  for (const row of rows) {
    for (const [status, { count, example }] of row.measured.bookingWarmUp.refused) log(`${row.engine}, booking warm-up: ${count} × ${status}, e.g. ${example}`);
    for (const [status, { count, example }] of row.measured.bookings.refused) log(`${row.engine}, bookings: ${count} × ${status}, e.g. ${example}`);
    for (const action of row.measured.actions) {
      for (const [status, { count, example }] of action.refused) log(`${row.engine}, ${action.action}: ${count} × ${status}, e.g. ${example}`);
    }
  }
  const failures = auditFailures(rows);
  for (const failure of failures) console.error(`WRONG: ${failure}`);
  if (failures.length > 0) process.exitCode = 1;
  if (values.write && process.exitCode !== 1) {
    writeLoadSection(reportPath, loadSection(rows, skipped, machine, seconds));
    log(`\nWrote the "${SECTION_TITLE}" section of ${reportPath}`);
  }
}
