import { DomainError } from './errors.ts';
import type { InterviewStatus } from './types.ts';

/** Everything that can happen to an interview; each maps to at most one next status. */
export const INTERVIEW_ACTIONS = [
  'accept',
  'book',
  'reschedule',
  'offer',
  'cancel',
  'decline',
  'complete',
  'no_show',
  'end_early',
] as const;
export type InterviewAction = (typeof INTERVIEW_ACTIONS)[number];

const TRANSITIONS: Record<InterviewAction, Partial<Record<InterviewStatus, InterviewStatus>>> = {
  // The candidate picks one of the offered slots.
  accept: { invited: 'scheduled' },
  // The employer books a time directly for an invitation.
  book: { invited: 'scheduled' },
  // Moving keeps the interview (same id and uid); only the time and sequence change.
  reschedule: { scheduled: 'scheduled' },
  // New times offered: a scheduled interview goes back to waiting for the candidate's pick.
  offer: { invited: 'invited', scheduled: 'invited' },
  cancel: { invited: 'cancelled', scheduled: 'cancelled' },
  decline: { invited: 'declined' },
  complete: { scheduled: 'completed' },
  no_show: { scheduled: 'no_show' },
  end_early: { scheduled: 'ended_early' },
};

/** Statuses after which nothing more can happen. */
export const FINAL_STATUSES: readonly InterviewStatus[] = [
  'completed',
  'cancelled',
  'no_show',
  'ended_early',
  'declined',
];

/** Statuses that hold the panel's time. */
export const ACTIVE_STATUSES: readonly InterviewStatus[] = ['scheduled'];

export function isFinalStatus(status: InterviewStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/** The actions allowed from a status, in a stable order. */
export function allowedActions(status: InterviewStatus): InterviewAction[] {
  return INTERVIEW_ACTIONS.filter((action) => TRANSITIONS[action][status] !== undefined);
}

/**
 * The status an action leads to, or an `INVALID_STATE` domain error.
 *
 * @example
 * nextStatus('invited', 'accept') // 'scheduled'
 * nextStatus('cancelled', 'reschedule') // throws DomainError INVALID_STATE
 */
export function nextStatus(current: InterviewStatus, action: InterviewAction): InterviewStatus {
  const next = TRANSITIONS[action][current];
  if (next === undefined) {
    throw new DomainError('INVALID_STATE', `Cannot ${action.replace('_', ' ')} an interview that is ${current}.`, {
      currentStatus: current,
      action,
    });
  }
  return next;
}

/**
 * A reschedule keeps the id and uid, moves the time and raises the sequence so calendars replace the event.
 */
export function nextSequence(current: number): number {
  return current + 1;
}
