import { DomainError } from '../../core/errors.ts';
import { nextStatus } from '../../core/lifecycle.ts';
import { classifyNotice } from '../../core/notice-policy.ts';
import type { Interview } from '../../core/types.ts';
import type { AppContext } from '../context.ts';
import { cancelReminders, notifyInterviewEvent, scheduleReminders } from '../notifications/notify-interview.ts';
import { FieldErrors } from '../validation.ts';
import { assertInFuture, assertOnGrid, bookInterview, releaseInterview } from './booking.ts';
import { candidateLinkUrl, issueCandidateToken } from './candidate-token.ts';
import { getInterviewOrThrow, loadParties } from './parties.ts';
import { recordAction } from './record.ts';

/** Employer cancels: the candidate gets an apology and the offer of new times; every calendar is cleared. */
export async function cancelInterviewByEmployer(
  ctx: AppContext,
  organizationId: string,
  interviewId: string,
  input: { reason: string; note?: string | null; message?: string | null },
): Promise<Interview> {
  const now = ctx.clock();
  return ctx.store.transaction(async (store) => {
    const current = await getInterviewOrThrow(store, organizationId, interviewId, { forUpdate: true });
    const status = nextStatus(current.status, 'cancel');
    const organization = (await store.organizations.get(organizationId))!;
    const notice = current.start ? classifyNotice({ at: now, start: current.start, policy: organization.noticePolicy, contactPhone: organization.contactPhone }) : null;
    const interview = await releaseInterview(store, current, { status, at: now, raiseSequence: current.status === 'scheduled' });
    const parties = await loadParties(store, interview);
    await cancelReminders(store, parties, now);
    const link = candidateLinkUrl(ctx, await issueCandidateToken(ctx, store, interview));
    const messageIds = await notifyInterviewEvent(ctx, store, parties, {
      type: 'cancelled',
      by: 'employer',
      reason: input.reason,
      noticeClass: notice?.class ?? 'ample',
      message: input.message ?? null,
      link,
    });
    await recordAction(store, interview, { at: now, actor: 'employer', action: 'cancelled', notice, reason: input.reason, privateNote: input.note ?? null, messageIds });
    return interview;
  });
}

/** Employer moves the interview: same id and uid, sequence + 1, the candidate gets an apology. */
export async function rescheduleInterviewByEmployer(
  ctx: AppContext,
  organizationId: string,
  interviewId: string,
  input: { start: Date; reason?: string | null },
): Promise<Interview> {
  assertOnGrid(input.start);
  const now = ctx.clock();
  assertInFuture(input.start, now, 'start');
  return ctx.store.transaction(async (store) => {
    const current = await getInterviewOrThrow(store, organizationId, interviewId, { forUpdate: true });
    const status = current.status === 'invited' ? nextStatus(current.status, 'book') : nextStatus(current.status, 'reschedule');
    const organization = (await store.organizations.get(organizationId))!;
    const notice = current.start ? classifyNotice({ at: now, start: current.start, policy: organization.noticePolicy, contactPhone: organization.contactPhone }) : null;
    // Calendars that saw this UID before (booked, or withdrawn after a request for new times) need a higher sequence.
    const interview = await bookInterview(store, current, input.start, { status, raiseSequence: current.status === 'scheduled' || current.sequence > 0, at: now });
    const parties = await loadParties(store, interview);
    const link = candidateLinkUrl(ctx, await issueCandidateToken(ctx, store, interview));
    await store.candidateTokens.extend(organizationId, interview.id, new Date(interview.end!.getTime() + ctx.config.candidateLinkGraceDays * 86_400_000));
    const messageIds = await notifyInterviewEvent(
      ctx,
      store,
      parties,
      current.status === 'scheduled'
        ? { type: 'rescheduled', by: 'employer', previousStart: current.start, link, reason: input.reason ?? 'scheduling_error' }
        : { type: 'scheduled', by: 'employer', link },
    );
    await scheduleReminders(ctx, store, parties, link);
    await recordAction(store, interview, {
      at: now,
      actor: 'employer',
      action: current.status === 'scheduled' ? 'rescheduled' : 'scheduled',
      notice,
      reason: input.reason ?? null,
      messageIds,
      details: { from: current.start?.toISOString() ?? null, to: interview.start?.toISOString() },
    });
    return interview;
  });
}

async function closeInterview(
  ctx: AppContext,
  organizationId: string,
  interviewId: string,
  action: 'complete' | 'no_show' | 'end_early',
  entry: { actor: 'employer'; reason?: string | null; privateNote?: string | null; details?: Record<string, unknown> },
  requireStarted: boolean,
): Promise<Interview> {
  const now = ctx.clock();
  return ctx.store.transaction(async (store) => {
    const current = await getInterviewOrThrow(store, organizationId, interviewId, { forUpdate: true });
    const status = nextStatus(current.status, action);
    if (requireStarted && current.start && now.getTime() < current.start.getTime()) {
      throw new DomainError('INVALID_STATE', 'The interview has not started yet.');
    }
    // The time was used (or wasted); bookings stay as the record of it, only the status changes.
    const interview = await store.interviews.update(organizationId, current.id, { status }, now);
    await cancelReminders(store, await loadParties(store, interview), now);
    await recordAction(store, interview, {
      at: now,
      actor: entry.actor,
      action: { complete: 'completed', no_show: 'no_show', end_early: 'ended_early' }[action],
      reason: entry.reason ?? null,
      privateNote: entry.privateNote ?? null,
      ...(entry.details ? { details: entry.details } : {}),
    });
    return interview;
  });
}

export function completeInterview(ctx: AppContext, organizationId: string, interviewId: string): Promise<Interview> {
  return closeInterview(ctx, organizationId, interviewId, 'complete', { actor: 'employer' }, true);
}

/** Either party can fail to show up; the employer's own no-shows count in its accountability too. */
export async function markNoShow(
  ctx: AppContext,
  organizationId: string,
  interviewId: string,
  input: { party: 'candidate' | 'interviewer'; memberId?: string | null },
): Promise<Interview> {
  if (input.party === 'interviewer') {
    const interview = await getInterviewOrThrow(ctx.store, organizationId, interviewId);
    if (!input.memberId || !interview.panel.includes(input.memberId)) {
      new FieldErrors().add('memberId', 'Name the panelist who did not show up.').throwIfAny();
    }
  }
  return closeInterview(
    ctx,
    organizationId,
    interviewId,
    'no_show',
    { actor: 'employer', details: { party: input.party, ...(input.memberId ? { memberId: input.memberId } : {}) } },
    true,
  );
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
    'end_early',
    { actor: 'employer', reason: input.reason, privateNote: input.note ?? null, details: { by: input.by } },
    true,
  );
}
