import { readZoneOffset } from './read-zone-offset.ts';

const DAY_MS = 86_400_000;
const SECOND_MS = 1000;

/**
 * A zone's offsets over a span of time, as the instants at which the offset changes. Built once per
 * zone and search, it turns every later local-to-UTC conversion into arithmetic, so the slow calls to
 * `Intl` are one per day of the span plus a short binary search per DST change.
 */
export interface ZoneTimeline {
  readonly timeZone: string;
  /** Instants (epoch ms), ascending, at which a new offset takes effect. */
  readonly transitions: readonly number[];
  /** `offsets[i]` (local minus UTC, ms) is in force from `transitions[i - 1]` until `transitions[i]`. */
  readonly offsets: readonly number[];
}

export interface CreateZoneTimelineOptions {
  timeZone: string;
  /** First instant that must be covered (epoch ms). */
  from: number;
  /** Last instant that must be covered (epoch ms). */
  to: number;
}

/**
 * Samples the zone's offset once a day over `[from - 2 days, to + 2 days]` and locates each change to
 * the second. Assumes a zone never changes offset twice within one day and back again, which holds
 * for every zone in the tz database since 1970.
 *
 * @example
 * const timeline = createZoneTimeline({ timeZone: 'America/New_York', from: Date.UTC(2026, 9, 30), to: Date.UTC(2026, 10, 3) });
 * timeline.transitions; // [Date.UTC(2026, 10, 1, 6)] — 02:00 EDT becomes 01:00 EST
 * timeline.offsets; // [-14_400_000, -18_000_000]
 */
export function createZoneTimeline(options: CreateZoneTimelineOptions): ZoneTimeline {
  const { timeZone } = options;
  const first = Math.floor((options.from - 2 * DAY_MS) / SECOND_MS) * SECOND_MS;
  const last = options.to + 2 * DAY_MS;
  const transitions: number[] = [];
  let offset = readZoneOffset(timeZone, first);
  const offsets: number[] = [offset];
  let sample = first;
  while (sample < last) {
    const next = Math.min(sample + DAY_MS, Math.ceil(last / SECOND_MS) * SECOND_MS);
    const nextOffset = readZoneOffset(timeZone, next);
    // Several changes within one day (in different directions) are found one after the other.
    let since = sample;
    while (offset !== nextOffset) {
      const transition = findTransition(timeZone, since, offset, next);
      offset = readZoneOffset(timeZone, transition);
      transitions.push(transition);
      offsets.push(offset);
      since = transition;
    }
    sample = next;
  }
  return { timeZone, transitions, offsets };
}

/** Timelines kept for the searches that follow: offsets of a zone never change while the process runs. */
const REMEMBERED_TIMELINES = 256;
const remembered = new Map<string, ZoneTimeline>();

/**
 * The zone's timeline over whole UTC days around `[from, to]`, built once and then remembered (the
 * latest {@link REMEMBERED_TIMELINES}). Searches over the same days, the usual case for a panel looked
 * at again, then cost no call to `Intl` at all. A timeline over a wider span answers every instant of
 * a narrower one the same way, so rounding the span out to days changes no result.
 *
 * @example
 * const timeline = zoneTimelineCovering('Europe/Berlin', Date.UTC(2026, 2, 20, 9), Date.UTC(2026, 3, 3, 17));
 */
export function zoneTimelineCovering(timeZone: string, from: number, to: number): ZoneTimeline {
  const firstDay = Math.floor(from / DAY_MS) * DAY_MS;
  const lastDay = Math.ceil(to / DAY_MS) * DAY_MS;
  const key = `${timeZone}|${firstDay}|${lastDay}`;
  const known = remembered.get(key);
  if (known !== undefined) return known;
  const built = createZoneTimeline({ timeZone, from: firstDay, to: lastDay });
  const timeline: ZoneTimeline = Object.freeze({ timeZone, transitions: Object.freeze(built.transitions), offsets: Object.freeze(built.offsets) });
  if (remembered.size >= REMEMBERED_TIMELINES) remembered.delete(remembered.keys().next().value as string);
  remembered.set(key, timeline);
  return timeline;
}

/** The first whole second after `low` (where `lowOffset` holds) at which the offset differs; `high` must differ. */
function findTransition(timeZone: string, low: number, lowOffset: number, high: number): number {
  let lo = low;
  let hi = high;
  while (hi - lo > SECOND_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / SECOND_MS) * SECOND_MS;
    if (readZoneOffset(timeZone, mid) === lowOffset) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * The offset in force at `instant`.
 *
 * @example
 * getTimelineOffset(timeline, Date.UTC(2026, 10, 2)); // -18_000_000
 */
export function getTimelineOffset(timeline: ZoneTimeline, instant: number): number {
  const { transitions, offsets } = timeline;
  let index = 0;
  while (index < transitions.length && (transitions[index] as number) <= instant) index += 1;
  return offsets[index] as number;
}

/**
 * The instant at which a local wall-clock time occurs; `wall` is the local date and time written as if
 * it were UTC (`Date.UTC(y, m, d, h, min)`). A time skipped by a DST gap is pushed forward by the
 * gap's length and a repeated time takes its earlier occurrence — Temporal's `compatible`
 * disambiguation.
 *
 * @example
 * // 2026-03-08 02:30 does not exist in New York; it becomes 03:30 EDT.
 * resolveWallTime(timeline, Date.UTC(2026, 2, 8, 2, 30)); // Date.UTC(2026, 2, 8, 7, 30)
 */
export function resolveWallTime(timeline: ZoneTimeline, wall: number): number {
  const { transitions, offsets } = timeline;
  const count = transitions.length;
  if (count === 0) return wall - (offsets[0] as number);
  let earliest = Number.POSITIVE_INFINITY;
  for (let index = 0; index <= count; index += 1) {
    const candidate = wall - (offsets[index] as number);
    const validFrom = index === 0 ? Number.NEGATIVE_INFINITY : (transitions[index - 1] as number);
    const validTo = index === count ? Number.POSITIVE_INFINITY : (transitions[index] as number);
    if (candidate >= validFrom && candidate < validTo && candidate < earliest) earliest = candidate;
  }
  if (earliest !== Number.POSITIVE_INFINITY) return earliest;
  // In a gap: the offset before the change applies, which lands after the change by as much as the
  // wall time sits inside the gap.
  for (let index = 1; index <= count; index += 1) {
    const transition = transitions[index - 1] as number;
    const before = offsets[index - 1] as number;
    const after = offsets[index] as number;
    if (wall >= transition + before && wall < transition + after) return wall - before;
  }
  // Unreachable for a consistent timeline; the last offset is the sensible fallback.
  return wall - (offsets[count] as number);
}
