import type { InterviewChange } from '../../core/decisions/interview-change.ts';
import { hadEvent } from '../../core/decisions/interview-change.ts';
import type { AppContext } from '../context.ts';
import { offerFreedTime } from '../waitlist/offer-freed-time.ts';
import type { FreedTime } from '../waitlist/offer-freed-time.ts';
import type { Interview, Member, TimeRange } from '../../core/types.ts';
import type { PanelBusyRead, Store } from '../../store/index.ts';
import { assertPanelFree } from '../slots.ts';
import type { StoredCandidateLink } from './candidate-token.ts';

/**
 * Writes a decided change to the interview: books the panel for a new time (checking the panel's busy
 * times first for a clear answer, and relying on the database's exclusion constraints — the panel's on
 * the bookings, the candidate's on the interview's new time, which the update below meets as
 * CANDIDATE_BUSY — for the rest and for races), frees the panel's time when the interview loses it, and stores the status,
 * time and sequence the core decided, and offers any panel time it gave up to the waitlist. Closing an
 * interview keeps its bookings as the record of the time.
 */
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
  return { ...draft, status: after.status, start: after.start, end: after.end, sequence: after.sequence, offeredSlots: [] };
}

/**
 * Writes a new interview in its booked state, with its panel's bookings and, when given, the candidate's
 * link, in one statement, once the panel is seen to be free: the same guarantees as `applyChange`, without
 * writing it as an invitation first and booking it after. The panel's members come as read at the start of
 * the transaction, with their busy versions, so busy time kept at those versions is not read again, and
 * with their busy time around the new time when it was read with them.
 */
export async function bookNewInterview(
  store: Store,
  draft: Interview,
  change: InterviewChange,
  panel: { members: Member[]; busyVersions: Map<string, string>; busy?: PanelBusyRead },
  candidateLink?: StoredCandidateLink,
): Promise<Interview> {
  const booked = bookedDraft(draft, change);
  const range = { start: booked.start!, end: booked.end! };
  // A new interview has no bookings of its own to leave out.
  await assertPanelFree(store, draft.organizationId, {
    memberIds: draft.panel,
    range,
    members: panel.members,
    busyVersions: panel.busyVersions,
    ...(panel.busy ? { busy: panel.busy } : {}),
  });
  return store.interviews.create(draft.organizationId, booked, change.at, { booked: range, ...(candidateLink ? { candidateLink } : {}) });
}

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
  const { after, before } = change;
  const bookingNewTime = after.status === 'scheduled' && after.start && after.end && (before.status !== 'scheduled' || before.start?.getTime() !== after.start.getTime());
  const losingTime = before.status === 'scheduled' && (after.status === 'cancelled' || after.status === 'withdrawn' || after.status === 'invited');
  if (bookingNewTime) {
    const range = { start: after.start!, end: after.end! };
    await assertPanelFree(store, interview.organizationId, {
      memberIds: interview.panel,
      range,
      excludeInterviewId: interview.id,
      ...(extra.panel ? { members: extra.panel } : {}),
      ...(extra.busy ? { busy: extra.busy } : {}),
    });
    await store.interviews.releaseBookings(interview.organizationId, interview.id);
    await store.interviews.bookPanel(interview.organizationId, interview.id, interview.panel, range);
  } else if (losingTime) {
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
      offeredSlots: extra.offeredSlots ?? (after.status === 'invited' ? change.offered : []),
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
