import { sameAddress } from '../../core/inbound/reply-terms.ts';
import type { AttendeeRole, Partstat } from '../../core/inbound/reply-terms.ts';
import { declinedSeats } from '../../core/panel/index.ts';
import type { AppContext } from '../context.ts';
import { getInterviewOrThrow, loadParties } from '../interviews/parties.ts';

export interface AttendeeView {
  email: string;
  name: string;
  role: AttendeeRole;
  memberId: string | null;
  partstat: Partstat;
  repliedAt: Date | null;
}

/**
 * Who the interview invites and what each answered from their calendar. An answer counts only for the
 * time it answered: after a move everyone is asked again (needs-action). A booked candidate stands as the
 * interview keeps it (accepted when they chose the time themselves, else still asked) until their calendar
 * answers this time. A panelist whose seat is declined
 * for this time, by any path (calendar, their link, the API), is declined, since when they declined.
 */
export async function listAttendees(ctx: AppContext, organizationId: string, interviewId: string): Promise<AttendeeView[]> {
  const interview = await getInterviewOrThrow(ctx.store, organizationId, interviewId);
  const parties = await loadParties(ctx.store, interview);
  const answers = (await ctx.store.inboundReplies.answers(organizationId, interviewId)).filter(
    (a) => interview.start !== null && a.forStart.getTime() === interview.start.getTime(),
  );
  const answerOf = (email: string) => answers.find((a) => sameAddress(a.email, email)) ?? null;
  const declined = declinedSeats(await ctx.store.interviews.history(organizationId, interviewId), interview.panel, interview.start);
  const candidateAnswer = answerOf(parties.candidate.email);
  const booked = interview.status === 'scheduled' || interview.status === 'completed';
  return [
    {
      email: parties.candidate.email,
      name: parties.candidate.name,
      role: 'candidate' as const,
      memberId: null,
      partstat: candidateAnswer?.partstat ?? (booked ? interview.candidatePartstat : 'needs-action'),
      repliedAt: candidateAnswer?.repliedAt ?? null,
    },
    ...parties.panel.map((member) => {
      const answer = answerOf(member.email);
      const seat = declined.get(member.id);
      // The seat decline stands until they are replaced or the interview moves, whatever their calendar says after it.
      if (seat) return { email: member.email, name: member.name, role: 'panelist' as const, memberId: member.id, partstat: 'declined' as const, repliedAt: seat.at };
      return { email: member.email, name: member.name, role: 'panelist' as const, memberId: member.id, partstat: answer?.partstat ?? ('needs-action' as const), repliedAt: answer?.repliedAt ?? null };
    }),
  ];
}
