import { Temporal } from 'temporal-polyfill';

/** A change of a zone's UTC offset (a DST change, or a zone changing its rules). */
export interface ZoneTransition {
  zone: string;
  /** The instant the offset changes. */
  at: string;
  /** Offsets as `±HH:MM`, before and after the change. */
  offsetBefore: string;
  offsetAfter: string;
}

export interface FindZoneTransitionOptions {
  zone: string;
  /** The window is (from, to]: a change exactly at `to` still moves the clocks before the interview begins. */
  from: Date;
  to: Date;
}

/**
 * The first offset change of a zone between two instants, or null when its clocks do not change in
 * between. The zone is explicit: the host's TZ plays no part.
 *
 * @example
 * findZoneTransition({ zone: 'Europe/London', from: new Date('2026-10-20T00:00:00Z'), to: new Date('2026-10-27T09:00:00Z') })
 * // → { zone: 'Europe/London', at: '2026-10-25T01:00:00.000Z', offsetBefore: '+01:00', offsetAfter: '+00:00' }
 */
export function findZoneTransition(options: FindZoneTransitionOptions): ZoneTransition | null {
  if (options.to.getTime() <= options.from.getTime()) return null;
  const start = Temporal.Instant.fromEpochMilliseconds(options.from.getTime()).toZonedDateTimeISO(options.zone);
  const next = start.getTimeZoneTransition('next');
  if (!next || next.epochMilliseconds > options.to.getTime()) return null;
  const before = next.subtract({ nanoseconds: 1 });
  return { zone: options.zone, at: new Date(next.epochMilliseconds).toISOString(), offsetBefore: before.offset, offsetAfter: next.offset };
}

/**
 * The clock changes a candidate should hear about before an interview: their own zone's, and the
 * organization's when it is another zone (its people keep its clocks). At most one per zone, the first.
 */
export function findClockChanges(options: { zones: string[]; from: Date; to: Date }): ZoneTransition[] {
  const zones = [...new Set(options.zones)];
  return zones.flatMap((zone) => {
    const found = findZoneTransition({ zone, from: options.from, to: options.to });
    return found ? [found] : [];
  });
}
