import { describe, expect, it } from 'vitest';
import { describeBaseline, measuredPercent } from './load-report.ts';

describe('describeBaseline', () => {
  it('names a baseline measured around the load by its mean and each run in order', () => {
    expect(describeBaseline({ label: 'pgbench TPC-B', perSecond: 1435, runs: [1178, 1692] })).toBe('pgbench TPC-B 1435/s (runs 1178, 1692)');
    expect(describeBaseline({ label: 'pgbench TPC-B', perSecond: 1386.3, runs: [1480.2, 1291.4, 1350, 1423.6] })).toBe('pgbench TPC-B 1386/s (runs 1480, 1291, 1350, 1424)');
  });

  it('names a baseline measured once by its one figure', () => {
    expect(describeBaseline({ label: 'PGlite 10-statement transactions', perSecond: 473.4 })).toBe('PGlite 10-statement transactions 473/s');
    expect(describeBaseline({ label: 'pgbench TPC-B', perSecond: 1692, runs: [1692] })).toBe('pgbench TPC-B 1692/s');
  });
});

describe('measuredPercent', () => {
  it('keeps a tenth of a percent, so that a share just under its goal never reads as the goal', () => {
    expect(measuredPercent(396.8 / 1619)).toBe('24.5 %');
    expect(measuredPercent(0.25)).toBe('25.0 %');
    expect(measuredPercent(1.11)).toBe('111.0 %');
  });
});
