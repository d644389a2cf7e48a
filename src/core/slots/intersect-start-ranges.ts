import type { StartRanges } from './collect-member-starts.ts';

/**
 * The starts common to two members: a two-pointer walk over ascending, disjoint closed ranges.
 *
 * @example
 * intersectStartRanges([0, 10, 20, 30], [5, 25]); // [5, 10, 20, 25]
 */
export function intersectStartRanges(left: StartRanges, right: StartRanges): StartRanges {
  const result: StartRanges = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const leftLast = left[i + 1] as number;
    const rightLast = right[j + 1] as number;
    const first = Math.max(left[i] as number, right[j] as number);
    const last = Math.min(leftLast, rightLast);
    if (first <= last) result.push(first, last);
    if (leftLast < rightLast) i += 2;
    else j += 2;
  }
  return result;
}
