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

/** What is stored of a candidate link: the hash of its token and when it stops working. */
export interface StoredCandidateLink {
  tokenHash: string;
  expiresAt: Date;
}

/** A new link token (≥ 128 bits) for this interview, and what is stored of it (never the token itself). */
export function newCandidateLink(ctx: AppContext, interview: Interview): { token: string; stored: StoredCandidateLink } {
  const token = generateSecret(CANDIDATE_TOKEN_PREFIX);
  return { token, stored: { tokenHash: hashSecret(token), expiresAt: linkExpiry(ctx, interview) } };
}

/** Issues and stores a link token for an interview that exists; only its hash is stored. */
export async function issueCandidateToken(ctx: AppContext, store: Store, interview: Interview): Promise<string> {
  const { token, stored } = newCandidateLink(ctx, interview);
  await store.candidateTokens.create(linkRecord(interview, stored));
  return token;
}

/**
 * For an interview whose time changed: issues a fresh link token and keeps the interview's other links
 * alive as long as the new one (see `linkExpiry`), in one statement. Returns the token.
 */
export async function renewCandidateLinks(ctx: AppContext, store: Store, interview: Interview): Promise<string> {
  const { token, stored } = newCandidateLink(ctx, interview);
  await store.candidateTokens.createExtendingOthers(linkRecord(interview, stored));
  return token;
}

/** The row of a link to this interview. */
function linkRecord(interview: Interview, stored: StoredCandidateLink) {
  return { organizationId: interview.organizationId, candidateId: interview.candidateId, openingId: interview.openingId, interviewId: interview.id, ...stored };
}

export function candidateLinkUrl(ctx: AppContext, token: string): string {
  return `${ctx.config.publicUrl}/c/${token}`;
}
