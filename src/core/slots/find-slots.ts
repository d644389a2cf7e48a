import { DomainError } from '../errors.ts';
import { collectMemberStarts } from './collect-member-starts.ts';
import type { StartRanges } from './collect-member-starts.ts';
import { createSlotGrid, getGridIndexRange } from './create-slot-grid.ts';
import type { SlotGrid } from './create-slot-grid.ts';
import { getTimelineOffset, zoneTimelineCovering } from './create-zone-timeline.ts';
import type { ZoneTimeline } from './create-zone-timeline.ts';
import { intersectStartRanges } from './intersect-start-ranges.ts';
import { createMergeScratch, mergeBusySpans } from './merge-busy-spans.ts';
import { parseWorkingHours } from './parse-working-hours.ts';
import type { FindSlotsOptions, Slot, SlotSearchMember } from './slot-types.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** A zone's timeline and the local days to visit, shared by every member in that zone. */
interface ZoneDays {
  timeline: ZoneTimeline;
  dayWalls: number[];
}

/**
 * The slots on the grid `window.from + k * stepMinutes` that fit in the window and in which the panel
 * (`mode: 'all'`) or at least one member of the pool (`mode: 'any'`, with `memberIds`) is free: the
 * whole slot lies inside one of the member's working-hours ranges (local time in the member's zone,
 * mapped to real instants with Temporal's `compatible` rule around DST changes) and does not overlap a
 * busy block widened by the member's buffer. Pure: no clock, no host time zone. An empty member list
 * yields no slots.
 *
 * @example
 * findSlots({
 *   window: { from: Date.UTC(2026, 11, 7), to: Date.UTC(2026, 11, 8) },
 *   durationMinutes: 60,
 *   stepMinutes: 30,
 *   mode: 'all',
 *   members: [{ id: 'm1', timezone: 'Europe/London', busy: [],
 *     workingHours: { mon: [['09:00', '11:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } }],
 * });
 * // [{ start: 09:00Z, end: 10:00Z }, { start: 09:30Z, end: 10:30Z }, { start: 10:00Z, end: 11:00Z }]
 */
export function findSlots(options: FindSlotsOptions): Slot[] {
  validateOptions(options);
  const { window, mode, members } = options;
  const durationMs = options.durationMinutes * MINUTE_MS;
  const grid = createSlotGrid({ from: window.from, to: window.to, stepMs: options.stepMinutes * MINUTE_MS, durationMs });
  if (grid.size === 0 || members.length === 0) return [];

  const zones = new Map<string, ZoneDays>();
  const lastStart = window.to - durationMs;
  // Each member's merged busy spans are consumed by collectMemberStarts before the next member's.
  const scratch = createMergeScratch();
  const startsOf = (member: SlotSearchMember): StartRanges => {
    let zone = zones.get(member.timezone);
    if (zone === undefined) {
      zone = createZoneDays(member.timezone, window.from, lastStart);
      zones.set(member.timezone, zone);
    }
    const bufferMs = (member.bufferMinutes ?? 0) * MINUTE_MS;
    return collectMemberStarts({
      timeline: zone.timeline,
      dayWalls: zone.dayWalls,
      weeklyRanges: parseWorkingHours(member.workingHours),
      busy: mergeBusySpans({ busy: member.busy, bufferMs, from: window.from, to: window.to, scratch }),
      durationMs,
      firstStart: window.from,
      lastStart,
    });
  };

  if (mode === 'all') {
    let common: StartRanges | undefined;
    for (const member of members) {
      const starts = startsOf(member);
      common = common === undefined ? starts : intersectStartRanges(common, starts);
      if (common.length === 0) return [];
    }
    return emitPanelSlots(grid, common ?? []);
  }
  return emitPoolSlots(grid, members.map((member) => ({ id: member.id, starts: startsOf(member) })));
}

function emitPanelSlots(grid: SlotGrid, starts: StartRanges): Slot[] {
  const slots: Slot[] = [];
  for (let index = 0; index < starts.length; index += 2) {
    const [firstIndex, lastIndex] = getGridIndexRange(grid, starts[index] as number, starts[index + 1] as number);
    for (let k = firstIndex; k <= lastIndex; k += 1) {
      const start = grid.from + k * grid.stepMs;
      slots.push({ start, end: start + grid.durationMs });
    }
  }
  return slots;
}

/**
 * A union that remembers who is free: each member's grid indices go into per-index buckets, in input
 * order. The work is proportional to the (start, member) pairs the answer lists anyway.
 */
function emitPoolSlots(grid: SlotGrid, pool: readonly { id: string; starts: StartRanges }[]): Slot[] {
  const buckets: (string[] | undefined)[] = new Array<string[] | undefined>(grid.size);
  for (const { id, starts } of pool) {
    for (let index = 0; index < starts.length; index += 2) {
      const [firstIndex, lastIndex] = getGridIndexRange(grid, starts[index] as number, starts[index + 1] as number);
      for (let k = firstIndex; k <= lastIndex; k += 1) {
        const bucket = buckets[k];
        if (bucket === undefined) buckets[k] = [id];
        else bucket.push(id);
      }
    }
  }
  const slots: Slot[] = [];
  for (let k = 0; k < grid.size; k += 1) {
    const memberIds = buckets[k];
    if (memberIds === undefined) continue;
    const start = grid.from + k * grid.stepMs;
    slots.push({ start, end: start + grid.durationMs, memberIds });
  }
  return slots;
}

/** The zone's offsets over the window and the local dates (as walls) whose working hours may matter. */
function createZoneDays(timeZone: string, from: number, lastStart: number): ZoneDays {
  let timeline: ZoneTimeline;
  try {
    timeline = zoneTimelineCovering(timeZone, from, lastStart);
  } catch (error) {
    if (error instanceof RangeError) throw new DomainError('VALIDATION', `Unknown time zone "${timeZone}"`);
    throw error;
  }
  // One spare day each side: a day's working range can start before its local midnight's instant
  // would suggest when an offset change falls in between.
  const firstWall = Math.floor((from + getTimelineOffset(timeline, from)) / DAY_MS) * DAY_MS - DAY_MS;
  const lastWall = Math.floor((lastStart + getTimelineOffset(timeline, lastStart)) / DAY_MS) * DAY_MS + DAY_MS;
  const dayWalls: number[] = [];
  for (let wall = firstWall; wall <= lastWall; wall += DAY_MS) dayWalls.push(wall);
  return { timeline, dayWalls };
}

function validateOptions(options: FindSlotsOptions): void {
  const { window, durationMinutes, stepMinutes, mode } = options;
  if (!Number.isFinite(window.from) || !Number.isFinite(window.to)) {
    throw new DomainError('VALIDATION', 'window.from and window.to must be finite epoch milliseconds');
  }
  if (!(durationMinutes > 0 && Number.isFinite(durationMinutes))) {
    throw new DomainError('VALIDATION', 'durationMinutes must be a positive number');
  }
  if (!(stepMinutes > 0 && Number.isFinite(stepMinutes))) {
    throw new DomainError('VALIDATION', 'stepMinutes must be a positive number');
  }
  if (mode !== 'all' && mode !== 'any') {
    throw new DomainError('VALIDATION', `mode must be "all" or "any", not "${String(mode)}"`);
  }
  for (const member of options.members) {
    const buffer = member.bufferMinutes ?? 0;
    if (!(buffer >= 0 && Number.isFinite(buffer))) {
      throw new DomainError('VALIDATION', `bufferMinutes of member ${member.id} must be zero or more`);
    }
  }
}
