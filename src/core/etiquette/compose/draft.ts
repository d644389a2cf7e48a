import type { NoticeClass } from '../../types.ts';
import type { ComposeKind, MessageElement, Referral, Tone } from '../types.ts';

/** Everything a message template needs, already validated and with times formatted for the reader. */
export interface Facts {
  kind: ComposeKind;
  tone: Tone;
  /** The notice class under the organization's policy. */
  notice: NoticeClass;
  /** Milliseconds from writing to the start the notice is judged against (negative after it). */
  msLeft: number;
  /** The notice policy's advice to a candidate who calls something off (`classifyNotice`). */
  noticeAdvice: string;
  candidateName: string;
  recipientName?: string;
  /** Who signs an employer message. */
  senderName: string;
  /** How the employer introduces itself mid-sentence: "the Acme hiring team", "Dana Kim from Acme". */
  senderIntro: string;
  companyName: string;
  roleTitle: string;
  /** The interview start in the reader's zone, zone named. */
  /** False only for a decline of an invitation with no time picked: `when` and `day` are then empty. */
  scheduled: boolean;
  when: string;
  /** Its calendar day, for subjects. */
  day: string;
  /** "New York time". */
  zone: string;
  /** The reason code the sender gave; `undefined` when none was given, and then no reason is stated. */
  reason?: string;
  /** Proposed times in the reader's zone, at most three. */
  proposed: string[];
  /** A move that is already done (`employer_reschedule` with `newStart`). */
  moved?: {
    /** The new time in the reader's zone, zone named. */
    when: string;
    day: string;
    /** The new time as the team reads it, when the team's zone writes it differently: "4:00 PM CET (Berlin time)". */
    team?: string;
  };
  keepInTouch?: boolean;
  referral?: Referral;
  /** The coordinator's phone; without it no message speaks of a call. */
  coordinatorPhone?: string;
  /** The sender says they have already phoned: only then does a draft say a call was made. */
  calledAhead?: boolean;
  links: { cancel?: string; reschedule?: string };
  location?: string;
  videoUrl?: string;
  leaveBy?: string;
}

export interface Sentence {
  text: string;
  /** The element this sentence supplies, if any. */
  element?: MessageElement;
}

export interface Draft {
  subject: string;
  greeting: string;
  paragraphs: Sentence[][];
  closing: string;
  signature: string;
}

/** The warm or the formal wording. */
export function byTone(facts: Facts, warm: string, formal: string): string {
  return facts.tone === 'warm' ? warm : formal;
}

/** Proposed times as an indented list, one a line. */
export function listTimes(facts: Facts): string {
  return facts.proposed.map((t) => `- ${t}`).join('\n');
}

export function isLateOrMissed(facts: Facts): boolean {
  return facts.notice === 'late' || facts.notice === 'missed';
}

/** Whether the sender also phones: only at short notice or later, and only with a number to call. */
export function callsToo(facts: Facts): boolean {
  return isLateOrMissed(facts) && facts.coordinatorPhone !== undefined;
}

/** The first letter in upper case, the rest as the user wrote it. */
export function capitalize(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

const TITLES = /^(mr|mrs|ms|miss|mx|dr|prof)\.?$/i;

/**
 * How a warm message addresses someone: the first name, unless the name starts with a title ("Ms. Rivera").
 *
 * @example
 * firstName('Jordan Lee') // 'Jordan'
 */
export function firstName(name: string): string {
  const parts = name.trim().split(/\s+/);
  return parts.length > 1 && !TITLES.test(parts[0] ?? '') ? (parts[0] ?? name) : name;
}
