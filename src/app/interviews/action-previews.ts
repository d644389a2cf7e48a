import { planEmails } from '../../core/messages/index.ts';
import type { Audience } from '../../core/messages/index.ts';
import type { InterviewChange } from '../../core/decisions/interview-change.ts';
import { employerNotice } from '../../core/notice-policy.ts';
import type { EmployerNotice } from '../../core/notice-policy.ts';
import type { AppContext } from '../context.ts';
import { recipientsOf } from '../notifications/notify-interview.ts';
import { cancelByEmployerIn, markNoShow } from './employer-actions.ts';
import type { InterviewParties } from './parties.ts';

/** Someone an action would tell, with which email and calendar part. */
export interface ToldRecipient {
  role: Audience;
  name: string;
  address: string;
  kind: string;
  calendar: 'REQUEST' | 'CANCEL' | null;
  /** New times the email offers, with a link to choose one (a fresh invitation holds them); absent when none. */
  newTimes?: Array<{ start: string; end: string }>;
}

function told(ctx: AppContext, parties: InterviewParties, change: InterviewChange): ToldRecipient[] {
  return planEmails(change, recipientsOf(parties, ctx), { primary: true }).map((email) => ({
    role: email.audience,
    name: email.to.name,
    address: email.to.address,
    kind: email.kind,
    calendar: email.calendar,
    // The candidate's email carries any new times offered, with a link to choose one.
    ...(email.audience === 'candidate' && change.offered.length > 0 ? { newTimes: change.offered.map((t) => ({ start: t.start.toISOString(), end: t.end.toISOString() })) } : {}),
  }));
}

/** Thrown to roll a rehearsed action back, carrying what it would have told. */
class Rehearsal extends Error {
  constructor(
    readonly told: ToldRecipient[],
    readonly notice: EmployerNotice | null = null,
  ) {
    super('rehearsal');
  }
}

/** What an employer's cancellation would do: who is told, and the notice it gives the candidate with what to do about it. */
export interface CancelPreview {
  told: ToldRecipient[];
  /** Null for an invitation, which holds no time. */
  notice: EmployerNotice | null;
}

/**
 * Who an employer's cancellation would tell, and with what: the cancellation itself is run (decided,
 * applied, new times found, a fresh invitation made, emails planned) in a transaction that is then rolled
 * back, so the preview can never say other than what the cancellation does; refused as it would be.
 */
export async function previewEmployerCancel(ctx: AppContext, organizationId: string, interviewId: string, input: { reason?: string | null }): Promise<CancelPreview> {
  try {
    await ctx.store.transaction(async (store) => {
      // Nothing may leave the rehearsal: freed time offered to the waitlist must not announce its links.
      const rehearsal: AppContext = { ...ctx, store, onOfferLink: undefined };
      const { change, parties } = await cancelByEmployerIn(rehearsal, store, organizationId, interviewId, input);
      const { start } = parties.interview;
      const notice = start ? employerNotice({ at: change.at, start, policy: parties.organization.noticePolicy, candidate: parties.candidate }) : null;
      throw new Rehearsal(told(ctx, parties, change), notice);
    });
  } catch (error) {
    if (error instanceof Rehearsal) return { told: error.told, notice: error.notice };
    throw error;
  }
  throw new Error('A rehearsed cancellation always rolls back.');
}

/**
 * Who marking a no-show would tell (the candidate, or a named panelist absent, whose apology offers new
 * times): the no-show itself is run and rolled back, as for the cancellation; refused as it would be.
 */
export async function previewNoShow(
  ctx: AppContext,
  organizationId: string,
  interviewId: string,
  input: { party: 'candidate' | 'interviewer'; memberId?: string | null },
): Promise<ToldRecipient[]> {
  try {
    await ctx.store.transaction(async (store) => {
      const rehearsal: AppContext = { ...ctx, store, onOfferLink: undefined };
      let seen: ToldRecipient[] = [];
      await markNoShow(rehearsal, organizationId, interviewId, input, ({ change, parties }) => {
        seen = told(ctx, parties, change);
      });
      throw new Rehearsal(seen);
    });
  } catch (error) {
    if (error instanceof Rehearsal) return error.told;
    throw error;
  }
  throw new Error('A rehearsed no-show always rolls back.');
}
