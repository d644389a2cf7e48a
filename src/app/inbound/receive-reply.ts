import { isDomainError } from '../../core/errors.ts';
import { decideReply } from '../../core/inbound/decide-reply.ts';
import type { ReplyDecision } from '../../core/inbound/decide-reply.ts';
import { readReply } from '../../core/inbound/read-reply.ts';
import { sameAddress } from '../../core/inbound/reply-terms.ts';
import { declinedSeats } from '../../core/panel/index.ts';
import type { EventAttendee, ReplyChannel, ReplyEffect } from '../../core/inbound/reply-terms.ts';
import type { InboundReply, NewInboundReply } from '../../store/repositories/inbound-replies.ts';
import type { Store } from '../../store/index.ts';
import type { AppContext } from '../context.ts';
import { getInterviewOrThrow, loadParties } from '../interviews/parties.ts';
import type { InterviewParties } from '../interviews/parties.ts';
import { declineSeat } from '../panel/decline-seat.ts';
import { cancelFromCalendar } from './cancel-from-calendar.ts';
import { readEmail } from './read-email.ts';
import type { ReceivedEmail } from './read-email.ts';
import { requestReschedule } from './request-reschedule.ts';

export interface IncomingReply {
  raw: Uint8Array;
  via: ReplyChannel;
  /** The SMTP envelope's MAIL FROM, kept for the record; the From header decides who replied. */
  envelopeFrom?: string | null;
  /** Over HTTP, the organization whose inbound secret was presented: only its interviews are looked at. */
  organizationId?: string | null;
}

/** The longest calendar COMMENT passed on whole; a longer one is cut, with an ellipsis to show it was. */
const MAX_COMMENT_CHARS = 1000;

/** Everyone the live event invites, as calendars know them. */
function attendeesOf(parties: InterviewParties): EventAttendee[] {
  return [
    { email: parties.candidate.email, name: parties.candidate.name, role: 'candidate', memberId: null },
    ...parties.panel.map((m) => ({ email: m.email, name: m.name, role: 'panelist' as const, memberId: m.id })),
  ];
}

function judged(decision: ReplyDecision): Pick<NewInboundReply, 'attendee' | 'partstat' | 'proposedStart' | 'proposedEnd'> {
  return {
    attendee: decision.attendee ? { email: decision.attendee.email, role: decision.attendee.role, memberId: decision.attendee.memberId } : null,
    partstat: decision.partstat,
    proposedStart: decision.proposed?.start ?? null,
    proposedEnd: decision.proposed?.end ?? null,
  };
}

/** Carries out an applied decision in the caller's transaction, with the interview locked. */
async function act(ctx: AppContext, store: Store, parties: InterviewParties, decision: Extract<ReplyDecision, { outcome: 'apply' }>, itip: { dtstamp: Date | null; sequence: number; comment: string | null }, messageId: string | null): Promise<ReplyEffect> {
  // A calendar's COMMENT is the person's own words; without one, nothing is said in their name.
  const comment = itip.comment && itip.comment.length > MAX_COMMENT_CHARS ? `${itip.comment.slice(0, MAX_COMMENT_CHARS)}…` : itip.comment;
  const { interview } = parties;
  const attendee = decision.attendee!;
  const now = ctx.clock();
  if (decision.partstat && decision.partstat !== 'needs-action') {
    await store.inboundReplies.saveAnswer(interview.organizationId, interview.id, {
      email: attendee.email,
      partstat: decision.partstat,
      repliedAt: now,
      dtstamp: itip.dtstamp!,
      sequence: itip.sequence,
      forStart: interview.start!,
    });
    // The candidate's own answer is what every later invitation and update states for them.
    if (attendee.role === 'candidate' && (decision.partstat === 'accepted' || decision.partstat === 'tentative') && decision.partstat !== interview.candidatePartstat) {
      await store.interviews.update(interview.organizationId, interview.id, { candidatePartstat: decision.partstat }, now, interview.panel);
    }
  }
  // The use cases below open their transaction on ctx.store: given this one, they join it.
  const inTransaction: AppContext = { ...ctx, store };
  switch (decision.action) {
    case 'record':
      return 'recorded';
    case 'decline_seat': {
      const outcome = await declineSeat(inTransaction, interview.organizationId, interview.id, attendee.memberId!, { reason: comment, via: 'calendar', replyMessageId: messageId });
      return outcome.outcome === 'replaced' ? 'seat_replaced' : outcome.outcome === 'proposed' ? 'seat_proposed' : 'seat_coordinator';
    }
    case 'cancel':
      await cancelFromCalendar(inTransaction, store, interview, { replyMessageId: messageId, words: comment });
      return 'cancelled';
    case 'counter':
      await requestReschedule(inTransaction, store, parties, { proposer: attendee, proposed: decision.proposed!, comment, replyId: messageId });
      return 'reschedule_requested';
  }
}

/**
 * Receives one email that may be a calendar reply, and records it with what it did. Unreadable, forged,
 * stale, duplicate or otherwise unactionable replies are recorded as ignored, with why, and change
 * nothing; whenever the email names an interview's UID (even with times that cannot be read) it is
 * recorded against that interview and its organization. An applied reply acts in one transaction with
 * the interview row locked, so a second copy (same Message-ID) finds the first and is ignored. When the
 * action itself is refused (the interview changed in a way the reply did not foresee), the reply is
 * recorded as ignored with the refusal.
 *
 * Mail that reaches no organization (over SMTP, naming no interview's UID) is not kept: no organization
 * could ever see it. The result is then null, and the caller logs it.
 */
export async function receiveReply(ctx: AppContext, input: IncomingReply & { organizationId: string }): Promise<InboundReply>;
export async function receiveReply(ctx: AppContext, input: IncomingReply): Promise<InboundReply | null>;
export async function receiveReply(ctx: AppContext, input: IncomingReply): Promise<InboundReply | null> {
  // Mail that cannot even be parsed is recorded like any other unreadable reply, not refused: a sending
  // server would only try it again and again.
  const email = await readEmail(input.raw).catch((): ReceivedEmail => ({ from: null, messageId: null, subject: null, parts: [] }));
  const read = readReply(email.parts);
  const receivedAt = ctx.clock();
  const base: NewInboundReply = {
    organizationId: input.organizationId ?? null,
    receivedAt,
    via: input.via,
    from: email.from,
    envelopeFrom: input.envelopeFrom?.slice(0, 320) ?? null,
    messageId: email.messageId,
    method: read.ok ? read.method : read.method?.slice(0, 40) ?? null,
    uid: (read.ok ? read.itip.uid : read.uid)?.slice(0, 500) ?? null,
    sequence: read.ok ? read.itip.sequence : null,
    dtstamp: read.ok ? read.itip.dtstamp : null,
    interviewId: null,
    attendee: null,
    partstat: null,
    proposedStart: null,
    proposedEnd: null,
    outcome: 'ignored',
    effect: null,
    ignoredBecause: null,
  };

  if (!read.ok) {
    const found = base.uid ? await ctx.store.inboundReplies.findByUid(base.uid, input.organizationId ?? null) : null;
    const attendee = found ? await attendeeNamed(ctx.store, found, email.from) : null;
    return keep(ctx.store, { ...base, organizationId: found?.organizationId ?? base.organizationId, interviewId: found?.interviewId ?? null, attendee, ignoredBecause: read.why });
  }

  // What is known before acting, to record the reply even when the action is refused.
  let known: NewInboundReply = base;
  try {
    return await ctx.store.transaction(async (store) => {
      const found = await store.inboundReplies.findByUid(read.itip.uid, input.organizationId ?? null);
      if (!found) {
        const decision = decideReply({ method: read.method, itip: read.itip, from: email.from, event: null, duplicate: false, lastDtstamp: null, now: receivedAt });
        return keep(store, { ...base, ...judged(decision), ignoredBecause: decision.outcome === 'ignored' ? decision.because : 'no interview has that UID' });
      }
      known = { ...base, organizationId: found.organizationId, interviewId: found.interviewId };
      const interview = await getInterviewOrThrow(store, found.organizationId, found.interviewId, { forUpdate: true });
      const parties = await loadParties(store, interview);
      const duplicate = email.messageId ? await store.inboundReplies.actedOn(found.organizationId, interview.id, email.messageId) : false;
      const answers = await store.inboundReplies.answers(found.organizationId, interview.id);
      const declined = declinedSeats(await store.interviews.history(found.organizationId, interview.id), interview.panel, interview.start);
      const last = answers.find((a) => sameAddress(a.email, email.from) && a.sequence === read.itip.sequence);
      const decision = decideReply({
        method: read.method,
        itip: read.itip,
        from: email.from,
        event: { status: interview.status, start: interview.start, end: interview.end, sequence: interview.sequence, attendees: attendeesOf(parties), declinedSeats: [...declined.keys()] },
        duplicate,
        lastDtstamp: last?.dtstamp ?? null,
        now: receivedAt,
      });
      known = { ...base, organizationId: found.organizationId, interviewId: interview.id, ...judged(decision) };
      if (decision.outcome === 'ignored') return store.inboundReplies.insert({ ...known, ignoredBecause: decision.because });
      const effect = await act(ctx, store, parties, decision, read.itip, email.messageId);
      return store.inboundReplies.insert({ ...known, outcome: 'applied', effect });
    });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return keep(ctx.store, { ...known, outcome: 'ignored', effect: null, ignoredBecause: `Leeway could not act on it: ${error.message}` });
  }
}

/** Records a reply that reached an organization; one that reached none is not kept (see `receiveReply`). */
async function keep(store: Store, reply: NewInboundReply): Promise<InboundReply | null> {
  return reply.organizationId ? store.inboundReplies.insert(reply) : null;
}

/** For an unreadable reply to a known interview: the attendee the sender is, if any, for the record. */
async function attendeeNamed(store: Store, found: { organizationId: string; interviewId: string }, from: string | null): Promise<NewInboundReply['attendee']> {
  const interview = await store.interviews.get(found.organizationId, found.interviewId);
  if (!interview || !from) return null;
  const attendee = attendeesOf(await loadParties(store, interview)).find((a) => sameAddress(a.email, from));
  return attendee ? { email: attendee.email, role: attendee.role, memberId: attendee.memberId } : null;
}
