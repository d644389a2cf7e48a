import type { CandidateReason, EmployerReason } from '../../reasons.ts';
import type { Facts } from './draft.ts';
import { byTone } from './draft.ts';
import type { EarlyEndReason } from './kind-reasons.ts';

/**
 * How a reason reads in a message: a brief category, never the details behind it. The codes, their sides
 * and what they imply (leaving the process, ending the opening) come from `core/reasons.ts`; only the
 * wording lives here, because a candidate's message speaks in the first person and an employer's in "we".
 * Some reasons fit after "because of" (a noun phrase); others are a statement of their own ("I have
 * accepted another offer").
 */
export type Cause = { form: 'noun'; phrase: string } | { form: 'clause'; text: string };

type Worded = string | { warm: string; formal: string };

const word = (facts: Facts, text: Worded): string => (typeof text === 'string' ? text : byTone(facts, text.warm, text.formal));

/** The candidate's reasons in the candidate's voice, for every candidate code of the table. */
const CANDIDATE_CAUSES: Record<CandidateReason, { noun: string } | { clause: Worded }> = {
  medical_emergency: { noun: 'a medical emergency' },
  family_emergency: { noun: 'a family emergency' },
  employment_change: { noun: 'a change in my employment situation' },
  accepted_offer: { clause: { warm: "I've accepted another offer", formal: 'I have accepted another offer' } },
  schedule_conflict: { noun: 'a scheduling conflict I cannot change' },
  transportation: { noun: 'a transportation problem' },
  not_a_fit: {
    clause: {
      warm: "after some thought, I've concluded the role isn't the right fit for me",
      formal: 'after careful consideration, I have concluded that the role is not the right fit for me',
    },
  },
  other: { noun: 'an unavoidable conflict' },
};

/**
 * The candidate's reason as a category, or `undefined` when none was given.
 *
 * @example
 * describeCandidateReason({ ...facts, reason: 'family_emergency' }) // { form: 'noun', phrase: 'a family emergency' }
 */
export function describeCandidateReason(facts: Facts): Cause | undefined {
  const cause = facts.reason === undefined ? undefined : CANDIDATE_CAUSES[facts.reason as CandidateReason];
  if (!cause) return undefined;
  return 'noun' in cause ? { form: 'noun', phrase: cause.noun } : { form: 'clause', text: word(facts, cause.clause) };
}

/** What follows "I ended our conversation early because …": the conduct named plainly, or the candidate's reason. */
const EARLY_END_CAUSES: Record<EarlyEndReason | 'accepted_offer' | 'not_a_fit', Worded> = {
  inappropriate_questions: 'some of the questions turned to personal topics that have no place in an interview',
  disrespectful_conduct: 'the tone of the conversation made it impossible for me to continue',
  accepted_offer: 'I had accepted another offer',
  not_a_fit: 'I realized that the role is not the right fit for me',
};

/** Why a candidate ended an interview early: the conduct, named plainly and without insult. */
export function describeEarlyEnd(facts: Facts): string | undefined {
  const own = EARLY_END_CAUSES[facts.reason as keyof typeof EARLY_END_CAUSES] as Worded | undefined;
  if (own) return word(facts, own);
  const cause = describeCandidateReason(facts);
  return cause?.form === 'noun' ? `of ${cause.phrase}` : undefined;
}

/** The employer's reasons as full sentences in the employer's voice, owning any mistake. */
const EMPLOYER_CAUSES: Record<EmployerReason, Worded> = {
  interviewer_unavailable: {
    warm: "One of your interviewers has become unavailable, and we'd rather move the conversation than hold it without them.",
    formal: 'One of your interviewers has become unavailable, and we would rather move the conversation than hold it without them.',
  },
  position_filled: 'The position has now been filled.',
  position_closed: { warm: "The position has been closed, so we won't be continuing interviews for it.", formal: 'The position has been closed, and we will not be continuing interviews for it.' },
  scheduling_error: { warm: 'We made a scheduling error on our side, and that is our responsibility.', formal: 'The cause is a scheduling error on our side, for which we take responsibility.' },
  other: { warm: "An unavoidable conflict on our side means we can't keep the time.", formal: 'An unavoidable conflict on our side means we cannot keep the agreed time.' },
};

/**
 * The employer's reason as a full sentence, owning any mistake; `undefined` when none was given.
 *
 * @example
 * describeEmployerReason({ ...facts, reason: 'scheduling_error' }) // 'We made a scheduling error on our side, ...'
 */
export function describeEmployerReason(facts: Facts): string | undefined {
  const cause = facts.reason === undefined ? undefined : (EMPLOYER_CAUSES[facts.reason as EmployerReason] as Worded | undefined);
  return cause === undefined ? undefined : word(facts, cause);
}
