import type { ItipMessage } from '../ical/parse-itip.ts';
import type { InterviewStatus, TimeRange } from '../types.ts';
import type { ReplyMethod } from './read-reply.ts';
import { partstatOf, sameAddress } from './reply-terms.ts';
import type { EventAttendee, Partstat } from './reply-terms.ts';

/** How far ahead of our clock a DTSTAMP may be: clients' clocks drift, but not by a day. */
const CLOCK_SKEW_MS = 24 * 3_600_000;

/** The interview a reply names by UID, as calendars were last told of it. */
export interface ReplyEvent {
  status: InterviewStatus;
  start: Date | null;
  end: Date | null;
  sequence: number;
  attendees: EventAttendee[];
  /** Panelists (member ids) whose seat is already declined for this time and not yet filled. */
  declinedSeats: readonly string[];
}

export interface ReplyFacts {
  method: ReplyMethod;
  itip: ItipMessage;
  /** The sender: the From header's address. */
  from: string | null;
  /** The interview with the reply's UID in the organization, or null when there is none. */
  event: ReplyEvent | null;
  /** The same Message-ID was already acted on for this interview. */
  duplicate: boolean;
  /** The DTSTAMP of the sender's last recorded answer at this SEQUENCE, if any. */
  lastDtstamp: Date | null;
  now: Date;
}

/** What to do with a reply: the partstat and proposed time it states, and either the action or why not. */
export type ReplyDecision = {
  attendee: EventAttendee | null;
  partstat: Partstat | null;
  proposed: TimeRange | null;
} & (
  | { outcome: 'apply'; action: 'decline_seat' | 'cancel' | 'record' | 'counter' }
  | { outcome: 'ignored'; because: string }
);

/**
 * Whether a calendar reply acts, and how (RFC 5546 §3.2.3 REPLY, §3.2.7 COUNTER). It acts only when it
 * names a live interview (scheduled, not yet started) by UID, comes from one of its attendees about
 * themselves, is not older than what calendars were last sent (SEQUENCE) nor than that attendee's last
 * answer (DTSTAMP), and was not acted on before. Then: a panelist's DECLINED gives up their seat, the
 * candidate's DECLINED cancels, ACCEPTED and TENTATIVE are recorded, and a COUNTER with a new time becomes
 * a request to the recruiter. A panelist's DECLINED for a seat already declined (by calendar, link or API)
 * is only recorded: the seat was handed over once, and saying it again changes nothing. Anything else is ignored, with the reason in words.
 */
export function decideReply(facts: ReplyFacts): ReplyDecision {
  const { itip, event } = facts;
  const attendee = event?.attendees.find((a) => sameAddress(a.email, facts.from)) ?? null;
  const stated = itip.attendees.find((a) => sameAddress(a.email, facts.from)) ?? null;
  const partstat = facts.method === 'REPLY' ? partstatOf(stated?.partstat ?? null) : null;
  const proposed = facts.method === 'COUNTER' && itip.start && itip.end ? { start: itip.start, end: itip.end } : null;
  const ignore = (because: string): ReplyDecision => ({ outcome: 'ignored', because, attendee, partstat, proposed });

  if (facts.duplicate) return ignore('already received: a reply with the same Message-ID was acted on');
  if (!event) return ignore('no interview of this organization has that UID');
  if (event.status === 'cancelled') return ignore('the interview is cancelled');
  if (event.status !== 'scheduled' || !event.start || !event.end) return ignore(`the interview is ${event.status.replace(/_/g, ' ')}, not a scheduled event`);
  if (facts.now.getTime() >= event.start.getTime()) return ignore('the interview has already started');
  if (!facts.from) return ignore('the email has no sender address');
  if (!attendee) return ignore(`the sender ${facts.from} is not an attendee of the interview`);
  if (facts.method === 'REPLY') {
    if (!stated) {
      const named = itip.attendees.map((a) => a.email).join(', ') || 'nobody';
      return ignore(`the reply answers for ${named}, not for its sender ${facts.from}`);
    }
  }
  if (itip.sequence < event.sequence) return ignore(`SEQUENCE ${itip.sequence} is older than the interview's (${event.sequence}): it answers an earlier version`);
  if (itip.sequence > event.sequence) return ignore(`SEQUENCE ${itip.sequence} is newer than any version Leeway sent (${event.sequence})`);
  if (!itip.dtstamp) return ignore('the reply has no DTSTAMP');
  if (itip.dtstamp.getTime() > facts.now.getTime() + CLOCK_SKEW_MS) return ignore('the DTSTAMP is more than a day in the future');
  if (facts.lastDtstamp && itip.dtstamp.getTime() < facts.lastDtstamp.getTime()) {
    return ignore("the DTSTAMP is older than this attendee's answer already recorded");
  }

  if (facts.method === 'COUNTER') {
    if (!proposed) return ignore('the COUNTER proposes no time');
    if (proposed.start.getTime() === event.start.getTime() && proposed.end.getTime() === event.end.getTime()) {
      return ignore('the COUNTER proposes the time the interview already has');
    }
    if (proposed.start.getTime() <= facts.now.getTime()) return ignore('the COUNTER proposes a time in the past');
    const minutes = (proposed.end.getTime() - proposed.start.getTime()) / 60_000;
    if (minutes < 5 || minutes > 24 * 60) return ignore('the COUNTER proposes an interview shorter than 5 minutes or longer than a day');
    return { outcome: 'apply', action: 'counter', attendee, partstat, proposed };
  }
  if (partstat === 'declined') {
    if (attendee.role === 'panelist' && attendee.memberId && event.declinedSeats.includes(attendee.memberId)) {
      return { outcome: 'apply', action: 'record', attendee, partstat, proposed };
    }
    return { outcome: 'apply', action: attendee.role === 'panelist' ? 'decline_seat' : 'cancel', attendee, partstat, proposed };
  }
  if (partstat === 'accepted' || partstat === 'tentative') return { outcome: 'apply', action: 'record', attendee, partstat, proposed };
  return ignore(`PARTSTAT ${stated?.partstat ?? '(none)'} is not acted on`);
}
