import type { JobHandler } from '../jobs/job-handler.ts';
import { OFFER_EXPIRY_JOB, PASS_ON_JOB, passOn } from './pass-on.ts';

/**
 * An offer's time is up: if it still stands, it expires and the slot passes to the next entry. Runs in the
 * job's transaction with the slot locked, so it never races a claim.
 */
const offerExpiry: JobHandler = async ({ ctx, store, job }) => {
  const offerId = String(job.payload.offerId ?? '');
  const found = await store.waitlist.getOffer(job.organizationId, offerId);
  if (!found) return;
  const slot = await store.waitlist.getFreedSlot(job.organizationId, found.freedSlotId, { forUpdate: true });
  const offer = await store.waitlist.getOffer(job.organizationId, offerId);
  if (!slot || !offer) return;
  const now = ctx.clock();
  if (offer.status === 'offered' && offer.expiresAt.getTime() <= now.getTime()) {
    await store.waitlist.resolveOffer(job.organizationId, offer.id, 'expired', now);
  }
  await passOn(ctx, store, slot);
};

/** A slot's offer was declined or fell away: offer it to the next entries. */
const passOnJob: JobHandler = async ({ ctx, store, job }) => {
  const slot = await store.waitlist.getFreedSlot(job.organizationId, String(job.payload.freedSlotId ?? ''), { forUpdate: true });
  if (slot) await passOn(ctx, store, slot);
};

export const WAITLIST_JOB_HANDLERS: Record<string, JobHandler> = {
  [OFFER_EXPIRY_JOB]: offerExpiry,
  [PASS_ON_JOB]: passOnJob,
};
