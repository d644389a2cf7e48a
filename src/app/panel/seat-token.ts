import type { Interview } from '../../core/types.ts';
import type { Store } from '../../store/index.ts';
import type { AppContext } from '../context.ts';
import { generateSecret, hashSecret } from '../secrets.ts';

/** Every panel seat token starts with this, so it can be told apart from a candidate's (and redacted). */
export const SEAT_TOKEN_PREFIX = 'lw_seat';

/**
 * Issues a panelist's private link to decline their seat on this interview, for one email: only its hash
 * is stored, and it works until the interview starts (a seat cannot be declined after that).
 */
export async function issueSeatToken(ctx: AppContext, store: Store, interview: Pick<Interview, 'id' | 'organizationId' | 'start'>, memberId: string): Promise<string | null> {
  if (!interview.start) return null;
  const token = generateSecret(SEAT_TOKEN_PREFIX);
  await store.panelTokens.create(
    { organizationId: interview.organizationId, interviewId: interview.id, memberId, tokenHash: hashSecret(token), expiresAt: interview.start },
    ctx.clock(),
  );
  return token;
}

/** The page behind a seat link (a plain HTML page with the decline form; JSON under /api/v1/seat/). */
export function seatLinkUrl(ctx: AppContext, token: string): string {
  return `${ctx.config.publicUrl}/seat/${token}`;
}
