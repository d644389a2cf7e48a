import { DomainError } from '../../core/errors.ts';
import type { InterviewChange } from '../../core/decisions/interview-change.ts';
import type { Interview, TimeRange } from '../../core/types.ts';
import type { Store } from '../../store/index.ts';
import { assertPanelFree } from '../slots.ts';

/**
 * Writes a decided change to the interview: books the panel for a new time (checking first for a clear
 * answer, and relying on the database's exclusion constraints — the panel's and the candidate's — for the
 * race the check cannot see), frees the panel's time when the interview loses it, and stores the status,
 * time and sequence the core decided. Closing an interview keeps its bookings as the record of the time.
 */
export async function applyChange(store: Store, interview: Interview, change: InterviewChange, extra: { offeredSlots?: TimeRange[] } = {}): Promise<Interview> {
  const { after, before } = change;
  const bookingNewTime = after.status === 'scheduled' && after.start && after.end && (before.status !== 'scheduled' || before.start?.getTime() !== after.start.getTime());
  const losingTime = before.status === 'scheduled' && (after.status === 'cancelled' || after.status === 'withdrawn' || after.status === 'invited');
  if (bookingNewTime) {
    const range = { start: after.start!, end: after.end! };
    await assertPanelFree(store, interview.organizationId, { memberIds: interview.panel, range, excludeInterviewId: interview.id });
    if (await store.interviews.candidateOverlaps(interview.organizationId, interview.candidateId, range, interview.id)) {
      throw new DomainError('CANDIDATE_BUSY', 'The candidate already has another interview at that time.');
    }
    await store.interviews.releaseBookings(interview.organizationId, interview.id);
    await store.interviews.bookPanel(interview.organizationId, interview.id, interview.panel, range);
  } else if (losingTime) {
    await store.interviews.releaseBookings(interview.organizationId, interview.id);
  }
  return store.interviews.update(
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
  );
}
