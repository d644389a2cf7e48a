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
 * are absolute instants, a DST change between them cannot stretch or shrink the notice.
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
  return { class: noticeClass, hoursUntilStart, advice: adviseFor(noticeClass, options.contactPhone ?? null) };
}

/** Compares in milliseconds, not rounded hours, so the boundaries are exact. */
function classifyElapsed(elapsedMs: number, policy: NoticePolicy): NoticeClass {
  if (elapsedMs <= 0) return 'missed';
  if (elapsedMs >= policy.ampleHours * HOUR_MS) return 'ample';
  if (elapsedMs >= policy.adequateHours * HOUR_MS) return 'adequate';
  return 'late';
}

function adviseFor(noticeClass: NoticeClass, phone: string | null): NoticeAdvice {
  switch (noticeClass) {
    case 'ample':
      return { channel: 'email', text: 'Thank you for letting us know early: a written message is enough.' };
    case 'adequate':
      return {
        channel: 'email',
        text: 'A written message is fine; the sooner you send it, the easier it is to rearrange the panel.',
      };
    case 'late':
      return withPhone(
        phone,
        'The interview is less than a day away: please call the coordinator now, then send the written notice.',
      );
    case 'missed':
      return withPhone(
        phone,
        'The interview has already started. Call the coordinator to apologise; the written note follows.',
      );
  }
}

function withPhone(phone: string | null, text: string): NoticeAdvice {
  return phone ? { channel: 'phone', phone, text } : { channel: 'phone', text };
}
