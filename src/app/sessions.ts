import { DomainError } from '../core/errors.ts';
import type { AppContext } from './context.ts';
import { createHmac, timingSafeEqual } from 'node:crypto';
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
  const csrfToken = deriveCsrfToken(token);
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

/**
 * The CSRF token of a session, computed from its token: a page reloaded with only the HttpOnly cookie can
 * ask for it again (`GET /api/v1/session`) although it is never stored in clear. Only who holds the
 * session token can compute it, and a cross-site page cannot read the answer (no CORS headers).
 */
export function deriveCsrfToken(sessionToken: string): string {
  return `lw_csrf_${createHmac('sha256', sessionToken).update('leeway csrf token v1', 'utf8').digest('base64url')}`;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The organization of a valid session, and whether the CSRF token presented with it is right. */
export async function authenticateSession(
  ctx: AppContext,
  token: string,
  csrfToken: string | undefined,
): Promise<{ organizationId: string; csrfValid: boolean } | null> {
  const session = await findValidSession(ctx, token);
  if (!session) return null;
  // The stored hash still decides; recomputation also admits sessions begun before tokens were derived.
  const csrfValid = csrfToken !== undefined && (hashSecret(csrfToken) === session.csrfHash || sameText(csrfToken, deriveCsrfToken(token)));
  return { organizationId: session.organizationId, csrfValid };
}

async function findValidSession(ctx: AppContext, token: string) {
  if (!token.startsWith(`${SESSION_PREFIX}_`) || token.length > 200) return null;
  return ctx.store.users.findSession(hashSecret(token), ctx.clock());
}

export interface CurrentSession {
  organizationId: string;
  organizationName: string;
  user: { email: string; name: string | null };
  csrfToken: string;
  expiresAt: Date;
}

/** The signed-in user's session as the dashboard needs it after a reload; null when the cookie is no valid session. */
export async function describeSession(ctx: AppContext, token: string): Promise<CurrentSession | null> {
  const session = await findValidSession(ctx, token);
  if (!session) return null;
  const user = await ctx.store.users.get(session.organizationId, session.userId);
  const organization = await ctx.store.organizations.get(session.organizationId);
  if (!user || !organization) return null;
  const member = user.memberId ? await ctx.store.members.get(session.organizationId, user.memberId) : null;
  return {
    organizationId: organization.id,
    organizationName: organization.name,
    user: { email: user.email, name: member?.name ?? null },
    csrfToken: deriveCsrfToken(token),
    expiresAt: session.expiresAt,
  };
}

export async function endSession(ctx: AppContext, token: string): Promise<void> {
  await ctx.store.users.deleteSession(hashSecret(token));
}
