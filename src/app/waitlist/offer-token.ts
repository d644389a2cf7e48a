import type { AppContext } from '../context.ts';
import { generateSecret } from '../secrets.ts';

/** Offer links carry their own kind of token, told apart from interview links by the prefix. */
export const OFFER_TOKEN_PREFIX = 'lw_offer';

export function isOfferToken(token: string): boolean {
  return token.startsWith(`${OFFER_TOKEN_PREFIX}_`);
}

export function newOfferToken(): string {
  return generateSecret(OFFER_TOKEN_PREFIX);
}

/**
 * The link in an offer email: the candidate's page of the offer (`/c/…`, like an interview link), from
 * which it is claimed or passed on; the JSON view is at `/api/v1/candidate/{token}`.
 */
export function offerLinkUrl(ctx: AppContext, token: string): string {
  return `${ctx.config.publicUrl}/c/${token}`;
}
