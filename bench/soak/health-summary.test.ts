import { describe, expect, it } from 'vitest';
import { summarizeHealth } from './health-summary.ts';
import type { ServerSample } from './server-monitor.ts';

const sample = (second: number, healthzMs: number, rssMiB: number, pid = 100): ServerSample => ({
  second,
  server: 0,
  pid,
  rssMiB,
  healthzMs,
  healthzStatus: 200,
});

describe('summarizeHealth', () => {
  it('judges /healthz outside the fault windows, each widened by 5 s, and reports the rest apart', () => {
    const samples = [sample(1, 4, 200), sample(10, 900, 200), sample(16, 700, 200), sample(18, 12, 200), sample(30, 8, 200)];
    const summary = summarizeHealth(samples, [{ name: 'SMTP server down', from: 9.6, to: 11.2 }], 30);
    expect(summary.outsideFaults).toMatchObject({ samples: 3, maxMs: 12, notOk: 0 });
    expect(summary.duringFaults).toMatchObject({ samples: 2, maxMs: 900 });
  });

  it('calls memory flat when the last third peaks within 10 % of the middle third, and growing when not', () => {
    const steady = Array.from({ length: 60 }, (_, second) => sample(second, 2, second < 20 ? 150 + second : 200 + (second % 3)));
    const growing = Array.from({ length: 60 }, (_, second) => sample(second, 2, 150 + second * 3, 200));
    const [flat, leaking] = summarizeHealth([...steady, ...growing], [], 60).memory;
    expect(flat).toMatchObject({ pid: 100, flat: true, startMiB: 150 });
    expect(leaking).toMatchObject({ pid: 200, flat: false, endMiB: 150 + 59 * 3 });
  });

  it('judges the heap by what full collections leave alive, on processes that lived long enough and collected often enough', () => {
    const served = [...Array.from({ length: 60 }, (_, second) => sample(second, 2, 300)), ...Array.from({ length: 60 }, (_, second) => sample(second, 2, 300, 200))];
    // pid 100 leaves 80 MiB ± 2 after each collection; pid 200 leaves 1 MiB more each time.
    const collections = [
      ...Array.from({ length: 12 }, (_, i) => ({ pid: 100, second: i * 5, afterMiB: 80 + (i % 3) - 1, pauseMs: i === 7 ? 41.5 : 9 })),
      ...Array.from({ length: 12 }, (_, i) => ({ pid: 200, second: i * 5, afterMiB: 60 + i * 4 })),
    ];
    const [flat, leaking] = summarizeHealth(served, [], 60, collections).heap;
    // The longest a collection held the thread, which a stall of `/healthz` may be.
    expect(flat).toMatchObject({ pid: 100, fullGcs: 12, flat: true, longestPauseMs: 41.5 });
    expect(leaking).toMatchObject({ pid: 200, flat: false, lastThirdMaxMiB: 60 + 11 * 4, longestPauseMs: 0 });
    const few = summarizeHealth(served, [], 60, collections.filter((c) => c.pid === 100).slice(0, 5)).heap;
    expect(few[0]?.flat).toBeNull();
  });

  it("judges each thread's heap on its own, leaving out a thread that collected only a few times", () => {
    const served = Array.from({ length: 60 }, (_, second) => sample(second, 2, 300));
    // The server's thread holds 60 MiB; the engine's thread, smaller, leaks 2 MiB a collection, which a
    // judgement of both together (the larger heap's peaks) would never see; a loader thread collected twice.
    const collections = [
      ...Array.from({ length: 12 }, (_, i) => ({ pid: 100, isolate: '0xa', second: i * 5, afterMiB: 60 })),
      ...Array.from({ length: 12 }, (_, i) => ({ pid: 100, isolate: '0xb', second: i * 5 + 1, afterMiB: 15 + i * 2 })),
      ...Array.from({ length: 2 }, (_, i) => ({ pid: 100, isolate: '0xc', second: i, afterMiB: 6 })),
    ];
    const heaps = summarizeHealth(served, [], 60, collections).heap;
    expect(heaps).toEqual([
      expect.objectContaining({ pid: 100, thread: 1, threads: 2, fullGcs: 12, flat: true }),
      expect.objectContaining({ pid: 100, thread: 2, threads: 2, fullGcs: 12, flat: false }),
    ]);
  });

  it('does not judge a process that lived less than half the load', () => {
    const samples = Array.from({ length: 20 }, (_, second) => sample(second, 2, 100 + second * 10));
    expect(summarizeHealth(samples, [], 60).memory[0]?.flat).toBeNull();
  });
});
