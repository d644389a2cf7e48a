import { DomainError } from '../../core/errors.ts';
import { classifyNotice } from '../../core/notice-policy.ts';
import type { NoticeDecision } from '../../core/notice-policy.ts';
import type { Interview, TimeRange } from '../../core/types.ts';
import { formatInZone } from '../../core/zoned-time.ts';
import type { CandidateTokenRecord, Store } from '../../store/index.ts';
import type { AppContext } from '../context.ts';
import { hashSecret } from '../secrets.ts';
import { findFreePanelSlots, pickSpreadSlots } from '../slots.ts';
import { CANDIDATE_TOKEN_PREFIX } from './candidate-token.ts';
import { loadParties } from './parties.ts';
import type { InterviewParties } from './parties.ts';

export type CandidateAction = 'accept' | 'reschedule' | 'cancel' | 'decline' | 'withdraw' | 'concern';

export interface CandidateView {
  interview: {
    id: string;
    status: Interview['status'];
    title: string;
    start: string | null;
    end: string | null;
    durationMinutes: number;
    candidateTimezone: string;
    startLocal: string | null;
    organizationTimezone: string;
    startOrganizationLocal: string | null;
    location: string | null;
    videoUrl: string | null;
    organization: { name: string; contactPhone: string | null; contactEmail: string | null };
    opening: { title: string };
  };
  notice: NoticeDecision | null;
  actions: CandidateAction[];
  offeredSlots?: Array<{ start: string; end: string; startLocal: string }>;
  /** After the start: how to apologise and what is still possible. */
  apologyPath?: { text: string; phone: string | null };
}

const NOT_FOUND = 'This link is not valid. It may have expired; contact the recruiter who sent it.';

/**
 * Resolves a candidate link to its interview. A wrong, expired or malformed token gets the same answer
 * as a missing one, so a guess learns nothing.
 */
export async function resolveCandidateLink(
  ctx: AppContext,
  store: Store,
  token: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ record: CandidateTokenRecord; interview: Interview }> {
  if (!token.startsWith(`${CANDIDATE_TOKEN_PREFIX}_`) || token.length > 200) throw new DomainError('NOT_FOUND', NOT_FOUND);
  const record = await store.candidateTokens.findValid(hashSecret(token), ctx.clock());
  if (!record) throw new DomainError('NOT_FOUND', NOT_FOUND);
  const interview = await store.interviews.get(record.organizationId, record.interviewId, options);
  if (!interview) throw new DomainError('NOT_FOUND', NOT_FOUND);
  return { record, interview };
}

export function candidateActions(interview: Interview, now: Date): CandidateAction[] {
  const started = interview.start !== null && now.getTime() >= interview.start.getTime();
  switch (interview.status) {
    case 'invited':
      return ['accept', 'reschedule', 'decline', 'withdraw', 'concern'];
    case 'scheduled':
      return started ? ['cancel', 'concern'] : ['reschedule', 'cancel', 'withdraw', 'concern'];
    default:
      return ['concern'];
  }
}

function slotJson(slot: TimeRange, timeZone: string) {
  return { start: slot.start.toISOString(), end: slot.end.toISOString(), startLocal: formatInZone(slot.start, timeZone) };
}

export function buildCandidateView(parties: InterviewParties, now: Date): CandidateView {
  const { interview, candidate, organization, opening } = parties;
  const notice = interview.start
    ? classifyNotice({ at: now, start: interview.start, policy: organization.noticePolicy, contactPhone: organization.contactPhone })
    : null;
  const view: CandidateView = {
    interview: {
      id: interview.id,
      status: interview.status,
      title: interview.title,
      start: interview.start?.toISOString() ?? null,
      end: interview.end?.toISOString() ?? null,
      durationMinutes: interview.durationMinutes,
      candidateTimezone: candidate.timezone,
      startLocal: interview.start ? formatInZone(interview.start, candidate.timezone) : null,
      organizationTimezone: organization.timezone,
      startOrganizationLocal: interview.start ? formatInZone(interview.start, organization.timezone) : null,
      location: interview.location,
      videoUrl: interview.videoUrl,
      organization: { name: organization.name, contactPhone: organization.contactPhone, contactEmail: organization.contactEmail },
      opening: { title: opening.title },
    },
    notice,
    actions: candidateActions(interview, now),
  };
  if (interview.status === 'invited') {
    view.offeredSlots = interview.offeredSlots
      .filter((slot) => slot.start.getTime() > now.getTime())
      .map((slot) => slotJson(slot, candidate.timezone));
  }
  if (notice?.class === 'missed' && interview.status === 'scheduled') {
    view.apologyPath = {
      text:
        'The interview has started. If an emergency kept you away, cancel with that reason and apologise; ' +
        'call the coordinator first if you can. Otherwise, a short, honest apology still helps.',
      phone: organization.contactPhone,
    };
  }
  return view;
}

export async function viewCandidateLink(ctx: AppContext, token: string): Promise<CandidateView> {
  const { interview } = await resolveCandidateLink(ctx, ctx.store, token);
  return buildCandidateView(await loadParties(ctx.store, interview), ctx.clock());
}

/**
 * Times the whole panel is free in the next two weeks, offered when a candidate wants to move their
 * interview; their own current booking does not block them.
 */
export async function suggestRescheduleTimes(ctx: AppContext, token: string, count = 8): Promise<Array<{ start: string; startLocal: string }>> {
  const { interview } = await resolveCandidateLink(ctx, ctx.store, token);
  if (interview.status !== 'scheduled' && interview.status !== 'invited') return [];
  const candidate = await ctx.store.candidates.get(interview.organizationId, interview.candidateId);
  const now = ctx.clock();
  const from = new Date(Math.ceil((now.getTime() + 12 * 3_600_000) / 1_800_000) * 1_800_000);
  const slots = await findFreePanelSlots(ctx.store, interview.organizationId, {
    memberIds: interview.panel,
    durationMinutes: interview.durationMinutes,
    from,
    to: new Date(from.getTime() + 14 * 86_400_000),
    excludeInterviewId: interview.id,
  });
  return pickSpreadSlots(
    slots.filter((slot) => slot.start !== interview.start?.getTime()),
    count,
  ).map((slot) => ({ start: new Date(slot.start).toISOString(), startLocal: formatInZone(new Date(slot.start), candidate?.timezone ?? 'UTC') }));
}
