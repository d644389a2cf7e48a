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
  /**
   * The interview time the message is about. For `employer_reschedule` it is the time being moved away
   * from (the old time), whether the move is proposed or already done (`newStart`). Only a candidate's
   * decline of an invitation may leave it out: no time has been picked, so the message names none.
   */
  interviewStart?: InstantInput;
  /** The moment the message is written: the composer's only clock. */
  now: InstantInput;
  /** The recipient's IANA time zone: every time in the message is written in it. */
  timezone: string;
  /**
   * The reason code the sender gave (see `src/core/reasons.ts`), from the sender's side only: a candidate
   * kind takes a candidate reason, an employer kind an employer reason (`other` is both sides'), and
   * `candidate_end_early_followup` also `inappropriate_questions` / `disrespectful_conduct`. Without one,
   * the message states no reason at all. Required only for `candidate_end_early_followup`; ignored by
   * `candidate_keep_in_touch`, `no_show_followup` and `reminder`. A reschedule refuses a reason that leaves
   * the process or ends the opening; `position_filled` takes `position_filled` (default) or `position_closed`.
   */
  reason?: string;
  /** Times offered to the reader (at most three are listed). */
  proposedTimes?: InstantInput[];
  /**
   * `employer_reschedule` only: the time the interview has ALREADY been moved to. With it, the message
   * announces the move as done (the new time in the candidate's zone and, with `teamTimezone`, the team's),
   * apologises and offers `links.reschedule` to move it again; without it, the message proposes
   * `proposedTimes`. Must differ from `interviewStart`.
   */
  newStart?: InstantInput;
  /** The team's (organization's) IANA zone: a new time is also written in it when it differs from `timezone`. */
  teamTimezone?: string;
  /** The organization's notice thresholds in hours; defaults to `DEFAULT_NOTICE_POLICY` (48 / 24). */
  noticePolicy?: NoticePolicy;
  keepInTouch?: boolean;
  referral?: Referral;
  /** The coordinator's phone. Without it no message mentions a call, and the channel is always email. */
  coordinatorPhone?: string;
  /**
   * Candidate kinds: true when the candidate says they have already phoned `coordinatorPhone`. Only then
   * does a short-notice draft say a call was made; otherwise it claims none.
   */
  calledAhead?: boolean;
  links?: { cancel?: string; reschedule?: string };
  /** Where an in-person interview takes place. */
  location?: string;
  /** The video link of a remote interview (a reminder tells the candidate to test it early). */
  videoUrl?: string;
  /** When to leave for an in-person interview; must be before `interviewStart`. */
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
  /** The notice class the message was written for, under `context.noticePolicy`. */
  notice: NoticeClass;
  /**
   * For the sender, not the reader: how to send it, from the notice left and the contact data that exist
   * ("The interview is only 7 hours away…: please call +1 555 0100 now, then send the written notice").
   * Never mentions a call without `coordinatorPhone`.
   */
  advice: string;
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
