import { newId } from '../../store/ids.ts';
import { describeDeliveries } from '../../core/candidate-view/index.ts';
import type { DeliverySummary } from '../../core/candidate-view/index.ts';
import { decideBooking } from '../../core/decisions/decide.ts';
import { DomainError, isDomainError } from '../../core/errors.ts';
import { formatWhen } from '../../core/format-time.ts';
import { offerClaimable } from '../../core/waitlist/decide-offers.ts';
import type { OfferedInterview } from '../../core/messages/render-waitlist.ts';
import type { Interview, InterviewStatus } from '../../core/types.ts';
import type { FreedSlot, Store, WaitlistEntry, WaitlistOffer, WaitlistOfferStatus } from '../../store/index.ts';
import type { AppContext } from '../context.ts';
import { applyChange } from '../interviews/booking.ts';
import { candidateLinkUrl, issueCandidateToken } from '../interviews/candidate-token.ts';
import { decisionContext } from '../interviews/decision-context.ts';
import { loadParties } from '../interviews/parties.ts';
import { recordChange } from '../interviews/record.ts';
import { announceChange } from '../notifications/announce-change.ts';
import { hashSecret } from '../secrets.ts';
import { claimedInterviewStatus } from './claimed-interview.ts';
import { notifyWaitlist } from './notify-waitlist.ts';
import { offeredFormat, offeredInterview } from './offered-format.ts';
import { isOfferToken } from './offer-token.ts';
import { schedulePassOn } from './pass-on.ts';

/** What the candidate sees behind an offer link. */
export interface OfferView {
  offer: {
    status: WaitlistOfferStatus;
    /**
     * `open` while it can be claimed; `taken` when the time went to someone else or is no longer free;
     * `ended` when the candidate is no longer on the waitlist (taken off it, or the opening ended).
     */
    state: 'open' | 'taken' | 'expired' | 'claimed' | 'declined' | 'ended';
    start: string;
    end: string;
    durationMinutes: number;
    candidateTimezone: string;
    startLocal: string;
    expiresAt: string;
    expiresLocal: string;
    opening: { title: string };
    /** The interview offered, as the claim will book it: the title, place and format of the interview whose time was freed. */
    interview: OfferedInterview;
    organization: { name: string; contactEmail: string | null; contactPhone: string | null };
    /** The offer link's actions, named as its paths: `…/claim` and `…/decline-offer`. */
    actions: Array<'claim' | 'decline-offer'>;
    /** Once claimed: the booked interview's status now (it may have been cancelled since); null before. */
    interviewStatus: InterviewStatus | null;
  };
}

interface Resolved {
  offer: WaitlistOffer;
  slot: FreedSlot;
  entry: WaitlistEntry;
}

const NOT_FOUND = () => new DomainError('NOT_FOUND', 'This link is not valid.');

/** The offer behind a token, its slot (locked when asked: that serialises every decision about it) and its entry. */
async function resolve(store: Store, token: string, lock: boolean): Promise<Resolved> {
  if (!isOfferToken(token)) throw NOT_FOUND();
  const found = await store.waitlist.findOfferByTokenHash(hashSecret(token));
  if (!found) throw NOT_FOUND();
  const slot = await store.waitlist.getFreedSlot(found.organizationId, found.freedSlotId, { forUpdate: lock });
  // Read again under the slot's lock: another claim may have settled it meanwhile.
  const offer = lock ? (await store.waitlist.getOffer(found.organizationId, found.id))! : found;
  const entry = await store.waitlist.getEntry(found.organizationId, offer.entryId, { forUpdate: lock });
  if (!slot || !entry) throw NOT_FOUND();
  return { offer, slot, entry };
}

function stateOf(resolved: Resolved, now: Date): OfferView['offer']['state'] {
  const { offer, slot, entry } = resolved;
  if (offer.status === 'claimed') return 'claimed';
  if (offer.status === 'declined') return 'declined';
  // Taken off the waitlist, or the waitlist closed with the opening.
  if (entry.status === 'removed' || entry.status === 'closed') return 'ended';
  const verdict = offerClaimable(offer, slot, now);
  return verdict === 'ok' ? 'open' : verdict === 'OFFER_TAKEN' ? 'taken' : 'expired';
}

async function viewOf(store: Store, resolved: Resolved, now: Date): Promise<OfferView> {
  const { offer, slot, entry } = resolved;
  const organization = (await store.organizations.get(offer.organizationId))!;
  const opening = (await store.openings.get(offer.organizationId, slot.openingId))!;
  const candidate = (await store.candidates.get(offer.organizationId, entry.candidateId))!;
  const end = new Date(slot.startAt.getTime() + entry.durationMinutes * 60_000);
  const state = stateOf(resolved, now);
  const format = await offeredFormat(store, slot, opening);
  return {
    offer: {
      status: offer.status,
      state,
      start: slot.startAt.toISOString(),
      end: end.toISOString(),
      durationMinutes: entry.durationMinutes,
      candidateTimezone: candidate.timezone,
      startLocal: formatWhen(slot.startAt, candidate.timezone),
      expiresAt: offer.expiresAt.toISOString(),
      expiresLocal: formatWhen(offer.expiresAt, candidate.timezone),
      opening: { title: opening.title },
      interview: offeredInterview(format),
      organization: { name: organization.name, contactEmail: organization.contactEmail, contactPhone: organization.contactPhone },
      actions: state === 'open' ? ['claim', 'decline-offer'] : [],
      interviewStatus: state === 'claimed' ? await claimedInterviewStatus(store, offer.organizationId, entry.interviewId) : null,
    },
  };
}

export async function viewOffer(ctx: AppContext, token: string): Promise<OfferView> {
  const resolved = await resolve(ctx.store, token, false);
  return viewOf(ctx.store, resolved, ctx.clock());
}

export interface ClaimedOffer {
  interview: Interview;
  candidateLink: string;
  /** Who the booking's emails went to and what each carries, from the emails written to the outbox. */
  outcome: DeliverySummary;
}

/**
 * Claims an offer: books the entry's panel at the freed time as a scheduled interview, with the usual
 * confirmation, panel invitations and reminders, and withdraws the other offers of the time with a kind
 * note. The slot's row is locked first, so of several claims at one instant exactly one wins; the others
 * are refused as OFFER_TAKEN (and the unique index on claimed offers holds the line if anything slipped).
 */
export async function claimOffer(ctx: AppContext, token: string): Promise<ClaimedOffer> {
  const now = ctx.clock();
  try {
    return await ctx.store.transaction(async (store) => {
      const resolved = await resolve(store, token, true);
      const { offer, slot, entry } = resolved;
      const organizationId = offer.organizationId;
      const verdict = offerClaimable(offer, slot, now);
      if (offer.status === 'claimed') throw new DomainError('INVALID_STATE', 'You have already claimed this time: your interview is booked.');
      if (verdict === 'OFFER_TAKEN') throw new DomainError('OFFER_TAKEN', 'Someone else has taken this time.');
      if (verdict === 'OFFER_EXPIRED') throw new DomainError('OFFER_EXPIRED', 'This offer has expired.');
      if (entry.status !== 'waiting') throw new DomainError('OFFER_EXPIRED', 'This offer no longer stands.');
      const opening = await store.openings.get(organizationId, slot.openingId);
      if (!opening || opening.status !== 'open') throw new DomainError('OFFER_EXPIRED', 'This offer no longer stands.');

      // What was offered is what is booked: the freed interview's title, place and video link, for the
      // entry's duration (the one its window, hours and panel were checked for, and the offer stated).
      const format = await offeredFormat(store, slot, opening);
      let interview = await store.interviews.create(
        organizationId,
        {
          openingId: opening.id,
          candidateId: entry.candidateId,
          title: format.title,
          durationMinutes: entry.durationMinutes,
          panel: entry.panel,
          status: 'invited',
          start: null,
          end: null,
          uid: `${newId()}@${ctx.config.mailDomain}`,
          location: format.location,
          videoUrl: format.videoUrl,
          offeredSlots: [],
        },
        now,
      );
      const organization = (await store.organizations.get(organizationId))!;
      const change = decideBooking(interview, { by: 'candidate', start: slot.startAt }, decisionContext(organization, now))!;
      interview = await applyChange(ctx, store, interview, change);
      if (!(await store.waitlist.resolveOffer(organizationId, offer.id, 'claimed', now))) throw new DomainError('OFFER_TAKEN', 'Someone else has taken this time.');
      await store.waitlist.fillSlot(organizationId, slot.id, entry.id, now);
      await store.waitlist.endEntry(organizationId, entry.id, 'filled', now, interview.id);

      // The others offered this time hear that it has gone; the claimant's offers of other times pass on.
      for (const other of await store.waitlist.offersOfSlot(organizationId, slot.id)) {
        if (other.status !== 'offered') continue;
        await store.waitlist.resolveOffer(organizationId, other.id, 'withdrawn', now);
        const otherEntry = (await store.waitlist.getEntry(organizationId, other.entryId))!;
        const candidate = (await store.candidates.get(organizationId, otherEntry.candidateId))!;
        await notifyWaitlist(ctx, store, {
          organization,
          openingTitle: opening.title,
          candidate,
          notice: { kind: 'offer_withdrawn', at: now, start: slot.startAt, why: 'claimed_by_another' },
        });
      }
      for (const mine of await store.waitlist.openOffersOfEntry(organizationId, entry.id)) {
        await store.waitlist.resolveOffer(organizationId, mine.id, 'withdrawn', now);
        await schedulePassOn(store, { organizationId, id: mine.freedSlotId }, now);
      }

      const candidateToken = await issueCandidateToken(ctx, store, interview);
      const link = candidateLinkUrl(ctx, candidateToken);
      const parties = await loadParties(store, interview);
      const { messageIds, planned } = await announceChange(ctx, store, parties, change, { link });
      await recordChange(store, interview, change, { messageIds, details: { start: interview.start?.toISOString() } });
      await store.interviews.appendHistory(organizationId, interview.id, {
        at: now,
        actor: 'candidate',
        action: 'filled_from_waitlist',
        details: { freedSlotId: slot.id, entryId: entry.id },
      });
      return { interview, candidateLink: link, outcome: describeDeliveries(planned) };
    });
  } catch (error) {
    // The panel or the candidate was taken by an interview booked outside the waitlist meanwhile.
    if (isDomainError(error, 'SLOT_TAKEN')) throw new DomainError('OFFER_TAKEN', 'This time is no longer free.');
    throw error;
  }
}

/** Passes an offer on: it is declined, the candidate stays on the waitlist, and the time goes to the next entry. */
export async function declineOffer(ctx: AppContext, token: string): Promise<OfferView> {
  const now = ctx.clock();
  return ctx.store.transaction(async (store) => {
    const resolved = await resolve(store, token, true);
    const verdict = offerClaimable(resolved.offer, resolved.slot, now);
    if (resolved.offer.status === 'claimed') throw new DomainError('INVALID_STATE', 'You have already claimed this time: your interview is booked.');
    if (verdict !== 'ok') throw new DomainError(verdict, verdict === 'OFFER_TAKEN' ? 'Someone else has taken this time.' : 'This offer has expired.');
    await store.waitlist.resolveOffer(resolved.offer.organizationId, resolved.offer.id, 'declined', now);
    await schedulePassOn(store, resolved.slot, now);
    return viewOf(store, { ...resolved, offer: { ...resolved.offer, status: 'declined', resolvedAt: now } }, now);
  });
}
