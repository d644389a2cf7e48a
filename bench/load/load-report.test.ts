import { describe, expect, it } from 'vitest';
import { describeBaseline } from './load-report.ts';

describe('describeBaseline', () => {
  it('names a baseline measured before and after the load by both runs and their mean', () => {
    expect(describeBaseline({ label: 'pgbench TPC-B', perSecond: 1435, runs: [1178, 1692] })).toBe('pgbench TPC-B 1435/s (1178 before, 1692 after)');
  });

  it('names a baseline measured once by its one figure', () => {
    expect(describeBaseline({ label: 'PGlite 10-statement transactions', perSecond: 473.4 })).toBe('PGlite 10-statement transactions 473/s');
    expect(describeBaseline({ label: 'pgbench TPC-B', perSecond: 1692, runs: [1692] })).toBe('pgbench TPC-B 1692/s');
  });
});
