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
