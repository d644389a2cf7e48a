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

/**
 * Two functions timed side by side: each round calls both, the first in one round and the second in the
 * next, so that both meet the same machine and the same warmth of the code under test. Timing one after
 * the other instead favours the one timed second: it runs on a process the first has already warmed, and
 * machine noise that drifts over seconds falls on one of them only. `warmup` and `runs` count rounds.
 *
 * @example
 * const { a, b } = await measurePairAsync(() => fetchSlots(), () => fetchHealth(), { warmup: 500, runs: 100 });
 * a.measurement.medianMs / b.measurement.medianMs; // the ratio, measured in one run
 */
export async function measurePairAsync<A, B>(
  first: () => Promise<A>,
  second: () => Promise<B>,
  options: MeasureOptions,
): Promise<{ a: { measurement: Measurement; result: A }; b: { measurement: Measurement; result: B } }> {
  const { warmup, runs, minTimeMs = 0, maxRuns = Number.POSITIVE_INFINITY } = options;
  let resultA = await first();
  let resultB = await second();
  for (let index = 1; index < warmup; index += 1) {
    resultA = await first();
    resultB = await second();
  }
  const samplesA: number[] = [];
  const samplesB: number[] = [];
  const timeA = async (): Promise<void> => {
    const before = performance.now();
    resultA = await first();
    samplesA.push(performance.now() - before);
  };
  const timeB = async (): Promise<void> => {
    const before = performance.now();
    resultB = await second();
    samplesB.push(performance.now() - before);
  };
  const started = performance.now();
  while (samplesA.length < maxRuns && (samplesA.length < runs || performance.now() - started < minTimeMs)) {
    if (samplesA.length % 2 === 0) {
      await timeA();
      await timeB();
    } else {
      await timeB();
      await timeA();
    }
  }
  return { a: { measurement: summarise(samplesA), result: resultA }, b: { measurement: summarise(samplesB), result: resultB } };
}
