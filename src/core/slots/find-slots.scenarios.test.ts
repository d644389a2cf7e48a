import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findSlots } from './find-slots.ts';
import { toFindSlotsOptions } from './find-panel-slots.ts';
import type { FindPanelSlotsOptions } from './find-panel-slots.ts';

// The shared benchmark scenarios live outside the repository (../shared/bench/scenarios next to the
// checkout, or LEEWAY_BENCH_DIR); on a user's machine they are absent and this suite is skipped.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const scenariosDir = process.env.LEEWAY_BENCH_DIR ?? resolve(repoRoot, '../shared/bench/scenarios');
const available = existsSync(scenariosDir);

interface ScenarioFile extends FindPanelSlotsOptions {
  name: string;
  reference?: { calcomSlots?: number | null };
}

/** Expected counts from the README table next to the scenarios ("| s1-one-interviewer | … | 153 |"). */
function readExpectedCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  const readme = join(scenariosDir, '../README.md');
  if (!existsSync(readme)) return counts;
  for (const line of readFileSync(readme, 'utf8').split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const name = cells[1];
    const slots = Number(cells[cells.length - 2]?.replace(/,/g, ''));
    if (name !== undefined && /^s\d/.test(name) && Number.isInteger(slots)) counts.set(name, slots);
  }
  return counts;
}

describe.skipIf(!available)(`findSlots on the shared bench scenarios (skipped: ${scenariosDir} not found; set LEEWAY_BENCH_DIR)`, () => {
  const files = available ? readdirSync(scenariosDir).filter((file) => file.endsWith('.json')).sort() : [];
  const expected = available ? readExpectedCounts() : new Map<string, number>();

  it('finds the scenario files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s has the slot count of the README table', (file) => {
    const scenario = JSON.parse(readFileSync(join(scenariosDir, file), 'utf8')) as ScenarioFile;
    const count = expected.get(scenario.name) ?? scenario.reference?.calcomSlots;
    expect(count, `no expected count for ${scenario.name}`).toEqual(expect.any(Number));
    expect(findSlots(toFindSlotsOptions(scenario))).toHaveLength(count as number);
  });
});
