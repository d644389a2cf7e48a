/** One full (mark-compact) garbage collection of a server process, as `node --trace-gc` reports it. */
export interface FullGc {
  pid: number;
  /**
   * The V8 isolate that collected, as the trace names it: a process with worker threads (the embedded
   * engine's, a module loader's) has one heap per thread.
   */
  isolate: string;
  /** When the line was read, in ms since the epoch. */
  at: number;
  /** The V8 heap right after the collection: what was still alive. */
  afterMiB: number;
  /** How long the collection held the thread (the first figure after "MB,"): a stall of everything it runs. */
  pauseMs: number;
}

// e.g. "[41234:0x6a1e2c0]    81234 ms: Mark-Compact (reduce) 151.2 (170.3) -> 120.5 (158.1) MB, 12.4 / 0.1 ms  (…)"
const FULL_GC = /^\[(\d+):(0x[0-9a-f]+)\]\s+\d+ ms: Mark-Compact(?: \(reduce\))? [\d.]+ \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB,(?: pooled: [\d.]+ MB,)? ([\d.]+) \//;

/**
 * The full collection a `--trace-gc` line reports, or null for any other line. Only full collections say
 * how much is really alive: RSS and the heap between them also hold garbage not yet collected, which is
 * what makes either rise and fall with no leak at all.
 *
 * @example
 * parseFullGc('[41234:0x6a1e2c0]    81234 ms: Mark-Compact 151.2 (170.3) -> 120.5 (158.1) MB, 12.4 / 0.1 ms …', 0); // { pid: 41234, isolate: '0x6a1e2c0', at: 0, afterMiB: 120.5, pauseMs: 12.4 }
 */
export function parseFullGc(line: string, at: number): FullGc | null {
  const match = FULL_GC.exec(line);
  if (!match) return null;
  // V8 writes MB for 2^20 bytes.
  return { pid: Number(match[1]), isolate: match[2]!, at, afterMiB: Number(match[3]), pauseMs: Number(match[4]) };
}
