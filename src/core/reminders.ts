import { baseChange } from './decisions/interview-change.ts';
import type { InterviewChange, InterviewState } from './decisions/interview-change.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Leave 45 minutes before an interview in person, so lateness is planned out, not apologised for. */
export const LEAVE_BY_MINUTES = 45;

/**
 * When to leave for an interview in person, for the reminder (product rule 9: never arrive late); null
 * for one held by video or remotely, where there is nowhere to travel to.
 *
 * @example
 * leaveByFor({ location: '1 Market St', videoUrl: null }, new Date('2026-12-10T15:00:00Z')) // 14:15Z
 * leaveByFor({ location: 'Remote', videoUrl: null }, start) // null
 */
export function leaveByFor(interview: { location: string | null; videoUrl: string | null }, start: Date): Date | null {
  const inPerson = interview.location !== null && interview.videoUrl === null && !/\b(remote|online|video|virtual)\b/i.test(interview.location);
  return inPerson ? new Date(start.getTime() - LEAVE_BY_MINUTES * MINUTE) : null;
}

/** The interview as a reminder reads it: its state now, and where it is held. */
export interface RemindedInterview extends InterviewState {
  location: string | null;
  videoUrl: string | null;
}

export interface ReminderInput {
  interview: RemindedInterview;
  /** The organization's reminder hours before the start, as it has them now (e.g. [48, 24]). */
  hoursBefore: readonly number[];
  /**
   * Reminder times up to this moment are settled: they came before the interview got its current time
   * (a booking or a move sets it to the change's time), or a reminder was written for them already.
   */
  remindedThrough: Date;
  now: Date;
}

/** A reminder that is due: the decision it is rendered from, the time it stands for, and when to leave. */
export interface ReminderDecision {
  change: InterviewChange;
  reminder: { sendAt: Date; leaveBy: Date | null };
}

/**
 * The reminder due now, or null: due when one of the organization's reminder times before a scheduled
 * interview's start has come, after `remindedThrough`, and the start is still ahead. When several have
 * come since (the reminders were not written for a while), one reminder stands for them all: the latest,
 * nearest the start. The reminder states the interview as it is now, so a panel or place changed since
 * the booking is never misstated.
 *
 * @example
 * // booked on Dec 1 for Dec 10 15:00Z, reminders [48, 24], now Dec 9 15:05Z → the 24-hour reminder
 * decideReminder({ interview, hoursBefore: [48, 24], remindedThrough: dec8At1505, now })?.reminder.sendAt // Dec 9 15:00Z
 */
export function decideReminder(input: ReminderInput): ReminderDecision | null {
  const { interview, now, remindedThrough } = input;
  const start = interview.start;
  if (interview.status !== 'scheduled' || !start || start.getTime() <= now.getTime()) return null;
  const due = input.hoursBefore
    .map((hours) => start.getTime() - hours * HOUR)
    .filter((at) => at > remindedThrough.getTime() && at <= now.getTime());
  if (due.length === 0) return null;
  const state: InterviewState = { status: interview.status, start, end: interview.end, sequence: interview.sequence, candidatePartstat: interview.candidatePartstat };
  return {
    change: baseChange('reminder_due', 'employer', now, state, state),
    reminder: { sendAt: new Date(Math.max(...due)), leaveBy: leaveByFor(interview, start) },
  };
}
