import { CANDIDATE_TOKEN_PREFIX, linkExpiry as coreLinkExpiry } from '../../core/candidate-link.ts';
import type { Interview } from '../../core/types.ts';
import type { Store } from '../../store/index.ts';
import type { AppContext } from '../context.ts';
import { generateSecret, hashSecret } from '../secrets.ts';

export { CANDIDATE_TOKEN_PREFIX, redactCandidateTokens } from '../../core/candidate-link.ts';

/** When this interview's link stops working (see the core rule). */
export function linkExpiry(ctx: AppContext, interview: Interview): Date {
  return coreLinkExpiry({ interview, now: ctx.clock(), graceDays: ctx.config.candidateLinkGraceDays });
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
