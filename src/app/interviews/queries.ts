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

/**
 * The interview's current calendar object, to import: the event while it has a time, marked cancelled
 * once called off; null when it never had a time.
 */
export async function interviewCalendar(ctx: AppContext, organizationId: string, interviewId: string): Promise<string | null> {
  const interview = await getInterviewOrThrow(ctx.store, organizationId, interviewId);
  if (!interview.start || !interview.end) return null;
  const parties = await loadParties(ctx.store, interview);
  const method = interview.status === 'scheduled' || interview.status === 'completed' || interview.status === 'no_show' || interview.status === 'ended_early' ? 'REQUEST' : 'CANCEL';
  return buildCalendarFor(parties, method, { start: interview.start, end: interview.end, sequence: interview.sequence }, ctx.config, interview.updatedAt);
}

export function listMessages(
  ctx: AppContext,
  organizationId: string,
  filter: { interviewId?: string; to?: string; kind?: string },
): Promise<OutboxMessage[]> {
  return ctx.store.outbox.list(organizationId, filter);
}
