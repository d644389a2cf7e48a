import { describe, expect, it } from 'vitest';
import { measurePairAsync } from './measure-async.ts';

describe('measurePairAsync', () => {
  it('warms both up in turn, then times them in rounds that alternate which goes first', async () => {
    const calls: string[] = [];
    const { a, b } = await measurePairAsync(
      async () => calls.push('a'),
      async () => calls.push('b'),
      { warmup: 2, runs: 4 },
    );
    expect(calls.join('')).toBe('abab' + 'ab' + 'ba' + 'ab' + 'ba');
    expect(a.measurement.runs).toBe(4);
    expect(b.measurement.runs).toBe(4);
    // The last results are returned, so a caller can check what was timed.
    expect(a.result).toBe(12);
    expect(b.result).toBe(11);
  });

  it('keeps the two timings apart', async () => {
    const { a, b } = await measurePairAsync(
      () => new Promise((resolve) => setTimeout(resolve, 20)),
      async () => undefined,
      { warmup: 1, runs: 5 },
    );
    expect(a.measurement.medianMs).toBeGreaterThanOrEqual(15);
    expect(b.measurement.medianMs).toBeLessThan(10);
  });
});
