import { candidateHoursFor } from '../../core/candidate-hours.ts';
import { decideOffers, fitsFreedTime, offeredTime } from '../../core/waitlist/decide-offers.ts';
import type { CheckedEntry, OfferDecision, WaitingEntry } from '../../core/waitlist/decide-offers.ts';
import type { FreedSlot, Store } from '../../store/index.ts';
import type { AppContext } from '../context.ts';
import { hashSecret } from '../secrets.ts';
import { findFreePanelSlots } from '../slots.ts';
import { notifyWaitlist } from './notify-waitlist.ts';
import { newOfferToken, offerLinkUrl } from './offer-token.ts';
import { offeredFormat, offeredInterview } from './offered-format.ts';
import { waitlistOfferedEvent } from '../webhooks/events.ts';

/** Background job kinds of the waitlist. */
export const OFFER_EXPIRY_JOB = 'waitlist.offer_expiry';
export const PASS_ON_JOB = 'waitlist.pass_on';

/** Whether every member of a panel is free (working hours, busy time, bookings, buffers) for the whole time. */
async function panelFree(store: Store, organizationId: string, panel: string[], time: { start: Date; end: Date }): Promise<boolean> {
  const minutes = Math.round((time.end.getTime() - time.start.getTime()) / 60_000);
  try {
    const slots = await findFreePanelSlots(store, organizationId, { memberIds: panel, durationMinutes: minutes, from: time.start, to: time.end, stepMinutes: minutes });
    return slots.some((slot) => slot.start === time.start.getTime());
  } catch {
    // A member who is gone, or a duration the slot search refuses: not free.
    return false;
  }
}

/**
 * Offers a freed slot to the next matching entries, inside the caller's transaction, which must hold the
 * slot's row (`getFreedSlot(..., { forUpdate: true })`): the first entries that joined, whose window and
 * candidate's hours fit, whose whole panel and candidate are free, up to the organization's fanout beside
 * the offers still standing. With nobody left to ask and no offer standing, the slot lapses.
 */
export async function passOn(ctx: AppContext, store: Store, slot: FreedSlot): Promise<OfferDecision> {
  const now = ctx.clock();
  if (slot.status !== 'open') return { kind: 'waiting', at: now };
  const organization = (await store.organizations.get(slot.organizationId))!;
  const opening = await store.openings.get(slot.organizationId, slot.openingId);
  if (!opening || opening.status !== 'open') {
    await store.waitlist.lapseSlot(slot.organizationId, slot.id);
    return { kind: 'lapsed', at: now };
  }
  const offers = await store.waitlist.offersOfSlot(slot.organizationId, slot.id);
  const standing = offers.filter((o) => o.status === 'offered').length;
  const alreadyOffered = new Set(offers.map((o) => o.entryId));
  const source = slot.sourceInterviewId ? await store.interviews.get(slot.organizationId, slot.sourceInterviewId) : null;
  const waiting = await store.waitlist.listEntries(slot.organizationId, slot.openingId, { status: 'waiting' });

  const checked: CheckedEntry[] = [];
  const candidates = new Map<string, NonNullable<Awaited<ReturnType<Store['candidates']['get']>>>>();
  const freed = { start: slot.startAt, end: slot.endAt, panel: slot.panel };
  for (const row of waiting) {
    // The candidate who gave the time up is not offered it back.
    if (alreadyOffered.has(row.id) || row.candidateId === source?.candidateId) continue;
    // One standing offer per entry at a time, and none to a candidate already interviewing for the opening.
    if (await store.waitlist.hasStandingOffer(slot.organizationId, row.id)) continue;
    const open = await store.interviews.list(slot.organizationId, { candidateId: row.candidateId, openingId: slot.openingId });
    if (open.some((i) => i.status === 'invited' || i.status === 'scheduled')) continue;
    const candidate = await store.candidates.get(slot.organizationId, row.candidateId);
    if (!candidate) continue;
    candidates.set(candidate.id, candidate);
    const entry: WaitingEntry = { ...row, timezone: candidate.timezone, hours: candidateHoursFor(candidate, organization) };
    if (!fitsFreedTime(entry, freed, now)) continue;
    const time = offeredTime(entry, freed);
    const busy = await store.interviews.candidateBusy(slot.organizationId, candidate.id, time.start, time.end, null);
    const candidateFree = !busy.some((b) => b.start.getTime() < time.end.getTime() && time.start.getTime() < b.end.getTime());
    checked.push({ ...entry, candidateFree, panelFree: candidateFree && (await panelFree(store, slot.organizationId, row.panel, time)) });
  }

  const decision = decideOffers({ slot: freed, entries: checked, alreadyOffered, standing, offerMinutes: organization.offerMinutes, fanout: organization.offerFanout, now });
  if (decision.kind === 'lapsed') await store.waitlist.lapseSlot(slot.organizationId, slot.id);
  if (decision.kind !== 'offered') return decision;
  const shared = decision.offers.length + standing > 1;
  const interview = offeredInterview(await offeredFormat(store, slot, opening));
  for (const decided of decision.offers) {
    const token = newOfferToken();
    const offer = await store.waitlist.addOffer(slot.organizationId, {
      freedSlotId: slot.id,
      entryId: decided.entryId,
      tokenHash: hashSecret(token),
      offeredAt: now,
      expiresAt: decided.expiresAt,
    });
    await store.jobs.enqueue({ organizationId: slot.organizationId, kind: OFFER_EXPIRY_JOB, key: offer.id, payload: { offerId: offer.id }, runAt: decided.expiresAt });
    await store.webhooks.enqueue(slot.organizationId, [waitlistOfferedEvent(offer, decided, opening)]);
    const entry = checked.find((e) => e.id === decided.entryId)!;
    await notifyWaitlist(ctx, store, {
      organization,
      openingTitle: opening.title,
      candidate: candidates.get(decided.candidateId)!,
      notice: { kind: 'offered', at: now, start: decided.start, end: decided.end, durationMinutes: entry.durationMinutes, interview, expiresAt: decided.expiresAt, shared },
      link: offerLinkUrl(ctx, token),
    });
    ctx.onOfferLink?.({ entryId: decided.entryId, link: offerLinkUrl(ctx, token), expiresAt: decided.expiresAt });
  }
  return decision;
}

/** Asks the background to pass a slot on (after a decline, or when a claimant's other offers fall away). */
export async function schedulePassOn(store: Store, slot: Pick<FreedSlot, 'organizationId' | 'id'>, at: Date): Promise<void> {
  await store.jobs.enqueue({ organizationId: slot.organizationId, kind: PASS_ON_JOB, key: slot.id, payload: { freedSlotId: slot.id }, runAt: at });
}
