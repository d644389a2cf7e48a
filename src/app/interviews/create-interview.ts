import { randomUUID } from 'node:crypto';
import { DomainError } from '../../core/errors.ts';
import type { Interview, TimeRange } from '../../core/types.ts';
import type { AppContext } from '../context.ts';
import { notifyInterviewEvent, scheduleReminders } from '../notifications/notify-interview.ts';
import { findFreePanelSlots, pickSpreadSlots } from '../slots.ts';
import { FieldErrors } from '../validation.ts';
import { assertInFuture, assertOnGrid, bookInterview } from './booking.ts';
import { candidateLinkUrl, issueCandidateToken } from './candidate-token.ts';
import { loadParties } from './parties.ts';
import { recordAction } from './record.ts';

const HOUR_MS = 3_600_000;
const HALF_HOUR_MS = 1_800_000;

export interface CreateInterviewInput {
  openingId: string;
  candidateId: string;
  title: string;
  durationMinutes: number;
  panel: string[];
  location?: string | null;
  videoUrl?: string | null;
  /** Book this time at once; without it, the candidate is offered times to pick from. */
  start?: Date;
  offer?: { from?: Date; to?: Date; count?: number };
}

export interface CreatedInterview {
  interview: Interview;
  /** The candidate's private link; shown here and in the candidate's emails, stored only hashed. */
  candidateLink: string;
  candidateToken: string;
}

/**
 * Creates an interview, booked at once or as an invitation with offered times, with its history line,
 * the candidate's link and every message, all in one transaction.
 */
export async function createInterview(ctx: AppContext, organizationId: string, input: CreateInterviewInput): Promise<CreatedInterview> {
  const errors = new FieldErrors();
  if (input.panel.length === 0) errors.add('panel', 'A panel needs at least one member.');
  if (new Set(input.panel).size !== input.panel.length) errors.add('panel', 'A member is listed twice.');
  if (input.start && input.offer) errors.add('offer', 'Give either a start or an offer, not both.');
  errors.throwIfAny();
  const now = ctx.clock();
  if (input.start) {
    assertOnGrid(input.start);
    assertInFuture(input.start, now, 'start');
  }
  if (input.offer?.to && input.offer.to.getTime() <= now.getTime()) {
    new FieldErrors().add('offer.to', 'The offer window has already ended.').throwIfAny();
  }

  return ctx.store.transaction(async (store) => {
    const opening = await store.openings.get(organizationId, input.openingId);
    const candidate = await store.candidates.get(organizationId, input.candidateId);
    const members = await store.members.getMany(organizationId, input.panel);
    if (!opening) throw new DomainError('NOT_FOUND', 'No such opening.');
    if (opening.status !== 'open') throw new DomainError('OPENING_NOT_OPEN', `The opening is ${opening.status}.`);
    if (!candidate) throw new DomainError('NOT_FOUND', 'No such candidate.');
    if (members.length !== input.panel.length) throw new DomainError('NOT_FOUND', 'Some panel members do not exist in this organization.');

    let offeredSlots: TimeRange[] = [];
    if (!input.start) {
      // Offers begin a day ahead, on the half hour, so a candidate never sees a time that is about to pass.
      const earliest = new Date(Math.ceil((now.getTime() + 24 * HOUR_MS) / HALF_HOUR_MS) * HALF_HOUR_MS);
      // Never offer a time that has passed, whatever window was asked for.
      const from = input.offer?.from && input.offer.from.getTime() > now.getTime() ? input.offer.from : earliest;
      const to = input.offer?.to ?? new Date(from.getTime() + 14 * 24 * HOUR_MS);
      const slots = await findFreePanelSlots(store, organizationId, {
        memberIds: input.panel,
        durationMinutes: input.durationMinutes,
        from,
        to,
      });
      offeredSlots = pickSpreadSlots(slots, input.offer?.count ?? 5).map((slot) => ({ start: new Date(slot.start), end: new Date(slot.end) }));
      if (offeredSlots.length === 0) {
        throw new DomainError('OUTSIDE_AVAILABILITY', 'The panel has no common free time in that window.');
      }
    }

    let interview = await store.interviews.create(
      organizationId,
      {
        openingId: opening.id,
        candidateId: candidate.id,
        title: input.title,
        durationMinutes: input.durationMinutes,
        panel: input.panel,
        status: 'invited',
        start: null,
        end: null,
        uid: `${randomUUID()}@leeway`,
        location: input.location ?? opening.location ?? null,
        videoUrl: input.videoUrl ?? null,
        offeredSlots,
      },
      now,
    );
    if (input.start) {
      interview = await bookInterview(store, interview, input.start, { status: 'scheduled', raiseSequence: false, at: now });
    }
    const token = await issueCandidateToken(ctx, store, interview);
    const link = candidateLinkUrl(ctx, token);
    const parties = await loadParties(store, interview);
    const messageIds = await notifyInterviewEvent(
      ctx,
      store,
      parties,
      interview.status === 'scheduled' ? { type: 'scheduled', by: 'employer', link } : { type: 'invited', link },
    );
    if (interview.status === 'scheduled') await scheduleReminders(ctx, store, parties, link);
    await recordAction(store, interview, {
      at: now,
      actor: 'employer',
      action: interview.status === 'scheduled' ? 'scheduled' : 'invited',
      messageIds,
      details: interview.status === 'invited' ? { offeredSlots: offeredSlots.map((s) => s.start.toISOString()) } : { start: interview.start?.toISOString() },
    });
    return { interview, candidateLink: link, candidateToken: token };
  });
}
