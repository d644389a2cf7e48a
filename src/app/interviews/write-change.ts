import type { InterviewChange } from '../../core/decisions/interview-change.ts';
import type { Interview } from '../../core/types.ts';
import type { KeptPartiesCheck, NewHistoryEntry, Store } from '../../store/index.ts';
import type { AppContext } from '../context.ts';
import { PASS_ON_JOB, passOn } from '../waitlist/pass-on.ts';
import { isAheadOfItsRelease } from '../waitlist/offer-freed-time.ts';
import { bookingEffectOf, freedTimeOf, snapshotOf } from './booking.ts';
import type { StoredCandidateLink } from './candidate-token.ts';
import type { InterviewParties } from './parties.ts';

/**
 * When the job queued with recorded freed time runs, if the request has not made the offer by then: late
 * enough that it never races the request's own offer, soon enough after a process stopped in between.
 */
const PASS_ON_FALLBACK_MS = 60_000;

/** An interview as a use case read it without a lock, with the version of its row the decision is made on. */
export interface ReadInterview {
  interview: Interview;
  version: string;
}

/**
 * Writes a change decided on an interview read without a lock, in one statement (see
 * `InterviewRepository.writeChange`), inside `Store.inOneStatement`: the interview as the change leaves it
 * (`parties.interview`, as `changedInterview` makes it), its panel's bookings, the time it gives up for the
 * waitlist, its history line with the messages held for it and the events the line announces; with
 * `candidateLink`, the candidate's fresh link; with `dropReminders`, the reminders of the old time dropped;
 * with `keptParties`, only while the parties it was decided on are still as kept (see `KeptPartiesAttempt`).
 *
 * When the interview changed after it was read, nothing is written and the work runs again on it as it is
 * now. Check a new time with `assertNewTimeFree` first, for a clear answer; the database refuses a taken
 * one either way.
 *
 * Time someone waits for is offered right after the statement, in a transaction of its own, as
 * `offerFreedTime` offers it inside one; the statement queued the job that offers it too, so a process that
 * stops in between leaves the offer to the job, and the job finds it made otherwise.
 */
export async function writeChange(
  ctx: AppContext,
  store: Store,
  read: ReadInterview,
  change: InterviewChange,
  also: { parties: InterviewParties; line: NewHistoryEntry; candidateLink?: StoredCandidateLink; dropReminders?: boolean; keptParties?: KeptPartiesCheck },
): Promise<Interview> {
  const { interview } = read;
  const after = also.parties.interview;
  const effect = bookingEffectOf(change);
  const freed = freedTimeOf(interview, change);
  const written = await store.interviews.writeChange(interview.organizationId, interview.id, {
    version: read.version,
    set: { status: after.status, start: after.start, end: after.end, sequence: after.sequence, offeredSlots: after.offeredSlots, candidatePartstat: after.candidatePartstat },
    at: change.at,
    panel: interview.panel,
    bookings: effect === 'book' ? { book: { start: after.start!, end: after.end! } } : effect,
    ...(freed && isAheadOfItsRelease(freed)
      ? {
          freed: {
            slot: { openingId: freed.openingId, panel: freed.panel, start: freed.start, end: freed.end, freedAt: freed.at },
            passOn: { kind: PASS_ON_JOB, runAt: new Date(change.at.getTime() + PASS_ON_FALLBACK_MS) },
          },
        }
      : {}),
    ...(also.dropReminders ? { dropQueued: 'reminder' } : {}),
    ...(also.candidateLink ? { candidateLink: { candidateId: interview.candidateId, openingId: interview.openingId, ...also.candidateLink } } : {}),
    line: { entry: also.line, snapshot: snapshotOf(after, also.parties.opening, also.parties.candidate) },
    ...(also.keptParties ? { keptParties: also.keptParties } : {}),
  });
  if (written.freedSlot?.status === 'open') await offerRecordedSlot(ctx, store, interview.organizationId, written.freedSlot.id);
  return written.interview;
}

/**
 * Offers freed time the change's statement recorded, now, and marks the job queued with it done. Inside
 * a transaction (a change that joined one) that is part of it. Otherwise the change is written whatever
 * happens here: a failure is logged and the job makes the offer. That holds too inside a request's one
 * transaction (an Idempotency-Key), where the offer is a part undone alone.
 */
async function offerRecordedSlot(ctx: AppContext, store: Store, organizationId: string, slotId: string): Promise<void> {
  const offer = async (within: Store): Promise<void> => {
    const slot = await within.waitlist.getFreedSlot(organizationId, slotId, { forUpdate: true });
    if (slot) await passOn(ctx, within, slot);
    await within.jobs.settle(organizationId, PASS_ON_JOB, slotId, ctx.clock());
  };
  if (store.inTransaction && !store.undoesPartsAlone) return offer(store);
  await (store.inTransaction ? store : ctx.store).transaction(offer).catch((error: unknown) => {
    ctx.log?.({ level: 'warn', event: 'waitlist.offer-deferred', freedSlotId: slotId, error: error instanceof Error ? error.message : String(error) });
  });
}
