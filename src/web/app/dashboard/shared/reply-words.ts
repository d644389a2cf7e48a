import type { Attendee, AttendeeRole, InboundReply, Partstat } from '../../api/inbound-types.ts';

export const PARTSTAT_LABELS: Record<Partstat, string> = {
  'needs-action': 'No answer',
  accepted: 'Accepted',
  tentative: 'Tentative',
  declined: 'Declined',
};

/** Badge classes of the seat badges: accepted reads as booked, declined as declined, the rest neutral. */
export const PARTSTAT_BADGES: Record<Partstat, string> = {
  'needs-action': 'seat-badge-not_booked',
  accepted: 'seat-badge-booked',
  tentative: 'seat-badge-tentative',
  declined: 'seat-badge-declined',
};

export const ROLE_LABELS: Record<AttendeeRole, string> = {
  candidate: 'Candidate',
  panelist: 'Panelist',
};

/**
 * Where an attendee stands, in words. A candidate stands as accepted without a calendar reply only when
 * they chose the time themselves (an offer taken, their own pick or move), so that is what it says; a
 * time the recruiter set waits for their answer ("No answer").
 */
export function attendeeAnswer(attendee: Pick<Attendee, 'role' | 'partstat' | 'repliedAt'>): string {
  if (attendee.role === 'candidate' && attendee.partstat === 'accepted' && attendee.repliedAt === null) return 'Chose this time; no calendar reply yet';
  return PARTSTAT_LABELS[attendee.partstat];
}

/** What the reply said, in words: an answer to the invitation, or a request for another time. */
export function replySaid(reply: InboundReply): string {
  const method = (reply.method ?? '').toUpperCase();
  if (method === 'COUNTER') return 'Proposed another time';
  const partstat = (reply.partstat ?? '').toLowerCase() as Partstat;
  if (method === 'REPLY' && partstat in PARTSTAT_LABELS) return PARTSTAT_LABELS[partstat];
  if (method) return `A calendar ${method}${reply.partstat ? ` (${reply.partstat})` : ''}`;
  return 'A message without a calendar answer';
}

export const VIA_LABELS: Record<InboundReply['via'], string> = {
  smtp: 'received by email',
  http: 'forwarded by the mail provider',
};

const EFFECT_LABELS: Record<string, string> = {
  seat_replaced: 'The panelist’s seat went to a stand-in.',
  seat_proposed: 'The panelist’s seat was given up; times with a stand-in were proposed.',
  seat_coordinator: 'The panelist’s seat was given up and handed to the recruiting team.',
  cancelled: 'The interview was cancelled: the candidate declined.',
  recorded: 'The answer was recorded.',
  reschedule_requested: 'The recruiter was asked to move the interview to the proposed time.',
};

/** What acting on a reply did (the API's effect code), in words; an unknown code is shown as given. */
export function effectLabel(effect: string | null): string {
  if (!effect) return 'Acted on it.';
  return EFFECT_LABELS[effect] ?? effect.replace(/_/g, ' ');
}
