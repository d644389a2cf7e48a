/**
 * What the inbound calendar replies API answers (/api/v1/inbound*, /api/v1/interviews/{id}/attendees),
 * restated from the server's OpenAPI schemas for the web app.
 */

/** Where invitations ask calendars to reply, and whether a mail provider may forward to Leeway. */
export interface InboundSettings {
  /** The scheduling address (LEEWAY_MAIL_FROM): every invitation's ORGANIZER. */
  address: string;
  secretSet: boolean;
  secretCreatedAt: string | null;
  /** Where a mail provider forwards replies (raw MIME, message/rfc822, the secret as a bearer token). */
  http: { url: string; maxMessageBytes: number };
  /** The SMTP listener (`leeway serve --smtp-port`): the only recipients it accepts, and its size limit. */
  smtp: { recipients: string[]; maxMessageBytes: number; howTo: string; listening: boolean; host: string | null; port: number | null };
}

/** The answer to creating or replacing the forwarding secret: shown this once. */
export interface InboundSecret {
  secret: string;
  address: string;
}

export type AttendeeRole = 'candidate' | 'panelist';
export type Partstat = 'needs-action' | 'accepted' | 'tentative' | 'declined';

export interface Attendee {
  email: string;
  name: string | null;
  role: AttendeeRole;
  memberId: string | null;
  partstat: Partstat;
  repliedAt: string | null;
}

export interface AttendeeList {
  attendees: Attendee[];
}

/** A calendar reply as it arrived, and what Leeway did with it (acted on it, or ignored it and why). */
export interface InboundReply {
  id: string;
  receivedAt: string;
  via: 'smtp' | 'http';
  from: string | null;
  messageId: string | null;
  method: string | null;
  uid: string | null;
  interviewId: string | null;
  attendee: { email: string; role: AttendeeRole; memberId: string | null } | null;
  partstat: string | null;
  proposedStart: string | null;
  proposedEnd: string | null;
  outcome: 'applied' | 'ignored';
  /** What acting on it did, in the server's words. */
  effect: string | null;
  /** Why it was not acted on, in the server's words. */
  ignoredBecause: string | null;
}

export interface InboundReplyPage {
  replies: InboundReply[];
  nextCursor: string | null;
}
