import type { HistoryEntry, Interview } from '../../core/types.ts';
import type { InterviewFilter, InterviewLabels } from '../../store/index.ts';
import type { AppContext } from '../context.ts';
import { getInterviewOrThrow } from './parties.ts';

/** Where a panelist stands: holding the time, declined and not yet replaced, replaced by a stand-in, or not booked. */
export type SeatStatus = 'booked' | 'declined' | 'replaced' | 'not_booked';

export interface Seat {
  id: string;
  name: string;
  timezone: string;
  status: SeatStatus;
}

export interface LabelledInterview {
  interview: Interview;
  labels: InterviewLabels;
}

/** Actions after which every seat holds the interview's (new) time again. */
const TIME_SET = new Set(['scheduled', 'accepted', 'rescheduled', 'filled_from_waitlist']);

/**
 * Each seat's standing, read from the history: a decline counts until the time is set again; a seat a
 * stand-in took is listed after the panel as replaced. Seats of an interview that holds no time are not booked.
 */
export function seatsOf(interview: Interview, labels: InterviewLabels, history: HistoryEntry[], former: Array<{ id: string; name: string; timezone: string }>): Seat[] {
  const declined = new Set<string>();
  for (const entry of history) {
    if (TIME_SET.has(entry.action)) declined.clear();
    const memberId = entry.details?.memberId;
    if (entry.action === 'panel_declined' && typeof memberId === 'string') declined.add(memberId);
    if (entry.action === 'panel_replaced' && typeof entry.details?.from === 'string') declined.delete(entry.details.from);
  }
  const holding = interview.status === 'scheduled' && interview.start !== null;
  const seats: Seat[] = labels.panel.map((member) => ({
    ...member,
    status: !holding ? 'not_booked' : declined.has(member.id) ? 'declined' : 'booked',
  }));
  const onPanel = new Set(interview.panel);
  for (const member of former) if (!onPanel.has(member.id)) seats.push({ id: member.id, name: member.name, timezone: member.timezone, status: 'replaced' });
  return seats;
}

/** A page of interviews, each with its candidate, opening and panel by name: a week drawn from one request. */
export async function listLabelledInterviews(ctx: AppContext, organizationId: string, filter: InterviewFilter): Promise<LabelledInterview[]> {
  const interviews = await ctx.store.interviews.list(organizationId, filter);
  const labels = await ctx.store.dashboard.labels(organizationId, interviews.map((i) => i.id));
  return interviews.flatMap((interview) => {
    const found = labels.get(interview.id);
    return found ? [{ interview, labels: found }] : [];
  });
}

/** One interview as its page shows it: its history, its people by name, and each panel seat's standing. */
export async function getInterviewPage(
  ctx: AppContext,
  organizationId: string,
  interviewId: string,
): Promise<LabelledInterview & { history: HistoryEntry[]; seats: Seat[] }> {
  const interview = await getInterviewOrThrow(ctx.store, organizationId, interviewId);
  const history = await ctx.store.interviews.history(organizationId, interviewId);
  const labels = (await ctx.store.dashboard.labels(organizationId, [interviewId])).get(interviewId)!;
  const formerIds = history.flatMap((entry) => (entry.action === 'panel_replaced' && typeof entry.details?.from === 'string' ? [entry.details.from] : []));
  const former = formerIds.length === 0 ? [] : await ctx.store.members.getMany(organizationId, formerIds);
  return { interview, history, labels, seats: seatsOf(interview, labels, history, former) };
}
