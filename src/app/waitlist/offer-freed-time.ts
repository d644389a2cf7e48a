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
 * if the change that freed the time commits. Every freed time still ahead of an open opening is recorded
 * (for the backfill figures), and lapses at once when nobody on the waitlist matches; time already past, or
 * freed because the opening ended, leaves no record.
 */
export async function offerFreedTime(ctx: AppContext, store: Store, freed: FreedTime): Promise<void> {
  if (freed.start.getTime() <= freed.at.getTime()) return;
  // Time freed because the opening ended (the position-filled cascade) is nobody's to offer.
  const opening = await store.openings.get(freed.organizationId, freed.openingId);
  if (!opening || opening.status !== 'open') return;
  // Nobody waiting: one row for the figures, lapsed at once, and nothing more to ask.
  const anyone = await store.waitlist.listEntries(freed.organizationId, freed.openingId, { status: 'waiting', limit: 1 });
  const slot = await store.waitlist.addFreedSlot(freed.organizationId, {
    openingId: freed.openingId,
    sourceInterviewId: freed.sourceInterviewId,
    panel: freed.panel,
    start: freed.start,
    end: freed.end,
    freedAt: freed.at,
    status: anyone.length === 0 ? 'lapsed' : 'open',
  });
  if (anyone.length > 0) await passOn(ctx, store, slot);
}
