import { performance } from 'node:perf_hooks';
import { summarise } from './measure.ts';
import type { Measurement, MeasureOptions } from './measure.ts';

/**
 * `measure` for a function returning a promise: one call at a time, each awaited, timed from the call to
 * the settled promise. Returns the last result so the caller can check what was timed.
 *
 * @example
 * const { measurement, result } = await measureAsync(() => fetchSlots(), { warmup: 20, runs: 100 });
 */
export async function measureAsync<T>(fn: () => Promise<T>, options: MeasureOptions): Promise<{ measurement: Measurement; result: T }> {
  const { warmup, runs, minTimeMs = 0, maxRuns = Number.POSITIVE_INFINITY } = options;
  let result = await fn();
  for (let index = 1; index < warmup; index += 1) result = await fn();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < maxRuns && (samples.length < runs || performance.now() - started < minTimeMs)) {
    const before = performance.now();
    result = await fn();
    samples.push(performance.now() - before);
  }
  return { measurement: summarise(samples), result };
}
