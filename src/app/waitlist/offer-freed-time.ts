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

/** Whether freed time is still ahead when it is given up: only then is it anybody's to take. */
export function isAheadOfItsRelease(freed: FreedTime): boolean {
  return freed.start.getTime() > freed.at.getTime();
}

/**
 * Offers freed panel time to the waitlist, inside the caller's transaction, so the offer exists if and only
 * if the change that freed the time commits. Every freed time still ahead of an open opening is recorded
 * (for the backfill figures), and lapses at once when nobody on the waitlist matches; time already past, or
 * freed because the opening ended, leaves no record.
 */
export async function offerFreedTime(ctx: AppContext, store: Store, freed: FreedTime): Promise<void> {
  if (!isAheadOfItsRelease(freed)) return;
  // One statement: nothing for an opening that has ended (the position-filled cascade frees time that is
  // nobody's to offer); else the time is recorded, lapsed at once when nobody waits.
  const slot = await store.waitlist.recordFreedSlot(freed.organizationId, {
    openingId: freed.openingId,
    sourceInterviewId: freed.sourceInterviewId,
    panel: freed.panel,
    start: freed.start,
    end: freed.end,
    freedAt: freed.at,
  });
  if (slot?.status === 'open') await passOn(ctx, store, slot);
}
