import type { MemberLimits } from '../types.ts';
import { countSameDayAndWeek } from './load-calendar.ts';

/** A colleague who might take a declined seat, with what ranking needs to know about them. */
export interface StandInCandidate {
  id: string;
  timezone: string;
  pools: readonly string[];
  limits: MemberLimits;
  /** Starts of the member's scheduled interviews (any window wide enough to cover the seat's week). */
  scheduled: readonly Date[];
  /** When the member was last booked for an interview; null when never. */
  lastBookedAt: Date | null;
  /** Whether they are free for the seat's whole time (working hours, busy blocks, bookings, buffers). */
  free: boolean;
}

export interface RankedStandIn {
  id: string;
  /** Scheduled interviews in the seat's week and on its day, in the member's own zone. */
  week: number;
  day: number;
  lastBookedAt: Date | null;
}

export interface StandInQuestion {
  /** The panelist who declined: only members sharing one of their pool tags may stand in. */
  decliner: { id: string; pools: readonly string[] };
  /** Everyone on the panel now: none of them can take a second seat. */
  panel: readonly string[];
  /** When the seat starts. */
  at: Date;
  candidates: readonly StandInCandidate[];
}

/** Whether two members share a pool tag: who may stand in for whom. */
export function sharesPool(a: readonly string[], b: readonly string[]): boolean {
  const tags = new Set(a);
  return b.some((tag) => tags.has(tag));
}

/**
 * Whether a member can take one more interview at `at` under their limits, counting their scheduled
 * interviews on that local day and in that local ISO week in their own zone. An absent limit is no limit.
 */
export function underLimits(member: Pick<StandInCandidate, 'timezone' | 'limits' | 'scheduled'>, at: Date): { ok: boolean; day: number; week: number } {
  const { day, week } = countSameDayAndWeek(at, member.scheduled, member.timezone);
  const { perDay, perWeek } = member.limits;
  const ok = (perDay === undefined || day < perDay) && (perWeek === undefined || week < perWeek);
  return { ok, day, week };
}

/**
 * Who may take a declined seat, best first: members sharing a pool tag with the decliner, not on the
 * panel already, free at the time and under their load limits; ranked by fewest interviews that week,
 * then that day (both in their own zone), then least recently booked (never booked first), then by id, so
 * the same facts always give the same order.
 */
export function rankStandIns(question: StandInQuestion): RankedStandIn[] {
  const onPanel = new Set([question.decliner.id, ...question.panel]);
  const ranked: RankedStandIn[] = [];
  for (const candidate of question.candidates) {
    if (onPanel.has(candidate.id) || !candidate.free) continue;
    if (!sharesPool(question.decliner.pools, candidate.pools)) continue;
    const load = underLimits(candidate, question.at);
    if (!load.ok) continue;
    ranked.push({ id: candidate.id, week: load.week, day: load.day, lastBookedAt: candidate.lastBookedAt });
  }
  return ranked.sort(compareStandIns);
}

export function compareStandIns(a: RankedStandIn, b: RankedStandIn): number {
  if (a.week !== b.week) return a.week - b.week;
  if (a.day !== b.day) return a.day - b.day;
  const lastA = a.lastBookedAt?.getTime() ?? -Infinity;
  const lastB = b.lastBookedAt?.getTime() ?? -Infinity;
  if (lastA !== lastB) return lastA < lastB ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
