import { describe, expect, it } from 'vitest';
import { parseFullGc } from './gc-trace.ts';

describe('parseFullGc', () => {
  it('reads the heap left after a full collection', () => {
    const line = '[41234:0x6a1e2c0]    81234 ms: Mark-Compact 151.2 (170.3) -> 120.5 (158.1) MB, pooled: 0 MB, 12.40 / 0.10 ms  (average mu = 0.991, current mu = 0.987) finalize incremental marking via task; GC in old space requested';
    expect(parseFullGc(line, 7)).toEqual({ pid: 41234, isolate: '0x6a1e2c0', at: 7, afterMiB: 120.5, pauseMs: 12.4 });
  });

  it('reads a collection that reduces the heap', () => {
    expect(parseFullGc('[7:0x1]   5 ms: Mark-Compact (reduce) 80.0 (90.0) -> 60.25 (88.0) MB, 3.1 / 0.0 ms', 1)?.afterMiB).toBe(60.25);
  });

  it('ignores scavenges and everything else', () => {
    expect(parseFullGc('[41234:0x6a1e2c0]    81200 ms: Scavenge 150.1 (170.3) -> 149.0 (170.3) MB, 1.2 / 0.0 ms  (average mu = 0.99) allocation failure;', 0)).toBeNull();
    expect(parseFullGc('{"level":"warn","event":"outbox.retry"}', 0)).toBeNull();
  });
});
