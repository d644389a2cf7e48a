import { DomainError } from '../../core/errors.ts';
import { nextSequence } from '../../core/lifecycle.ts';
import type { Interview, InterviewStatus, TimeRange } from '../../core/types.ts';
import type { Store } from '../../store/index.ts';
import { assertPanelFree } from '../slots.ts';

const MINUTE = 60_000;

export function rangeFrom(start: Date, durationMinutes: number): TimeRange {
  return { start, end: new Date(start.getTime() + durationMinutes * MINUTE) };
}

/**
 * Books the panel for a time, checking availability first for a clear answer, and relying on the
 * database's exclusion constraint for the race the check cannot see.
 */
export async function bookInterview(
  store: Store,
  interview: Interview,
  start: Date,
  change: { status: InterviewStatus; raiseSequence: boolean; at: Date },
): Promise<Interview> {
  const range = rangeFrom(start, interview.durationMinutes);
  await assertPanelFree(store, interview.organizationId, { memberIds: interview.panel, range, excludeInterviewId: interview.id });
  await store.interviews.releaseBookings(interview.organizationId, interview.id);
  await store.interviews.bookPanel(interview.organizationId, interview.id, interview.panel, range);
  return store.interviews.update(
    interview.organizationId,
    interview.id,
    {
      status: change.status,
      start: range.start,
      end: range.end,
      sequence: change.raiseSequence ? nextSequence(interview.sequence) : interview.sequence,
      offeredSlots: [],
    },
    change.at,
  );
}

/** Frees the panel's time and raises the sequence, for a cancellation every calendar must see. */
export async function releaseInterview(
  store: Store,
  interview: Interview,
  change: { status: InterviewStatus; at: Date; raiseSequence?: boolean; offeredSlots?: TimeRange[]; clearTime?: boolean },
): Promise<Interview> {
  await store.interviews.releaseBookings(interview.organizationId, interview.id);
  return store.interviews.update(
    interview.organizationId,
    interview.id,
    {
      status: change.status,
      sequence: change.raiseSequence === false ? interview.sequence : nextSequence(interview.sequence),
      ...(change.offeredSlots ? { offeredSlots: change.offeredSlots } : {}),
      ...(change.clearTime ? { start: null, end: null } : {}),
    },
    change.at,
  );
}

export function assertOnGrid(start: Date): void {
  if (start.getTime() % MINUTE !== 0) {
    throw new DomainError('VALIDATION', 'Start times are whole minutes.', { errors: [{ path: 'start', message: 'Use a whole minute.' }] });
  }
}

export function assertInFuture(start: Date, now: Date, path: string): void {
  if (start.getTime() <= now.getTime()) {
    throw new DomainError('VALIDATION', 'That time has already passed.', { errors: [{ path, message: 'Choose a time in the future.' }] });
  }
}
