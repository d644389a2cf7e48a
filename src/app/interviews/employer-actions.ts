import { newId } from '../../store/ids.ts';
import { decideBooking, decideCancellation, decideClosing, decideInvitation } from '../../core/decisions/decide.ts';
import type { ClosingInput } from '../../core/decisions/decide.ts';
import { hadEvent } from '../../core/decisions/interview-change.ts';
import type { InterviewChange } from '../../core/decisions/interview-change.ts';
import { withinCandidateHours } from '../../core/candidate-hours.ts';
import { DomainError } from '../../core/errors.ts';
import { endsOpening } from '../../core/reasons.ts';
import type { Interview, TimeRange } from '../../core/types.ts';
import type { Store } from '../../store/index.ts';
import type { AppContext } from '../context.ts';
import { cancelReminders, notifyChange } from '../notifications/notify-interview.ts';
import { FieldErrors } from '../validation.ts';
import { applyChange, assertNewTimeFree, changedInterview } from './booking.ts';
import { refuseUnlessOpen } from './candidate-actions.ts';
import { candidateLinkUrl, issueCandidateToken, newCandidateLink } from './candidate-token.ts';
import { decisionContext, givenReason } from './decision-context.ts';
import { findOffers } from './offers.ts';
import { getInterviewOrThrow, knownParties, loadMoveParties, loadParties } from './parties.ts';
import type { InterviewParties } from './parties.ts';
import { historyLineOf, recordChange } from './record.ts';
import { writeChange } from './write-change.ts';

/**
 * Employer cancels: the candidate gets an apology; whoever holds a calendar event gets a CANCEL. An
 * invitation with no time is taken back, and nobody is told of an event that never existed.
 */
export async function cancelInterviewByEmployer(
  ctx: AppContext,
  organizationId: string,
  interviewId: string,
  input: { reason?: string | null; note?: string | null; message?: string | null },
): Promise<Interview> {
  return ctx.store.transaction(async (store) => (await cancelByEmployerIn(ctx, store, organizationId, interviewId, input)).interview);
}

/**
 * The cancellation's work inside the caller's transaction, returning the change it announced (with the new
 * times offered, if any) and its parties: the preview runs exactly this and rolls it back.
 */
export async function cancelByEmployerIn(
  ctx: AppContext,
  store: Store,
  organizationId: string,
  interviewId: string,
  input: { reason?: string | null; note?: string | null; message?: string | null },
): Promise<{ interview: Interview; change: InterviewChange; parties: InterviewParties }> {
  const now = ctx.clock();
  const current = await getInterviewOrThrow(store, organizationId, interviewId, { forUpdate: true });
  const organization = (await store.organizations.get(organizationId))!;
  const change = decideCancellation(current, { by: 'employer', reason: givenReason(input.reason), words: input.message ?? null }, decisionContext(organization, now));
  const interview = await applyChange(ctx, store, current, change);
  const parties = await loadParties(store, interview);
  await cancelReminders(store, parties, now);
  let link: string | null = null;
  if (owesNewTimes(change)) {
    const again = await inviteAgain(ctx, store, interview, 'employer_cancellation', now);
    if (again) {
      change.offered = again.offered;
      link = again.link;
    }
  }
  const messageIds = await notifyChange(ctx, store, parties, change, { link });
  await recordChange(store, interview, change, { privateNote: input.note ?? null, messageIds });
  return { interview, change, parties };
}

/**
 * Employer sets or moves the time: same id and uid, sequence raised when calendars saw the old one; the
 * candidate is told it is done, with an apology and a way to move it again. Moving to the same time is a
 * no-op.
 */
export async function rescheduleInterviewByEmployer(
  ctx: AppContext,
  organizationId: string,
  interviewId: string,
  input: { start: Date; reason?: string | null },
): Promise<{ interview: Interview; withinCandidateHours: boolean }> {
  // Decided on the interview as read, without a lock, and written in one statement (see `writeChange`).
  return ctx.store.inOneStatement(async (store) => {
    const now = ctx.clock();
    const current = await store.interviews.getForChange(organizationId, interviewId);
    if (!current) throw new DomainError('NOT_FOUND', 'No such interview.');
    const { interview } = current;
    const read = await loadMoveParties(store, interview, input.start);
    const change = decideBooking(interview, { by: 'employer', start: input.start, reason: givenReason(input.reason) }, decisionContext(read.organization, now));
    // Moved either way: the answer says whether the candidate can reasonably be asked to come then.
    const within = (moved: Interview) => ({
      interview: moved,
      withinCandidateHours: read.candidate ? withinCandidateHours({ start: moved.start!, end: moved.end! }, read.candidate, read.organization) : true,
    });
    if (!change) return within(interview);
    refuseUnlessOpen(read.opening);
    await assertNewTimeFree(store, interview, change, { panel: read.panel, ...(read.panelBusy ? { busy: read.panelBusy } : {}) });
    const parties = await loadParties(store, changedInterview(interview, change), knownParties(read));
    // Links are stored hashed and cannot be shown again: the candidate's messages carry a fresh one.
    const { token, stored } = newCandidateLink(ctx, parties.interview);
    const messageIds = await notifyChange(ctx, store, parties, change, { link: candidateLinkUrl(ctx, token) });
    const line = historyLineOf(change, { messageIds, details: { from: interview.start?.toISOString() ?? null, to: parties.interview.start?.toISOString() } });
    return within(await writeChange(ctx, store, current, change, { parties, line, candidateLink: stored, dropReminders: true }));
  });
}

/** The employer owes an apology and new times for an interview it calls off, unless the opening itself is over. */
function owesNewTimes(change: InterviewChange): boolean {
  return hadEvent(change) && !endsOpening(change.reason);
}

/** The times a fresh invitation after a closed interview offers (none when nothing suits the panel and the candidate). */
async function timesToOfferAgain(store: Store, closed: Interview, now: Date): Promise<TimeRange[]> {
  const organization = (await store.organizations.get(closed.organizationId))!;
  const candidate = (await store.candidates.get(closed.organizationId, closed.candidateId))!;
  return findOffers(store, { organization, candidate, panel: closed.panel, durationMinutes: closed.durationMinutes, now, count: 5 });
}

/** Why the employer owes the candidate new times: it called the interview off, or a panelist failed to come. */
type InvitedAgainAfter = 'employer_cancellation' | 'interviewer_no_show';

/**
 * The candidate is owed new times: a fresh invitation for the same interview, with times the panel is
 * free within the candidate's hours. Its history line names the interview it follows and why (`after`).
 * Null when no time fits.
 */
async function inviteAgain(ctx: AppContext, store: Store, closed: Interview, after: InvitedAgainAfter, now: Date): Promise<{ offered: TimeRange[]; link: string } | null> {
  const organization = (await store.organizations.get(closed.organizationId))!;
  const offered = await timesToOfferAgain(store, closed, now);
  if (offered.length === 0) return null;
  const invitation = await store.interviews.create(
    closed.organizationId,
    {
      openingId: closed.openingId,
      candidateId: closed.candidateId,
      title: closed.title,
      durationMinutes: closed.durationMinutes,
      panel: closed.panel,
      status: 'invited',
      start: null,
      end: null,
      uid: `${newId()}@${ctx.config.mailDomain}`,
      location: closed.location,
      videoUrl: closed.videoUrl,
      offeredSlots: offered,
    },
    now,
  );
  const link = candidateLinkUrl(ctx, await issueCandidateToken(ctx, store, invitation));
  // The apology on the missed interview carries these times; this line records where they came from.
  await recordChange(store, invitation, decideInvitation(invitation, offered, decisionContext(organization, now)), {
    details: { follows: closed.id, after, offeredSlots: offered.map((s) => s.start.toISOString()) },
  });
  return { offered, link };
}

async function closeInterview(
  ctx: AppContext,
  organizationId: string,
  interviewId: string,
  input: ClosingInput,
  entry: { privateNote?: string | null; details?: Record<string, unknown>; reason?: string | null } = {},
  observe?: (announced: { change: InterviewChange; parties: InterviewParties }) => void,
): Promise<Interview> {
  const now = ctx.clock();
  return ctx.store.transaction(async (store) => {
    const current = await getInterviewOrThrow(store, organizationId, interviewId, { forUpdate: true });
    const organization = (await store.organizations.get(organizationId))!;
    const change = decideClosing(current, input, decisionContext(organization, now));
    // The time was used (or wasted); bookings stay as the record of it, only the status changes.
    const interview = await applyChange(ctx, store, current, change);
    const parties = await loadParties(store, interview);
    await cancelReminders(store, parties, now);
    let link: string | null = null;
    if (change.absent?.party === 'interviewer') {
      const again = await inviteAgain(ctx, store, interview, 'interviewer_no_show', now);
      if (again) {
        change.offered = again.offered;
        link = again.link;
      }
    }
    const messageIds = await notifyChange(ctx, store, parties, change, { link });
    await recordChange(store, interview, change, { ...entry, messageIds });
    observe?.({ change, parties });
    return interview;
  });
}

export function completeInterview(ctx: AppContext, organizationId: string, interviewId: string): Promise<Interview> {
  return closeInterview(ctx, organizationId, interviewId, { action: 'complete' });
}

/**
 * Either party can fail to show up; the employer's own no-shows count in its accountability too. A
 * candidate who did not come gets a kind follow-up; when a panelist did not come, the candidate gets an
 * apology and new times.
 */
export async function markNoShow(
  ctx: AppContext,
  organizationId: string,
  interviewId: string,
  input: { party: 'candidate' | 'interviewer'; memberId?: string | null },
  /** Shown the change as announced (with any new times) and its parties: for the preview's rehearsal. */
  observe?: (announced: { change: InterviewChange; parties: InterviewParties }) => void,
): Promise<Interview> {
  let memberId = input.memberId ?? null;
  if (input.party === 'interviewer') {
    const interview = await getInterviewOrThrow(ctx.store, organizationId, interviewId);
    // With one panelist there is nobody else it could be.
    if (!memberId && interview.panel.length === 1) memberId = interview.panel[0]!;
    if (!memberId || !interview.panel.includes(memberId)) {
      new FieldErrors().add('memberId', 'Name the panelist who did not show up.').throwIfAny();
    }
  }
  const absent = input.party === 'interviewer' ? { party: 'interviewer' as const, memberId: memberId! } : { party: 'candidate' as const };
  return closeInterview(ctx, organizationId, interviewId, { action: 'no_show', absent }, { details: { party: input.party, ...(memberId ? { memberId } : {}) } }, observe);
}

/** Ending early is legitimate (inappropriate questions, disrespect): recorded with who ended it and why. */
export function endInterviewEarly(
  ctx: AppContext,
  organizationId: string,
  interviewId: string,
  input: { by: 'candidate' | 'interviewer'; reason: string; note?: string | null },
): Promise<Interview> {
  return closeInterview(
    ctx,
    organizationId,
    interviewId,
    { action: 'end_early', reason: input.reason },
    { reason: input.reason, privateNote: input.note ?? null, details: { by: input.by } },
  );
}
