import { randomUUID } from 'node:crypto';
import { decideBooking, decideInvitation } from '../../core/decisions/decide.ts';
import { DomainError } from '../../core/errors.ts';
import type { Interview, TimeRange } from '../../core/types.ts';
import type { AppContext } from '../context.ts';
import { notifyChange } from '../notifications/notify-interview.ts';
import { FieldErrors } from '../validation.ts';
import { bookedDraft, bookNewInterview } from './booking.ts';
import { candidateLinkUrl, newCandidateLink } from './candidate-token.ts';
import { decisionContext } from './decision-context.ts';
import { findOffers } from './offers.ts';
import { loadNewInterviewParties, loadParties } from './parties.ts';
import { recordChange } from './record.ts';

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

  return ctx.store.transaction(async (store) => {
    // A booking reads the panel's busy time around its time with everything else, in one statement.
    const booking = input.start ? { start: input.start, durationMinutes: input.durationMinutes } : undefined;
    const {
      organization,
      opening,
      candidate,
      panel: members,
      staff,
      busyVersions,
      panelBusy,
    } = await loadNewInterviewParties(store, {
      organizationId,
      openingId: input.openingId,
      candidateId: input.candidateId,
      panel: input.panel,
      ...(booking ? { booking } : {}),
    });
    if (!opening) throw new DomainError('NOT_FOUND', 'No such opening.');
    if (opening.status !== 'open') throw new DomainError('OPENING_NOT_OPEN', `The opening is ${opening.status}.`);
    if (!candidate) throw new DomainError('NOT_FOUND', 'No such candidate.');
    if (members.length !== input.panel.length) throw new DomainError('NOT_FOUND', 'Some panel members do not exist in this organization.');

    let offered: TimeRange[] = [];
    if (!input.start) {
      offered = await findOffers(store, {
        organization,
        candidate,
        panel: input.panel,
        durationMinutes: input.durationMinutes,
        now,
        from: input.offer?.from,
        to: input.offer?.to,
        count: input.offer?.count ?? 5,
        path: 'offer',
      });
      if (offered.length === 0) {
        throw new DomainError('OUTSIDE_AVAILABILITY', "The panel has no common free time in that window within the candidate's reasonable hours.");
      }
    }

    // Decided before anything is written: a booked interview is written once, in its booked state.
    const draft: Interview = {
      id: randomUUID(),
      organizationId,
      openingId: opening.id,
      candidateId: candidate.id,
      title: input.title,
      durationMinutes: input.durationMinutes,
      panel: input.panel,
      status: 'invited',
      start: null,
      end: null,
      uid: `${randomUUID()}@${ctx.config.mailDomain}`,
      sequence: 0,
      location: input.location ?? opening.location ?? null,
      videoUrl: input.videoUrl ?? null,
      offeredSlots: offered,
      createdAt: now,
      updatedAt: now,
    };
    const decisions = decisionContext(organization, now);
    const change = input.start ? decideBooking(draft, { by: 'employer', start: input.start }, decisions)! : decideInvitation(draft, offered, decisions);
    // The candidate's link is written with the interview, in the same statement.
    const { token, stored } = newCandidateLink(ctx, input.start ? bookedDraft(draft, change) : draft);
    const interview = input.start
      ? await bookNewInterview(store, draft, change, { members, busyVersions, ...(panelBusy ? { busy: panelBusy } : {}) }, stored)
      : await store.interviews.create(organizationId, draft, now, { candidateLink: stored });
    const link = candidateLinkUrl(ctx, token);
    // Read above in this transaction (opening and candidate rows are not changed by booking); only the
    // interview itself is new.
    const parties = await loadParties(store, interview, { organization, opening, candidate, panel: members, staff });
    const messageIds = await notifyChange(ctx, store, parties, change, { link, remind: { fresh: true } });
    await recordChange(store, interview, change, {
      messageIds,
      details: interview.status === 'invited' ? { offeredSlots: offered.map((s) => s.start.toISOString()) } : { start: interview.start?.toISOString() },
    });
    return { interview, candidateLink: link, candidateToken: token };
  });
}
