/**
 * `npm run bench [-- --write]`: times the slot search on the shared scenarios and `GET /api/v1/slots`
 * for the panel scenario over a database, prints the tables, and with
 * `--write` regenerates docs/benchmarks.md. Exits 0 without the scenarios (a user's checkout), 1 when
 * a slot count is wrong.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchSection } from './bench-section.ts';
import { benchHttpSlots } from './bench-http-slots.ts';
import { benchOpeningCascade } from './opening-cascade.ts';
import { benchAnalytics } from './analytics.ts';
import { benchSlotSearch } from './bench-slot-search.ts';
import { benchWebBundle } from './web-bundle.ts';
import { loadScenarios, locateScenarios } from './load-scenarios.ts';
import { describeMachine, writeBenchmarkReport } from './write-benchmark-report.ts';

const reportPath = resolve(dirname(fileURLToPath(import.meta.url)), '../docs/benchmarks.md');
const write = process.argv.includes('--write');
const scenariosDir = locateScenarios();

if (!existsSync(scenariosDir)) {
  console.log(`No benchmark scenarios at ${scenariosDir}; nothing to measure.`);
  console.log('They live in ../shared/bench/scenarios next to the repository; set LEEWAY_BENCH_DIR to use another folder.');
  process.exit(0);
}

const machine = describeMachine();
console.log(`${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}`);
console.log(`Scenarios: ${scenariosDir}\n`);

const HTTP_SCENARIO = 's2-panel-of-4';

const scenarios = loadScenarios(scenariosDir);
const sections: BenchSection[] = [];
console.log('Slot search: scenario  mode  members  slots (expected)  median  p95  incl. parsing  reference  ratio  runs');
const slotSearch = benchSlotSearch(scenarios, (line) => console.log(line));
sections.push(slotSearch);

const panel = scenarios.find(({ scenario }) => scenario.name === HTTP_SCENARIO);
if (panel) {
  console.log(`\nGET /api/v1/slots: database  scenario  members  busy blocks  slots (expected)  median  p95  target  app layer  core  reference  runs`);
  sections.push(await benchHttpSlots(panel, slotSearch.medianMsByScenario.get(HTTP_SCENARIO), (line) => console.log(line)));
} else {
  console.log(`\nNo ${HTTP_SCENARIO} scenario in ${scenariosDir}; skipping GET /api/v1/slots.`);
}

console.log('\nPosition filled (1,000 interviews): database  interviews  panel  messages  median  slowest  target  round trips  runs');
sections.push(await benchOpeningCascade((line) => console.log(line)));
console.log('\nAnalytics: database  window  query  cancellations  median  p95  target  runs');
sections.push(await benchAnalytics((line) => console.log(line)));

sections.push(benchWebBundle(resolve(dirname(fileURLToPath(import.meta.url)), '../dist/web')));

for (const section of sections) {
  console.log(`\n## ${section.title}\n\n${section.table}`);
  for (const failure of section.failures) console.error(`WRONG: ${failure}`);
}
if (write) {
  writeBenchmarkReport(reportPath, sections, machine);
  console.log(`\nWrote ${reportPath}`);
}
if (sections.some((section) => section.failures.length > 0)) process.exitCode = 1;
