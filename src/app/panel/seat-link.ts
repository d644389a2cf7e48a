import { DomainError } from '../../core/errors.ts';
import { formatInZone } from '../../core/zoned-time.ts';
import type { AppContext } from '../context.ts';
import { hashSecret } from '../secrets.ts';
import { declineSeat } from './decline-seat.ts';
import type { SeatOutcome, SeatView } from './decline-seat.ts';

const NOT_FOUND = 'No such seat link, or it has expired.';

/**
 * The seat a link opens: only its own interview and member, and only while that member still sits on the
 * panel. A wrong, expired or spent token is the same 404 as a missing one.
 */
async function resolve(ctx: AppContext, token: string) {
  const record = await ctx.store.panelTokens.findValid(hashSecret(token), ctx.clock());
  if (!record) throw new DomainError('NOT_FOUND', NOT_FOUND);
  const interview = await ctx.store.interviews.get(record.organizationId, record.interviewId);
  if (!interview || !interview.panel.includes(record.memberId)) throw new DomainError('NOT_FOUND', NOT_FOUND);
  return { record, interview };
}

export async function viewSeat(ctx: AppContext, token: string): Promise<SeatView> {
  const { record, interview } = await resolve(ctx, token);
  const member = (await ctx.store.members.get(record.organizationId, record.memberId))!;
  const candidate = (await ctx.store.candidates.get(record.organizationId, interview.candidateId))!;
  const opening = (await ctx.store.openings.get(record.organizationId, interview.openingId))!;
  const organization = (await ctx.store.organizations.get(record.organizationId))!;
  const now = ctx.clock();
  return {
    interview: {
      id: interview.id,
      title: interview.title,
      status: interview.status,
      start: interview.start,
      end: interview.end,
      startLocal: interview.start ? formatInZone(interview.start, member.timezone) : null,
      candidateName: candidate.name,
      openingTitle: opening.title,
      organizationName: organization.name,
    },
    member: { id: member.id, name: member.name, timezone: member.timezone },
    canDecline: interview.status === 'scheduled' && interview.start !== null && now.getTime() < interview.start.getTime(),
  };
}

/** The panelist declines through their own link: the same use case as the employer's, for that seat only. */
export async function declineSeatByLink(ctx: AppContext, token: string, input: { reason?: string | null }): Promise<SeatOutcome> {
  const { record } = await resolve(ctx, token);
  return declineSeat(ctx, record.organizationId, record.interviewId, record.memberId, input);
}
