import type { Interview } from '../../core/types.ts';
import type { AppContext } from '../context.ts';
import { generateSecret, hashSecret } from '../secrets.ts';

/** Every panel seat token starts with this, so it can be told apart from a candidate's (and redacted). */
export const SEAT_TOKEN_PREFIX = 'lw_seat';

/** A panelist's seat token as it is stored: only its hash, working until the interview starts. */
export interface SeatTokenRow {
  organizationId: string;
  interviewId: string;
  memberId: string;
  tokenHash: string;
  expiresAt: Date;
}

/**
 * Makes a panelist's private link to decline their seat on this interview, for one email, without
 * storing it: the caller stores the rows of all the panel's links at once (`store.panelTokens.createMany`).
 * Null when the interview has no time (a seat cannot be declined after the start).
 */
export function newSeatToken(interview: Pick<Interview, 'id' | 'organizationId' | 'start'>, memberId: string): { token: string; row: SeatTokenRow } | null {
  if (!interview.start) return null;
  const token = generateSecret(SEAT_TOKEN_PREFIX);
  return { token, row: { organizationId: interview.organizationId, interviewId: interview.id, memberId, tokenHash: hashSecret(token), expiresAt: interview.start } };
}

/** The page behind a seat link (a plain HTML page with the decline form; JSON under /api/v1/seat/). */
export function seatLinkUrl(ctx: AppContext, token: string): string {
  return `${ctx.config.publicUrl}/seat/${token}`;
}
