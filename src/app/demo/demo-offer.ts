import { fitsHours } from '../../core/candidate-hours.ts';
import { describeSpan } from '../../core/notice-policy.ts';
import type { Candidate, Member, Opening, Organization } from '../../core/types.ts';
import type { AppContext } from '../context.ts';
import { cancelByCandidate } from '../interviews/candidate-actions.ts';
import { createInterview } from '../interviews/create-interview.ts';
import { addToWaitlist, removeFromWaitlist } from '../waitlist/entries.ts';
import { DEMO_WAITLIST_PANEL } from './cast.ts';
import { demoInterviewInput } from './demo-interview.ts';
import { DEMO_DURATION_MINUTES, findDemoSlot } from './demo-slots.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface DemoOfferLink {
  label: string;
  url: string;
  candidateName: string;
  candidateTimezone: string;
  /** The freed time offered. */
  start: string;
  /** When the offer lapses unless claimed. */
  expiresAt: string;
}

interface DemoCast {
  organization: Organization;
  opening: Opening;
  membersByEmail: Map<string, Member>;
  withdrawingCandidate: Candidate;
  waitlistCandidates: Candidate[];
}

/**
 * A waitlist offer to try: someone is booked, someone else waits on the opening for that panel, and the
 * booked candidate withdraws, so the freed time is offered to the one waiting, as it would be for real.
 * The offer's link is caught as it is made (only its hash is stored). Null when nobody on the waitlist
 * can be offered anything now (each has a standing offer or an interview) or no time is free.
 */
export async function prepareDemoOffer(ctx: AppContext, cast: DemoCast): Promise<DemoOfferLink | null> {
  const now = ctx.clock();
  const orgId = cast.organization.id;
  const waiting = await ctx.store.waitlist.listEntries(orgId, cast.opening.id, { status: 'waiting' });
  let chosen: Candidate | null = null;
  for (const candidate of cast.waitlistCandidates) {
    // The same rules the waitlist applies: nobody already interviewing, one standing offer at a time.
    const interviews = await ctx.store.interviews.list(orgId, { candidateId: candidate.id, openingId: cast.opening.id });
    if (interviews.some((i) => i.status === 'invited' || i.status === 'scheduled')) continue;
    const entry = waiting.find((e) => e.candidateId === candidate.id);
    if (entry && (await ctx.store.waitlist.hasStandingOffer(orgId, entry.id))) continue;
    chosen = candidate;
    break;
  }
  if (!chosen) return null;

  const panel = DEMO_WAITLIST_PANEL.map((email) => cast.membersByEmail.get(email)!.id);
  const from = new Date(now.getTime() + (cast.organization.noticePolicy.adequateHours + 1) * HOUR);
  const slot = await findDemoSlot(ctx, cast.organization, { candidates: [cast.withdrawingCandidate], panels: [panel], from, to: new Date(from.getTime() + 14 * DAY) });
  const end = slot ? new Date(slot.start.getTime() + DEMO_DURATION_MINUTES * 60_000) : null;
  if (!slot || !end || !fitsHours({ start: slot.start, end }, cast.organization.candidateHours, chosen.timezone)) return null;

  const booked = await createInterview(ctx, orgId, { ...demoInterviewInput(cast.organization, cast.opening, cast.withdrawingCandidate, panel), start: slot.start });
  // A fresh entry whose window is exactly this time, so no older freed time is offered to it first.
  const previous = waiting.find((e) => e.candidateId === chosen.id);
  if (previous) await removeFromWaitlist(ctx, orgId, cast.opening.id, previous.id);
  const entry = await addToWaitlist(ctx, orgId, cast.opening.id, { candidateId: chosen.id, panel, durationMinutes: DEMO_DURATION_MINUTES, earliest: slot.start, latest: end });

  const made: Array<{ entryId: string; link: string; expiresAt: Date }> = [];
  await cancelByCandidate({ ...ctx, onOfferLink: (offer) => made.push(offer) }, booked.candidateToken, { reason: 'accepted_offer' });
  const offer = made.find((o) => o.entryId === entry.id);
  if (!offer) return null;
  return {
    label: `${chosen.name}, on the waitlist: offered time freed ${describeSpan(slot.start.getTime() - now.getTime())} ahead`,
    url: offer.link,
    candidateName: chosen.name,
    candidateTimezone: chosen.timezone,
    start: slot.start.toISOString(),
    expiresAt: offer.expiresAt.toISOString(),
  };
}
