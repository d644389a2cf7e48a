import type { Store } from '../../store/index.ts';
import type { AppContext } from '../context.ts';
import { notifyWaitlist } from './notify-waitlist.ts';

/**
 * Closes an opening's waitlist when the opening is filled or closed, with a kind note to each waiting
 * candidate, inside the caller's transaction. Standing offers are withdrawn without a note of their own (the
 * closing note says it all) and open freed time lapses. Returns how many entries were closed.
 */
export async function closeWaitlistForOpening(
  ctx: AppContext,
  store: Store,
  opening: { organizationId: string; openingId: string; how: 'filled' | 'closed'; at: Date; hiredCandidateId?: string | null },
): Promise<number> {
  const { organizationId, openingId, how, at } = opening;
  const closed = await store.waitlist.closeWaiting(organizationId, openingId, at);
  for (const slotId of await store.waitlist.lapseOpenSlots(organizationId, openingId)) {
    for (const offer of await store.waitlist.offersOfSlot(organizationId, slotId)) {
      if (offer.status === 'offered') await store.waitlist.resolveOffer(organizationId, offer.id, 'withdrawn', at);
    }
  }
  if (closed.length === 0) return 0;
  const organization = (await store.organizations.get(organizationId))!;
  const record = await store.openings.get(organizationId, openingId);
  for (const entry of closed) {
    // The person hired hears the news from the recruiters, not a note that the waitlist has closed.
    if (entry.candidateId === opening.hiredCandidateId) continue;
    // A candidate with an interview still open hears about it from the cascade, once, not twice.
    const theirs = await store.interviews.list(organizationId, { candidateId: entry.candidateId, openingId });
    if (theirs.some((i) => i.status === 'invited' || i.status === 'scheduled')) continue;
    const candidate = await store.candidates.get(organizationId, entry.candidateId);
    if (!candidate) continue;
    await notifyWaitlist(ctx, store, { organization, openingTitle: record?.title ?? '', candidate, notice: { kind: 'closed', at, how } });
  }
  return closed.length;
}
