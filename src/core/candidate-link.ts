import type { Interview } from './types.ts';

const DAY_MS = 86_400_000;

/** Every candidate link token starts with this, so tokens can be found (and redacted) in any text. */
export const CANDIDATE_TOKEN_PREFIX = 'lw_cand';

/**
 * Every private link's token prefix: a candidate's link, a waitlist offer's claim link, a panelist's link
 * to their seat. All are credentials stored only hashed, redacted alike wherever text is kept.
 */
export const LINK_TOKEN_PREFIXES = [CANDIDATE_TOKEN_PREFIX, 'lw_offer', 'lw_seat'] as const;

/** The characters after a token's prefix and underscore (base64url), at least 16 of them. */
export const TOKEN_BODY = { characters: '[A-Za-z0-9_-]', atLeast: 16 } as const;

const TOKEN_PATTERN = new RegExp(`(${LINK_TOKEN_PREFIXES.join('|')})_${TOKEN_BODY.characters}{${TOKEN_BODY.atLeast},}`, 'g');

/** What a token reads once redacted: its prefix stays, so the reader still sees which kind of link it was. */
export function redactedToken(prefix: string): string {
  return `${prefix}_[redacted]`;
}

/**
 * Replaces link tokens in text kept after its use (a delivered email, a stored idempotent response, the
 * messages an employer can read): each token is a credential that is otherwise stored only hashed.
 *
 * @example
 * redactCandidateTokens('https://x/c/lw_cand_abcdefghijklmnopqrstu') // 'https://x/c/lw_cand_[redacted]'
 * redactCandidateTokens('https://x/seat/lw_seat_abcdefghijklmnopqrstu') // 'https://x/seat/lw_seat_[redacted]'
 */
export function redactCandidateTokens(text: string): string {
  return text.replace(TOKEN_PATTERN, (_token, prefix: string) => redactedToken(prefix));
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
