import { fitsHours } from '../candidate-hours.ts';
import type { TimeRange, WorkingHours } from '../types.ts';

const MINUTE = 60_000;

/** Panel time that became free, as the waitlist sees it. */
export interface FreedTimeSlot {
  start: Date;
  end: Date;
  panel: readonly string[];
}

/** A waiting entry and what is known of its candidate. */
export interface WaitingEntry {
  id: string;
  candidateId: string;
  panel: readonly string[];
  durationMinutes: number;
  earliest: Date | null;
  latest: Date | null;
  joinedAt: Date;
  /** The candidate's zone and reasonable hours (their own, or the organization's default). */
  timezone: string;
  hours: WorkingHours;
}

/** The time an entry would be offered in a freed slot: its start, for the entry's duration. */
export function offeredTime(entry: Pick<WaitingEntry, 'durationMinutes'>, slot: Pick<FreedTimeSlot, 'start'>): TimeRange {
  return { start: slot.start, end: new Date(slot.start.getTime() + entry.durationMinutes * MINUTE) };
}

/**
 * Whether an entry could take a freed slot on its own terms, before asking about anyone's calendar: the
 * slot is ahead, the entry's duration fits in it, it lies inside the entry's window, and inside the
 * candidate's reasonable hours in their own zone.
 */
export function fitsFreedTime(entry: WaitingEntry, slot: FreedTimeSlot, now: Date): boolean {
  const time = offeredTime(entry, slot);
  if (time.start.getTime() <= now.getTime()) return false;
  if (time.end.getTime() > slot.end.getTime()) return false;
  if (entry.earliest && time.start.getTime() < entry.earliest.getTime()) return false;
  if (entry.latest && time.end.getTime() > entry.latest.getTime()) return false;
  return fitsHours(time, entry.hours, entry.timezone);
}

/** An entry that fits, with the answers of the calendars: is the whole entry panel free, is the candidate. */
export interface CheckedEntry extends WaitingEntry {
  panelFree: boolean;
  candidateFree: boolean;
}

export interface OfferInput {
  slot: FreedTimeSlot;
  /** Waiting entries of the opening, in any order. */
  entries: readonly CheckedEntry[];
  /** Entries this slot was already offered to (whatever became of the offer): never offered twice. */
  alreadyOffered: ReadonlySet<string>;
  /** Offers of this slot still standing. */
  standing: number;
  /** The organization's settings. */
  offerMinutes: number;
  fanout: number;
  now: Date;
}

export interface DecidedOffer {
  entryId: string;
  candidateId: string;
  start: Date;
  end: Date;
  expiresAt: Date;
}

/**
 * What becomes of freed time: `offered` to the first matching entries (joined earliest, then id), as many
 * as the fanout leaves room for beside the standing offers; `waiting` when offers stand and nobody more
 * can be asked; `lapsed` when no offer stands and nobody matches.
 */
export type OfferDecision =
  | { kind: 'offered'; at: Date; offers: DecidedOffer[] }
  | { kind: 'waiting'; at: Date }
  | { kind: 'lapsed'; at: Date };

/**
 * Decides who is offered freed time. An offer expires after the organization's offer minutes, and never
 * after the time itself starts.
 */
export function decideOffers(input: OfferInput): OfferDecision {
  const { slot, now } = input;
  const room = Math.max(0, input.fanout - input.standing);
  const matching = input.entries
    .filter((entry) => !input.alreadyOffered.has(entry.id))
    .filter((entry) => entry.panelFree && entry.candidateFree && fitsFreedTime(entry, slot, now))
    .sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // One offer per candidate, even if they wait on the opening twice.
  const seen = new Set<string>();
  const chosen = matching.filter((entry) => (seen.has(entry.candidateId) ? false : (seen.add(entry.candidateId), true))).slice(0, room);
  if (chosen.length === 0) return input.standing > 0 ? { kind: 'waiting', at: now } : { kind: 'lapsed', at: now };
  const expiresAt = new Date(Math.min(now.getTime() + input.offerMinutes * MINUTE, slot.start.getTime()));
  return {
    kind: 'offered',
    at: now,
    offers: chosen.map((entry) => ({ entryId: entry.id, candidateId: entry.candidateId, ...offeredTime(entry, slot), expiresAt })),
  };
}

/** Why a standing offer is taken back: someone else claimed the time, it is no longer free, or the opening ended. */
export type OfferWithdrawal = 'claimed_by_another' | 'no_longer_free' | 'opening_ended';

/** Whether an offer may still be claimed at `now`. */
export function offerClaimable(offer: { status: string; expiresAt: Date }, slot: { status: string }, now: Date): 'ok' | 'OFFER_TAKEN' | 'OFFER_EXPIRED' {
  if (slot.status === 'filled' || offer.status === 'withdrawn' || offer.status === 'claimed') return 'OFFER_TAKEN';
  if (offer.status !== 'offered' || offer.expiresAt.getTime() <= now.getTime() || slot.status !== 'open') return 'OFFER_EXPIRED';
  return 'ok';
}
