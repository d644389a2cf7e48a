import { DomainError } from '../core/errors.ts';
import type { AppContext } from './context.ts';
import { generateSecret, hashSecret, verifyPassword } from './secrets.ts';

const SESSION_HOURS = 12;
const SESSION_PREFIX = 'lw_sess';

export interface StartedSession {
  /** Goes into an HttpOnly cookie; stored only hashed. */
  token: string;
  /** Sent back in `X-CSRF-Token` on every state change made with the cookie. */
  csrfToken: string;
  organizationId: string;
  expiresAt: Date;
}

// A hash to compare against when the email is unknown, so a wrong email costs as much time as a wrong
// password and timing does not tell which accounts exist. Its password is irrelevant.
const DECOY_HASH = 'scrypt$16384$2s0ticBKyQzAKTJEtAehqw$fxYG8Ql63NPCzH3E7wr4gAhRXtePsg-sNssbFsMeqp0';

/** Signs a dashboard user in with email and password. */
export async function startSession(ctx: AppContext, input: { email: string; password: string }): Promise<StartedSession> {
  const users = await ctx.store.users.findByEmail(input.email.trim().toLowerCase());
  let matched: (typeof users)[number] | null = null;
  for (const user of users) {
    if (await verifyPassword(input.password, user.passwordHash)) {
      matched = user;
      break;
    }
  }
  if (users.length === 0) await verifyPassword(input.password, DECOY_HASH);
  if (!matched) throw new DomainError('UNAUTHORIZED', 'The email or password is not right.');
  const token = generateSecret(SESSION_PREFIX);
  const csrfToken = generateSecret('lw_csrf');
  const expiresAt = new Date(ctx.clock().getTime() + SESSION_HOURS * 3_600_000);
  await ctx.store.users.createSession({
    organizationId: matched.organizationId,
    userId: matched.id,
    tokenHash: hashSecret(token),
    csrfHash: hashSecret(csrfToken),
    expiresAt,
  });
  return { token, csrfToken, organizationId: matched.organizationId, expiresAt };
}

/** The organization of a valid session, and whether the CSRF token presented with it is right. */
export async function authenticateSession(
  ctx: AppContext,
  token: string,
  csrfToken: string | undefined,
): Promise<{ organizationId: string; csrfValid: boolean } | null> {
  if (!token.startsWith(`${SESSION_PREFIX}_`) || token.length > 200) return null;
  const session = await ctx.store.users.findSession(hashSecret(token), ctx.clock());
  if (!session) return null;
  return { organizationId: session.organizationId, csrfValid: csrfToken !== undefined && hashSecret(csrfToken) === session.csrfHash };
}

export async function endSession(ctx: AppContext, token: string): Promise<void> {
  await ctx.store.users.deleteSession(hashSecret(token));
}
