import type { AppContext } from '../context.ts';
import { buildCalendarFor } from '../notifications/calendar.ts';
import { getInterviewOrThrow, loadParties } from './parties.ts';

/**
 * The interview's current calendar object, to import: the event while it has a time, marked cancelled
 * once called off; null when it never had a time.
 */
export async function interviewCalendar(ctx: AppContext, organizationId: string, interviewId: string): Promise<string | null> {
  const interview = await getInterviewOrThrow(ctx.store, organizationId, interviewId);
  if (!interview.start || !interview.end) return null;
  const parties = await loadParties(ctx.store, interview);
  const standing = ['scheduled', 'completed', 'no_show', 'ended_early'].includes(interview.status);
  // A stored object to import carries no METHOD (RFC 4791 §4.1): it is not an invitation.
  return buildCalendarFor(parties, null, { start: interview.start, end: interview.end, sequence: interview.sequence }, ctx.config, interview.updatedAt, {}, {
    candidate: interview.candidatePartstat,
    cancelled: !standing,
  });
}
