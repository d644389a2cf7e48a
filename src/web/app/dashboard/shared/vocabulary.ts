/**
 * The dashboard's words for the API's codes: reason categories, history actions, sides and statuses.
 * The server keeps the codes; these are only how a recruiter reads them (the web app may not import the
 * core, so the reason labels restate src/core/reasons.ts).
 */
import type { InterviewStatus, MessageStatus, NoticeClass, SeatStatus, Side } from '../../api/interview-types.ts';

const REASON_LABELS: Record<string, string> = {
  medical_emergency: 'A medical emergency',
  family_emergency: 'A family emergency',
  employment_change: 'A change in employment',
  accepted_offer: 'Accepted another offer',
  schedule_conflict: 'A scheduling conflict',
  transportation: 'Travel or transportation trouble',
  not_a_fit: 'The role is no longer the right fit',
  interviewer_unavailable: 'An interviewer became unavailable',
  position_filled: 'The position was filled',
  position_closed: 'The position was closed',
  scheduling_error: 'A scheduling error on our side',
  other: 'Something else',
};

/** A reason category as a recruiter reads it; an unknown code (e.g. an end-early reason) is shown as given. */
export function reasonLabel(code: string): string {
  return REASON_LABELS[code] ?? code.replace(/_/g, ' ');
}

const ACTION_LABELS: Record<string, string> = {
  invited: 'Invited to pick a time',
  scheduled: 'Scheduled',
  accepted: 'Accepted a time',
  rescheduled: 'Rescheduled',
  new_times_requested: 'Asked for new times',
  cancelled: 'Cancelled',
  declined: 'Declined the interview',
  withdrawn: 'Withdrew',
  no_show: 'Marked as a no-show',
  no_show_excused: 'No-show explained as an emergency',
  late: 'Marked as late',
  completed: 'Completed',
  ended_early: 'Ended early',
  concern_raised: 'Raised a concern',
  panel_declined: 'A panelist declined their seat',
  panel_replaced: 'A panel seat was filled by a stand-in',
  panel_handed_over: 'A declined seat was handed to the recruiting team',
  filled_from_waitlist: 'Filled from the waitlist',
  reschedule_requested: 'Asked for another time',
  reminded: 'Reminded the candidate',
};

/** What a history action means, in a few words. */
export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action.replace(/_/g, ' ');
}

export const SIDE_LABELS: Record<Side, string> = {
  candidate: 'Candidate',
  employer: 'Employer',
  system: 'Leeway',
};

export const STATUS_LABELS: Record<InterviewStatus, string> = {
  invited: 'Invited',
  scheduled: 'Scheduled',
  completed: 'Completed',
  cancelled: 'Cancelled',
  withdrawn: 'Withdrawn',
  no_show: 'No-show',
  ended_early: 'Ended early',
  declined: 'Declined',
};

/** Statuses after which the interview holds nobody's time: shown apart from busy time. */
export function isCalledOff(status: InterviewStatus): boolean {
  return status === 'cancelled' || status === 'withdrawn' || status === 'declined';
}

export const NOTICE_LABELS: Record<NoticeClass, string> = {
  ample: 'Ample notice',
  adequate: 'Adequate notice',
  late: 'Late notice',
  missed: 'After the start',
};

export const SEAT_LABELS: Record<SeatStatus, string> = {
  booked: 'Holds the time',
  declined: 'Declined, not replaced yet',
  replaced: 'Replaced by a stand-in',
  not_booked: 'No time held',
};

export const MESSAGE_STATUS_LABELS: Record<MessageStatus, string> = {
  pending: 'Pending',
  sent: 'Sent',
  kept: 'Kept (no mail server)',
  failed: 'Failed',
};

const EMAIL_KIND_LABELS: Record<string, string> = {
  invitation: 'an invitation to pick a time',
  confirmation: 'a confirmation of the time',
  panel_invitation: 'an invitation to sit on the panel',
  moved_by_employer: 'an email that the time has moved, with an apology',
  moved_by_candidate: 'a confirmation of the new time',
  panel_moved: 'an email that the time has moved',
  employer_cancellation: 'an apology for the cancellation',
  invitation_withdrawn: 'an email that the invitation is withdrawn',
  panel_cancellation: 'an email that the interview is cancelled',
  no_show_followup: 'a kind follow-up',
  interviewer_no_show_apology: 'an apology for the missed interview',
  coordinator_no_show: 'an email about the missed interview',
  panel_updated: 'the updated event',
  panel_seat_offered: 'an invitation to take the seat',
  panel_seat_released: 'an email releasing them from the seat',
  panel_change_candidate: 'the updated event with the new panelist',
  reminder: 'a reminder',
  coordinator_reschedule_request: 'a request to move the interview to the time proposed',
  webhook_disabled: 'a notice that a webhook was disabled',
};

/** An email kind of the outbox, as what the reader receives. */
export function emailKindLabel(kind: string): string {
  return EMAIL_KIND_LABELS[kind] ?? kind.replace(/_/g, ' ');
}

export const ROLE_LABELS: Record<'candidate' | 'panelist' | 'coordinator' | 'hr', string> = {
  candidate: 'the candidate',
  panelist: 'panelist',
  coordinator: 'recruiting team',
  hr: 'HR',
};

/** A status as the end of "The interview is now …". */
export const STATUS_PHRASES: Record<InterviewStatus, string> = {
  invited: 'waiting for the candidate to pick a time',
  scheduled: 'scheduled',
  completed: 'completed',
  cancelled: 'cancelled',
  withdrawn: 'withdrawn',
  no_show: 'recorded as a no-show',
  ended_early: 'recorded as ended early',
  declined: 'declined',
};
