import type { Interview } from './types.ts';

const DAY_MS = 86_400_000;

/** Every candidate link token starts with this, so tokens can be found (and redacted) in any text. */
export const CANDIDATE_TOKEN_PREFIX = 'lw_cand';

const TOKEN_PATTERN = new RegExp(`${CANDIDATE_TOKEN_PREFIX}_[A-Za-z0-9_-]{16,}`, 'g');

/**
 * Replaces candidate link tokens in text kept after its use (a delivered email, a stored idempotent
 * response): the token is a credential that is otherwise stored only hashed.
 *
 * @example
 * redactCandidateTokens('https://x/c/lw_cand_abcdefghijklmnopqrstu') // 'https://x/c/lw_cand_[redacted]'
 */
export function redactCandidateTokens(text: string): string {
  return text.replace(TOKEN_PATTERN, `${CANDIDATE_TOKEN_PREFIX}_[redacted]`);
}

export interface LinkExpiryOptions {
  interview: Pick<Interview, 'end' | 'offeredSlots'>;
  now: Date;
  /** Days the link keeps working after the interview (or the last offered time) ends. */
  graceDays: number;
}

/**
 * When a candidate link stops working: some days after the interview, or the last time it offers, ends;
 * an interview with no time at all keeps its link for 30 days from now before the grace starts.
 *
 * @example
 * linkExpiry({ interview: { end: new Date('2026-12-10T16:00:00Z'), offeredSlots: [] }, now, graceDays: 14 })
 * // 2026-12-24T16:00:00.000Z
 */
export function linkExpiry({ interview, now, graceDays }: LinkExpiryOptions): Date {
  const ends = [interview.end, ...interview.offeredSlots.map((slot) => slot.end)].filter((d): d is Date => d !== null);
  const last = ends.length > 0 ? Math.max(...ends.map((d) => d.getTime())) : now.getTime() + 30 * DAY_MS;
  return new Date(Math.max(last, now.getTime()) + graceDays * DAY_MS);
}
