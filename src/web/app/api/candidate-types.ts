/**
 * What the candidate link's API answers (/api/v1/candidate/{token}/…), as the server's schemas describe
 * it (src/server/schemas/candidate.ts, etiquette.ts, routes/waitlist.ts). The web app cannot import the
 * server, so the shapes are restated here; only what the candidate page reads is listed.
 */
export type NoticeClass = 'ample' | 'adequate' | 'late' | 'missed';

export interface Notice {
  hoursUntilStart: number;
  class: NoticeClass;
  advice: { channel: 'email' | 'phone'; phone?: string; text: string };
}

/** One band of the organization's notice policy: from/to hours before the start (null = open end). */
export interface NoticeBand {
  class: NoticeClass;
  fromHours: number | null;
  toHours: number | null;
  meaning: string;
}

export interface NoticeScale {
  policy: { ampleHours: number; adequateHours: number };
  /** Most notice first: ample, adequate, late, missed. */
  bands: NoticeBand[];
}

export interface ClockChange {
  zone: string;
  at: string;
  offsetBefore: string;
  offsetAfter: string;
}

export interface ReasonOption {
  value: string;
  label: string;
  /** An emergency reason also cancels after the start. */
  emergency: boolean;
}

export interface Vocabulary {
  reasons: ReasonOption[];
  concerns: Array<{ value: string; label: string }>;
}

export type CandidateAction = 'accept' | 'reschedule' | 'cancel' | 'decline' | 'withdraw' | 'excuse_no_show' | 'concern';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
/** Local "HH:MM" intervals per weekday, in the candidate's zone. */
export type WorkingHours = Partial<Record<Weekday, Array<[string, string]>>>;

export type InterviewFormat = 'video' | 'in_person' | 'unspecified';

export interface CandidateInterview {
  id: string;
  status: string;
  title: string;
  start: string | null;
  end: string | null;
  durationMinutes: number;
  candidateTimezone: string;
  organizationTimezone: string;
  location: string | null;
  videoUrl: string | null;
  format: InterviewFormat;
  panel: Array<{ name: string }>;
  organization: { name: string; contactPhone: string | null; contactEmail: string | null };
  opening: { title: string };
}

export interface DeliveryGroup {
  audience: 'candidate' | 'panelist' | 'coordinator' | 'hr';
  kind: string;
  count: number;
  emails: number;
  names: string[];
  calendar: 'REQUEST' | 'CANCEL' | null;
}

/** Who an action's emails went to, from the outbox; `text` is the server's own sentence. */
export interface ActionOutcome {
  recipients: DeliveryGroup[];
  text: string;
}

export interface CandidateView {
  interview: CandidateInterview;
  notice: Notice | null;
  noticeScale: NoticeScale;
  clockChanges: ClockChange[];
  vocabulary: Vocabulary;
  /** At short notice with a number on file: call before writing. */
  callFirst?: { phone: string; tel: string; script: string[] };
  actions: CandidateAction[];
  offeredSlots?: Array<{ start: string; end: string; startLocal: string }>;
  reasonableHours: { hours: WorkingHours; stated: boolean };
  apologyPath?: { text: string; phone: string | null };
}

/** An action's answer: the view after it, plus what it was classified as and who hears of it. */
export interface CandidateActionResult extends CandidateView {
  actionNotice?: Notice | null;
  phoneScript?: string[];
  /** For a concern: whether it reached someone. */
  delivered?: boolean;
  outcome?: ActionOutcome;
}

export interface WaitlistOffer {
  status: 'offered' | 'claimed' | 'expired' | 'withdrawn' | 'declined';
  state: 'open' | 'taken' | 'expired' | 'claimed' | 'declined' | 'ended';
  start: string;
  end: string;
  durationMinutes: number;
  candidateTimezone: string;
  expiresAt: string;
  opening: { title: string };
  organization: { name: string; contactEmail: string | null; contactPhone: string | null };
  actions: Array<'claim' | 'decline-offer'>;
}

export interface OfferView {
  offer: WaitlistOffer;
}

/** The same path answers an interview link or a waitlist offer link. */
export type LinkView = CandidateView | OfferView;

export function isOfferView(view: LinkView): view is OfferView {
  return 'offer' in view;
}

/** What claiming an offer answers: the booked interview and its own candidate link. */
export interface ClaimedInterview {
  id: string;
  status: string;
  start: string | null;
  end: string | null;
  candidateLink?: string;
  /** Who the booking's emails went to, from the emails written. */
  outcome?: ActionOutcome;
}

export interface CandidateTime {
  start: string;
  startLocal: string;
  label: string;
}

export type DraftAction = 'cancel' | 'decline' | 'withdraw' | 'reschedule';

export type MessageElement = 'gratitude' | 'reason' | 'apology' | 'alternative' | 'keepDoorOpen' | 'referral';

export interface ComposedDraft {
  subject: string;
  body: string;
  channel: 'email' | 'phone';
  phoneScript?: string[];
  elements: MessageElement[];
  notice: NoticeClass;
  advice: string;
}

export interface Finding {
  code: string;
  severity: 'info' | 'warn' | 'error';
  message: string;
  /** Character offsets into the reviewed text, end exclusive. */
  start?: number;
  end?: number;
  suggestion?: string;
}

export interface DraftReview {
  score: number;
  elements: Record<MessageElement, boolean>;
  findings: Finding[];
}

export interface Referral {
  name: string;
  email: string;
}
