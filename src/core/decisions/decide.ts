import { DomainError } from '../errors.ts';
import { nextStatus, sequenceAfter } from '../lifecycle.ts';
import type { Side } from '../lifecycle.ts';
import { classifyNotice } from '../notice-policy.ts';
import type { NoticeDecision } from '../notice-policy.ts';
import { OFFER_LEAD_HOURS } from '../offers.ts';
import { isEmergencyReason, moveReasonProblem } from '../reasons.ts';
import type { ReasonCode } from '../reasons.ts';
import type { Interview, NoticePolicy, TimeRange } from '../types.ts';
import { baseChange, candidatePartstatAfter, hadEvent } from './interview-change.ts';
import type { ChangeKind, InterviewChange, InterviewState } from './interview-change.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** A no-show is only marked once the start is this far behind: lateness is not absence. */
export const NO_SHOW_GRACE_MINUTES = 10;

/** What every decision needs besides the interview: the moment, and the organization's policy and number. */
export interface DecisionContext {
  now: Date;
  policy: NoticePolicy;
  contactPhone: string | null;
}

export type InterviewSnapshot = Pick<Interview, 'status' | 'start' | 'end' | 'sequence' | 'durationMinutes' | 'candidatePartstat'>;

/** What calendars and people had been told of the interview: its state before a change. */
export function stateOf(interview: Pick<Interview, 'status' | 'start' | 'end' | 'sequence' | 'candidatePartstat'>): InterviewState {
  return { status: interview.status, start: interview.start, end: interview.end, sequence: interview.sequence, candidatePartstat: interview.candidatePartstat };
}

/** The notice a change gives, against the time it is about; null when there is no time yet. */
export function noticeOf(start: Date | null, ctx: DecisionContext): NoticeDecision | null {
  return start ? classifyNotice({ at: ctx.now, start, policy: ctx.policy, contactPhone: ctx.contactPhone }) : null;
}

function started(interview: InterviewSnapshot, now: Date): boolean {
  return interview.start !== null && now.getTime() >= interview.start.getTime();
}

function change(kind: ChangeKind, by: Side, interview: InterviewSnapshot, after: Partial<InterviewState>, ctx: DecisionContext): InterviewChange {
  const before = stateOf(interview);
  const start = after.start !== undefined ? after.start : before.start;
  return baseChange(kind, by, ctx.now, before, { ...before, ...after, candidatePartstat: candidatePartstatAfter(before, start, by) });
}

/** Raises the sequence exactly when calendars must see the change. */
function sequenceFor(interview: InterviewSnapshot, calendarChanges: boolean): number {
  return sequenceAfter({ sequence: interview.sequence, hadTime: hadEvent({ before: stateOf(interview) }) }, { calendarChanges });
}

export interface BookingInput {
  by: Side;
  start: Date;
  /** Only for a move: the category the mover gave, if any. */
  reason?: ReasonCode | null;
  note?: string | null;
}

/**
 * Setting or moving the time: a pick or a booking on an invitation, a move of a scheduled interview. A
 * move to the time it already has changes nothing and returns null: no new sequence, no messages.
 *
 * @example
 * decideBooking(scheduledAt10, { by: 'employer', start: at10 }, ctx) // null
 */
export function decideBooking(interview: InterviewSnapshot, input: BookingInput, ctx: DecisionContext): InterviewChange | null {
  if (input.start.getTime() % MINUTE !== 0) {
    throw new DomainError('VALIDATION', 'Start times are whole minutes.', { errors: [{ path: 'start', message: 'Use a whole minute.' }] });
  }
  const moving = interview.status === 'scheduled';
  const action = moving || interview.status !== 'invited' ? 'reschedule' : input.by === 'candidate' ? 'accept' : 'book';
  const status = nextStatus(interview.status, action, input.by);
  if (moving && interview.start?.getTime() === input.start.getTime()) return null;
  if (input.start.getTime() <= ctx.now.getTime()) {
    throw new DomainError('VALIDATION', 'That time has already passed.', { errors: [{ path: 'start', message: 'Choose a time in the future.' }] });
  }
  // A candidate's own pick gives the panel the same notice as an offer would; the employer may book sooner.
  if (input.by === 'candidate' && input.start.getTime() < ctx.now.getTime() + OFFER_LEAD_HOURS * HOUR) {
    throw new DomainError('VALIDATION', `Choose a time at least ${OFFER_LEAD_HOURS} hours ahead.`, {
      errors: [{ path: 'start', message: `At least ${OFFER_LEAD_HOURS} hours ahead, so the panel has notice; for anything sooner, ask for other times and say so in your note.` }],
    });
  }
  if (moving && started(interview, ctx.now)) {
    throw new DomainError('AFTER_START', 'The interview has already started, so it cannot be moved.');
  }
  if (moving) refuseReasonThatEndsMoves(input.reason);
  const end = new Date(input.start.getTime() + interview.durationMinutes * MINUTE);
  const decided = change(moving ? 'moved' : 'booked', input.by, interview, { status, start: input.start, end, sequence: sequenceFor(interview, true) }, ctx);
  decided.notice = moving ? noticeOf(interview.start, ctx) : null;
  decided.reason = moving ? (input.reason ?? null) : null;
  return decided;
}

/** A move, or a request for other times, cannot carry a reason after which there is nothing to move. */
function refuseReasonThatEndsMoves(reason: ReasonCode | null | undefined): void {
  const problem = moveReasonProblem(reason);
  if (problem) throw new DomainError('VALIDATION', 'That reason does not go with a move.', { errors: [{ path: 'reason', message: problem }] });
}

/** An invitation with the times offered to the candidate. */
export function decideInvitation(interview: InterviewSnapshot, offered: TimeRange[], ctx: DecisionContext): InterviewChange {
  const decided = change('invited', 'employer', interview, {}, ctx);
  decided.offered = offered;
  return decided;
}

export interface TimesRequestInput {
  reason?: ReasonCode | null;
  /** Meant for the recruiting team ("mornings I have school pickup"). */
  note?: string | null;
  /** The still-free times to offer instead. */
  offered: TimeRange[];
}

/** The candidate asks for other times: the interview waits for a new pick and loses its time, if it had one. */
export function decideTimesRequest(interview: InterviewSnapshot, input: TimesRequestInput, ctx: DecisionContext): InterviewChange {
  const status = nextStatus(interview.status, 'offer', 'candidate');
  if (started(interview, ctx.now)) throw new DomainError('AFTER_START', 'The interview has already started, so it cannot be moved.');
  refuseReasonThatEndsMoves(input.reason);
  const decided = change('times_requested', 'candidate', interview, { status, start: null, end: null, sequence: sequenceFor(interview, true) }, ctx);
  decided.notice = noticeOf(interview.start, ctx);
  decided.reason = input.reason ?? null;
  decided.noteForRecruiter = input.note?.trim() || null;
  decided.offered = input.offered;
  return decided;
}

export interface CancellationInput {
  by: Side;
  reason: ReasonCode | null;
  words?: string | null;
  calledAhead?: boolean;
}

/**
 * A cancellation. Always possible for a candidate before the start, however late; after the start only an
 * emergency cancels (otherwise it is a missed interview: AFTER_START, with the apology path). A candidate
 * declines an invitation rather than cancelling it.
 */
export function decideCancellation(interview: InterviewSnapshot, input: CancellationInput, ctx: DecisionContext): InterviewChange {
  const status = nextStatus(interview.status, 'cancel', input.by);
  const notice = noticeOf(interview.start, ctx);
  if (input.by === 'candidate' && notice?.class === 'missed' && !isEmergencyReason(input.reason)) {
    throw new DomainError(
      'AFTER_START',
      ctx.contactPhone
        ? 'The interview has already started. Only an emergency cancels it now; otherwise call the coordinator to apologise.'
        : 'The interview has already started. Only an emergency cancels it now; otherwise send a short apology.',
      { apologyPath: true, phone: ctx.contactPhone },
    );
  }
  const decided = change('cancelled', input.by, interview, { status, sequence: sequenceFor(interview, true) }, ctx);
  decided.notice = notice;
  decided.reason = input.reason;
  decided.words = input.words?.trim() || null;
  decided.calledAhead = input.calledAhead ?? false;
  return decided;
}

export interface DeclineInput {
  reason: ReasonCode | null;
  words?: string | null;
  keepInTouch?: boolean;
  referral?: { name: string; email: string } | null;
}

export function decideDecline(interview: InterviewSnapshot, input: DeclineInput, ctx: DecisionContext): InterviewChange {
  const status = nextStatus(interview.status, 'decline', 'candidate');
  const decided = change('declined', 'candidate', interview, { status }, ctx);
  decided.reason = input.reason;
  decided.words = input.words?.trim() || null;
  decided.keepInTouch = input.keepInTouch ?? false;
  decided.referral = input.referral ?? null;
  return decided;
}

export interface WithdrawalInput {
  reason: ReasonCode | null;
  words?: string | null;
}

/**
 * Leaving the process ends every open interview of the candidate for the opening, decided all at once on
 * the locked rows; the same after-start rule applies to each. The first decision is for the interview the
 * link belongs to and carries the others in `alsoEnded`.
 */
export function decideWithdrawal(
  interviews: Array<InterviewSnapshot & { title: string }>,
  input: WithdrawalInput,
  ctx: DecisionContext,
): InterviewChange[] {
  const open = interviews.filter((i) => i.status === 'invited' || i.status === 'scheduled');
  if (open.length === 0) throw new DomainError('INVALID_STATE', 'There is nothing left to withdraw from.');
  const decisions = open.map((interview) => {
    const status = nextStatus(interview.status, 'withdraw', 'candidate');
    const notice = noticeOf(interview.start, ctx);
    if (notice?.class === 'missed' && !isEmergencyReason(input.reason)) {
      throw new DomainError('AFTER_START', 'One of your interviews has already started. Only an emergency ends it now; otherwise apologise to the coordinator.');
    }
    const decided = change('withdrawn', 'candidate', interview, { status, sequence: sequenceFor(interview, true) }, ctx);
    decided.notice = notice;
    decided.reason = input.reason;
    decided.words = input.words?.trim() || null;
    return decided;
  });
  const [first, ...rest] = decisions;
  first!.alsoEnded = open.slice(1).map((i) => ({ title: i.title, start: i.status === 'scheduled' ? i.start : null }));
  return [first!, ...rest];
}

export type ClosingInput =
  | { action: 'complete' }
  | { action: 'no_show'; absent: { party: 'candidate' } | { party: 'interviewer'; memberId: string } }
  | { action: 'end_early'; reason: string | null };

/** Completing, a no-show or an early end: only once the interview has started; the bookings stay as the record. */
export function decideClosing(interview: InterviewSnapshot, input: ClosingInput, ctx: DecisionContext): InterviewChange {
  const status = nextStatus(interview.status, input.action, 'employer');
  if (!started(interview, ctx.now)) throw new DomainError('INVALID_STATE', 'The interview has not started yet.');
  if (input.action === 'complete' && interview.end && ctx.now.getTime() < interview.end.getTime()) {
    throw new DomainError('INVALID_STATE', 'The interview has not ended yet; to stop it before its end, end it early.');
  }
  if (input.action === 'no_show' && ctx.now.getTime() < interview.start!.getTime() + NO_SHOW_GRACE_MINUTES * MINUTE) {
    throw new DomainError('INVALID_STATE', `A no-show can be marked ${NO_SHOW_GRACE_MINUTES} minutes after the start: until then, it may only be lateness.`);
  }
  const kind = ({ complete: 'completed', no_show: 'no_show', end_early: 'ended_early' } as const)[input.action];
  const decided = change(kind, 'employer', interview, { status }, ctx);
  if (input.action === 'no_show') decided.absent = input.absent;
  return decided;
}

/** A confidential concern: nothing about the interview changes. */
export function decideConcern(interview: InterviewSnapshot, concern: { category: string; details: string }, ctx: DecisionContext): InterviewChange {
  const decided = change('concern', 'candidate', interview, {}, ctx);
  decided.concern = concern;
  return decided;
}
