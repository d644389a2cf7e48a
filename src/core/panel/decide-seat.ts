import { noticeOf, stateOf } from '../decisions/decide.ts';
import type { DecisionContext } from '../decisions/decide.ts';
import { baseChange } from '../decisions/interview-change.ts';
import type { InterviewChange, InterviewState, SeatChange } from '../decisions/interview-change.ts';
import { DomainError } from '../errors.ts';
import type { Interview, TimeRange } from '../types.ts';

const HOUR = 3_600_000;

/** After this many replacements of one interview, the next declined seat goes to the coordinator. */
export const MAX_REPLACEMENTS = 3;
/** At most this many times are proposed when nobody can take a seat. */
export const MAX_PROPOSALS = 3;

export type SeatSnapshot = Pick<Interview, 'status' | 'start' | 'end' | 'sequence' | 'panel' | 'candidatePartstat'>;

/**
 * Whether this panelist can decline their seat now: the interview is scheduled, has not started, and
 * they are on its panel. Refuses with NOT_FOUND (not on the panel), INVALID_STATE or AFTER_START.
 */
export function assertSeatDeclinable(interview: SeatSnapshot, memberId: string, now: Date): void {
  if (!interview.panel.includes(memberId)) throw new DomainError('NOT_FOUND', 'That member has no seat on this interview.');
  if (interview.status !== 'scheduled' || !interview.start || !interview.end) {
    throw new DomainError('INVALID_STATE', 'Only a seat on a scheduled interview can be declined.');
  }
  if (now.getTime() >= interview.start.getTime()) throw new DomainError('AFTER_START', 'The interview has already started, so the seat cannot be declined.');
}

/** Whether the interview is too close for anyone but the coordinator to sort out a missing seat. */
export function tooCloseToReplace(start: Date, now: Date, replaceHours: number): boolean {
  return start.getTime() - now.getTime() < replaceHours * HOUR;
}

export interface SeatDeclineInput {
  memberId: string;
  /** The best stand-in found (free, in a shared pool, under their limits), if any. */
  replacement: string | null;
  /** The nearest times the panel, a stand-in in the seat, is free, nearest first. */
  proposals: Array<TimeRange & { standIn: string }>;
  /** How many times a seat of this interview was already filled by a stand-in. */
  replacementsSoFar: number;
  /** The organization's `replaceHours`. */
  replaceHours: number;
  /** Whether anyone may stand in at all, free then or not: a colleague outside the panel sharing a pool with the decliner, not declining that time too. */
  standInsExist: boolean;
  /** What the decliner wrote for the recruiting team. */
  note?: string | null;
}

/**
 * A panelist declines their seat. In this order: after `MAX_REPLACEMENTS` replacements the coordinator
 * takes over; a stand-in takes the seat if there is one (same time, only that seat changes, the sequence
 * is raised so every calendar sees the new panel); with nobody who shares a pool with the decliner, or
 * too close to the start, the coordinator takes over, otherwise up to three times are proposed, and with
 * none the coordinator takes over. Nothing
 * moves unless a stand-in takes the seat: a proposal is for the coordinator to act on.
 */
export function decideSeatDecline(interview: SeatSnapshot, input: SeatDeclineInput, ctx: DecisionContext): InterviewChange {
  assertSeatDeclinable(interview, input.memberId, ctx.now);
  if (input.replacement !== null && interview.panel.includes(input.replacement)) {
    throw new DomainError('CONFLICT', 'The stand-in already has a seat on this panel.');
  }
  // A seat changes hands at the same time: the candidate's answer to it stands.
  const before: InterviewState = stateOf(interview);
  const seat: SeatChange = { declined: input.memberId, replacement: null, proposals: [], handedOver: null, note: input.note?.trim() || null };
  let change: InterviewChange;
  if (input.replacementsSoFar >= MAX_REPLACEMENTS) {
    change = baseChange('panel_declined', 'employer', ctx.now, before, before);
    seat.handedOver = 'too_many_replacements';
  } else if (input.replacement !== null) {
    change = baseChange('panel_replaced', 'employer', ctx.now, before, { ...before, sequence: before.sequence + 1 });
    seat.replacement = input.replacement;
  } else {
    change = baseChange('panel_declined', 'employer', ctx.now, before, before);
    if (!input.standInsExist) seat.handedOver = 'no_stand_in';
    else if (tooCloseToReplace(interview.start!, ctx.now, input.replaceHours)) seat.handedOver = 'too_close';
    else if (input.proposals.length === 0) seat.handedOver = 'no_time';
    else seat.proposals = [...input.proposals].sort((a, b) => a.start.getTime() - b.start.getTime()).slice(0, MAX_PROPOSALS);
  }
  change.notice = noticeOf(interview.start, ctx);
  change.seat = seat;
  return change;
}

/** The panel after a replacement: the stand-in sits where the decliner sat. */
export function panelAfter(panel: readonly string[], change: Pick<InterviewChange, 'seat'>): string[] {
  const seat = change.seat;
  if (!seat?.replacement) return [...panel];
  return panel.map((id) => (id === seat.declined ? seat.replacement! : id));
}

/**
 * Of candidate times, the nearest to the original start (either side), up to `count`, one per start,
 * returned in time order.
 */
export function nearestTimes<T extends TimeRange>(times: readonly T[], original: Date, count = MAX_PROPOSALS): T[] {
  const byStart = new Map<number, T>();
  for (const time of times) if (!byStart.has(time.start.getTime())) byStart.set(time.start.getTime(), time);
  return [...byStart.values()]
    .sort((a, b) => Math.abs(a.start.getTime() - original.getTime()) - Math.abs(b.start.getTime() - original.getTime()) || a.start.getTime() - b.start.getTime())
    .slice(0, count)
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}
