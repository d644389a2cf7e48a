import { performance } from 'node:perf_hooks';

export interface MeasureOptions {
  /** Untimed calls first, so the JIT has compiled the hot paths. */
  warmup: number;
  /** Timed calls, at least. */
  runs: number;
  /** Keep timing past `runs` until this much time has been spent, so fast cases get more samples. */
  minTimeMs?: number;
  /** Never more timed calls than this. */
  maxRuns?: number;
}

export interface Measurement {
  runs: number;
  medianMs: number;
  p95Ms: number;
  p99Ms: number;
  minMs: number;
  meanMs: number;
}

/**
 * Times `fn` call by call with `performance.now()` and summarises the distribution. Returns the last
 * result too, so the caller can check that what was timed was also right.
 *
 * @example
 * const { measurement, result } = measure(() => findSlots(options), { warmup: 20, runs: 100 });
 * console.log(measurement.medianMs, result.length);
 */
export function measure<T>(fn: () => T, options: MeasureOptions): { measurement: Measurement; result: T } {
  const { warmup, runs, minTimeMs = 0, maxRuns = Number.POSITIVE_INFINITY } = options;
  let result = fn();
  for (let index = 1; index < warmup; index += 1) result = fn();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < maxRuns && (samples.length < runs || performance.now() - started < minTimeMs)) {
    const before = performance.now();
    result = fn();
    samples.push(performance.now() - before);
  }
  return { measurement: summarise(samples), result };
}

/** Median, 95th and 99th percentile, minimum and mean of timings in ms. */
export function summarise(samples: readonly number[]): Measurement {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (quantile: number): number => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? Number.NaN;
  const middle = sorted.length / 2;
  const medianMs = sorted.length % 2 === 1 ? at(0.5) : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
  return {
    runs: sorted.length,
    medianMs,
    p95Ms: at(0.95),
    p99Ms: at(0.99),
    minMs: sorted[0] ?? Number.NaN,
    meanMs: sorted.reduce((sum, sample) => sum + sample, 0) / sorted.length,
  };
}
