import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FindPanelSlotsOptions } from '../src/core/slots/find-panel-slots.ts';

/** One `scenarios/*.json` file: the search as ISO strings plus the reference timing. */
export interface Scenario extends FindPanelSlotsOptions {
  name: string;
  mode: 'all' | 'any';
  inviteeTimezone?: string;
  reference?: { calcomMedianMs?: number | null; calcomSlots?: number | null; note?: string };
}

export interface LoadedScenario {
  scenario: Scenario;
  /** From the README table next to the scenarios, else the file's `reference.calcomSlots`. */
  expectedSlots: number | undefined;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Where the shared scenarios are: `LEEWAY_BENCH_DIR`, else `../shared/bench/scenarios` beside the
 * repository.
 *
 * @example
 * locateScenarios(); // '/work/shared/bench/scenarios'
 */
export function locateScenarios(): string {
  return process.env.LEEWAY_BENCH_DIR ?? resolve(repoRoot, '../shared/bench/scenarios');
}

/**
 * Reads every scenario in `dir`, sorted by file name, with its expected slot count.
 *
 * @example
 * for (const { scenario, expectedSlots } of loadScenarios(locateScenarios())) console.log(scenario.name, expectedSlots);
 */
export function loadScenarios(dir: string): LoadedScenario[] {
  const expected = readExpectedCounts(join(dir, '../README.md'));
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const scenario = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Scenario;
      const expectedSlots = expected.get(scenario.name) ?? scenario.reference?.calcomSlots ?? undefined;
      return { scenario, expectedSlots };
    });
}

/** The README's table rows "| s2-panel-of-4 | 4 (all) | 30 | 68 | 17 |": name first, slots last. */
function readExpectedCounts(readme: string): Map<string, number> {
  const counts = new Map<string, number>();
  if (!existsSync(readme)) return counts;
  for (const line of readFileSync(readme, 'utf8').split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const name = cells[1];
    const slots = Number(cells[cells.length - 2]?.replace(/,/g, ''));
    if (name !== undefined && /^s\d/.test(name) && Number.isInteger(slots)) counts.set(name, slots);
  }
  return counts;
}
