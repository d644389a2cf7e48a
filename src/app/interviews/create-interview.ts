import { newId } from '../../store/ids.ts';
import { decideBooking, decideInvitation } from '../../core/decisions/decide.ts';
import { withinCandidateHours } from '../../core/candidate-hours.ts';
import { DomainError } from '../../core/errors.ts';
import type { Candidate, Interview, Member, Opening, Organization, TimeRange } from '../../core/types.ts';
import type { AppContext } from '../context.ts';
import { notifyChange } from '../notifications/notify-interview.ts';
import { FieldErrors } from '../validation.ts';
import { assertNewPanelFree, bookedDraft, writeBookedInterview } from './booking.ts';
import { candidateLinkUrl, newCandidateLink } from './candidate-token.ts';
import { decisionContext } from './decision-context.ts';
import { KeptPartiesAttempt } from './kept-parties-attempt.ts';
import { findOffers } from './offers.ts';
import { keptCheckOf, loadNewInterviewParties, loadParties } from './parties.ts';
import type { MoveParties } from './parties.ts';
import { historyLineOf, recordChange } from './record.ts';

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
  /** For a booking: whether its time is inside the candidate's reasonable hours (it is booked either way); null for an invitation. */
  withinCandidateHours: boolean | null;
}

/**
 * Creates an interview, booked at once or as an invitation with offered times, with its history line,
 * the candidate's link and every message, all written together: a booking in one statement (see
 * {@link bookInterview}), an invitation in one transaction.
 */
export async function createInterview(ctx: AppContext, organizationId: string, input: CreateInterviewInput): Promise<CreatedInterview> {
  const errors = new FieldErrors();
  if (input.panel.length === 0) errors.add('panel', 'A panel needs at least one member.');
  if (new Set(input.panel).size !== input.panel.length) errors.add('panel', 'A member is listed twice.');
  if (input.start && input.offer) errors.add('offer', 'Give either a start or an offer, not both.');
  errors.throwIfAny();
  if (input.start) return bookInterview(ctx, organizationId, input, input.start);

  return ctx.store.transaction(async (store) => {
    const now = ctx.clock();
    const read = await loadNewInterviewParties(store, { organizationId, openingId: input.openingId, candidateId: input.candidateId, panel: input.panel });
    const { organization, opening, candidate, panel: members, staff } = openPartiesOf(read, input);
    const offered = await findOffers(store, {
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
    const draft = newDraft(ctx, organizationId, input, opening, candidate.id, now, offered);
    const change = decideInvitation(draft, offered, decisionContext(organization, now));
    // The candidate's link is written with the interview, in the same statement.
    const { token, stored } = newCandidateLink(ctx, draft);
    const interview = await store.interviews.create(organizationId, draft, now, { candidateLink: stored });
    const link = candidateLinkUrl(ctx, token);
    // Read above in this transaction (opening and candidate rows are not changed by booking); only the
    // interview itself is new.
    const parties = await loadParties(store, interview, { organization, opening, candidate, panel: members, staff });
    const messageIds = await notifyChange(ctx, store, parties, change, { link });
    await recordChange(store, interview, change, { messageIds, details: { offeredSlots: offered.map((s) => s.start.toISOString()) } });
    return { interview, candidateLink: link, candidateToken: token, withinCandidateHours: null };
  });
}

/**
 * Books a new interview at `start`: reads everything it starts from in one statement, decides, checks the
 * panel against the busy time read with it and renders every message, and only then writes the interview
 * with its bookings, link, history line, messages, seat links and webhook events in one more statement (see
 * `Store.inOneStatement`). Nothing holds the database in between, and a booking costs two round trips.
 *
 * When the organization, opening, candidate and members were all kept from earlier bookings (see
 * `KeptParties`), nothing is read: the panel is checked against its working hours alone, and the write
 * checks in its own statement that every party is still as it was read and that no busy time of the
 * panel meets the time (buffers counted). If either fails, or the kept parties led to any refusal before
 * the write, nothing is written, they are forgotten and the booking runs again from a fresh read.
 *
 * Between the read and the write another change may commit. The database keeps what matters true either
 * way: the exclusion constraints refuse a panelist's or the candidate's overlapping time (SLOT_TAKEN,
 * CANDIDATE_BUSY), the foreign keys a party that is gone. What a transaction would not have guarded either
 * (under READ COMMITTED its statements see each other's commits too) stays as it was: an opening closed, or
 * a panelist's calendar read, in that instant.
 */
async function bookInterview(ctx: AppContext, organizationId: string, input: CreateInterviewInput, start: Date): Promise<CreatedInterview> {
  const attempt = new KeptPartiesAttempt();
  return ctx.store.inOneStatement(async (store) => {
    const now = ctx.clock();
    const read = await loadNewInterviewParties(store, {
      organizationId,
      openingId: input.openingId,
      candidateId: input.candidateId,
      panel: input.panel,
      booking: { start, durationMinutes: input.durationMinutes },
      kept: attempt.allowed,
    });
    return attempt.decide(read.check, async () => {
      const { organization, opening, candidate, panel: members, staff } = openPartiesOf(read, input);
      const draft = newDraft(ctx, organizationId, input, opening, candidate.id, now, []);
      const change = decideBooking(draft, { by: 'employer', start }, decisionContext(organization, now))!;
      const booked = bookedDraft(draft, change);
      await assertNewPanelFree(store, booked, { members, ...(read.panelBusy ? { busy: read.panelBusy } : {}) });
      const { token, stored } = newCandidateLink(ctx, booked);
      const link = candidateLinkUrl(ctx, token);
      // The messages are rendered for the interview as it will be written, and held for its statement.
      const parties = await loadParties(store, booked, { organization, opening, candidate, panel: members, staff });
      const messageIds = await notifyChange(ctx, store, parties, change, { link });
      const firstLine = historyLineOf(change, { messageIds, details: { start: booked.start?.toISOString() } });
      const interview = await writeBookedInterview(store, booked, change.at, { candidateLink: stored, firstLine, opening, candidate, ...keptCheckOf(read) });
      return { interview, candidateLink: link, candidateToken: token, withinCandidateHours: withinCandidateHours({ start: interview.start!, end: interview.end! }, candidate, organization) };
    });
  });
}

/** The parties a new interview starts from, once its opening is open and every one of them exists. */
function openPartiesOf(
  read: MoveParties,
  input: CreateInterviewInput,
): { organization: Organization; opening: Opening; candidate: Candidate; panel: Member[]; staff: Member[] } {
  const { organization, opening, candidate, panel, staff } = read;
  if (!opening) throw new DomainError('NOT_FOUND', 'No such opening.');
  if (opening.status !== 'open') throw new DomainError('OPENING_NOT_OPEN', `The opening is ${opening.status}.`);
  if (!candidate) throw new DomainError('NOT_FOUND', 'No such candidate.');
  if (panel.length !== input.panel.length) throw new DomainError('NOT_FOUND', 'Some panel members do not exist in this organization.');
  return { organization, opening, candidate, panel, staff };
}

/** A new interview as decided before anything is written: invited, with the times offered (none for a booking, which the core then books). */
function newDraft(ctx: AppContext, organizationId: string, input: CreateInterviewInput, opening: Opening, candidateId: string, now: Date, offered: TimeRange[]): Interview {
  return {
    id: newId(),
    organizationId,
    openingId: opening.id,
    candidateId,
    title: input.title,
    durationMinutes: input.durationMinutes,
    panel: input.panel,
    status: 'invited',
    start: null,
    end: null,
    uid: `${newId()}@${ctx.config.mailDomain}`,
    sequence: 0,
    // The opening's place is the default for an interview held there, not for a video call: a candidate
    // told "Where: Boston office" beside a video link may set out to travel.
    location: input.location ?? (input.videoUrl ? null : opening.location),
    videoUrl: input.videoUrl ?? null,
    offeredSlots: offered,
    candidatePartstat: 'needs-action',
    createdAt: now,
    updatedAt: now,
  };
}
