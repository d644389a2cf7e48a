import { candidateHoursFor, fitsHours } from '../../core/candidate-hours.ts';
import { isDomainError } from '../../core/errors.ts';
import type { EventAttendee } from '../../core/inbound/reply-terms.ts';
import { RESCHEDULE_REQUEST_KIND, renderRescheduleRequest } from '../../core/messages/render-reschedule-request.ts';
import type { Availability, PanelAvailability } from '../../core/messages/render-reschedule-request.ts';
import { declinedSeats } from '../../core/panel/index.ts';
import type { TimeRange } from '../../core/types.ts';
import type { Store } from '../../store/index.ts';
import type { AppContext } from '../context.ts';
import type { InterviewParties } from '../interviews/parties.ts';
import { enqueueEmail } from '../notifications/enqueue-email.ts';
import { recipientsOf } from '../notifications/notify-interview.ts';
import { assertPanelFree } from '../slots.ts';

/** A panelist at the proposed time, checked as a booking checks: working hours, busy times, other interviews. */
async function memberAvailability(store: Store, parties: InterviewParties, memberId: string, range: TimeRange): Promise<Availability> {
  try {
    await assertPanelFree(store, parties.organization.id, { memberIds: [memberId], range, excludeInterviewId: parties.interview.id });
    return 'free';
  } catch (error) {
    if (isDomainError(error, 'SLOT_TAKEN')) return 'busy';
    if (isDomainError(error, 'OUTSIDE_AVAILABILITY')) return 'outside_hours';
    throw error;
  }
}

/** The candidate at the proposed time: inside their reasonable hours and clear of their other interviews. */
async function candidateAvailability(store: Store, parties: InterviewParties, range: TimeRange): Promise<Availability> {
  const { candidate, organization, interview } = parties;
  if (!fitsHours(range, candidateHoursFor(candidate, organization), candidate.timezone)) return 'outside_hours';
  const busy = await store.interviews.candidateBusy(organization.id, candidate.id, range.start, range.end, interview.id);
  return busy.some((b) => b.start.getTime() < range.end.getTime() && range.start.getTime() < b.end.getTime()) ? 'busy' : 'free';
}

/**
 * A proposed new time (an iTIP COUNTER) becomes a request to the recruiting team, in the caller's
 * transaction: an email in the coordinator's zone with the time and who is free then, and a history line
 * `reschedule_requested`. Nothing is moved.
 */
export async function requestReschedule(
  ctx: AppContext,
  store: Store,
  parties: InterviewParties,
  input: { proposer: EventAttendee; proposed: TimeRange; comment: string | null; replyId: string | null },
): Promise<void> {
  const { interview, organization, opening, candidate } = parties;
  // A panelist who declined their seat is not counted as attending, whatever their calendar says of the new time.
  const declined = declinedSeats(await store.interviews.history(organization.id, interview.id), interview.panel, interview.start);
  const panel: Array<{ id: string; name: string; availability: PanelAvailability }> = [];
  for (const member of parties.panel) {
    panel.push({ id: member.id, name: member.name, availability: declined.has(member.id) ? 'declined_seat' : await memberAvailability(store, parties, member.id, input.proposed) });
  }
  const candidateFree = await candidateAvailability(store, parties, input.proposed);
  const coordinator = recipientsOf(parties, ctx).coordinator;
  let messageId: string | null = null;
  if (coordinator) {
    const rendered = renderRescheduleRequest(
      {
        organizationName: organization.name,
        openingTitle: opening.title,
        interviewTitle: interview.title,
        candidateName: candidate.name,
        proposer: { name: input.proposer.name, role: input.proposer.role },
        current: { start: interview.start!, end: interview.end! },
        proposed: input.proposed,
        comment: input.comment,
        panel,
        candidate: candidateFree,
      },
      { timezone: coordinator.timezone },
    );
    messageId = await enqueueEmail(
      store,
      { organizationId: organization.id, organizationName: organization.name, interviewId: interview.id, config: ctx.config, secrets: ctx.secrets, at: ctx.clock() },
      {
        kind: RESCHEDULE_REQUEST_KIND,
        to: { name: coordinator.name, address: coordinator.address },
        replyTo: { name: input.proposer.name, address: input.proposer.email },
        subject: rendered.subject,
        text: rendered.text,
      },
    );
  }
  await store.interviews.appendHistory(organization.id, interview.id, {
    at: ctx.clock(),
    actor: input.proposer.role === 'candidate' ? 'candidate' : 'employer',
    action: 'reschedule_requested',
    messageId,
    details: {
      via: 'calendar',
      by: { role: input.proposer.role, memberId: input.proposer.memberId, email: input.proposer.email },
      proposedStart: input.proposed.start.toISOString(),
      proposedEnd: input.proposed.end.toISOString(),
      panel: panel.map((m) => ({ memberId: m.id, availability: m.availability })),
      candidate: candidateFree,
      ...(input.replyId ? { replyMessageId: input.replyId } : {}),
    },
  });
}
