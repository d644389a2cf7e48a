import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { authenticateApiKey } from '../app/organizations.ts';
import { authenticateSession } from '../app/sessions.ts';
import { hashSecret } from '../app/secrets.ts';
import type { ServerEnv } from './env.ts';
import { problem, problemResponse } from './problem.ts';

export const SESSION_COOKIE = 'leeway_session';
const MUTATING = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/**
 * Employer-side authentication: `Authorization: Bearer <api key>`, or the dashboard's session cookie
 * (then every state change must carry the session's `X-CSRF-Token`). The credential decides the
 * organization; nothing in the request can name another one.
 */
export function requireEmployer(): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      const principal = match?.[1] ? await authenticateApiKey(c.get('ctx'), match[1]) : null;
      if (!principal) {
        c.header('www-authenticate', 'Bearer realm="leeway", error="invalid_token"');
        return problemResponse(c, problem(401, 'UNAUTHORIZED', 'The API key is not valid.'));
      }
      c.set('organizationId', principal.organizationId);
      return next();
    }
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie) {
      const session = await authenticateSession(c.get('ctx'), cookie, c.req.header('x-csrf-token'));
      if (session) {
        if (MUTATING.has(c.req.method) && !session.csrfValid) {
          return problemResponse(c, problem(403, 'CSRF', 'Send the session\'s X-CSRF-Token with every change.'));
        }
        c.set('organizationId', session.organizationId);
        return next();
      }
    }
    c.header('www-authenticate', 'Bearer realm="leeway"');
    return problemResponse(c, problem(401, 'UNAUTHORIZED', 'Send an API key as "Authorization: Bearer <key>", or sign in.'));
  };
}

/**
 * Candidate links are their own credential. For idempotency the request needs an organization: taken
 * from the link when it is valid; an invalid link goes on to the route, which answers 404. Only a change
 * sent with an `Idempotency-Key` needs it, so no other request pays for the lookup.
 */
export function scopeCandidateLink(): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const token = c.req.param('token');
    if (token && token.length <= 200 && MUTATING.has(c.req.method) && c.req.header('idempotency-key')) {
      const record = await c.get('ctx').store.candidateTokens.findValid(hashSecret(token), c.get('ctx').clock());
      if (record) c.set('organizationId', record.organizationId);
      // A waitlist offer's link (lw_offer_…) scopes its claim the same way.
      const offer = record ? null : await c.get('ctx').store.waitlist.findOfferByTokenHash(hashSecret(token));
      if (offer) c.set('organizationId', offer.organizationId);
    }
    await next();
  };
}
