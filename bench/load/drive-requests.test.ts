import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { combineLoads, driveRequests } from './drive-requests.ts';
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

describe('driveRequests', () => {
  it('stops when its time is up, and a list used up early counts only the time it took', async () => {
    // Each answer after 20 ms: two connections answer about 100 a second.
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => setTimeout(() => response.end('{}'), 20));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const requests = (count: number) => Array.from({ length: count }, (_, index) => ({ method: 'GET' as const, path: `/${index}` }));
    try {
      const timed = await driveRequests(url, requests(1_000), 2, 0.3);
      expect(timed.exhausted).toBe(false);
      expect(timed.seconds).toBeGreaterThanOrEqual(0.29);
      expect(timed.seconds).toBeLessThan(0.5);
      // Those in flight when it stopped are sent but not answered.
      expect(timed.ok).toBeGreaterThan(0);
      expect(timed.sent - timed.ok).toBeLessThanOrEqual(2);

      const usedUp = await driveRequests(url, requests(6), 2, 5);
      expect(usedUp.exhausted).toBe(true);
      expect(usedUp.ok).toBe(6);
      expect(usedUp.seconds).toBeLessThan(0.4);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
