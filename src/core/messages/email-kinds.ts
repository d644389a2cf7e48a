import { WAITLIST_EMAIL_KINDS } from './waitlist-kinds.ts';
import type { WaitlistEmailKind } from './waitlist-kinds.ts';

/**
 * Every email Leeway writes, by event and recipient. Each kind has one renderer (`render-email.ts`), and
 * the planner (`plan-emails.ts`) decides which kinds a change sends, to whom, with which calendar part.
 */
export const CANDIDATE_EMAIL_KINDS = [
  'invitation',
  'confirmation',
  'moved_by_candidate',
  'moved_by_employer',
  'new_times',
  'cancellation_confirmation',
  'invitation_withdrawn',
  'employer_cancellation',
  'withdrawal_confirmation',
  'withdrawal_calendar_update',
  'decline_confirmation',
  'interviewer_no_show_apology',
  'no_show_followup',
  'reminder',
] as const;

export const PANEL_EMAIL_KINDS = ['panel_invitation', 'panel_moved', 'panel_time_withdrawn', 'panel_cancellation', 'panel_withdrawal'] as const;

export const COORDINATOR_EMAIL_KINDS = [
  'coordinator_cancellation',
  'coordinator_new_times',
  'coordinator_decline',
  'coordinator_withdrawal',
  'coordinator_no_show',
  'concern',
] as const;

/**
 * Emails about a declined panel seat: the stand-in's invitation, the decliner's release (or, when nobody
 * took the seat, the acknowledgement), the rest of the panel's update, what the candidate hears (the new
 * name, nothing else), and the coordinator's proposals or hand-over.
 */
export const SEAT_EMAIL_KINDS = [
  'panel_seat_offered',
  'panel_seat_released',
  'panel_updated',
  'panel_decline_received',
  'panel_change_candidate',
  'coordinator_seat_proposals',
  'coordinator_seat_handover',
] as const;

export type CandidateEmailKind = (typeof CANDIDATE_EMAIL_KINDS)[number];
export type PanelEmailKind = (typeof PANEL_EMAIL_KINDS)[number];
export type CoordinatorEmailKind = (typeof COORDINATOR_EMAIL_KINDS)[number];
export type SeatEmailKind = (typeof SEAT_EMAIL_KINDS)[number];
export type EmailKind = CandidateEmailKind | PanelEmailKind | CoordinatorEmailKind | WaitlistEmailKind | SeatEmailKind;

export const EMAIL_KINDS: readonly EmailKind[] = [...CANDIDATE_EMAIL_KINDS, ...PANEL_EMAIL_KINDS, ...COORDINATOR_EMAIL_KINDS, ...WAITLIST_EMAIL_KINDS, ...SEAT_EMAIL_KINDS];

/** Panelist emails that carry a REQUEST, and with it the reader's private link to decline their seat. */
export function carriesSeatLink(email: Pick<PlannedEmail, 'audience' | 'calendar' | 'memberId'>): boolean {
  return email.audience === 'panelist' && email.calendar === 'REQUEST' && email.memberId !== undefined;
}

export interface Mailbox {
  name: string;
  address: string;
}

export type Audience = 'candidate' | 'panelist' | 'coordinator' | 'hr';

/** One email the planner decided to send: to whom, answered by whom, carrying which calendar part. */
export interface PlannedEmail {
  kind: EmailKind;
  audience: Audience;
  to: Mailbox;
  /** The reader's zone: every time in the email is written in it. */
  timezone: string;
  /** Who a reply reaches: a person or a monitored address, never a no-reply sender if one exists. */
  replyTo: Mailbox;
  /** True when `replyTo` reaches a person, so the text may invite a reply. */
  canReply: boolean;
  calendar: 'REQUEST' | 'CANCEL' | null;
  /** The panelist this email is for. */
  memberId?: string;
  /**
   * This panelist's own link to decline their seat, issued for this email alone (see `carriesSeatLink`);
   * rendered only into the email it was issued for.
   */
  seatLink?: string;
}

const CANDIDATE_READ = new Set<string>([...CANDIDATE_EMAIL_KINDS, ...WAITLIST_EMAIL_KINDS, 'panel_change_candidate']);
const PANEL_READ = new Set<string>([...PANEL_EMAIL_KINDS, 'panel_seat_offered', 'panel_seat_released', 'panel_updated', 'panel_decline_received']);

/**
 * Who reads an email of this kind, from the lists above: a candidate (waitlist notes included), a
 * panelist, HR (a concern) or the coordinator.
 */
export function audienceOfKind(kind: string): Audience {
  if (CANDIDATE_READ.has(kind)) return 'candidate';
  if (PANEL_READ.has(kind)) return 'panelist';
  if (kind === 'concern') return 'hr';
  return 'coordinator';
}
