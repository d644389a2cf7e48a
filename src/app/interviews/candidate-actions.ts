import {
  decideBooking,
  decideCancellation,
  decideConcern,
  decideDecline,
  decideTimesRequest,
  decideWithdrawal,
  noticeOf,
} from '../../core/decisions/decide.ts';
import type { InterviewChange } from '../../core/decisions/interview-change.ts';
import { DomainError, isDomainError } from '../../core/errors.ts';
import { describeDeliveries } from '../../core/candidate-view/index.ts';
import type { DeliverySummary } from '../../core/candidate-view/index.ts';
import type { PlannedEmail } from '../../core/messages/index.ts';
import { noticeGiven } from '../../core/notice-policy.ts';
import type { NoticeDecision } from '../../core/notice-policy.ts';
import type { Interview, Opening, WorkingHours } from '../../core/types.ts';
import type { Store } from '../../store/index.ts';
import type { AppContext } from '../context.ts';
import { announceChange } from '../notifications/announce-change.ts';
import { cancelReminders } from '../notifications/notify-interview.ts';
import { applyChange, assertNewTimeFree, changedInterview } from './booking.ts';
import { candidatePhoneScript, loadCandidateView, resolveCandidateLink } from './candidate-link.ts';
import type { CandidateView } from './candidate-link.ts';
import { candidateLinkUrl, newCandidateLink } from './candidate-token.ts';
import { decisionContext, givenReason } from './decision-context.ts';
import { KeptPartiesAttempt } from './kept-parties-attempt.ts';
import { findOffers } from './offers.ts';
import { keptCheckOf, knownParties, loadMoveParties, loadParties } from './parties.ts';
import type { InterviewParties, MoveParties } from './parties.ts';
import { historyLineOf, recordChange } from './record.ts';
import { writeChange } from './write-change.ts';
import type { ReadInterview } from './write-change.ts';

export interface CandidateActionResult extends CandidateView {
  /** What the action was classified as, at the moment it happened. */
  actionNotice: NoticeDecision | null;
  /** For a late change: what to say on the phone before the written notice. */
  phoneScript?: string[];
  /** For a concern: whether it reached someone (false when the organization has no contact on file). */
  delivered?: boolean;
  /** Who the action's emails went to and what each carries, from the planned emails in the outbox. */
  outcome: DeliverySummary;
}

async function respond(store: Store, parties: InterviewParties, now: Date, actionNotice: NoticeDecision | null, planned: PlannedEmail[], phoneScript?: string[]): Promise<CandidateActionResult> {
  const view = await loadCandidateView(store, parties.interview, now, parties);
  // Told as done: the advice before acting ("call, then send the written notice") no longer applies.
  const given = actionNotice ? noticeGiven(actionNotice, parties.organization.noticePolicy, parties.organization.contactPhone) : null;
  return { ...view, actionNotice: given, ...(phoneScript ? { phoneScript } : {}), outcome: describeDeliveries(planned) };
}


/** The opening as read, unless it has ended: then nothing more is booked or moved for it (its cascade may be under way). */
export function refuseUnlessOpen(opening: Opening | null): Opening | null {
  if (opening && opening.status !== 'open') throw new DomainError('OPENING_NOT_OPEN', `The position has been ${opening.status}, so interviews for it are no longer booked.`);
  return opening;
}

async function organizationOf(store: Store, interview: Interview) {
  return (await store.organizations.get(interview.organizationId))!;
}

const NO_LONGER_FREE = 'That time is no longer free; please choose another.';

/**
 * A time refused as the candidate reads it: that it is taken, never whose calendar or booking is in the
 * way (that is the employer's to know).
 */
function refusedForCandidate(error: unknown): never {
  if (isDomainError(error, 'SLOT_TAKEN')) throw new DomainError('SLOT_TAKEN', NO_LONGER_FREE);
  throw error;
}

/**
 * A booking or a move, decided by the core on the interview as read: the new time checked, the messages
 * rendered, then everything written in one statement (see `writeChange`).
 */
async function book(
  ctx: AppContext,
  store: Store,
  current: ReadInterview,
  read: MoveParties,
  change: InterviewChange,
  details: Record<string, unknown>,
  note: string | null,
): Promise<CandidateActionResult> {
  const { panel, panelBusy } = read;
  refuseUnlessOpen(read.opening);
  // Read once: for the availability check and for the messages.
  await assertNewTimeFree(store, current.interview, change, { panel, ...(panelBusy ? { busy: panelBusy } : {}) }).catch(refusedForCandidate);
  const parties = await loadParties(store, changedInterview(current.interview, change), knownParties(read));
  // Links are stored hashed and cannot be shown again: the messages of a change of time carry a fresh one.
  const { token, stored } = newCandidateLink(ctx, parties.interview);
  const { messageIds, planned } = await announceChange(ctx, store, parties, change, { link: candidateLinkUrl(ctx, token) });
  const line = historyLineOf(change, { privateNote: note, messageIds, details });
  await writeChange(ctx, store, current, change, { parties, line, candidateLink: stored, dropReminders: true, ...keptCheckOf(read) }).catch(refusedForCandidate);
  return respond(store, parties, change.at, change.notice, planned);
}

/** Picking one of the offered times; a time someone else has taken since is refused as SLOT_TAKEN. */
export async function acceptOfferedSlot(ctx: AppContext, token: string, input: { start: Date }): Promise<CandidateActionResult> {
  const attempt = new KeptPartiesAttempt();
  return ctx.store.inOneStatement(async (store) => {
    const now = ctx.clock();
    const current = await resolveCandidateLink(ctx, store, token);
    const read = await loadMoveParties(store, current.interview, input.start, { kept: attempt.allowed });
    return attempt.decide(read.check, async () => {
      const change = decideBooking(current.interview, { by: 'candidate', start: input.start }, decisionContext(read.organization, now));
      const offered = current.interview.offeredSlots.find((slot) => slot.start.getTime() === input.start.getTime());
      if (!offered) {
        throw new DomainError('VALIDATION', 'Pick one of the offered times.', { errors: [{ path: 'start', message: 'Not one of the offered times.' }] });
      }
      // Whether the offer is still free is what booking it checks (the panel's busy times and working hours,
      // then the database's constraints for the candidate and the panel): any of them refuses it as taken.
      return book(ctx, store, current, read, change!, { start: input.start.toISOString() }, null).catch((error: unknown) => {
        if (isDomainError(error, 'OUTSIDE_AVAILABILITY') || isDomainError(error, 'CANDIDATE_BUSY')) throw new DomainError('SLOT_TAKEN', NO_LONGER_FREE);
        throw error;
      });
    });
  });
}

/**
 * Moving a scheduled interview, picking any free time for an invitation (a first pick needs no reason), or
 * asking for other times. With no reason given, none is stored or stated.
 */
export async function rescheduleByCandidate(
  ctx: AppContext,
  token: string,
  input: { start: Date; reason?: string | null; note?: string | null } | { requestNewTimes: true; reason?: string | null; note?: string | null },
): Promise<CandidateActionResult> {
  const attempt = new KeptPartiesAttempt();
  return ctx.store.inOneStatement(async (store) => {
    const now = ctx.clock();
    const current = await resolveCandidateLink(ctx, store, token);
    const { interview } = current;
    const reason = givenReason(input.reason);

    if ('requestNewTimes' in input) {
      const read = await loadMoveParties(store, interview);
      const { organization } = read;
      const decisions = decisionContext(organization, now);
      const candidate = read.candidate!;
      // Checked before searching, so an interview that cannot ask for times never pays for a search.
      decideTimesRequest(interview, { reason, note: input.note ?? null, offered: [] }, decisions);
      const offered = (
        await findOffers(store, { organization, candidate, panel: interview.panel, durationMinutes: interview.durationMinutes, now, count: 6 + interview.offeredSlots.length, excludeInterviewId: interview.id })
      )
        // Never the time given up, nor the times just turned down.
        .filter((slot) => slot.start.getTime() !== interview.start?.getTime() && !interview.offeredSlots.some((o) => o.start.getTime() === slot.start.getTime()))
        .slice(0, 5);
      const change = decideTimesRequest(interview, { reason, note: input.note ?? null, offered }, decisions);
      const parties = await loadParties(store, changedInterview(interview, change, offered), knownParties(read));
      const { token: fresh, stored } = newCandidateLink(ctx, parties.interview);
      const { messageIds, planned } = await announceChange(ctx, store, parties, change, { link: candidateLinkUrl(ctx, fresh) });
      // The note is meant for the recruiting team: it is in their email and in the history they read.
      const line = historyLineOf(change, { messageIds, details: change.noteForRecruiter ? { note: change.noteForRecruiter } : {} });
      await writeChange(ctx, store, current, change, { parties, line, candidateLink: stored, dropReminders: true });
      return respond(store, parties, now, change.notice, planned);
    }

    const read = await loadMoveParties(store, interview, input.start, { kept: attempt.allowed });
    return attempt.decide(read.check, async () => {
      const decisions = decisionContext(read.organization, now);
      const change = decideBooking(interview, { by: 'candidate', start: input.start, reason }, decisions);
      // The time it already has: nothing changes and nobody is written to.
      if (!change) return respond(store, await loadParties(store, interview, knownParties(read)), now, noticeOf(interview.start, decisions), []);
      return book(ctx, store, current, read, change, { from: interview.start?.toISOString() ?? null, to: input.start.toISOString() }, input.note ?? null);
    });
  });
}

function phoneScriptFor(parties: InterviewParties, change: InterviewChange): string[] | undefined {
  return change.before.start ? candidatePhoneScript(parties, change.notice?.class ?? null, change.at, change.before.start, change.reason) : undefined;
}

/**
 * Cancelling is always possible before the start; a late one comes with the advice to call (and the
 * script) when there is a number, and still goes through. After the start only an emergency cancels.
 */
export async function cancelByCandidate(
  ctx: AppContext,
  token: string,
  input: { reason: string; note?: string | null; message?: string | null; calledAhead?: boolean },
): Promise<CandidateActionResult> {
  const attempt = new KeptPartiesAttempt();
  return ctx.store.inOneStatement(async (store) => {
    const now = ctx.clock();
    const current = await resolveCandidateLink(ctx, store, token);
    const read = await loadMoveParties(store, current.interview, undefined, { kept: attempt.allowed });
    return attempt.decide(read.check, async () => {
      const change = decideCancellation(
        current.interview,
        { by: 'candidate', reason: givenReason(input.reason), words: input.message ?? null, calledAhead: input.calledAhead ?? false },
        decisionContext(read.organization, now),
      );
      const parties = await loadParties(store, changedInterview(current.interview, change), knownParties(read));
      const { messageIds, planned } = await announceChange(ctx, store, parties, change);
      const line = historyLineOf(change, { privateNote: input.note ?? null, messageIds, details: { calledAhead: change.calledAhead } });
      await writeChange(ctx, store, current, change, { parties, line, dropReminders: true, ...keptCheckOf(read) });
      return respond(store, parties, now, change.notice, planned, phoneScriptFor(parties, change));
    });
  });
}

export async function declineByCandidate(
  ctx: AppContext,
  token: string,
  input: { reason: string; message?: string | null; keepInTouch?: boolean; referral?: { name: string; email: string } | null },
): Promise<CandidateActionResult> {
  const attempt = new KeptPartiesAttempt();
  return ctx.store.inOneStatement(async (store) => {
    const now = ctx.clock();
    const current = await resolveCandidateLink(ctx, store, token);
    const read = await loadMoveParties(store, current.interview, undefined, { kept: attempt.allowed });
    return attempt.decide(read.check, async () => {
      const change = decideDecline(
        current.interview,
        { reason: givenReason(input.reason), words: input.message ?? null, keepInTouch: input.keepInTouch ?? false, referral: input.referral ?? null },
        decisionContext(read.organization, now),
      );
      const parties = await loadParties(store, changedInterview(current.interview, change), knownParties(read));
      const { messageIds, planned } = await announceChange(ctx, store, parties, change);
      const line = historyLineOf(change, {
        messageIds,
        details: { keepInTouch: change.keepInTouch, ...(change.referral ? { referral: change.referral } : {}) },
      });
      await writeChange(ctx, store, current, change, { parties, line, ...keptCheckOf(read) });
      return respond(store, parties, now, null, planned);
    });
  });
}

/** Withdrawing ends the candidate's whole process for the opening: every open interview ends with it. */
export async function withdrawByCandidate(ctx: AppContext, token: string, input: { reason: string; message?: string | null }): Promise<CandidateActionResult> {
  const now = ctx.clock();
  return ctx.store.transaction(async (store) => {
    const { record, interview: linked } = await resolveCandidateLink(ctx, store, token, { forUpdate: true });
    const all = await store.interviews.list(record.organizationId, { candidateId: record.candidateId, openingId: record.openingId });
    // Lock every interview first and decide on the locked state: a concurrent change cannot slip between.
    // The linked interview comes first: its decision carries the candidate's confirmation.
    const locked: Interview[] = [linked];
    for (const listed of all) {
      if (listed.id === linked.id) continue;
      const row = await store.interviews.get(record.organizationId, listed.id, { forUpdate: true });
      if (row) locked.push(row);
    }
    const open = locked.filter((i) => i.status === 'invited' || i.status === 'scheduled');
    const organization = await organizationOf(store, linked);
    const changes = decideWithdrawal(open, { reason: givenReason(input.reason), words: input.message ?? null }, decisionContext(organization, now));
    let linkedAfter: Interview = linked;
    let linkedNotice: NoticeDecision | null = null;
    const planned: PlannedEmail[] = [];
    for (const [index, change] of changes.entries()) {
      const current = open[index]!;
      const interview = await applyChange(ctx, store, current, change);
      const parties = await loadParties(store, interview, { organization });
      await cancelReminders(store, parties, now);
      const announced = await announceChange(ctx, store, parties, change, { primary: index === 0 });
      planned.push(...announced.planned);
      await recordChange(store, interview, change, { messageIds: announced.messageIds });
      if (interview.id === linked.id) {
        linkedAfter = interview;
        linkedNotice = change.notice;
      }
    }
    return respond(store, await loadParties(store, linkedAfter, { organization }), now, linkedNotice, planned);
  });
}

/** A confidential report to the organization's HR contact; the panel never sees it. */
export async function raiseConcern(ctx: AppContext, token: string, input: { category: string; details: string }): Promise<CandidateActionResult> {
  const now = ctx.clock();
  return ctx.store.transaction(async (store) => {
    const { interview } = await resolveCandidateLink(ctx, store, token);
    const read = await loadMoveParties(store, interview);
    const { organization } = read;
    const change = decideConcern(interview, input, decisionContext(organization, now));
    const parties = await loadParties(store, interview, knownParties(read));
    const { messageIds, planned } = await announceChange(ctx, store, parties, change);
    await recordChange(store, interview, change, { reason: input.category, privateNote: input.details, messageIds });
    return { ...(await respond(store, parties, now, null, planned)), delivered: messageIds.length > 0 };
  });
}

/** The candidate states the hours they can interview in (their zone), or returns to the default with null. */
export async function setCandidateHours(ctx: AppContext, token: string, hours: WorkingHours | null): Promise<CandidateView> {
  const now = ctx.clock();
  return ctx.store.transaction(async (store) => {
    const { interview } = await resolveCandidateLink(ctx, store, token);
    await store.candidates.setReasonableHours(interview.organizationId, interview.candidateId, hours);
    return loadCandidateView(store, interview, now);
  });
}
