import { DomainError } from '../../core/errors.ts';
import { nextStatus } from '../../core/lifecycle.ts';
import { classifyNotice } from '../../core/notice-policy.ts';
import type { NoticeDecision } from '../../core/notice-policy.ts';
import { isEmergencyReason } from '../../core/reasons.ts';
import type { Interview } from '../../core/types.ts';
import type { Store } from '../../store/index.ts';
import type { AppContext } from '../context.ts';
import { composeForRecipient } from '../notifications/compose-bridge.ts';
import { cancelReminders, notifyInterviewEvent, scheduleReminders } from '../notifications/notify-interview.ts';
import { findFreePanelSlots, pickSpreadSlots } from '../slots.ts';
import { assertOnGrid, bookInterview, releaseInterview } from './booking.ts';
import { buildCandidateView, resolveCandidateLink } from './candidate-link.ts';
import type { CandidateView } from './candidate-link.ts';
import { candidateLinkUrl, issueCandidateToken, linkExpiry } from './candidate-token.ts';
import { loadParties } from './parties.ts';
import type { InterviewParties } from './parties.ts';
import { recordAction } from './record.ts';

const HOUR_MS = 3_600_000;
const HALF_HOUR_MS = 1_800_000;

export interface CandidateActionResult extends CandidateView {
  /** What the action was classified as, at the moment it happened. */
  actionNotice: NoticeDecision | null;
  /** For a late change: what to say on the phone before the written notice. */
  phoneScript?: string[];
  /** For a concern: whether it reached someone (false when the organization has no contact on file). */
  delivered?: boolean;
}

async function noticeFor(store: Store, interview: Interview, now: Date): Promise<NoticeDecision | null> {
  if (!interview.start) return null;
  const organization = (await store.organizations.get(interview.organizationId))!;
  return classifyNotice({ at: now, start: interview.start, policy: organization.noticePolicy, contactPhone: organization.contactPhone });
}

async function respond(
  store: Store,
  interview: Interview,
  now: Date,
  actionNotice: NoticeDecision | null,
  phoneScript?: string[],
): Promise<CandidateActionResult> {
  const view = buildCandidateView(await loadParties(store, interview), now);
  return { ...view, actionNotice, ...(phoneScript ? { phoneScript } : {}) };
}

function assertNotStarted(interview: Interview, now: Date, what: string): void {
  if (interview.start && now.getTime() >= interview.start.getTime()) {
    throw new DomainError('AFTER_START', `The interview has already started, so it cannot be ${what} here. Call the coordinator.`);
  }
}

/** Fresh link for the messages of this change (links are stored hashed and cannot be shown again). */
async function freshLink(ctx: AppContext, store: Store, interview: Interview): Promise<string> {
  return candidateLinkUrl(ctx, await issueCandidateToken(ctx, store, interview));
}

export async function acceptOfferedSlot(ctx: AppContext, token: string, input: { start: Date }): Promise<CandidateActionResult> {
  assertOnGrid(input.start);
  const now = ctx.clock();
  return ctx.store.transaction(async (store) => {
    const { interview: current } = await resolveCandidateLink(ctx, store, token, { forUpdate: true });
    const status = nextStatus(current.status, 'accept');
    if (!current.offeredSlots.some((slot) => slot.start.getTime() === input.start.getTime())) {
      throw new DomainError('VALIDATION', 'Pick one of the offered times.', { errors: [{ path: 'start', message: 'Not one of the offered times.' }] });
    }
    if (input.start.getTime() <= now.getTime()) throw new DomainError('AFTER_START', 'That time has already passed.');
    // An event that calendars have seen before (then withdrawn) must come back with a higher sequence.
    const interview = await bookInterview(store, current, input.start, { status, raiseSequence: current.sequence > 0, at: now });
    await store.candidateTokens.extend(interview.organizationId, interview.id, linkExpiry(ctx, interview));
    const parties = await loadParties(store, interview);
    const link = await freshLink(ctx, store, interview);
    const messageIds = await notifyInterviewEvent(ctx, store, parties, { type: 'scheduled', by: 'candidate', link });
    await scheduleReminders(ctx, store, parties, link);
    const notice = await noticeFor(store, interview, now);
    await recordAction(store, interview, { at: now, actor: 'candidate', action: 'accepted', notice, messageIds, details: { start: input.start.toISOString() } });
    return respond(store, interview, now, notice);
  });
}

export async function rescheduleByCandidate(
  ctx: AppContext,
  token: string,
  input: { start: Date; reason?: string | null; note?: string | null } | { requestNewTimes: true; reason?: string | null; note?: string | null },
): Promise<CandidateActionResult> {
  const now = ctx.clock();
  return ctx.store.transaction(async (store) => {
    const { interview: current } = await resolveCandidateLink(ctx, store, token, { forUpdate: true });
    if (current.status === 'scheduled') assertNotStarted(current, now, 'moved');
    const notice = await noticeFor(store, current, now);
    const reason = input.reason ?? 'schedule_conflict';

    if ('requestNewTimes' in input) {
      nextStatus(current.status, 'offer');
      const from = new Date(Math.ceil((now.getTime() + 24 * HOUR_MS) / HALF_HOUR_MS) * HALF_HOUR_MS);
      const slots = await findFreePanelSlots(store, current.organizationId, {
        memberIds: current.panel,
        durationMinutes: current.durationMinutes,
        from,
        to: new Date(from.getTime() + 14 * 24 * HOUR_MS),
        excludeInterviewId: current.id,
      });
      const offered = pickSpreadSlots(
        slots.filter((slot) => slot.start !== current.start?.getTime()),
        5,
      ).map((slot) => ({ start: new Date(slot.start), end: new Date(slot.end) }));
      const wasScheduled = current.status === 'scheduled';
      // The withdrawn time is no longer the interview's: it waits for a new pick with no time of its own.
      const interview = await releaseInterview(store, current, { status: 'invited', at: now, raiseSequence: wasScheduled, offeredSlots: offered, clearTime: true });
      await store.candidateTokens.extend(interview.organizationId, interview.id, linkExpiry(ctx, interview));
      const parties = await loadParties(store, interview);
      await cancelReminders(store, parties, now);
      const link = await freshLink(ctx, store, interview);
      const messageIds = await notifyInterviewEvent(ctx, store, parties, { type: 'new_times_requested', previousStart: current.start, previousEnd: current.end, link, reason });
      await recordAction(store, interview, { at: now, actor: 'candidate', action: 'new_times_requested', notice, reason, privateNote: input.note ?? null, messageIds });
      return respond(store, interview, now, notice);
    }

    assertOnGrid(input.start);
    if (input.start.getTime() <= now.getTime()) throw new DomainError('VALIDATION', 'Choose a time in the future.', { errors: [{ path: 'start', message: 'In the past.' }] });
    const wasScheduled = current.status === 'scheduled';
    const status = wasScheduled ? nextStatus(current.status, 'reschedule') : nextStatus(current.status, 'accept');
    const interview = await bookInterview(store, current, input.start, { status, raiseSequence: wasScheduled || current.sequence > 0, at: now });
    await store.candidateTokens.extend(interview.organizationId, interview.id, linkExpiry(ctx, interview));
    const parties = await loadParties(store, interview);
    const link = await freshLink(ctx, store, interview);
    const messageIds = await notifyInterviewEvent(
      ctx,
      store,
      parties,
      wasScheduled ? { type: 'rescheduled', by: 'candidate', previousStart: current.start, link, reason } : { type: 'scheduled', by: 'candidate', link },
    );
    await scheduleReminders(ctx, store, parties, link);
    await recordAction(store, interview, {
      at: now,
      actor: 'candidate',
      action: wasScheduled ? 'rescheduled' : 'accepted',
      notice,
      reason,
      privateNote: input.note ?? null,
      messageIds,
      details: { from: current.start?.toISOString() ?? null, to: input.start.toISOString() },
    });
    return respond(store, interview, now, notice);
  });
}

/** Frees the panel, drops queued reminders and tells everyone (CANCEL to every calendar). */
async function releaseForCandidate(
  ctx: AppContext,
  store: Store,
  current: Interview,
  status: Interview['status'],
  input: { reason: string; message: string | null; notice: NoticeDecision | null; now: Date },
): Promise<{ interview: Interview; parties: InterviewParties; messageIds: string[] }> {
  const interview = await releaseInterview(store, current, { status, at: input.now, raiseSequence: current.status === 'scheduled' });
  const parties = await loadParties(store, interview);
  await cancelReminders(store, parties, input.now);
  const messageIds = await notifyInterviewEvent(ctx, store, parties, {
    type: 'cancelled',
    by: 'candidate',
    reason: input.reason,
    noticeClass: input.notice?.class ?? 'ample',
    message: input.message,
  });
  return { interview, parties, messageIds };
}

function phoneScriptFor(parties: InterviewParties, notice: NoticeDecision | null, reason: string, now: Date): string[] | undefined {
  if (!notice || (notice.class !== 'late' && notice.class !== 'missed')) return undefined;
  return composeForRecipient('candidate_cancel', parties, { now, reason, previousStart: parties.interview.start }).phoneScript;
}

/**
 * Cancelling is always possible before the start; a late one comes with the advice to call (and the
 * script), and still goes through. After the start only an emergency cancels; otherwise AFTER_START.
 */
export async function cancelByCandidate(
  ctx: AppContext,
  token: string,
  input: { reason: string; note?: string | null; message?: string | null; calledAhead?: boolean },
): Promise<CandidateActionResult> {
  const now = ctx.clock();
  return ctx.store.transaction(async (store) => {
    const { interview: current } = await resolveCandidateLink(ctx, store, token, { forUpdate: true });
    const status = nextStatus(current.status, 'cancel');
    const notice = await noticeFor(store, current, now);
    if (notice?.class === 'missed' && !isEmergencyReason(input.reason)) {
      throw new DomainError(
        'AFTER_START',
        'The interview has already started. Only an emergency cancels it now; otherwise call the coordinator to apologise.',
        { apologyPath: true, phone: notice.advice.phone ?? null },
      );
    }
    const { interview, parties, messageIds } = await releaseForCandidate(ctx, store, current, status, { reason: input.reason, message: input.message ?? null, notice, now });
    await recordAction(store, interview, {
      at: now,
      actor: 'candidate',
      action: 'cancelled',
      notice,
      reason: input.reason,
      privateNote: input.note ?? null,
      messageIds,
      details: { calledAhead: input.calledAhead ?? false },
    });
    const script = phoneScriptFor(parties, notice, input.reason, now);
    return respond(store, interview, now, notice, script);
  });
}

export async function declineByCandidate(
  ctx: AppContext,
  token: string,
  input: { reason: string; message?: string | null; keepInTouch?: boolean; referral?: { name: string; email: string } | null },
): Promise<CandidateActionResult> {
  const now = ctx.clock();
  return ctx.store.transaction(async (store) => {
    const { interview: current } = await resolveCandidateLink(ctx, store, token, { forUpdate: true });
    const status = nextStatus(current.status, 'decline');
    const interview = await releaseInterview(store, current, { status, at: now, raiseSequence: false, offeredSlots: [] });
    const parties = await loadParties(store, interview);
    const messageIds = await notifyInterviewEvent(ctx, store, parties, {
      type: 'declined',
      reason: input.reason,
      message: input.message ?? null,
      keepInTouch: input.keepInTouch ?? false,
      referral: input.referral ?? null,
    });
    await recordAction(store, interview, {
      at: now,
      actor: 'candidate',
      action: 'declined',
      reason: input.reason,
      messageIds,
      details: { keepInTouch: input.keepInTouch ?? false, ...(input.referral ? { referral: input.referral } : {}) },
    });
    return respond(store, interview, now, null);
  });
}

/** Withdrawing ends the candidate's whole process for the opening: every open interview is cancelled. */
export async function withdrawByCandidate(
  ctx: AppContext,
  token: string,
  input: { reason: string; message?: string | null },
): Promise<CandidateActionResult> {
  const now = ctx.clock();
  return ctx.store.transaction(async (store) => {
    const { record, interview: linked } = await resolveCandidateLink(ctx, store, token, { forUpdate: true });
    const all = await store.interviews.list(record.organizationId, { candidateId: record.candidateId, openingId: record.openingId });
    // Lock every interview first and decide on the locked state: a concurrent change cannot slip between.
    const locked: Interview[] = [];
    for (const listed of all) {
      const row = await store.interviews.get(record.organizationId, listed.id, { forUpdate: true });
      if (row && (row.status === 'invited' || row.status === 'scheduled')) locked.push(row);
    }
    if (locked.length === 0) throw new DomainError('INVALID_STATE', 'There is nothing left to withdraw from.');
    const decisions = [];
    for (const interview of locked) {
      const notice = await noticeFor(store, interview, now);
      // Withdrawing is cancelling every interview at once: the same after-start rule applies to each.
      if (notice?.class === 'missed' && !isEmergencyReason(input.reason)) {
        throw new DomainError('AFTER_START', 'One of your interviews has already started. Call the coordinator; only an emergency cancels it now.');
      }
      decisions.push({ interview, notice, status: nextStatus(interview.status, 'cancel') });
    }
    let linkedAfter: Interview = linked;
    let linkedNotice: NoticeDecision | null = null;
    for (const { interview: current, notice, status } of decisions) {
      const { interview, messageIds } = await releaseForCandidate(ctx, store, current, status, { reason: input.reason, message: input.message ?? null, notice, now });
      await recordAction(store, interview, { at: now, actor: 'candidate', action: 'withdrawn', notice, reason: input.reason, messageIds });
      if (interview.id === linked.id) {
        linkedAfter = interview;
        linkedNotice = notice;
      }
    }
    return respond(store, linkedAfter, now, linkedNotice);
  });
}

/** A confidential report to the organization's HR contact; the panel never sees it. */
export async function raiseConcern(ctx: AppContext, token: string, input: { category: string; details: string }): Promise<CandidateActionResult> {
  const now = ctx.clock();
  return ctx.store.transaction(async (store) => {
    const { interview } = await resolveCandidateLink(ctx, store, token);
    const parties = await loadParties(store, interview);
    const messageIds = await notifyInterviewEvent(ctx, store, parties, { type: 'concern', category: input.category, details: input.details });
    await recordAction(store, interview, {
      at: now,
      actor: 'candidate',
      action: 'concern_raised',
      reason: input.category,
      privateNote: input.details,
      messageIds,
    });
    return { ...(await respond(store, interview, now, null)), delivered: messageIds.length > 0 };
  });
}
