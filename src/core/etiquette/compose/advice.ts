import { describeSpan } from '../../notice-policy.ts';
import type { Facts } from './draft.ts';

/**
 * How the sender should send the message, from the notice left under the organization's policy and the
 * contact data that exist. A candidate gets the notice policy's own advice; an employer is told to call
 * the candidate only when there is a number the candidate can call back. No advice mentions a call
 * without a phone number, and none speaks of "a day" unless the policy does.
 *
 * @example
 * adviseSender({ ...facts, kind: 'employer_cancel', notice: 'late', msLeft: 7 * 3_600_000 }, true)
 * // 'Short notice: the interview is only 7 hours away. Send this now, so it can be read in time.'
 */
export function adviseSender(f: Facts, noticeMatters: boolean): string {
  if (!noticeMatters) return 'No notice is at stake in this message: an email is enough.';
  if (f.kind.startsWith('candidate_')) return f.noticeAdvice;
  const span = describeSpan(Math.abs(f.msLeft));
  const phone = f.coordinatorPhone;
  switch (f.notice) {
    case 'ample':
    case 'adequate':
      return `The interview is ${span} away: an email is enough, and sending it now gives the most notice.`;
    case 'late':
      return phone
        ? `Short notice: the interview is only ${span} away. Call the candidate now, then send this as the written note (it gives them ${phone} to call back).`
        : `Short notice: the interview is only ${span} away. Send this now, so it can be read in time.`;
    case 'missed':
      return phone
        ? `The interview was due ${span} ago. Call the candidate to apologise, then send this as the written note.`
        : `The interview was due ${span} ago. Send this now: it carries the apology.`;
  }
}
