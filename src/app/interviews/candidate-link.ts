import { candidateHoursFor } from '../../core/candidate-hours.ts';
import { candidateVocabulary, describeNoticeScale, findClockChanges, interviewFormat } from '../../core/candidate-view/index.ts';
import type { CandidateVocabulary, InterviewFormat, NoticeScale, ZoneTransition } from '../../core/candidate-view/index.ts';
import { candidateActions } from '../../core/decisions/candidate-actions.ts';
import { canExcuseNoShow } from '../../core/decisions/decide-attendance.ts';
import type { CandidateAction } from '../../core/decisions/candidate-actions.ts';
import { noticeOf } from '../../core/decisions/decide.ts';
import { DomainError } from '../../core/errors.ts';
import type { NoticeDecision } from '../../core/notice-policy.ts';
import type { Interview, NoticeClass, TimeRange, WorkingHours } from '../../core/types.ts';
import { formatInZone } from '../../core/zoned-time.ts';
import { formatWhen } from '../../core/format-time.ts';
import { composeMessage } from '../../core/etiquette/index.ts';
import type { CandidateTokenRecord, Store } from '../../store/index.ts';
import type { AppContext } from '../context.ts';
import { hashSecret } from '../secrets.ts';
import { CANDIDATE_TOKEN_PREFIX } from './candidate-token.ts';
import { decisionContext } from './decision-context.ts';
import { acceptableOffers, findOffers } from './offers.ts';
import { loadParties } from './parties.ts';
import type { InterviewParties } from './parties.ts';

export type { CandidateAction } from '../../core/decisions/candidate-actions.ts';

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
    /** How it takes place, from the link and the place (see `interviewFormat`). */
    format: InterviewFormat;
    /** Who interviews: names only, as the calendar invitation already shows them. */
    panel: Array<{ name: string }>;
    organization: { name: string; contactPhone: string | null; contactEmail: string | null };
    opening: { title: string };
  };
  notice: NoticeDecision | null;
  /** The organization's notice policy as the bands of a meter, each with what it means. */
  noticeScale: NoticeScale;
  /** Clock changes in the candidate's zone (and the organization's, when another) between now and the start. */
  clockChanges: ZoneTransition[];
  /** The reasons and concern categories the candidate may choose, with their labels. */
  vocabulary: CandidateVocabulary;
  /**
   * At short notice, with a number to call: call before writing. The number (E.164, as stored) and what
   * to say; the script states no reason, as none is chosen yet (the composer adds the chosen one).
   */
  callFirst?: { phone: string; tel: string; script: string[] };
  actions: CandidateAction[];
  offeredSlots?: Array<{ start: string; end: string; startLocal: string }>;
  /** The hours the candidate can be offered interviews in, in their zone; `stated` when they gave them. */
  reasonableHours: { hours: WorkingHours; stated: boolean };
  /** After the start: how to apologise and what is still possible. */
  apologyPath?: { text: string; phone: string | null };
}

const NOT_FOUND = 'This link is not valid. It may have expired; contact the recruiter who sent it.';

/**
 * Resolves a candidate link to its interview, with the version of the interview's row as read (for a
 * change written in one statement, see `writeChange`). A wrong, expired or malformed token gets the same answer
 * as a missing one, so a guess learns nothing.
 */
export async function resolveCandidateLink(
  ctx: AppContext,
  store: Store,
  token: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ record: CandidateTokenRecord; interview: Interview; version: string }> {
  if (!token.startsWith(`${CANDIDATE_TOKEN_PREFIX}_`) || token.length > 200) throw new DomainError('NOT_FOUND', NOT_FOUND);
  // The link and its interview in one statement.
  const found = await store.interviews.getByCandidateToken(hashSecret(token), ctx.clock(), options);
  if (!found) throw new DomainError('NOT_FOUND', NOT_FOUND);
  return found;
}

function slotJson(slot: TimeRange, timeZone: string) {
  return { start: slot.start.toISOString(), end: slot.end.toISOString(), startLocal: formatInZone(slot.start, timeZone) };
}

/** The candidate's view: what the interview is, the notice a change would give now, what they can do. */
export function buildCandidateView(parties: InterviewParties, now: Date, stillOffered: TimeRange[], options: { noShowExcusable?: boolean } = {}): CandidateView {
  const { interview, candidate, organization, opening } = parties;
  // Notice is about a change the candidate could still make: none once the interview is over.
  const open = interview.status === 'invited' || interview.status === 'scheduled';
  const notice = open ? noticeOf(interview.start, decisionContext(organization, now)) : null;
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
      format: interviewFormat(interview),
      panel: parties.panel.map((member) => ({ name: member.name })),
      organization: { name: organization.name, contactPhone: organization.contactPhone, contactEmail: organization.contactEmail },
      opening: { title: opening.title },
    },
    notice,
    noticeScale: describeNoticeScale(organization.noticePolicy, organization.contactPhone),
    clockChanges:
      open && interview.start && interview.start.getTime() > now.getTime()
        ? findClockChanges({ zones: [candidate.timezone, organization.timezone], from: now, to: interview.start })
        : [],
    vocabulary: candidateVocabulary(),
    // With no offered time left to accept (taken, or now too close for the candidate's own pick), the
    // invitation offers moving to another time or asking for others, not a pick from an empty list.
    actions: candidateActions(interview, now, options).filter((action) => action !== 'accept' || interview.status !== 'invited' || stillOffered.length > 0),
    reasonableHours: { hours: candidateHoursFor(candidate, organization), stated: candidate.reasonableHours !== null },
  };
  const script = interview.status === 'scheduled' && interview.start ? candidatePhoneScript(parties, notice?.class ?? null, now, interview.start, null) : undefined;
  if (script && organization.contactPhone) view.callFirst = { phone: organization.contactPhone, tel: `tel:${organization.contactPhone}`, script };
  if (interview.status === 'invited') view.offeredSlots = stillOffered.map((slot) => slotJson(slot, candidate.timezone));
  if (notice?.class === 'missed' && interview.status === 'scheduled') {
    view.apologyPath = {
      text: organization.contactPhone
        ? 'The interview has started. If an emergency kept you away, cancel with that reason and apologise; call the coordinator first if you can. Otherwise, a short, honest apology still helps.'
        : 'The interview has started. If an emergency kept you away, cancel with that reason and apologise. Otherwise, a short, honest apology still helps.',
      phone: organization.contactPhone,
    };
  }
  return view;
}

/**
 * What to say on the phone before a late or missed change, when there is a number to call: the
 * composer's script for a cancellation, with the reason only when one was given.
 */
export function candidatePhoneScript(parties: InterviewParties, notice: NoticeClass | null, at: Date, start: Date, reason: string | null): string[] | undefined {
  if ((notice !== 'late' && notice !== 'missed') || !parties.organization.contactPhone) return undefined;
  return composeMessage('candidate_cancel', {
    candidateName: parties.candidate.name,
    companyName: parties.organization.name,
    roleTitle: parties.opening.title,
    interviewStart: start,
    now: at,
    timezone: parties.candidate.timezone,
    ...(reason ? { reason } : {}),
    coordinatorPhone: parties.organization.contactPhone,
    noticePolicy: parties.organization.noticePolicy,
  }).phoneScript;
}

/** The view of an interview as it is now in the store, with its offers checked against the calendars. */
/** `parties`: when the caller has them for this interview as it now is, they are not read again. */
export async function loadCandidateView(store: Store, interview: Interview, now: Date, known?: InterviewParties): Promise<CandidateView> {
  const parties = known?.interview === interview ? known : await loadParties(store, interview);
  const offered = interview.status === 'invited' ? await acceptableOffers(store, interview, interview.offeredSlots, now) : [];
  const noShowExcusable = interview.status === 'no_show' && canExcuseNoShow(await store.interviews.history(interview.organizationId, interview.id), now);
  return buildCandidateView(parties, now, offered, { noShowExcusable });
}

export async function viewCandidateLink(ctx: AppContext, token: string): Promise<CandidateView> {
  const { interview } = await resolveCandidateLink(ctx, ctx.store, token);
  return loadCandidateView(ctx.store, interview, ctx.clock());
}

/**
 * Times the whole panel is free within the candidate's reasonable hours, for the reschedule picker; their
 * own current booking does not block them, and no time overlapping their current one is offered. In time order:
 * spread over the two weeks, or with `nearest` the earliest ones (a small move instead of a cancellation).
 */
export async function suggestRescheduleTimes(ctx: AppContext, token: string, count = 8, options: { nearest?: boolean } = {}): Promise<Array<{ start: string; startLocal: string; label: string }>> {
  const { interview } = await resolveCandidateLink(ctx, ctx.store, token);
  if (interview.status !== 'scheduled' && interview.status !== 'invited') return [];
  const organization = (await ctx.store.organizations.get(interview.organizationId))!;
  const candidate = (await ctx.store.candidates.get(interview.organizationId, interview.candidateId))!;
  // A move goes somewhere else: nothing overlapping the interview's own time is offered, which its own
  // booking (ignored so it does not block every other time) would otherwise let through.
  const offers = await findOffers(ctx.store, {
    organization,
    candidate,
    panel: interview.panel,
    durationMinutes: interview.durationMinutes,
    now: ctx.clock(),
    count,
    excludeInterviewId: interview.id,
    avoid: interview.start && interview.end ? { start: interview.start, end: interview.end } : null,
    ...(options.nearest ? { nearest: true } : {}),
  });
  return offers
    .map((slot) => ({ start: slot.start.toISOString(), startLocal: formatInZone(slot.start, candidate.timezone), label: formatWhen(slot.start, candidate.timezone) }));
}
