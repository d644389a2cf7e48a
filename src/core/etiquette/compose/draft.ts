import type { NoticeClass } from '../../types.ts';
import type { ComposeKind, MessageElement, Referral, Tone } from '../types.ts';

/** Everything a message template needs, already validated and with times formatted for the reader. */
export interface Facts {
  kind: ComposeKind;
  tone: Tone;
  notice: NoticeClass;
  candidateName: string;
  recipientName?: string;
  /** Who signs an employer message. */
  senderName: string;
  companyName: string;
  roleTitle: string;
  /** The interview start in the reader's zone, zone named. */
  when: string;
  /** Its calendar day, for subjects. */
  day: string;
  /** "New York time". */
  zone: string;
  reason: string;
  /** Proposed times in the reader's zone, at most three. */
  proposed: string[];
  keepInTouch?: boolean;
  referral?: Referral;
  coordinatorPhone?: string;
  links: { cancel?: string; reschedule?: string };
  location?: string;
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
