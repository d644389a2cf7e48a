import { describe, expect, it } from 'vitest';
import { combineLoads } from './drive-requests.ts';
import type { LoadResult } from './drive-requests.ts';

function load(over: Partial<LoadResult> & Pick<LoadResult, 'latenciesMs' | 'ok' | 'seconds'>): LoadResult {
  return {
    connections: 16,
    exhausted: false,
    sent: over.ok + 16,
    perSecond: over.ok / over.seconds,
    p50Ms: 0,
    p99Ms: 0,
    refused: new Map(),
    errors: 0,
    timeouts: 0,
    ...over,
  };
}

describe('combineLoads', () => {
  it('adds up answers and time, and takes the rate over the whole time', () => {
    const combined = combineLoads([load({ ok: 300, seconds: 5, latenciesMs: [10] }), load({ ok: 200, seconds: 5, latenciesMs: [20] })]);
    expect(combined.ok).toBe(500);
    expect(combined.seconds).toBe(10);
    expect(combined.perSecond).toBe(50);
    expect(combined.sent).toBe(532);
  });

  it('takes the percentiles over every answer of every load, not the mean of each load’s own', () => {
    // 99 fast answers in one load and one slow one in the other: the slow one is the 99th percentile of neither alone.
    const fast = load({ ok: 99, seconds: 5, latenciesMs: Array.from({ length: 99 }, () => 10), p99Ms: 10 });
    const slow = load({ ok: 101, seconds: 5, latenciesMs: [...Array.from({ length: 98 }, () => 12), 500, 600, 700], p99Ms: 700 });
    const combined = combineLoads([fast, slow]);
    expect(combined.latenciesMs).toHaveLength(200);
    expect(combined.p50Ms).toBe(12);
    expect(combined.p99Ms).toBe(600);
  });

  it('counts refusals together by status and keeps the first body seen for each', () => {
    const first = load({ ok: 1, seconds: 1, latenciesMs: [1], refused: new Map([[409, { count: 2, example: 'first' }]]) });
    const second = load({
      ok: 1,
      seconds: 1,
      latenciesMs: [1],
      refused: new Map([
        [409, { count: 3, example: 'second' }],
        [503, { count: 1, example: 'busy' }],
      ]),
      errors: 2,
      exhausted: true,
    });
    const combined = combineLoads([first, second]);
    expect([...combined.refused]).toEqual([
      [409, { count: 5, example: 'first' }],
      [503, { count: 1, example: 'busy' }],
    ]);
    expect(combined.errors).toBe(2);
    expect(combined.exhausted).toBe(true);
  });

  it('refuses to combine nothing', () => {
    expect(() => combineLoads([])).toThrow(/No loads/);
  });
});
