import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarios, locateScenarios } from '../../../bench/load-scenarios.ts';
import { findSlots } from './find-slots.ts';
import { toFindSlotsOptions } from './find-panel-slots.ts';

// The shared benchmark scenarios live outside the repository (../shared/bench/scenarios next to the
// checkout, or LEEWAY_BENCH_DIR); on a user's machine they are absent and this suite is skipped.
const scenariosDir = locateScenarios();
const available = existsSync(scenariosDir);

describe.skipIf(!available)(`findSlots on the shared bench scenarios (skipped: ${scenariosDir} not found; set LEEWAY_BENCH_DIR)`, () => {
  const scenarios = available ? loadScenarios(scenariosDir) : [];

  it('finds the scenario files', () => {
    expect(scenarios.length).toBeGreaterThan(0);
  });

  it.each(scenarios.map((loaded) => [loaded.scenario.name, loaded] as const))('%s has the slot count of the README table', (_name, loaded) => {
    expect(loaded.expectedSlots, `no expected count for ${loaded.scenario.name}`).toEqual(expect.any(Number));
    expect(findSlots(toFindSlotsOptions(loaded.scenario))).toHaveLength(loaded.expectedSlots as number);
  });
});
