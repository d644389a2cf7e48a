import { DomainError } from '../../core/errors.ts';
import type { AppContext } from '../context.ts';
import { candidateLinkUrl, issueCandidateToken } from './candidate-token.ts';

export interface ReissuedCandidateLink {
  candidateLink: string;
  candidateToken: string;
}

/**
 * A new private link to an existing interview, for when the one sent earlier cannot be shown again (only
 * its hash is kept). The earlier link keeps working until it expires; both lead to the same interview.
 */
export async function reissueCandidateLink(ctx: AppContext, organizationId: string, interviewId: string): Promise<ReissuedCandidateLink> {
  const interview = await ctx.store.interviews.get(organizationId, interviewId);
  if (!interview) throw new DomainError('NOT_FOUND', 'No such interview.');
  const token = await issueCandidateToken(ctx, ctx.store, interview);
  return { candidateLink: candidateLinkUrl(ctx, token), candidateToken: token };
}
