/** How a calendar reply reached Leeway: the SMTP listener, or a mail provider's forwarding over HTTP. */
export type ReplyChannel = 'smtp' | 'http';

/** An attendee's answer as the API shows it (RFC 5545 PARTSTAT, lower case). */
export const PARTSTATS = ['needs-action', 'accepted', 'tentative', 'declined'] as const;
export type Partstat = (typeof PARTSTATS)[number];

export type AttendeeRole = 'candidate' | 'panelist';

/** What an applied reply did. */
export const REPLY_EFFECTS = ['seat_replaced', 'seat_proposed', 'seat_coordinator', 'cancelled', 'recorded', 'reschedule_requested'] as const;
export type ReplyEffect = (typeof REPLY_EFFECTS)[number];

export type ReplyOutcome = 'applied' | 'ignored';

/** A person the live event invites: the candidate, or a panelist (with their member id). */
export interface EventAttendee {
  email: string;
  name: string;
  role: AttendeeRole;
  memberId: string | null;
}

/** Lower-case partstat of the API from an iCalendar PARTSTAT; null for one Leeway does not record. */
export function partstatOf(value: string | null): Partstat | null {
  const lower = (value ?? '').toLowerCase();
  return (PARTSTATS as readonly string[]).includes(lower) ? (lower as Partstat) : null;
}

/** Email addresses are compared case-insensitively (the local part too: no provider Leeway meets tells them apart). */
export function sameAddress(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
}
