/**
 * The domain model. Instants are `Date` values (absolute points in time); local wall-clock values are
 * only ever computed against an explicit IANA time zone, never the host's.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Local "HH:MM" pairs per weekday, in the member's own time zone. "24:00" may end a day. */
export type WorkingHours = Record<Weekday, Array<[string, string]>>;

export const MEMBER_ROLES = ['interviewer', 'recruiter', 'admin'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export interface NoticePolicy {
  /** At least this many hours before the start is `ample`. */
  ampleHours: number;
  /** At least this many hours (and less than `ampleHours`) is `adequate`; below it is `late`. */
  adequateHours: number;
}

export const DEFAULT_NOTICE_POLICY: NoticePolicy = { ampleHours: 48, adequateHours: 24 };
export const DEFAULT_REMINDER_HOURS: readonly number[] = [48, 24];

export interface Organization {
  id: string;
  name: string;
  timezone: string;
  contactEmail: string | null;
  contactPhone: string | null;
  hrContactEmail: string | null;
  noticePolicy: NoticePolicy;
  /** Hours before an interview at which reminders go out. */
  reminders: number[];
  /** Reasonable hours for candidates who have not stated their own, in each candidate's zone. */
  candidateHours: WorkingHours;
  /** How long a waitlist offer of freed time stands before it passes to the next entry. */
  offerMinutes: number;
  /** How many waitlist entries are offered the same freed time at once (the first to claim wins). */
  offerFanout: number;
  /** Below this many hours before the start, a declined panel seat goes to the coordinator. */
  replaceHours: number;
  createdAt: Date;
}

export interface Member {
  id: string;
  organizationId: string;
  name: string;
  email: string;
  role: MemberRole;
  timezone: string;
  phone: string | null;
  workingHours: WorkingHours;
  bufferMinutes: number;
  /** Tags of the pools this member interviews for: members sharing a tag may stand in for each other. */
  pools: string[];
  /** The most interviews this member takes per day and per week (their own zone); absent: no limit. */
  limits: MemberLimits;
  createdAt: Date;
}

export interface MemberLimits {
  perDay?: number;
  perWeek?: number;
}

export interface BusyBlock {
  id: string;
  organizationId: string;
  memberId: string;
  start: Date;
  end: Date;
  title: string | null;
}

export const OPENING_STATUSES = ['open', 'filled', 'closed'] as const;
export type OpeningStatus = (typeof OPENING_STATUSES)[number];

export interface Opening {
  id: string;
  organizationId: string;
  title: string;
  department: string | null;
  location: string | null;
  status: OpeningStatus;
  /** When it was filled or closed. */
  endedAt: Date | null;
  hiredCandidateId: string | null;
  createdAt: Date;
}

export interface Candidate {
  id: string;
  organizationId: string;
  name: string;
  email: string;
  phone: string | null;
  timezone: string;
  /** Hours the candidate stated they can interview in (local, their zone); null: the organization's default. */
  reasonableHours: WorkingHours | null;
  createdAt: Date;
}

export const INTERVIEW_STATUSES = [
  'invited',
  'scheduled',
  'completed',
  'cancelled',
  'withdrawn',
  'no_show',
  'ended_early',
  'declined',
] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

/**
 * Where the candidate stands on the interview's current time, as its calendar invitations say it
 * (RFC 5545 PARTSTAT, lower case): accepted when they chose the time themselves (an offer taken, their
 * own pick or move) or their calendar accepted it, tentative when their calendar said so, and otherwise
 * still asked (a time the employer set). A candidate who declines cancels, so that is not a standing.
 */
export const CANDIDATE_PARTSTATS = ['needs-action', 'accepted', 'tentative'] as const;
export type CandidatePartstat = (typeof CANDIDATE_PARTSTATS)[number];

export interface TimeRange {
  start: Date;
  end: Date;
}

export interface Interview {
  id: string;
  organizationId: string;
  openingId: string;
  candidateId: string;
  title: string;
  durationMinutes: number;
  /** Member ids of the panel; every one of them is booked for the same time. */
  panel: string[];
  start: Date | null;
  end: Date | null;
  status: InterviewStatus;
  /** iCalendar UID: stable for the life of the interview, across reschedules and the cancellation. */
  uid: string;
  /** iCalendar SEQUENCE: raised on every change that attendees must see. */
  sequence: number;
  location: string | null;
  videoUrl: string | null;
  offeredSlots: TimeRange[];
  /** The candidate's answer to the current time (see {@link CandidatePartstat}). */
  candidatePartstat: CandidatePartstat;
  createdAt: Date;
  updatedAt: Date;
}

export const ACTORS = ['candidate', 'employer', 'system'] as const;
export type Actor = (typeof ACTORS)[number];

export type NoticeClass = 'ample' | 'adequate' | 'late' | 'missed';

/** One line of an interview's append-only history. */
export interface HistoryEntry {
  id: string;
  interviewId: string;
  at: Date;
  actor: Actor;
  action: string;
  noticeHours: number | null;
  noticeClass: NoticeClass | null;
  reason: string | null;
  /** Private free text (a candidate's note). Never shown to the other side. */
  privateNote: string | null;
  messageId: string | null;
  details: Record<string, unknown> | null;
}
