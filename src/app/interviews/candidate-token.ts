import type { Interview } from '../../core/types.ts';
import type { Store } from '../../store/index.ts';
import type { AppContext } from '../context.ts';
import { generateSecret, hashSecret } from '../secrets.ts';

const DAY_MS = 86_400_000;
export const CANDIDATE_TOKEN_PREFIX = 'lw_cand';

/** When a link stops working: some days after the interview (or the last offered time) ends. */
export function linkExpiry(ctx: AppContext, interview: Interview): Date {
  const ends = [interview.end, ...interview.offeredSlots.map((slot) => slot.end)].filter((d): d is Date => d !== null);
  const last = ends.length > 0 ? Math.max(...ends.map((d) => d.getTime())) : ctx.clock().getTime() + 30 * DAY_MS;
  return new Date(Math.max(last, ctx.clock().getTime()) + ctx.config.candidateLinkGraceDays * DAY_MS);
}

/** Issues a link token (≥ 128 bits); only its hash is stored. */
export async function issueCandidateToken(ctx: AppContext, store: Store, interview: Interview): Promise<string> {
  const token = generateSecret(CANDIDATE_TOKEN_PREFIX);
  await store.candidateTokens.create({
    organizationId: interview.organizationId,
    candidateId: interview.candidateId,
    openingId: interview.openingId,
    interviewId: interview.id,
    tokenHash: hashSecret(token),
    expiresAt: linkExpiry(ctx, interview),
  });
  return token;
}

export function candidateLinkUrl(ctx: AppContext, token: string): string {
  return `${ctx.config.publicUrl}/c/${token}`;
}

const TOKEN_PATTERN = new RegExp(`${CANDIDATE_TOKEN_PREFIX}_[A-Za-z0-9_-]{16,}`, 'g');

/**
 * Replaces candidate link tokens in text kept after its use (a delivered email, a stored idempotent
 * response): the token is a credential that is otherwise stored only hashed.
 */
export function redactCandidateTokens(text: string): string {
  return text.replace(TOKEN_PATTERN, `${CANDIDATE_TOKEN_PREFIX}_[redacted]`);
}
