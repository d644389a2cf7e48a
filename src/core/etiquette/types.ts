/**
 * The public shapes of the etiquette engine: what the composer, the reviewer and the question screen take
 * and return. The arrays are exported so the HTTP layer can build its schemas from the same source.
 */
import type { NoticeClass, NoticePolicy } from '../types.ts';

export const COMPOSE_KINDS = [
  'candidate_cancel',
  'candidate_reschedule',
  'candidate_decline',
  'candidate_withdraw',
  'candidate_end_early_followup',
  'candidate_keep_in_touch',
  'employer_cancel',
  'employer_reschedule',
  'position_filled',
  'no_show_followup',
  'reminder',
] as const;
export type ComposeKind = (typeof COMPOSE_KINDS)[number];

export const TONES = ['warm', 'formal'] as const;
export type Tone = (typeof TONES)[number];

/** The parts of a considerate message; the composer reports which it wrote, the reviewer which it found. */
export const MESSAGE_ELEMENTS = ['gratitude', 'reason', 'apology', 'alternative', 'keepDoorOpen', 'referral'] as const;
export type MessageElement = (typeof MESSAGE_ELEMENTS)[number];

/** An instant: an ISO 8601 string with an offset (`2026-12-10T15:00:00Z`) or a `Date`. */
export type InstantInput = string | Date;

export interface Referral {
  name: string;
  email: string;
}

export interface ComposeContext {
  candidateName: string;
  /** Who receives a candidate's message (interviewer or coordinator); the candidate for employer kinds. */
  recipientName?: string;
  /** Who signs an employer message; defaults to the company's hiring team. */
  senderName?: string;
  companyName: string;
  roleTitle: string;
  interviewStart: InstantInput;
  /** The moment the message is written: the composer's only clock. */
  now: InstantInput;
  /** The recipient's IANA time zone: every time in the message is written in it. */
  timezone: string;
  /**
   * A reason code (see `src/core/reasons.ts`) or, for an early end, `inappropriate_questions` /
   * `disrespectful_conduct`. Not needed for `candidate_keep_in_touch`, `no_show_followup` and `reminder`.
   */
  reason?: string;
  proposedTimes?: InstantInput[];
  keepInTouch?: boolean;
  referral?: Referral;
  coordinatorPhone?: string;
  links?: { cancel?: string; reschedule?: string };
  location?: string;
  leaveBy?: InstantInput;
}

export interface ComposeOptions {
  tone?: Tone;
}

export interface ComposeResult {
  subject: string;
  body: string;
  channel: 'email' | 'phone';
  /** Three to five lines to say on the phone when an email alone is not enough. */
  phoneScript?: string[];
  /** The elements the message contains, in the order they appear. */
  elements: MessageElement[];
  /** The notice class the message was written for. */
  notice: NoticeClass;
}

export const FINDING_CODES = [
  'missing_gratitude',
  'missing_apology',
  'missing_reason',
  'missing_alternative',
  'oversharing',
  'badmouthing',
  'blame',
  'too_long',
  'shouting',
  'vague_reason',
  'call_instead',
  'after_start',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export const SEVERITIES = ['info', 'warn', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: string;
  /** Character offsets into the reviewed text, end exclusive. */
  start?: number;
  end?: number;
  suggestion?: string;
}

export interface ReviewContext {
  interviewStart?: InstantInput;
  now?: InstantInput;
  timezone?: string;
  reason?: string;
  /** True when the sender has already phoned, so the written message is not the only channel. */
  calledAhead?: boolean;
  /** The organization's notice thresholds in hours; defaults to `DEFAULT_NOTICE_POLICY` (48 / 24). */
  noticePolicy?: NoticePolicy;
  referral?: Referral;
}

export interface ReviewInput {
  kind: ComposeKind;
  text: string;
  context?: ReviewContext;
}

export type ElementPresence = Record<MessageElement, boolean>;

export interface ReviewResult {
  /** 100 minus the deductions of the findings (see `SEVERITY_DEDUCTIONS`), never below 0. */
  score: number;
  elements: ElementPresence;
  findings: Finding[];
}

/**
 * Topic codes follow the etiquette corpus. `criminal_record` covers arrests and convictions, `military`
 * the discharge type, `financial` credit, debt and home ownership, `physical` height and weight.
 */
export const PROTECTED_TOPICS = [
  'age',
  'race',
  'religion',
  'national_origin',
  'citizenship',
  'sex',
  'sexual_orientation',
  'marital_status',
  'pregnancy',
  'family',
  'disability',
  'genetic_information',
  'criminal_record',
  'salary_history',
  'military',
  'union',
  'financial',
  'physical',
  'political_views',
] as const;
export type ProtectedTopic = (typeof PROTECTED_TOPICS)[number];

export const VERDICTS = ['ok', 'risky', 'unlawful'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const JURISDICTIONS = ['US'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export interface ScreenOptions {
  jurisdiction?: Jurisdiction;
}

export interface QuestionVerdict {
  question: string;
  verdict: Verdict;
  topics: ProtectedTopic[];
  explanation: string;
  suggestion?: string;
}

export interface ScreenResult {
  results: QuestionVerdict[];
}
