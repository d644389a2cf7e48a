import type { EpochSpan } from './slot-types.ts';

/** Disjoint, ascending busy spans; `starts[i]`–`ends[i]` for `i < count`. */
export interface MergedSpans {
  starts: Float64Array;
  ends: Float64Array;
  count: number;
}

export interface MergeBusySpansOptions {
  busy: readonly EpochSpan[];
  /** Widens every block on both sides. */
  bufferMs: number;
  /** Blocks ending by `from` or starting from `to` on cannot touch a slot and are dropped. */
  from: number;
  to: number;
  /**
   * Buffers to reuse from one member to the next (grown when too small); the result then lives in
   * them and is only valid until the next call with the same scratch.
   */
  scratch?: MergeScratch;
}

/** Reusable storage for `mergeBusySpans`; saves two allocations per member of a large pool. */
export interface MergeScratch {
  starts: Float64Array;
  ends: Float64Array;
}

/**
 * @example
 * const scratch = createMergeScratch(); // pass as `scratch` to successive `mergeBusySpans` calls
 */
export function createMergeScratch(): MergeScratch {
  return { starts: new Float64Array(0), ends: new Float64Array(0) };
}

/**
 * The union of busy blocks widened by a buffer, as disjoint half-open spans. Starts and ends are
 * sorted separately — a point is covered while more starts than ends lie at or before it — so the
 * sort is the native numeric one of a typed array rather than a comparator over objects, which is
 * what dominates for pools of hundreds of members. Touching spans merge; empty ones vanish.
 *
 * @example
 * mergeBusySpans({ busy: [{ start: 30, end: 40 }, { start: 10, end: 35 }], bufferMs: 0, from: 0, to: 100 });
 * // { starts: [10, …], ends: [40, …], count: 1 }
 */
export function mergeBusySpans(options: MergeBusySpansOptions): MergedSpans {
  const { busy, bufferMs, from, to, scratch } = options;
  if (scratch !== undefined && scratch.starts.length < busy.length) {
    scratch.starts = new Float64Array(busy.length * 2);
    scratch.ends = new Float64Array(busy.length * 2);
  }
  const starts = scratch?.starts ?? new Float64Array(busy.length);
  const ends = scratch?.ends ?? new Float64Array(busy.length);
  let size = 0;
  for (const block of busy) {
    const start = block.start - bufferMs;
    const end = block.end + bufferMs;
    if (end > start && end > from && start < to) {
      starts[size] = start;
      ends[size] = end;
      size += 1;
    }
  }
  const sortedStarts = starts.subarray(0, size).sort();
  const sortedEnds = ends.subarray(0, size).sort();
  // Merged spans are written in place: the i-th span is written only after the i-th start and end
  // have been read.
  let count = 0;
  let depth = 0;
  let i = 0;
  let j = 0;
  while (j < size) {
    if (i < size && (sortedStarts[i] as number) <= (sortedEnds[j] as number)) {
      if (depth === 0) starts[count] = sortedStarts[i] as number;
      depth += 1;
      i += 1;
    } else {
      depth -= 1;
      if (depth === 0) {
        ends[count] = sortedEnds[j] as number;
        count += 1;
      }
      j += 1;
    }
  }
  return { starts, ends, count };
}
