import type { Store } from '../../store/index.ts';
import type { AppContext } from '../context.ts';

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
 * if the change that freed the time commits.
 */
export async function offerFreedTime(_ctx: AppContext, _store: Store, _freed: FreedTime): Promise<void> {
  // The waitlist is not built yet: freed time is not offered to anyone.
}
