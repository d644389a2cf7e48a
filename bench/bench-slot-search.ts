import { findSlots } from '../src/core/slots/find-slots.ts';
import { toFindSlotsOptions } from '../src/core/slots/find-panel-slots.ts';
import type { BenchSection } from './bench-section.ts';
import { formatMs, formatTable } from './format-table.ts';
import type { LoadedScenario } from './load-scenarios.ts';
import { measure } from './measure.ts';

/** The section, plus each scenario's median so later sections can compare with the core alone. */
export interface SlotSearchSection extends BenchSection {
  medianMsByScenario: ReadonlyMap<string, number>;
}

const TIMING = { warmup: 30, runs: 50, minTimeMs: 1500, maxRuns: 10_000 };
const TIMING_WITH_PARSE = { warmup: 5, runs: 20, minTimeMs: 500, maxRuns: 2000 };

/**
 * Times `findSlots` on every scenario and checks its slot count. The main columns time the search
 * alone on inputs already in epoch ms; one more column includes turning the file's ISO strings into
 * them, which the reference pipeline also had to do.
 *
 * @example
 * const section = benchSlotSearch(loadScenarios(locateScenarios()), (line) => console.log(line));
 */
export function benchSlotSearch(scenarios: readonly LoadedScenario[], log: (line: string) => void): SlotSearchSection {
  const rows: string[][] = [];
  const medianMsByScenario = new Map<string, number>();
  const failures: string[] = [];
  for (const { scenario, expectedSlots } of scenarios) {
    const options = toFindSlotsOptions(scenario);
    const { measurement, result } = measure(() => findSlots(options), TIMING);
    const withParse = measure(() => findSlots(toFindSlotsOptions(scenario)), TIMING_WITH_PARSE).measurement;
    medianMsByScenario.set(scenario.name, measurement.medianMs);
    const countOk = expectedSlots === undefined || result.length === expectedSlots;
    if (!countOk) failures.push(`${scenario.name}: ${result.length} slots, expected ${expectedSlots}`);
    const reference = scenario.reference?.calcomMedianMs ?? undefined;
    const row = [
      scenario.name,
      scenario.mode,
      String(scenario.members.length),
      `${result.length} (${expectedSlots ?? '?'})${countOk ? '' : ' ✗'}`,
      formatMs(measurement.medianMs),
      formatMs(measurement.p95Ms),
      formatMs(withParse.medianMs),
      reference === undefined ? '—' : formatMs(reference),
      reference === undefined ? '—' : `${Math.round(reference / measurement.medianMs).toLocaleString('en-US')}×`,
      String(measurement.runs),
    ];
    log(`  ${row.join('  ')}`);
    rows.push(row);
  }
  const table = formatTable(
    ['scenario', 'mode', 'members', 'slots (expected)', 'median ms', 'p95 ms', 'median ms incl. ISO parsing', 'reference ms', 'reference / ours', 'runs'],
    rows,
    ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
  const method = [
    '`findSlots` (src/core/slots) on each scenario of `../shared/bench/scenarios`, in one process, one',
    `scenario after the other: ${TIMING.warmup} untimed calls, then timed calls (\`performance.now()\` around each)`,
    `until at least ${TIMING.runs} calls and ${TIMING.minTimeMs / 1000} s; median and 95th percentile of those.`,
    'Inputs are converted from the files\' ISO strings to epoch ms once, outside the timing; the column',
    '"incl. ISO parsing" times conversion plus search together. Time-zone offsets are not cached between',
    'calls: every call looks them up again through `Intl`. "reference ms" is the median measured once for',
    'a widely used open-source scheduler\'s slot pipeline on another 2-core machine (Node 20), taken from',
    'the scenario files; its slot grid semantics differ, so its counts are indicative. "reference / ours"',
    'divides that by our median from this run. Slot counts are checked against the scenarios\' README.',
  ].join('\n');
  return { title: 'Slot search (`findSlots`)', method, table, failures, medianMsByScenario };
}
