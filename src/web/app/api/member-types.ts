/**
 * What the dashboard sends to the members API (POST /api/v1/members, PATCH /api/v1/members/{id}); the
 * member as read back is the one of interview-types.ts, shared with the schedule views.
 */
import type { Member, MemberPage, MemberRole } from './interview-types.ts';

export type { Member, MemberPage, MemberRole };

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WEEKDAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export const MEMBER_ROLES = ['interviewer', 'recruiter', 'admin'] as const satisfies readonly MemberRole[];

/** Local "HH:MM" ranges per weekday, in the member's own zone; a day left out or empty is a day off. */
export type WorkingHours = Partial<Record<Weekday, Array<[string, string]>>>;

export interface MemberLimits {
  perDay?: number;
  perWeek?: number;
}

export interface MemberInput {
  name: string;
  email: string;
  role: MemberRole;
  timezone: string;
  phone?: string | null;
  workingHours: WorkingHours;
  bufferMinutes?: number;
  pools?: string[];
  limits?: MemberLimits;
}

export type MemberPatch = Partial<MemberInput>;
