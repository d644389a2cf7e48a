import type { Store } from '../../store/index.ts';
import type { AppContext } from '../context.ts';
import { passOn } from './pass-on.ts';

/** Panel time that has just become free, in the transaction that freed it. */
export interface FreedTime {
  organizationId: string;
  openingId: string;
  /** The interview whose cancellation, move or withdrawal freed the time. */
  sourceInterviewId: string;
  panel: string[];
  start: Date;
  end: Date;
  at: Date;
}

/**
 * Offers freed panel time to the waitlist, inside the caller's transaction, so the offer exists if and only
 * if the change that freed the time commits. Every freed time still ahead is recorded (for the backfill
 * figures), and lapses at once when nobody on the waitlist matches; time already past leaves no record.
 */
export async function offerFreedTime(ctx: AppContext, store: Store, freed: FreedTime): Promise<void> {
  if (freed.start.getTime() <= freed.at.getTime()) return;
  const slot = await store.waitlist.addFreedSlot(freed.organizationId, {
    openingId: freed.openingId,
    sourceInterviewId: freed.sourceInterviewId,
    panel: freed.panel,
    start: freed.start,
    end: freed.end,
    freedAt: freed.at,
  });
  await passOn(ctx, store, slot);
}
