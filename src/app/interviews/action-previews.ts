import { decideCancellation, decideClosing } from '../../core/decisions/decide.ts';
import { planEmails } from '../../core/messages/index.ts';
import type { Audience } from '../../core/messages/index.ts';
import type { InterviewChange } from '../../core/decisions/interview-change.ts';
import type { AppContext } from '../context.ts';
import { recipientsOf } from '../notifications/notify-interview.ts';
import { FieldErrors } from '../validation.ts';
import { decisionContext, givenReason } from './decision-context.ts';
import { getInterviewOrThrow, loadParties } from './parties.ts';
import type { InterviewParties } from './parties.ts';

/** Someone an action would tell, with which email and calendar part. */
export interface ToldRecipient {
  role: Audience;
  name: string;
  address: string;
  kind: string;
  calendar: 'REQUEST' | 'CANCEL' | null;
}

function told(ctx: AppContext, parties: InterviewParties, change: InterviewChange): ToldRecipient[] {
  return planEmails(change, recipientsOf(parties, ctx), { primary: true }).map((email) => ({
    role: email.audience,
    name: email.to.name,
    address: email.to.address,
    kind: email.kind,
    calendar: email.calendar,
  }));
}

/**
 * Who an employer's cancellation would tell, decided and planned by the same code the cancellation
 * runs, with nothing written; refused as the cancellation would be.
 */
export async function previewEmployerCancel(ctx: AppContext, organizationId: string, interviewId: string, input: { reason?: string | null }): Promise<ToldRecipient[]> {
  const now = ctx.clock();
  const interview = await getInterviewOrThrow(ctx.store, organizationId, interviewId);
  const parties = await loadParties(ctx.store, interview);
  const change = decideCancellation(interview, { by: 'employer', reason: givenReason(input.reason), words: null }, decisionContext(parties.organization, now));
  return told(ctx, parties, change);
}

/** Who marking a no-show would tell (the candidate, or a named panelist absent), with nothing written. */
export async function previewNoShow(
  ctx: AppContext,
  organizationId: string,
  interviewId: string,
  input: { party: 'candidate' | 'interviewer'; memberId?: string | null },
): Promise<ToldRecipient[]> {
  const now = ctx.clock();
  const interview = await getInterviewOrThrow(ctx.store, organizationId, interviewId);
  let memberId = input.memberId ?? null;
  if (input.party === 'interviewer') {
    if (!memberId && interview.panel.length === 1) memberId = interview.panel[0]!;
    if (!memberId || !interview.panel.includes(memberId)) new FieldErrors().add('memberId', 'Name the panelist who did not show up.').throwIfAny();
  }
  const absent = input.party === 'interviewer' ? { party: 'interviewer' as const, memberId: memberId! } : { party: 'candidate' as const };
  const parties = await loadParties(ctx.store, interview);
  const change = decideClosing(interview, { action: 'no_show', absent }, decisionContext(parties.organization, now));
  return told(ctx, parties, change);
}
