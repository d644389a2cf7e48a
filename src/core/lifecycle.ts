import { DomainError } from './errors.ts';
import type { InterviewStatus } from './types.ts';

/** Everything that can happen to an interview; each maps to at most one next status per side. */
export const INTERVIEW_ACTIONS = [
  'accept',
  'book',
  'reschedule',
  'offer',
  'cancel',
  'decline',
  'withdraw',
  'complete',
  'no_show',
  'end_early',
] as const;
export type InterviewAction = (typeof INTERVIEW_ACTIONS)[number];

/** The two sides that act on an interview (the system acts on behalf of one of them). */
export type Side = 'candidate' | 'employer';

type Moves = Partial<Record<InterviewStatus, InterviewStatus>>;

const TRANSITIONS: Record<InterviewAction, Partial<Record<Side, Moves>>> = {
  // The candidate picks a time for an invitation (an offered one, or another free one).
  accept: { candidate: { invited: 'scheduled' } },
  // The employer books a time directly for an invitation.
  book: { employer: { invited: 'scheduled' } },
  // Moving keeps the interview (same id and uid); only the time and sequence change.
  reschedule: { candidate: { scheduled: 'scheduled' }, employer: { scheduled: 'scheduled' } },
  // New times offered: a scheduled interview goes back to waiting for the candidate's pick.
  offer: { candidate: { invited: 'invited', scheduled: 'invited' }, employer: { invited: 'invited', scheduled: 'invited' } },
  // A candidate cancels a booked interview; an invitation they decline instead. Only the employer can
  // cancel an invitation (take it back).
  cancel: { candidate: { scheduled: 'cancelled' }, employer: { invited: 'cancelled', scheduled: 'cancelled' } },
  decline: { candidate: { invited: 'declined' } },
  // Leaving the whole process for the opening.
  withdraw: { candidate: { invited: 'withdrawn', scheduled: 'withdrawn' } },
  complete: { employer: { scheduled: 'completed' } },
  no_show: { employer: { scheduled: 'no_show' } },
  end_early: { employer: { scheduled: 'ended_early' } },
};

const SIDES: readonly Side[] = ['candidate', 'employer'];

function movesOf(action: InterviewAction, side: Side | undefined): Moves[] {
  const bySide = TRANSITIONS[action];
  return side ? [bySide[side] ?? {}] : SIDES.map((s) => bySide[s] ?? {});
}

/** Statuses after which nothing more can happen. */
export const FINAL_STATUSES: readonly InterviewStatus[] = [
  'completed',
  'cancelled',
  'withdrawn',
  'no_show',
  'ended_early',
  'declined',
];

/** Statuses that hold the panel's time. */
export const ACTIVE_STATUSES: readonly InterviewStatus[] = ['scheduled'];

export function isFinalStatus(status: InterviewStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/**
 * The actions allowed from a status, in a stable order: for one side, or for either side when none is named.
 *
 * @example
 * allowedActions('invited', 'candidate') // ['accept', 'offer', 'decline', 'withdraw']
 */
export function allowedActions(status: InterviewStatus, side?: Side): InterviewAction[] {
  return INTERVIEW_ACTIONS.filter((action) => movesOf(action, side).some((moves) => moves[status] !== undefined));
}

/**
 * The status an action by a side leads to, or an `INVALID_STATE` domain error.
 *
 * @example
 * nextStatus('invited', 'accept', 'candidate') // 'scheduled'
 * nextStatus('invited', 'cancel', 'candidate') // throws DomainError INVALID_STATE (decline instead)
 */
/** How people say each action and status, for refusals they can act on. */
const ACTION_WORDS: Record<InterviewAction, string> = {
  accept: 'booked',
  book: 'booked',
  reschedule: 'moved',
  offer: 'given new times',
  cancel: 'cancelled',
  decline: 'declined',
  withdraw: 'withdrawn from',
  complete: 'marked completed',
  no_show: 'marked as a no-show',
  end_early: 'ended early',
};

const STATUS_WORDS: Record<InterviewStatus, string> = {
  invited: 'an invitation waiting for a time',
  scheduled: 'scheduled',
  completed: 'completed',
  cancelled: 'cancelled',
  withdrawn: 'withdrawn',
  no_show: 'marked as a no-show',
  ended_early: 'ended early',
  declined: 'declined',
};

export function nextStatus(current: InterviewStatus, action: InterviewAction, side: Side): InterviewStatus {
  const next = TRANSITIONS[action][side]?.[current];
  if (next === undefined) {
    const hint = side === 'candidate' && action === 'cancel' && current === 'invited' ? ' Decline the invitation instead.' : '';
    const done = isFinalStatus(current) ? ', so it can no longer be ' : ', so it cannot be ';
    throw new DomainError('INVALID_STATE', `This interview is ${STATUS_WORDS[current]}${done}${ACTION_WORDS[action]}.${hint}`, {
      currentStatus: current,
      action,
    });
  }
  return next;
}

/**
 * A change that calendars must see raises the sequence; a change they never saw does not. Calendars have
 * seen the event once it was ever sent (it has a time now, or a sequence above the first), and RFC 5546
 * asks that an event withdrawn and sent again comes back with a higher sequence than the withdrawal.
 *
 * @example
 * sequenceAfter({ sequence: 0, hadTime: true }, { calendarChanges: true }) // 1 (a move or a cancel)
 * sequenceAfter({ sequence: 0, hadTime: false }, { calendarChanges: true }) // 0 (the first booking)
 */
export function sequenceAfter(before: { sequence: number; hadTime: boolean }, change: { calendarChanges: boolean }): number {
  const seen = before.hadTime || before.sequence > 0;
  return change.calendarChanges && seen ? before.sequence + 1 : before.sequence;
}
