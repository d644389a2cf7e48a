import type { HistoryEntry, TimeRange } from '../types.ts';

/** How a declined seat was left: proposals for the coordinator to act on, or the whole matter handed to them. */
export type DeclinedSeatOutcome =
  | { outcome: 'proposed'; proposals: Array<TimeRange & { standIn: string }> }
  | { outcome: 'coordinator' };

/** A seat its panelist declined for the interview's current time, not yet filled by a stand-in. */
export interface DeclinedSeat {
  memberId: string;
  /** When they declined (the first time, for this start). */
  at: Date;
  left: DeclinedSeatOutcome;
}

type Entry = Pick<HistoryEntry, 'at' | 'action' | 'details'>;

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function proposalsOf(details: Record<string, unknown> | null): Array<TimeRange & { standIn: string }> {
  const raw = Array.isArray(details?.proposals) ? (details.proposals as unknown[]) : [];
  return raw.flatMap((p) => {
    const item = p as Record<string, unknown> | null;
    const start = text(item?.start);
    const end = text(item?.end);
    const standIn = text(item?.standIn);
    return start && end && standIn ? [{ start: new Date(start), end: new Date(end), standIn }] : [];
  });
}

/**
 * The seats of the panel declined for the interview's current start, read from its history: a
 * `panel_declined` line records the start it was declined for (`forStart`). A seat filled by a stand-in
 * has left the panel, so only panelists still on it count. A decline holds for the time declined: once
 * the interview moves, every panelist is asked again, as calendars are, and may decline the new time.
 * Declines recorded before `forStart` existed name no start, and do not count.
 */
export function declinedSeats(history: readonly Entry[], panel: readonly string[], start: Date | null): Map<string, DeclinedSeat> {
  const seats = new Map<string, DeclinedSeat>();
  if (!start) return seats;
  const startText = start.toISOString();
  for (const entry of history) {
    const memberId = text(entry.details?.memberId);
    if (entry.action !== 'panel_declined' || !memberId || !panel.includes(memberId)) continue;
    if (text(entry.details?.forStart) !== startText || seats.has(memberId)) continue;
    const proposals = proposalsOf(entry.details);
    seats.set(memberId, { memberId, at: entry.at, left: proposals.length > 0 ? { outcome: 'proposed', proposals } : { outcome: 'coordinator' } });
  }
  return seats;
}
