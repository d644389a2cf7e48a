/**
 * `npm run soak [-- --minutes N] [-- --engine pglite|postgres|both] [-- --write]`: a mixed load (bookings,
 * candidate actions, slot searches, reads) against real server processes while faults are injected — the
 * SMTP server down, a server process SIGKILLed and restarted, PostgreSQL restarted, two processes sharing
 * PostgreSQL — then an audit of what was acknowledged, delivered and left behind. Exits 1 when the audit
 * fails. Everything it starts (clusters, folders, processes) is removed however it ends.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine } from '../write-benchmark-report.ts';
import { cleanUpAll, cleanUpOnSignals } from '../load/cleanup.ts';
import { parseSoakOptions, SOAK_USAGE } from './soak-options.ts';
import type { SoakOptions } from './soak-options.ts';
import { runSoakOn } from './soak-engine.ts';
import type { SoakResult } from './soak-engine.ts';
import { SOAK_SECTION_TITLE, soakFailures, soakReport, soakSection } from './soak-report.ts';
import { writeSection } from './write-section.ts';

const reportPath = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/benchmarks.md');
const PAUSE_MS = 100;

let options: SoakOptions;
try {
  options = parseSoakOptions(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${SOAK_USAGE}`);
  process.exit(2);
}

cleanUpOnSignals();
const machine = describeMachine();
const log = (line: string): void => console.log(line);
log(`${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}; ${options.loadSeconds} s of load per engine`);

const results: SoakResult[] = [];
try {
  for (const engine of options.engines) {
    log(`\n${engine === 'postgres' ? 'PostgreSQL' : 'Embedded (PGlite): one process; faults: SMTP outage and SIGKILL only'}`);
    const result = await runSoakOn({ engine, loadSeconds: options.loadSeconds, clients: options.clients, pauseMs: PAUSE_MS, log });
    results.push(result);
    log(`\n${soakReport(result)}`);
    for (const example of result.refusalExamples) log(`  refused: ${example}`);
    for (const problem of result.serverProblems.slice(-10)) log(`  server said: ${problem}`);
  }
} catch (error) {
  console.error(`\nThe soak failed: ${(error as Error).stack ?? String(error)}`);
  process.exitCode = 1;
} finally {
  await cleanUpAll();
}

const failures = results.flatMap(soakFailures);
for (const failure of failures) console.error(`WRONG: ${failure}`);
if (failures.length > 0) process.exitCode = 1;
if (options.write && results.length > 0) {
  writeSection(reportPath, SOAK_SECTION_TITLE, soakSection(results, machine));
  log(`\nWrote the "${SOAK_SECTION_TITLE}" section of ${reportPath}`);
}
log(process.exitCode === 1 ? '\nSoak FAILED' : '\nSoak passed');
