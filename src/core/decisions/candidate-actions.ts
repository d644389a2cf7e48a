import { allowedActions } from '../lifecycle.ts';
import type { Interview } from '../types.ts';

/** What a candidate can do through their link, in the API's words. */
export const CANDIDATE_ACTIONS = ['accept', 'reschedule', 'cancel', 'decline', 'withdraw', 'excuse_no_show', 'concern'] as const;
export type CandidateAction = (typeof CANDIDATE_ACTIONS)[number];

/**
 * The candidate's actions now, derived from the lifecycle (never listed by hand): picking an offered time,
 * moving or asking for other times, cancelling (after the start only with an emergency), declining an
 * invitation, withdrawing before the start; a concern can always be raised.
 *
 * @example
 * candidateActions({ status: 'invited', start: null }, now) // ['accept', 'reschedule', 'decline', 'withdraw', 'concern']
 */
export function candidateActions(
  interview: Pick<Interview, 'status' | 'start'>,
  now: Date,
  /** Whether a no-show mark may still be explained by an emergency (see `canExcuseNoShow`). */
  options: { noShowExcusable?: boolean } = {},
): CandidateAction[] {
  const allowed = new Set(allowedActions(interview.status, 'candidate'));
  const started = interview.start !== null && now.getTime() >= interview.start.getTime();
  const actions: CandidateAction[] = [];
  if (allowed.has('accept')) actions.push('accept');
  if ((allowed.has('reschedule') || allowed.has('offer')) && !started) actions.push('reschedule');
  if (allowed.has('cancel')) actions.push('cancel');
  if (allowed.has('decline')) actions.push('decline');
  if (allowed.has('withdraw') && !started) actions.push('withdraw');
  if (interview.status === 'no_show' && options.noShowExcusable) actions.push('excuse_no_show');
  actions.push('concern');
  return actions;
}
