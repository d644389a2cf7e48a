import { DomainError } from '../errors.ts';
import { isEmergencyReason } from '../reasons.ts';
import type { ReasonCode } from '../reasons.ts';
import type { HistoryEntry, Interview } from '../types.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** How long after being marked a no-show a candidate may say an emergency kept them away. */
export const NO_SHOW_EXCUSE_HOURS = 48;

/** Lateness is recorded for either side alike: a late interviewer counts as much as a late candidate. */
export interface LatenessMark {
  party: 'candidate' | 'interviewer';
  memberId: string | null;
  minutes: number;
  at: Date;
}

/**
 * A lateness mark, once the interview has started: the candidate, or a panelist of this interview, a
 * whole number of minutes late (1 to 240).
 *
 * @example
 * decideLateness(interview, { party: 'interviewer', memberId: 'm1', minutes: 12 }, now) // { party, memberId, minutes, at }
 */
export function decideLateness(
  interview: Pick<Interview, 'status' | 'start' | 'panel'>,
  input: { party: 'candidate' | 'interviewer'; memberId?: string | null; minutes: number },
  now: Date,
): LatenessMark {
  const errors: Array<{ path: string; message: string }> = [];
  if (!Number.isInteger(input.minutes) || input.minutes < 1 || input.minutes > 240) errors.push({ path: 'minutes', message: 'Whole minutes, 1 to 240.' });
  let memberId: string | null = null;
  if (input.party === 'interviewer') {
    memberId = input.memberId ?? (interview.panel.length === 1 ? interview.panel[0]! : null);
    if (!memberId || !interview.panel.includes(memberId)) errors.push({ path: 'memberId', message: 'Name the panelist who was late.' });
  }
  if (errors.length > 0) throw new DomainError('VALIDATION', 'The lateness mark is not valid.', { errors });
  const tookPlace = interview.status === 'scheduled' || interview.status === 'completed' || interview.status === 'ended_early';
  if (!tookPlace || !interview.start) throw new DomainError('INVALID_STATE', 'Lateness is marked on an interview that took place.');
  if (now.getTime() < interview.start.getTime()) throw new DomainError('INVALID_STATE', 'The interview has not started yet.');
  return { party: input.party, memberId, minutes: input.minutes, at: now };
}

/**
 * Whether the candidate may still say an emergency kept them from an interview they were marked absent
 * from: within 48 hours of the mark, once.
 */
export function canExcuseNoShow(history: Array<Pick<HistoryEntry, 'action' | 'at' | 'details'>>, now: Date): boolean {
  const mark = [...history].reverse().find((entry) => entry.action === 'no_show');
  if (!mark || (mark.details as { party?: string } | null)?.party !== 'candidate') return false;
  if (history.some((entry) => entry.action === 'no_show_excused')) return false;
  return now.getTime() - mark.at.getTime() <= NO_SHOW_EXCUSE_HOURS * HOUR;
}

/** The candidate's account of a missed interview: only an emergency reason, and only while it may be given. */
export function decideNoShowExcuse(
  interview: Pick<Interview, 'status'>,
  history: Array<Pick<HistoryEntry, 'action' | 'at' | 'details'>>,
  reason: ReasonCode,
  now: Date,
): { reason: ReasonCode; at: Date } {
  if (!isEmergencyReason(reason)) {
    throw new DomainError('VALIDATION', 'Only an emergency excuses a missed interview.', { errors: [{ path: 'reason', message: 'Choose a medical or family emergency.' }] });
  }
  if (interview.status !== 'no_show' || !canExcuseNoShow(history, now)) {
    throw new DomainError('INVALID_STATE', `An emergency can be recorded within ${NO_SHOW_EXCUSE_HOURS} hours of being marked absent, once.`);
  }
  return { reason, at: now };
}
