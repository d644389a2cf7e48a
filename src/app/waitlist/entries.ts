import { DomainError } from '../../core/errors.ts';
import type { WaitlistEntry } from '../../store/index.ts';
import type { AppContext } from '../context.ts';
import { FieldErrors } from '../validation.ts';
import { schedulePassOn } from './pass-on.ts';

export interface NewEntryInput {
  candidateId: string;
  panel: string[];
  durationMinutes: number;
  earliest?: Date | null;
  latest?: Date | null;
}

/** Puts a candidate on an opening's waitlist for a panel, a duration and an optional window. */
export async function addToWaitlist(ctx: AppContext, organizationId: string, openingId: string, input: NewEntryInput): Promise<WaitlistEntry> {
  const errors = new FieldErrors();
  if (input.panel.length === 0) errors.add('panel', 'A panel needs at least one member.');
  if (new Set(input.panel).size !== input.panel.length) errors.add('panel', 'A member is listed twice.');
  if (!Number.isInteger(input.durationMinutes) || input.durationMinutes < 5 || input.durationMinutes > 1440) errors.add('durationMinutes', 'The duration must be 5 to 1440 whole minutes.');
  if (input.earliest && input.latest && input.latest.getTime() <= input.earliest.getTime()) errors.add('latest', 'The window must end after it starts.');
  if (input.earliest && input.latest && input.latest.getTime() - input.earliest.getTime() < input.durationMinutes * 60_000) {
    errors.add('latest', 'The window is shorter than the interview.');
  }
  const now = ctx.clock();
  // A window that has already ended could never be offered anything.
  if (input.latest && input.latest.getTime() <= now.getTime()) errors.add('latest', 'The window has already ended.');
  errors.throwIfAny();
  return ctx.store.transaction(async (store) => {
    const opening = await store.openings.get(organizationId, openingId);
    if (!opening) throw new DomainError('NOT_FOUND', 'No such opening.');
    if (opening.status !== 'open') throw new DomainError('OPENING_NOT_OPEN', `The opening is ${opening.status}.`);
    const candidate = await store.candidates.get(organizationId, input.candidateId);
    if (!candidate) throw new DomainError('NOT_FOUND', 'No such candidate.');
    const members = await store.members.getMany(organizationId, input.panel);
    if (members.length !== input.panel.length) throw new DomainError('NOT_FOUND', 'Some panel members do not exist in this organization.');
    const waiting = await store.waitlist.listEntries(organizationId, openingId, { status: 'waiting' });
    if (waiting.some((e) => e.candidateId === candidate.id)) throw new DomainError('CONFLICT', 'The candidate is already on this waitlist.');
    const entry = await store.waitlist.addEntry(organizationId, {
      openingId,
      candidateId: candidate.id,
      panel: input.panel,
      durationMinutes: input.durationMinutes,
      earliest: input.earliest ?? null,
      latest: input.latest ?? null,
      joinedAt: now,
    });
    // Time freed earlier that nobody has claimed may suit the newcomer: it is asked about again (and
    // lapses again if the newcomer does not fit or the time has been booked since).
    for (const slot of await store.waitlist.listFreedSlots(organizationId, { openingId })) {
      if (slot.status === 'filled' || slot.startAt.getTime() <= now.getTime()) continue;
      if (slot.status === 'lapsed') await store.waitlist.reopenSlot(organizationId, slot.id);
      await schedulePassOn(store, slot, now);
    }
    return entry;
  });
}

export async function listWaitlist(
  ctx: AppContext,
  organizationId: string,
  openingId: string,
  page: { limit: number; after?: { joinedAt: Date; id: string } | null },
): Promise<WaitlistEntry[]> {
  const opening = await ctx.store.openings.get(organizationId, openingId);
  if (!opening) throw new DomainError('NOT_FOUND', 'No such opening.');
  return ctx.store.waitlist.listEntries(organizationId, openingId, page);
}

/** Takes an entry off the waitlist; its standing offers are withdrawn and passed on. */
export async function removeFromWaitlist(ctx: AppContext, organizationId: string, openingId: string, entryId: string): Promise<void> {
  const now = ctx.clock();
  await ctx.store.transaction(async (store) => {
    const entry = await store.waitlist.getEntry(organizationId, entryId, { forUpdate: true });
    if (!entry || entry.openingId !== openingId) throw new DomainError('NOT_FOUND', 'No such waitlist entry.');
    if (entry.status !== 'waiting') throw new DomainError('INVALID_STATE', `The entry is ${entry.status}.`);
    await store.waitlist.endEntry(organizationId, entry.id, 'removed', now);
    for (const offer of await store.waitlist.openOffersOfEntry(organizationId, entry.id)) {
      await store.waitlist.resolveOffer(organizationId, offer.id, 'withdrawn', now);
      await schedulePassOn(store, { organizationId, id: offer.freedSlotId }, now);
    }
  });
}
