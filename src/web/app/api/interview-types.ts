/**
 * What the dashboard's interview endpoints answer, as the web app reads them: /api/v1/interviews*,
 * /api/v1/changes, /api/v1/messages, /api/v1/members and /api/v1/organization. They mirror the server's
 * OpenAPI schemas (src/server/schemas); the web app may not import the server, so they are restated here.
 */

export type InterviewStatus = 'invited' | 'scheduled' | 'completed' | 'cancelled' | 'withdrawn' | 'no_show' | 'ended_early' | 'declined';

/** Who acted: the candidate, the organization's staff, or Leeway itself. */
export type Side = 'candidate' | 'employer' | 'system';

/** The notice a change gave, from real elapsed time before the start. */
export type NoticeClass = 'ample' | 'adequate' | 'late' | 'missed';

export interface PersonRef {
  id: string;
  name: string;
  timezone: string;
}

export interface OpeningRef {
  id: string;
  title: string;
}

/** booked: holds the time; declined: declined and not replaced yet; replaced: a stand-in took it; not_booked: no time held. */
export type SeatStatus = 'booked' | 'declined' | 'replaced' | 'not_booked';

export interface Seat extends PersonRef {
  status: SeatStatus;
}

/** One line of an interview's append-only history (the candidate's private notes are never in it). */
export interface HistoryEntry {
  at: string;
  actor: Side;
  action: string;
  noticeHours?: number | null;
  noticeClass?: NoticeClass | null;
  /** A reason category code, e.g. schedule_conflict. */
  reason?: string | null;
  /** The Message-ID of the first email this change sent. */
  messageId?: string | null;
  /** E.g. { from, to } of a reschedule, { party, memberId } of a no-show, { messageIds } when several emails went out. */
  details?: Record<string, unknown> | null;
}

export interface Interview {
  id: string;
  status: InterviewStatus;
  title: string;
  durationMinutes: number;
  start: string | null;
  end: string | null;
  panel: string[];
  candidateId: string;
  openingId: string;
  uid: string;
  sequence: number;
  location: string | null;
  videoUrl: string | null;
  offeredSlots: Array<{ start: string; end: string }>;
  createdAt: string;
  updatedAt: string;
  /** In lists and on one interview. */
  candidate?: PersonRef;
  opening?: OpeningRef;
  panelMembers?: PersonRef[];
  /** On one interview only. */
  history?: HistoryEntry[];
  seats?: Seat[];
}

export interface InterviewPage {
  interviews: Interview[];
  nextCursor: string | null;
}

/** One entry of GET /api/v1/changes: a history line with what it concerns. */
export interface Change {
  id: string;
  at: string;
  action: string;
  side: Side;
  noticeClass: NoticeClass | null;
  noticeHours: number | null;
  /** The reason category, when one was given (never private notes). */
  reason: string | null;
  interview: { id: string; title: string; status: InterviewStatus; start: string | null; end: string | null };
  candidate: { id: string; name: string };
  opening: OpeningRef;
}

export interface ChangePage {
  changes: Change[];
  nextCursor: string | null;
}

export type MessageStatus = 'pending' | 'sent' | 'failed' | 'kept';

/** An email exactly as the outbox holds it (candidate link tokens redacted). */
export interface Message {
  id: string;
  kind: string;
  to: string;
  from: { name: string; address: string } | null;
  replyTo: { name: string; address: string } | null;
  subject: string;
  body: string | null;
  status: MessageStatus;
  attempts: number;
  icsMethod: 'REQUEST' | 'CANCEL' | null;
  sequence: number | null;
  interviewId: string | null;
  messageId: string;
  createdAt: string;
  scheduledFor: string;
  sentAt: string | null;
  lastError: string | null;
}

export interface MessagePage {
  messages: Message[];
  nextCursor: string | null;
}

export type MemberRole = 'interviewer' | 'recruiter' | 'admin';

export interface Member {
  id: string;
  name: string;
  email: string;
  role: MemberRole;
  timezone: string;
  phone: string | null;
  workingHours: Record<string, Array<[string, string]>>;
  bufferMinutes: number;
  pools: string[];
  limits: { perDay?: number; perWeek?: number };
  createdAt: string;
}

export interface MemberPage {
  members: Member[];
  nextCursor: string | null;
}

/** The parts of GET /api/v1/organization the schedule views read. */
export interface OrganizationSummary {
  id: string;
  name: string;
  timezone: string;
  contactEmail: string | null;
  contactPhone: string | null;
  noticePolicy: { ampleHours: number; adequateHours: number };
}

/** What became of a declined panel seat (POST /api/v1/interviews/{id}/panel/{memberId}/decline). */
export type SeatOutcome =
  | { outcome: 'replaced'; replacement: { id: string; name: string } }
  | { outcome: 'proposed'; proposals: Array<{ start: string; end: string; standIn: { id: string; name: string } }> }
  | { outcome: 'coordinator' };

/** Reason categories an employer may give (the server's EMPLOYER_REASONS, in its order). */
export const EMPLOYER_REASON_CODES = ['interviewer_unavailable', 'position_filled', 'position_closed', 'scheduling_error', 'other'] as const;
export type EmployerReason = (typeof EMPLOYER_REASON_CODES)[number];

/** Someone an action tells, with the email kind the server's planner chose and its calendar part. */
export interface ToldRecipient {
  role: 'candidate' | 'panelist' | 'coordinator' | 'hr';
  name: string;
  address: string;
  kind: string;
  calendar: 'REQUEST' | 'CANCEL' | null;
  /** New times the email offers, with a link to choose one; absent when it offers none. */
  newTimes?: Array<{ start: string; end: string }>;
}

/** A free panel time to move an interview to (GET /api/v1/interviews/{id}/reschedule-options). */
export interface RescheduleOption {
  start: string;
  end: string;
  /** Inside the candidate's reasonable hours (theirs if stated, else the organization's default), in their zone. */
  withinCandidateHours: boolean;
  /** The candidate has another interview then. */
  candidateBusy: boolean;
  /** The start as the candidate reads it, e.g. "Monday, December 14 at 4:00 PM CET". */
  candidateLocal: string;
  /** How much notice the candidate would have of this new time. */
  notice: NoticeClass;
}

/** The notice an employer's change gives the candidate, and what to do about it (late: call first). */
export interface EmployerNotice {
  class: NoticeClass;
  hoursUntilStart: number;
  callFirst: boolean;
  phone: string | null;
  text: string;
}

export interface RescheduleOptions {
  candidate: { name: string; timezone: string; zoneLabel: string };
  durationMinutes: number;
  options: RescheduleOption[];
  /** Everyone a move tells, planned by the same code that sends the emails. */
  told: ToldRecipient[];
  /** The notice a move gives of the change to the time the candidate holds; null when it has none yet. */
  notice: EmployerNotice | null;
}

/** Who an action would tell (POST /api/v1/interviews/{id}/cancel/preview, …/no-show/preview). */
export interface ActionPreview {
  told: ToldRecipient[];
  /** A cancellation only: the notice it gives the candidate (null for an invitation). */
  notice?: EmployerNotice | null;
}
