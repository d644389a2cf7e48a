import type { HistoryEntry, Interview } from '../../core/types.ts';
import type { InterviewFilter, OutboxMessage } from '../../store/index.ts';
import type { AppContext } from '../context.ts';
import { buildCalendarFor } from '../notifications/calendar.ts';
import { getInterviewOrThrow, loadParties } from './parties.ts';

export async function getInterviewWithHistory(
  ctx: AppContext,
  organizationId: string,
  interviewId: string,
): Promise<{ interview: Interview; history: HistoryEntry[] }> {
  const interview = await getInterviewOrThrow(ctx.store, organizationId, interviewId);
  const history = await ctx.store.interviews.history(organizationId, interviewId);
  return { interview, history };
}

export function listInterviews(ctx: AppContext, organizationId: string, filter: InterviewFilter): Promise<Interview[]> {
  return ctx.store.interviews.list(organizationId, filter);
}

/** The interview's current calendar object: a REQUEST while it stands, a CANCEL once called off. */
export async function interviewCalendar(ctx: AppContext, organizationId: string, interviewId: string): Promise<string | null> {
  const interview = await getInterviewOrThrow(ctx.store, organizationId, interviewId);
  const parties = await loadParties(ctx.store, interview);
  const method = interview.status === 'cancelled' || interview.status === 'declined' ? 'CANCEL' : 'REQUEST';
  return buildCalendarFor(parties, method, ctx.config, interview.updatedAt);
}

export function listMessages(
  ctx: AppContext,
  organizationId: string,
  filter: { interviewId?: string; to?: string; kind?: string },
): Promise<OutboxMessage[]> {
  return ctx.store.outbox.list(organizationId, filter);
}
