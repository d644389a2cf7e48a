import type { NoticeDecision } from '../notice-policy.ts';
import type { ReasonCode } from '../reasons.ts';
import type { Side } from '../lifecycle.ts';
import type { CandidatePartstat, InterviewStatus, TimeRange } from '../types.ts';

/** What an interview looked like on one side of a change: what calendars and people had been told. */
export interface InterviewState {
  status: InterviewStatus;
  start: Date | null;
  end: Date | null;
  sequence: number;
  /** The candidate's answer to this state's time: what their line of the calendar invitation says. */
  candidatePartstat: CandidatePartstat;
}

/**
 * The candidate's answer once a change has given the interview `start`: a new time is theirs only when
 * they set it themselves; one the employer (or Leeway) set asks them again, as does no time at all. The
 * same time keeps the answer it had.
 */
export function candidatePartstatAfter(before: Pick<InterviewState, 'start' | 'candidatePartstat'>, start: Date | null, by: Side): CandidatePartstat {
  if (start === null) return 'needs-action';
  if (before.start?.getTime() === start.getTime()) return before.candidatePartstat;
  return by === 'candidate' ? 'accepted' : 'needs-action';
}

export type ChangeKind =
  | 'invited'
  | 'booked'
  | 'moved'
  | 'times_requested'
  | 'cancelled'
  | 'declined'
  | 'withdrawn'
  | 'no_show'
  | 'completed'
  | 'ended_early'
  | 'concern'
  /** A panelist declined their seat and a colleague took it: same time, one seat changed. */
  | 'panel_replaced'
  /** A panelist declined their seat and nobody could take it: times proposed, or handed to the coordinator. */
  | 'panel_declined'
  /** Nothing changed: one of the organization's reminder times before the interview came (see `decideReminder`). */
  | 'reminder_due';

/** What happened to a declined panel seat. */
export interface SeatChange {
  /** The panelist who declined. */
  declined: string;
  /** Who took the seat; null when nobody could. */
  replacement: string | null;
  /** With no replacement: the nearest times the panel, a stand-in in the seat, is free (at most 3). */
  proposals: Array<TimeRange & { standIn: string }>;
  /**
   * Why the coordinator has it: too many replacements already, nobody who may stand in (no colleague
   * outside the panel shares a pool with the decliner, or each who does declined that time too), too
   * close to the start, or no time found.
   */
  handedOver: 'too_close' | 'too_many_replacements' | 'no_stand_in' | 'no_time' | null;
  /** What the decliner wrote for the recruiting team, if anything: passed on to the coordinator only. */
  note: string | null;
}

/**
 * A decision of the core, as data: what happened to an interview, who did it, when, with which notice
 * and reason — only the reason that was given — and what it is now. Every message is rendered from one
 * of these and may state nothing it does not hold.
 */
export interface InterviewChange {
  kind: ChangeKind;
  by: Side;
  at: Date;
  /** The reason category given, or null: no reason is ever assumed. */
  reason: ReasonCode | null;
  /** Notice, measured against the time the change is about; null when the interview had no time. */
  notice: NoticeDecision | null;
  before: InterviewState;
  after: InterviewState;
  /** Times offered to the candidate with this change (an invitation, new times), still free. */
  offered: TimeRange[];
  /** Words the actor chose to send to the other side; never a private note. */
  words: string | null;
  /** A candidate's note meant for the recruiting team (asking for other times). */
  noteForRecruiter: string | null;
  keepInTouch: boolean;
  referral: { name: string; email: string } | null;
  /** A late change the candidate said they had already phoned about. */
  calledAhead: boolean;
  /** For a no-show: who did not come. */
  absent: { party: 'candidate' } | { party: 'interviewer'; memberId: string } | null;
  /** For a withdrawal: the candidate's other interviews for the opening that ended with it. */
  alsoEnded: Array<{ title: string; start: Date | null }>;
  /** For a concern: the category and the confidential details. */
  concern: { category: string; details: string } | null;
  /** For a declined panel seat: who declined, who took it, or what was proposed instead. */
  seat: SeatChange | null;
}

/**
 * The candidate's answer as the calendar object a change sends states it: for the new or kept time (a
 * REQUEST), their answer to it; for the time withdrawn (a CANCEL), declined when they called it off,
 * else their answer to it as it stood. An employer's cancellation is not the candidate's refusal.
 */
export function candidateAnswerIn(change: Pick<InterviewChange, 'by' | 'before' | 'after'>, method: 'REQUEST' | 'CANCEL'): CandidatePartstat | 'declined' {
  if (method === 'REQUEST') return change.after.candidatePartstat;
  return change.by === 'candidate' ? 'declined' : change.before.candidatePartstat;
}

/** Whether calendars hold this interview's event before the change (an event was sent for its time). */
export function hadEvent(change: Pick<InterviewChange, 'before'>): boolean {
  return change.before.start !== null && change.before.status === 'scheduled';
}

/** Whether calendars hold the event after the change. */
export function hasEvent(change: Pick<InterviewChange, 'after'>): boolean {
  return change.after.start !== null && change.after.status === 'scheduled';
}

/** A change with every optional part empty, to build decisions from. */
export function baseChange(kind: ChangeKind, by: Side, at: Date, before: InterviewState, after: InterviewState): InterviewChange {
  return {
    kind,
    by,
    at,
    reason: null,
    notice: null,
    before,
    after,
    offered: [],
    words: null,
    noteForRecruiter: null,
    keepInTouch: false,
    referral: null,
    calledAhead: false,
    absent: null,
    alsoEnded: [],
    concern: null,
    seat: null,
  };
}
