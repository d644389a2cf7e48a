/**
 * The start grid `from + k * step`, `0 <= k < size`, where a slot also ends by the window's end.
 * Ranges of allowed starts become grid indices by rounding, never by scanning.
 */
export interface SlotGrid {
  from: number;
  stepMs: number;
  durationMs: number;
  /** Number of grid starts whose slot fits in the window. */
  size: number;
}

export interface CreateSlotGridOptions {
  from: number;
  to: number;
  stepMs: number;
  durationMs: number;
}

/**
 * @example
 * createSlotGrid({ from: 0, to: 7_200_000, stepMs: 1_800_000, durationMs: 3_600_000 }).size; // 3
 */
export function createSlotGrid(options: CreateSlotGridOptions): SlotGrid {
  const { from, to, stepMs, durationMs } = options;
  const size = to - durationMs < from ? 0 : Math.floor((to - durationMs - from) / stepMs) + 1;
  return { from, stepMs, durationMs, size };
}

/**
 * Grid indices `[firstIndex, lastIndex]` of the starts inside the closed range `[first, last]`;
 * `firstIndex > lastIndex` when none is.
 *
 * @example
 * getGridIndexRange(grid, 1, 3_600_000); // [1, 2] with a 30-minute step from 0
 */
export function getGridIndexRange(grid: SlotGrid, first: number, last: number): [number, number] {
  const firstIndex = Math.max(0, Math.ceil((first - grid.from) / grid.stepMs));
  const lastIndex = Math.min(grid.size - 1, Math.floor((last - grid.from) / grid.stepMs));
  return [firstIndex, lastIndex];
}
