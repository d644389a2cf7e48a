import type { InterviewChange } from '../../core/decisions/interview-change.ts';
import { hadEvent } from '../../core/decisions/interview-change.ts';
import type { AppContext } from '../context.ts';
import { offerFreedTime } from '../waitlist/offer-freed-time.ts';
import type { FreedTime } from '../waitlist/offer-freed-time.ts';
import type { Candidate, Interview, Member, Opening, TimeRange } from '../../core/types.ts';
import { interviewSnapshot } from '../../core/webhooks/event-body.ts';
import type { KeptPartiesCheck, NewHistoryEntry, PanelBusyRead, Store } from '../../store/index.ts';
import { assertPanelFree } from '../slots.ts';
import type { StoredCandidateLink } from './candidate-token.ts';

/**
 * The panel time a change gives up — a cancellation, a withdrawal, a request for other times or a move
 * away — for the waitlist; null when it frees nothing.
 */
export function freedTimeOf(interview: Interview, change: InterviewChange): FreedTime | null {
  if (!hadEvent(change)) return null;
  const { before, after } = change;
  if (after.status === 'scheduled' && after.start?.getTime() === before.start?.getTime()) return null;
  if (after.status !== 'scheduled' && after.status !== 'cancelled' && after.status !== 'withdrawn' && after.status !== 'invited') return null;
  return {
    organizationId: interview.organizationId,
    openingId: interview.openingId,
    sourceInterviewId: interview.id,
    panel: interview.panel,
    start: before.start!,
    end: before.end!,
    at: change.at,
  };
}

/** A new interview's draft as a booking decision leaves it: scheduled at the decided time. */
export function bookedDraft(draft: Interview, change: InterviewChange): Interview {
  const { after } = change;
  if (after.status !== 'scheduled' || !after.start || !after.end) throw new Error('bookedDraft needs a booking decision.');
  return { ...changedInterview(draft, change, []), updatedAt: draft.updatedAt };
}

/** A new interview's panel as read with it: its members and, when read, their busy time around the time asked for. */
export interface NewInterviewPanel {
  members: Member[];
  busy?: PanelBusyRead;
}

/**
 * Whether a new interview's panel is free at the time a booking decided (`booked`, as `bookedDraft` left
 * it), for a clear answer before anything is written (SLOT_TAKEN, OUTSIDE_AVAILABILITY); the database's
 * exclusion constraints keep it true against races (see `applyChange`). The panel comes as read with the
 * interview's other parties, so busy time kept at the versions read is not read again.
 */
export async function assertNewPanelFree(store: Store, booked: Interview, panel: NewInterviewPanel): Promise<void> {
  // A new interview has no bookings of its own to leave out.
  await assertPanelFree(store, booked.organizationId, {
    memberIds: booked.panel,
    range: { start: booked.start!, end: booked.end! },
    members: panel.members,
    ...(panel.busy ? { busy: panel.busy } : {}),
  });
}

/**
 * Writes a new interview in its booked state (`booked`, as `bookedDraft` left it) — with its panel's
 * bookings, the candidate's link, and its first history line with the messages and seat links the change
 * holds back and the webhook events the line announces — in one statement, without writing it as an
 * invitation first and booking it after. Call {@link assertNewPanelFree} first, and hold the messages back
 * with `Store.inOneStatement`.
 */
export async function writeBookedInterview(
  store: Store,
  booked: Interview,
  at: Date,
  also: { candidateLink: StoredCandidateLink; firstLine: NewHistoryEntry; opening: Opening; candidate: Candidate; keptParties?: KeptPartiesCheck },
): Promise<Interview> {
  const snapshot = snapshotOf(booked, also.opening, also.candidate);
  return store.interviews.create(booked.organizationId, booked, at, {
    booked: { start: booked.start!, end: booked.end! },
    candidateLink: also.candidateLink,
    firstLine: { entry: also.firstLine, snapshot },
    ...(also.keptParties ? { keptParties: also.keptParties } : {}),
  });
}

/** What a change does to the panel's bookings: books a new time, releases the time it had, or neither. */
export function bookingEffectOf(change: InterviewChange): 'book' | 'release' | 'keep' {
  const { after, before } = change;
  if (after.status === 'scheduled' && after.start && after.end && (before.status !== 'scheduled' || before.start?.getTime() !== after.start.getTime())) return 'book';
  if (before.status === 'scheduled' && (after.status === 'cancelled' || after.status === 'withdrawn' || after.status === 'invited')) return 'release';
  return 'keep';
}

/** The interview as a change leaves it, before it is written: what its messages and its write are made from. */
export function changedInterview(interview: Interview, change: InterviewChange, offeredSlots?: TimeRange[]): Interview {
  const { after } = change;
  return {
    ...interview,
    status: after.status,
    start: after.start,
    end: after.end,
    sequence: after.sequence,
    offeredSlots: offeredSlotsAfter(change, offeredSlots),
    candidatePartstat: after.candidatePartstat,
    updatedAt: change.at,
  };
}

/** The times an interview offers after a change: those searched for it, else the decision's for an invitation, else none. */
function offeredSlotsAfter(change: InterviewChange, searched?: TimeRange[]): TimeRange[] {
  return searched ?? (change.after.status === 'invited' ? change.offered : []);
}

/** The interview as webhook events describe it, with the opening's title and the candidate's name. */
export function snapshotOf(interview: Interview, opening: Opening, candidate: Candidate) {
  return interviewSnapshot({ ...interview, startAt: interview.start, endAt: interview.end, openingTitle: opening.title, candidateName: candidate.name });
}

/**
 * Whether the panel is free at the time a change books (when it books one), for a clear answer before
 * anything is written (SLOT_TAKEN, OUTSIDE_AVAILABILITY); the database's exclusion constraints keep it true
 * against races. The interview's own bookings are not in the way.
 */
export async function assertNewTimeFree(store: Store, interview: Interview, change: InterviewChange, read: { panel?: Member[]; busy?: PanelBusyRead } = {}): Promise<void> {
  if (bookingEffectOf(change) !== 'book') return;
  await assertPanelFree(store, interview.organizationId, {
    memberIds: interview.panel,
    range: { start: change.after.start!, end: change.after.end! },
    excludeInterviewId: interview.id,
    ...(read.panel ? { members: read.panel } : {}),
    ...(read.busy ? { busy: read.busy } : {}),
  });
}

/**
 * Writes a decided change to the interview inside the caller's transaction: books the panel for a new
 * time (checking the panel's busy times first for a clear answer, and relying on the database's exclusion
 * constraints — the panel's on the bookings, the candidate's on the interview's new time, which the update
 * below meets as CANDIDATE_BUSY — for the rest and for races), frees the panel's time when the interview
 * loses it, stores the status, time and sequence the core decided, and offers any panel time it gave up
 * to the waitlist. Closing an interview keeps its bookings as the record of the time. A change decided
 * without a lock is written by `writeChange` instead, in one statement.
 */
export async function applyChange(
  ctx: AppContext,
  store: Store,
  interview: Interview,
  change: InterviewChange,
  extra: {
    offeredSlots?: TimeRange[];
    /** The panel's members, when the caller read them in this transaction. */
    panel?: Member[];
    /** The panel's busy time around the new time, without this interview's bookings, when the caller read it with them. */
    busy?: PanelBusyRead;
  } = {},
): Promise<Interview> {
  const { after } = change;
  const effect = bookingEffectOf(change);
  if (effect === 'book') {
    await assertNewTimeFree(store, interview, change, extra);
    await store.interviews.releaseBookings(interview.organizationId, interview.id);
    await store.interviews.bookPanel(interview.organizationId, interview.id, interview.panel, { start: after.start!, end: after.end! });
  } else if (effect === 'release') {
    await store.interviews.releaseBookings(interview.organizationId, interview.id);
  }
  const updated = await store.interviews.update(
    interview.organizationId,
    interview.id,
    {
      status: after.status,
      start: after.start,
      end: after.end,
      sequence: after.sequence,
      offeredSlots: offeredSlotsAfter(change, extra.offeredSlots),
      candidatePartstat: after.candidatePartstat,
    },
    change.at,
    // A change of time or status leaves the panel as it was read with the interview.
    interview.panel,
  );
  // Time given up goes to the waitlist in the same transaction: offered if and only if the change commits.
  const freed = freedTimeOf(interview, change);
  if (freed) await offerFreedTime(ctx, store, freed);
  return updated;
}
