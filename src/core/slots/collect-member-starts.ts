import { resolveWallTime } from './create-zone-timeline.ts';
import type { ZoneTimeline } from './create-zone-timeline.ts';
import type { MergedSpans } from './merge-busy-spans.ts';
import type { WeeklyMinuteRanges } from './parse-working-hours.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Closed ranges of instants `[first, last]` at which a slot may start, ascending and disjoint, as a
 * flat list `[first0, last0, first1, last1, …]`. Working in start times rather than free time makes
 * "inside ONE working-hours range" automatic: each free piece of one range yields its own starts, and
 * the union of those is all a panel intersection or a pool union needs.
 */
export type StartRanges = number[];

export interface CollectMemberStartsOptions {
  timeline: ZoneTimeline;
  weeklyRanges: WeeklyMinuteRanges;
  busy: MergedSpans;
  /** Local dates to visit, as local midnight written as if UTC; ascending. */
  dayWalls: readonly number[];
  durationMs: number;
  /** Earliest start allowed (the window's start). */
  firstStart: number;
  /** Latest start allowed (the window's end minus the duration). */
  lastStart: number;
}

/**
 * Where one member can start a slot: each working range of each local day, mapped to real instants
 * through the member's zone, minus the merged busy spans, shrunk by the duration and clipped to the
 * window.
 *
 * @example
 * collectMemberStarts({ timeline, weeklyRanges, busy, dayWalls, durationMs: 3_600_000, firstStart, lastStart });
 * // [Date.UTC(2026, 11, 7, 9), Date.UTC(2026, 11, 7, 16), …] for 09:00–17:00 London, nothing busy
 */
export function collectMemberStarts(options: CollectMemberStartsOptions): StartRanges {
  const { timeline, weeklyRanges, busy, dayWalls, durationMs, firstStart, lastStart } = options;
  const { starts: busyStarts, ends: busyEnds, count: busyCount } = busy;
  const result: StartRanges = [];
  let sorted = true;
  for (const wall of dayWalls) {
    const ranges = weeklyRanges[getWeekdayIndex(wall)] ?? [];
    for (const [startMinute, endMinute] of ranges) {
      const workStart = resolveWallTime(timeline, wall + startMinute * MINUTE_MS);
      const workEnd = resolveWallTime(timeline, wall + endMinute * MINUTE_MS);
      if (workEnd - durationMs < firstStart || workStart > lastStart || workEnd - workStart < durationMs) {
        continue;
      }
      // First busy span that ends after the working range starts.
      let lo = 0;
      let hi = busyCount;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((busyEnds[mid] as number) <= workStart) lo = mid + 1;
        else hi = mid;
      }
      let freeFrom = workStart;
      for (let index = lo; index < busyCount && (busyStarts[index] as number) < workEnd; index += 1) {
        sorted = pushStarts(result, freeFrom, busyStarts[index] as number, options) && sorted;
        freeFrom = Math.max(freeFrom, busyEnds[index] as number);
      }
      sorted = pushStarts(result, freeFrom, workEnd, options) && sorted;
    }
  }
  return sorted ? result : normalizeStartRanges(result);
}

/** Adds the starts of free piece `[freeFrom, freeTo)`; returns false when that breaks the ascending order. */
function pushStarts(
  result: StartRanges,
  freeFrom: number,
  freeTo: number,
  options: CollectMemberStartsOptions,
): boolean {
  const first = Math.max(freeFrom, options.firstStart);
  const last = Math.min(freeTo - options.durationMs, options.lastStart);
  if (last < first) return true;
  const previousLast = result.length === 0 ? Number.NEGATIVE_INFINITY : (result[result.length - 1] as number);
  result.push(first, last);
  return first > previousLast;
}

/** Sorts and merges start ranges; needed only when a day's working ranges overlap. */
function normalizeStartRanges(ranges: StartRanges): StartRanges {
  const pairs: [number, number][] = [];
  for (let index = 0; index < ranges.length; index += 2) {
    pairs.push([ranges[index] as number, ranges[index + 1] as number]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const merged: StartRanges = [];
  for (const [first, last] of pairs) {
    const end = merged.length - 1;
    if (merged.length > 0 && first <= (merged[end] as number)) merged[end] = Math.max(merged[end] as number, last);
    else merged.push(first, last);
  }
  return merged;
}

/** 0 = Monday … 6 = Sunday, for a local midnight written as if UTC. 1970-01-01 was a Thursday. */
export function getWeekdayIndex(wall: number): number {
  return (((Math.floor(wall / DAY_MS) + 3) % 7) + 7) % 7;
}
