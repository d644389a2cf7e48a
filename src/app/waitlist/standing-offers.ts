import { DomainError } from '../../core/errors.ts';
import type { AppContext } from '../context.ts';

/** An offer of freed panel time that a waitlisted candidate may still claim. */
export interface StandingOffer {
  id: string;
  entryId: string;
  candidate: { id: string; name: string; timezone: string };
  freedSlot: { id: string; start: Date; end: Date; panel: string[] };
  offeredAt: Date;
  expiresAt: Date;
}

/**
 * The offers of an opening's freed time still standing now: not claimed, declined, withdrawn or past
 * their expiry (an expired one may wait a moment for the background job to settle it; it is not shown).
 * Oldest freed time first, then by when it was offered.
 */
export async function listStandingOffers(ctx: AppContext, organizationId: string, openingId: string): Promise<StandingOffer[]> {
  const { store } = ctx;
  const now = ctx.clock().getTime();
  const opening = await store.openings.get(organizationId, openingId);
  if (!opening) throw new DomainError('NOT_FOUND', 'No such opening.');
  const standing: StandingOffer[] = [];
  for (const slot of await store.waitlist.listFreedSlots(organizationId, { openingId, status: 'open' })) {
    for (const offer of await store.waitlist.offersOfSlot(organizationId, slot.id)) {
      if (offer.status !== 'offered' || offer.expiresAt.getTime() <= now) continue;
      const entry = await store.waitlist.getEntry(organizationId, offer.entryId);
      const candidate = entry ? await store.candidates.get(organizationId, entry.candidateId) : null;
      if (!entry || !candidate) continue;
      standing.push({
        id: offer.id,
        entryId: entry.id,
        candidate: { id: candidate.id, name: candidate.name, timezone: candidate.timezone },
        freedSlot: { id: slot.id, start: slot.startAt, end: slot.endAt, panel: slot.panel },
        offeredAt: offer.offeredAt,
        expiresAt: offer.expiresAt,
      });
    }
  }
  return standing;
}
