import { decideLateness, decideNoShowExcuse } from '../../core/decisions/decide-attendance.ts';
import type { ReasonCode } from '../../core/reasons.ts';
import type { Interview } from '../../core/types.ts';
import type { AppContext } from '../context.ts';
import { loadCandidateView, resolveCandidateLink } from './candidate-link.ts';
import type { CandidateView } from './candidate-link.ts';
import { getInterviewOrThrow } from './parties.ts';

/**
 * Records that the candidate or a panelist was late, as a history line analytics count for either side
 * alike. Nothing is sent: lateness is the organization's record, not news for anyone.
 */
export async function markLate(
  ctx: AppContext,
  organizationId: string,
  interviewId: string,
  input: { party: 'candidate' | 'interviewer'; memberId?: string | null; minutes: number },
): Promise<Interview> {
  const now = ctx.clock();
  return ctx.store.transaction(async (store) => {
    const interview = await getInterviewOrThrow(store, organizationId, interviewId, { forUpdate: true });
    const mark = decideLateness(interview, input, now);
    await store.interviews.appendHistory(organizationId, interview.id, {
      at: mark.at,
      actor: 'employer',
      action: 'late',
      noticeHours: null,
      noticeClass: null,
      reason: null,
      privateNote: null,
      messageId: null,
      details: { party: mark.party, ...(mark.memberId ? { memberId: mark.memberId } : {}), minutes: mark.minutes },
    });
    return interview;
  });
}

/**
 * A candidate marked absent says an emergency kept them away (through their link, within 48 hours): the
 * no-show stays on record, now as an emergency; a private note stays private.
 */
export async function excuseNoShow(ctx: AppContext, token: string, input: { reason: ReasonCode; note?: string | null }): Promise<CandidateView> {
  const now = ctx.clock();
  return ctx.store.transaction(async (store) => {
    const { interview } = await resolveCandidateLink(ctx, store, token, { forUpdate: true });
    const history = await store.interviews.history(interview.organizationId, interview.id);
    const excuse = decideNoShowExcuse(interview, history, input.reason, now);
    await store.interviews.appendHistory(interview.organizationId, interview.id, {
      at: excuse.at,
      actor: 'candidate',
      action: 'no_show_excused',
      noticeHours: null,
      noticeClass: null,
      reason: excuse.reason,
      privateNote: input.note ?? null,
      messageId: null,
      details: null,
    });
    return loadCandidateView(store, interview, now);
  });
}
