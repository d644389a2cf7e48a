import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGETS, measurePageWeights } from './web-bundle.ts';

const root = process.env.LEEWAY_WEB_ROOT ?? path.resolve('dist/web');
const built = fs.existsSync(path.join(root, '.vite', 'manifest.json'));
if (!built) console.warn(`web-bundle: no build at ${root} (npm test builds it first), bundle budgets not checked`);

describe.skipIf(!built)('the web app bundle', () => {
  it('keeps every kind of page within its download budget', () => {
    for (const weight of measurePageWeights(root)) {
      expect(weight.gzipBytes, weight.page).toBeLessThanOrEqual(BUDGETS[weight.page]!);
    }
  });

  it('keeps the dashboard and the charts out of the candidate page', () => {
    const [, candidate, dashboard, analytics] = measurePageWeights(root);
    // Whatever the dashboard or the charts need beyond the shared entry must not reach a candidate.
    const dashboardOnly = dashboard!.fileNames.filter((file) => !candidate!.fileNames.includes(file));
    const chartsOnly = analytics!.fileNames.filter((file) => !dashboard!.fileNames.includes(file));
    expect(dashboardOnly.length).toBeGreaterThan(0);
    expect(chartsOnly.length).toBeGreaterThan(0);
    for (const file of [...dashboardOnly, ...chartsOnly]) expect(candidate!.fileNames).not.toContain(file);
    for (const file of chartsOnly) expect(dashboard!.fileNames).not.toContain(file);
  });
});
