import type { Facts } from './draft.ts';
import { byTone } from './draft.ts';

/**
 * How a reason reads in a message: a brief category, never the details behind it. Some reasons fit
 * after "because of" (a noun phrase); others are a statement of their own ("I have accepted another offer").
 */
export type Cause = { form: 'noun'; phrase: string } | { form: 'clause'; text: string };

const CANDIDATE_NOUNS: Record<string, string> = {
  medical_emergency: 'a medical emergency',
  family_emergency: 'a family emergency',
  employment_change: 'a change in my employment situation',
  schedule_conflict: 'a scheduling conflict I cannot change',
  transportation: 'a transportation problem',
  other: 'an unavoidable conflict',
};

/** Reasons after which the candidate leaves the process, so no new time is offered. */
export const LEAVES_PROCESS = new Set(['accepted_offer', 'not_a_fit']);

/**
 * The candidate's reason as a category.
 *
 * @example
 * describeCandidateReason({ ...facts, reason: 'family_emergency' }) // { form: 'noun', phrase: 'a family emergency' }
 */
export function describeCandidateReason(facts: Facts): Cause {
  if (facts.reason === 'accepted_offer') {
    return { form: 'clause', text: byTone(facts, "I've accepted another offer", 'I have accepted another offer') };
  }
  if (facts.reason === 'not_a_fit') {
    return {
      form: 'clause',
      text: byTone(facts, "after some thought, I've concluded the role isn't the right fit for me", 'after careful consideration, I have concluded that the role is not the right fit for me'),
    };
  }
  return { form: 'noun', phrase: CANDIDATE_NOUNS[facts.reason] ?? CANDIDATE_NOUNS.other ?? '' };
}

/** Why a candidate ended an interview early: the conduct, named plainly and without insult. */
export function describeEarlyEnd(facts: Facts): string {
  switch (facts.reason) {
    case 'inappropriate_questions':
      return 'some of the questions turned to personal topics that have no place in an interview';
    case 'disrespectful_conduct':
      return byTone(facts, "the tone of the conversation made it impossible for me to continue", 'the tone of the conversation made it impossible for me to continue');
    default: {
      const cause = describeCandidateReason(facts);
      return cause.form === 'noun' ? `of ${cause.phrase}` : cause.text;
    }
  }
}

/**
 * The employer's reason as a full sentence, owning any mistake.
 *
 * @example
 * describeEmployerReason({ ...facts, reason: 'scheduling_error' }) // 'We made a scheduling error on our side, ...'
 */
export function describeEmployerReason(facts: Facts): string {
  switch (facts.reason) {
    case 'interviewer_unavailable':
      return byTone(
        facts,
        "One of your interviewers has become unavailable, and we'd rather move the conversation than hold it without them.",
        'One of your interviewers has become unavailable, and we would rather move the conversation than hold it without them.',
      );
    case 'position_filled':
      return 'The position has now been filled.';
    case 'position_closed':
      return byTone(facts, "The position has been closed, so we won't be continuing interviews for it.", 'The position has been closed, and we will not be continuing interviews for it.');
    case 'scheduling_error':
      return byTone(facts, 'We made a scheduling error on our side, and that is our responsibility.', 'The cause is a scheduling error on our side, for which we take responsibility.');
    default:
      return byTone(facts, "An unavoidable conflict on our side means we can't keep the time.", 'An unavoidable conflict on our side means we cannot keep the agreed time.');
  }
}

/** Employer reasons after which there is nothing to reschedule. */
export const ENDS_OPENING = new Set(['position_filled', 'position_closed']);
