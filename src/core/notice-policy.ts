import type { NoticeClass, NoticePolicy } from './types.ts';
import { DEFAULT_NOTICE_POLICY } from './types.ts';

const HOUR_MS = 3_600_000;

export interface NoticeAdvice {
  channel: 'email' | 'phone';
  phone?: string;
  text: string;
}

export interface NoticeDecision {
  class: NoticeClass;
  /** Real elapsed hours from the action to the start (negative once the start has passed), 2 decimals. */
  hoursUntilStart: number;
  advice: NoticeAdvice;
}

export interface ClassifyNoticeOptions {
  /** When the action (cancel, reschedule, decline) happens. */
  at: Date;
  /** The interview's start. */
  start: Date;
  policy?: NoticePolicy;
  /** The coordinator's phone, offered when an email alone is not enough. */
  contactPhone?: string | null;
}

/**
 * Classifies the notice an action gives, from the real elapsed time between two instants. Because both
 * are absolute instants, a DST change between them cannot stretch or shrink the notice. The advice is
 * built from the organization's own thresholds and only the contact data that exist: no "call" without a
 * number to call.
 *
 * @example
 * classifyNotice({ at: new Date('2026-10-31T13:30:00Z'), start: new Date('2026-11-02T14:00:00Z') })
 * // → { class: 'ample', hoursUntilStart: 48.5, advice: { channel: 'email', ... } }
 */
export function classifyNotice(options: ClassifyNoticeOptions): NoticeDecision {
  const policy = options.policy ?? DEFAULT_NOTICE_POLICY;
  const elapsedMs = options.start.getTime() - options.at.getTime();
  const hoursUntilStart = Math.round((elapsedMs / HOUR_MS) * 100) / 100;
  const noticeClass = classifyElapsed(elapsedMs, policy);
  return { class: noticeClass, hoursUntilStart, advice: adviseFor(noticeClass, elapsedMs, policy, options.contactPhone ?? null) };
}

/** Compares in milliseconds, not rounded hours, so the boundaries are exact. */
function classifyElapsed(elapsedMs: number, policy: NoticePolicy): NoticeClass {
  if (elapsedMs <= 0) return 'missed';
  if (elapsedMs >= policy.ampleHours * HOUR_MS) return 'ample';
  if (elapsedMs >= policy.adequateHours * HOUR_MS) return 'adequate';
  return 'late';
}

/**
 * A span of time as a person says it: "45 minutes", "1 hour", "27 hours", "3 days" (whole units, rounded
 * down so a notice is never overstated).
 *
 * @example
 * describeSpan(27.6 * 3_600_000) // '27 hours'
 */
export function describeSpan(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return plural(Math.max(minutes, 1), 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 72) return plural(hours, 'hour');
  return plural(Math.floor(hours / 24), 'day');
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function hoursText(hours: number): string {
  return plural(hours, 'hour');
}

function adviseFor(noticeClass: NoticeClass, elapsedMs: number, policy: NoticePolicy, phone: string | null): NoticeAdvice {
  const left = describeSpan(elapsedMs);
  switch (noticeClass) {
    case 'ample':
      return {
        channel: 'email',
        text: `The interview is ${left} away, at least the ${hoursText(policy.ampleHours)} of notice this organization asks for: a written message is enough.`,
      };
    case 'adequate':
      return {
        channel: 'email',
        text: `The interview is ${left} away: a written message is fine, and the sooner you send it, the easier it is to rearrange the panel.`,
      };
    case 'late':
      return phone
        ? {
            channel: 'phone',
            phone,
            text: `The interview is only ${left} away, less than the ${hoursText(policy.adequateHours)} of notice this organization asks for: please call ${phone} now, then send the written notice.`,
          }
        : {
            channel: 'email',
            text: `The interview is only ${left} away, less than the ${hoursText(policy.adequateHours)} of notice this organization asks for: send your written notice now, with an apology for the short notice.`,
          };
    case 'missed':
      return phone
        ? { channel: 'phone', phone, text: `The interview has already started. Call ${phone} to apologise; the written note follows.` }
        : { channel: 'email', text: 'The interview has already started. Send a short, honest apology in writing now.' };
  }
}

/**
 * The notice an action gave, told once it is done: what it was, and at short notice that a call still
 * helps. The advice before acting (`classifyNotice`) asks the reader to call and then send the written
 * notice; after the action its written part is already written, and repeating that would ask for it twice.
 *
 * @example
 * noticeGiven(classifyNotice({ at, start, policy, contactPhone: '+15550100' }), policy, '+15550100').advice.text
 * // 'You gave only 7 hours of notice, less than the 24 hours this organization asks for: if you have not called +15550100 yet, a quick call now helps.'
 */
export function noticeGiven(decision: NoticeDecision, policy: NoticePolicy, phone: string | null): NoticeDecision {
  const given = describeSpan(decision.hoursUntilStart * HOUR_MS);
  const advice = ((): NoticeAdvice => {
    switch (decision.class) {
      case 'ample':
        return { channel: 'email', text: `You gave ${given} of notice, at least the ${hoursText(policy.ampleHours)} this organization asks for.` };
      case 'adequate':
        return { channel: 'email', text: `You gave ${given} of notice, within what this organization asks for.` };
      case 'late': {
        const text = `You gave only ${given} of notice, less than the ${hoursText(policy.adequateHours)} this organization asks for`;
        return phone ? { channel: 'phone', phone, text: `${text}: if you have not called ${phone} yet, a quick call now helps.` } : { channel: 'email', text: `${text}.` };
      }
      case 'missed':
        return phone
          ? { channel: 'phone', phone, text: `This was after the start: if you have not called ${phone} yet, a call to apologise helps.` }
          : { channel: 'email', text: 'This was after the start.' };
    }
  })();
  return { ...decision, advice };
}

/** What the employer is told about the notice its own change gives the candidate, before sending it. */
export interface EmployerNotice {
  class: NoticeClass;
  /** Real elapsed hours from the change to the start, 2 decimals. */
  hoursUntilStart: number;
  /** Late notice: the email alone is not enough, call the candidate first (when there is a number to call). */
  callFirst: boolean;
  /** The candidate's number, when one is on file and a call is advised. */
  phone: string | null;
  text: string;
}

/**
 * The notice an employer's change gives the candidate of the time they hold (a cancellation, a move:
 * counted to `start`, the interview's time now; a move's new time is classified on its own by the
 * caller), by the organization's thresholds, with what to do about it: late → call the candidate first
 * when their number is on file. Guidance, never a refusal.
 *
 * @example
 * employerNotice({ at, start, policy, candidate: { name: 'Ada', phone: '+15550100' } })
 * // → { class: 'late', callFirst: true, phone: '+15550100', text: 'Ada gets only 9 hours of notice, … call them at +15550100 first …' }
 */
export function employerNotice(options: { at: Date; start: Date; policy?: NoticePolicy; candidate: { name: string; phone: string | null } }): EmployerNotice {
  const policy = options.policy ?? DEFAULT_NOTICE_POLICY;
  const { class: noticeClass, hoursUntilStart } = classifyNotice(options);
  const { name, phone } = options.candidate;
  const left = describeSpan(options.start.getTime() - options.at.getTime());
  const late = noticeClass === 'late' || noticeClass === 'missed';
  const text = ((): string => {
    switch (noticeClass) {
      case 'ample':
        return `${name} gets ${left} of notice, at least the ${hoursText(policy.ampleHours)} this organization asks for: the email is enough.`;
      case 'adequate':
        return `${name} gets ${left} of notice: the email is fine, and the sooner it goes, the easier it is for them to rearrange their day.`;
      case 'late':
        return phone
          ? `${name} gets only ${left} of notice, less than the ${hoursText(policy.adequateHours)} this organization asks for: call them at ${phone} first, then send this.`
          : `${name} gets only ${left} of notice, less than the ${hoursText(policy.adequateHours)} this organization asks for. No phone number is on file for them, so send this now; add their number to call next time.`;
      case 'missed':
        return phone ? `The interview has already started: call ${name} at ${phone} to explain.` : `The interview has already started: ${name} learns of it only by email.`;
    }
  })();
  return { class: noticeClass, hoursUntilStart, callFirst: late && phone !== null, phone: late ? phone : null, text };
}
