import { candidateActions } from '../../core/decisions/candidate-actions.ts';
import { DomainError } from '../../core/errors.ts';
import { composeMessage, reviewDraft } from '../../core/etiquette/index.ts';
import type { ComposeContext, ComposeKind, ComposeResult, ReviewResult, Tone } from '../../core/etiquette/index.ts';
import type { CandidateReason } from '../../core/reasons.ts';
import type { AppContext } from '../context.ts';
import { resolveCandidateLink, suggestRescheduleTimes } from './candidate-link.ts';
import { loadParties } from './parties.ts';
import type { InterviewParties } from './parties.ts';

/** The candidate's actions that send words to the employer, and the composer's kind for each. */
export const DRAFT_ACTIONS = ['cancel', 'decline', 'withdraw', 'reschedule'] as const;
export type DraftAction = (typeof DRAFT_ACTIONS)[number];

const KINDS: Record<DraftAction, ComposeKind> = {
  cancel: 'candidate_cancel',
  decline: 'candidate_decline',
  withdraw: 'candidate_withdraw',
  reschedule: 'candidate_reschedule',
};

const DONE: Record<DraftAction, string> = { cancel: 'cancelling', decline: 'declining', withdraw: 'withdrawing', reschedule: 'moving it' };

/** The most times a reschedule draft proposes (the composer lists three). */
const PROPOSED = 3;

export interface CandidateDraftInput {
  action: DraftAction;
  reason?: CandidateReason | null;
  tone?: Tone;
  keepInTouch?: boolean;
  referral?: { name: string; email: string } | null;
  /** Times the candidate proposes; for a reschedule without them, the panel's nearest free times. */
  proposedTimes?: Date[];
}

async function load(ctx: AppContext, token: string, action: DraftAction): Promise<{ parties: InterviewParties; now: Date }> {
  const now = ctx.clock();
  const { interview } = await resolveCandidateLink(ctx, ctx.store, token);
  const parties = await loadParties(ctx.store, interview);
  // Only a draft for something the candidate can do now: the same actions the view offers.
  if (!candidateActions(interview, now).includes(action)) {
    throw new DomainError('INVALID_STATE', `This interview is ${interview.status.replace('_', ' ')}: ${DONE[action]} is not possible now.`);
  }
  return { parties, now };
}

/**
 * An editable draft of the candidate's message for an action, from the composer: this interview's real
 * company, role and time, the reason category chosen (none stated without one), the organization's
 * notice policy and number (at short notice it asks for a call first and gives the script). Written for
 * the recruiting team, so its times are in the organization's zone.
 */
export async function composeForCandidate(ctx: AppContext, token: string, input: CandidateDraftInput): Promise<ComposeResult> {
  const { parties, now } = await load(ctx, token, input.action);
  const { interview, organization, candidate, opening } = parties;
  // Only declining an invitation can be written before a time is picked; the draft then names no time.
  if (!interview.start && input.action !== 'decline') {
    throw new DomainError('INVALID_STATE', 'No time has been picked yet, so there is no interview time for this message to be about: pick a time first.');
  }
  let proposed = input.proposedTimes?.slice(0, PROPOSED);
  if (input.action === 'reschedule' && proposed === undefined) {
    proposed = (await suggestRescheduleTimes(ctx, token, PROPOSED)).map((time) => new Date(time.start));
  }
  const context: ComposeContext = {
    candidateName: candidate.name,
    companyName: organization.name,
    roleTitle: opening.title,
    ...(interview.start ? { interviewStart: interview.start } : {}),
    now,
    timezone: organization.timezone,
    noticePolicy: organization.noticePolicy,
    ...(input.reason ? { reason: input.reason } : {}),
    ...(organization.contactPhone ? { coordinatorPhone: organization.contactPhone } : {}),
    ...(proposed && proposed.length > 0 ? { proposedTimes: proposed } : {}),
    ...(input.keepInTouch !== undefined && input.action !== 'cancel' && input.action !== 'reschedule' ? { keepInTouch: input.keepInTouch } : {}),
    ...(input.referral && input.action === 'decline' ? { referral: input.referral } : {}),
  };
  return composeMessage(KINDS[input.action], context, input.tone ? { tone: input.tone } : {});
}

/**
 * The reviewer on the candidate's draft for an action, with this interview's time, the organization's
 * policy and zone, and the moment: it ticks the elements, flags oversharing or blame with their spans,
 * and asks for a call when the notice is short and the candidate has not called.
 */
export async function reviewForCandidate(
  ctx: AppContext,
  token: string,
  input: { action: DraftAction; text: string; reason?: CandidateReason | null; calledAhead?: boolean; referral?: { name: string; email: string } | null },
): Promise<ReviewResult> {
  const { parties, now } = await load(ctx, token, input.action);
  const { interview, organization } = parties;
  return reviewDraft({
    kind: KINDS[input.action],
    text: input.text,
    context: {
      now,
      timezone: organization.timezone,
      noticePolicy: organization.noticePolicy,
      ...(interview.start ? { interviewStart: interview.start } : {}),
      ...(input.reason ? { reason: input.reason } : {}),
      ...(input.calledAhead !== undefined ? { calledAhead: input.calledAhead } : {}),
      ...(input.referral ? { referral: input.referral } : {}),
    },
  });
}
