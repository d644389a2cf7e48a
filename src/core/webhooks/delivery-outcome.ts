/**
 * What becomes of a delivery after one attempt, decided from the attempt alone: delivered, tried again
 * later, or given up with the endpoint disabled. Pure; the worker carries it out.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * Waits after the 1st, 2nd, … failed attempt: the Standard Webhooks schedule (immediately, then 5 s,
 * 5 min, 30 min, 2 h, 5 h, 10 h, 10 h) with 10 h steps continued until the waits add up to about three
 * days (2 days 19 h 35 min), long enough to ride out a weekend's outage; an endpoint still failing after
 * the last is disabled.
 */
export const RETRY_DELAYS_MS = [
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
  10 * HOUR,
  10 * HOUR,
  10 * HOUR,
  10 * HOUR,
] as const;

/** Attempts in all: the first, plus one after each wait. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** A `Retry-After` longer than this is read as this: an endpoint cannot park its deliveries for weeks. */
export const RETRY_AFTER_CEILING_MS = 10 * HOUR;

/** How an attempt went: an HTTP answer, or no answer at all (refused, timed out, reset). */
export type AttemptResult =
  | { kind: 'response'; status: number; retryAfter: string | null; bodyExcerpt: string }
  | { kind: 'error'; message: string };

export type DeliveryOutcome =
  | { kind: 'delivered'; responseStatus: number }
  | { kind: 'retry'; nextAttemptAt: Date; responseStatus: number | null; error: string }
  | { kind: 'give_up'; responseStatus: number | null; error: string; disableReason: string };

/**
 * The outcome of attempt number `attempts` (1 for the first) made at `at`. 2xx is delivered; 410 Gone
 * disables the endpoint at once; anything else, redirects included (they are never followed, since a
 * public URL could send us to a private one), is a failure retried on the schedule, or at the endpoint's
 * `Retry-After` when it gives one.
 *
 * @example
 * decideDeliveryOutcome({ kind: 'response', status: 503, retryAfter: '120', bodyExcerpt: '' }, 2, at)
 * // { kind: 'retry', nextAttemptAt: at + 120 s, responseStatus: 503, error: 'The endpoint answered 503.' }
 */
export function decideDeliveryOutcome(result: AttemptResult, attempts: number, at: Date): DeliveryOutcome {
  if (result.kind === 'response' && result.status >= 200 && result.status < 300) {
    return { kind: 'delivered', responseStatus: result.status };
  }
  const status = result.kind === 'response' ? result.status : null;
  const error = describeAttempt(result);
  if (status === 410) {
    return { kind: 'give_up', responseStatus: status, error, disableReason: 'The endpoint answered 410 Gone.' };
  }
  if (attempts >= MAX_ATTEMPTS) {
    return { kind: 'give_up', responseStatus: status, error, disableReason: `Every attempt failed for about three days; the last: ${error}` };
  }
  const scheduled = RETRY_DELAYS_MS[Math.max(0, attempts - 1)] ?? RETRY_DELAYS_MS[RETRY_DELAYS_MS.length - 1]!;
  const asked = result.kind === 'response' ? retryAfterMs(result.retryAfter, at) : null;
  const wait = asked === null ? scheduled : Math.min(asked, RETRY_AFTER_CEILING_MS);
  return { kind: 'retry', nextAttemptAt: new Date(at.getTime() + wait), responseStatus: status, error };
}

/** The failure in words for the delivery log: the status and the start of what the endpoint said. */
function describeAttempt(result: AttemptResult): string {
  if (result.kind === 'error') return result.message;
  const redirect = result.status >= 300 && result.status < 400 ? ' (redirects are not followed)' : '';
  const said = result.bodyExcerpt.trim() === '' ? '' : `: ${result.bodyExcerpt.trim()}`;
  return `The endpoint answered ${result.status}${redirect}${said}`;
}

/**
 * A `Retry-After` value as a wait from `at`: delay-seconds or an HTTP date (RFC 9110 §10.2.3); null when
 * absent or unreadable, and never negative.
 */
export function retryAfterMs(value: string | null, at: Date): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * SECOND;
  if (!/[a-z]/i.test(text)) return null;
  const when = Date.parse(text);
  if (Number.isNaN(when)) return null;
  return Math.max(0, when - at.getTime());
}
