import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { describeSession, endSession, startSession } from '../../app/sessions.ts';
import { DomainError, isDomainError } from '../../core/errors.ts';
import { SESSION_COOKIE } from '../auth.ts';
import type { ServerEnv } from '../env.ts';
import type { LoginLimiter } from '../login-limiter.ts';
import { Email, Instant, problems } from '../schemas/common.ts';
import { jsonContent } from '../schemas/route-helpers.ts';

const SessionSchema = z
  .object({ organizationId: z.string(), csrfToken: z.string(), expiresAt: Instant })
  .openapi('Session', { description: 'The session itself is in the HttpOnly cookie; send csrfToken as X-CSRF-Token on changes.' });

const CurrentSessionSchema = z
  .object({
    organizationId: z.string(),
    organizationName: z.string(),
    user: z.object({ email: z.string(), name: z.string().nullable().openapi({ description: 'The member the user is, when linked to one.' }) }),
    csrfToken: z.string().openapi({ description: 'The same token sign-in gave: send it as X-CSRF-Token on changes.' }),
    expiresAt: Instant,
  })
  .openapi('CurrentSession');

const currentRoute = createRoute({
  method: 'get', path: '/api/v1/session', operationId: 'getSession', tags: ['session'], security: [],
  summary: 'The signed-in session of the cookie sent, with its CSRF token (for a reloaded page)',
  description: 'Needs the session cookie itself (like signing out), not an API key: 401 without a valid one. No CORS headers are sent, so another site cannot read the token.',
  responses: { 200: { description: 'The session', content: jsonContent(CurrentSessionSchema) }, ...problems(401) },
});

const loginRoute = createRoute({
  method: 'post', path: '/api/v1/session', operationId: 'signIn', tags: ['session'], security: [],
  summary: 'Sign in to the dashboard (sets an HttpOnly, SameSite=Lax session cookie)',
  request: { body: { required: true, content: jsonContent(z.object({ email: Email, password: z.string().min(1).max(500) }).strict().openapi('SignIn')) } },
  responses: { 200: { description: 'Signed in', content: jsonContent(SessionSchema) }, ...problems(400, 401, 429) },
});

const logoutRoute = createRoute({
  method: 'delete', path: '/api/v1/session', operationId: 'signOut', tags: ['session'], security: [],
  summary: 'Sign out: ends the session of the cookie sent, if any',
  responses: { 204: { description: 'Signed out' }, ...problems(400) },
});

export function registerSessionRoutes(app: OpenAPIHono<ServerEnv>, limiter: LoginLimiter): void {
  app.openapi(loginRoute, async (c) => {
    const { email, password } = c.req.valid('json');
    const ctx = c.get('ctx');
    const key = email.trim().toLowerCase();
    if (limiter.isBlocked(key, ctx.clock())) throw new DomainError('RATE_LIMITED', 'Too many failed sign-ins; try again in a few minutes.');
    try {
      const session = await startSession(ctx, { email, password });
      limiter.reset(key);
      setCookie(c, SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: new URL(c.req.url).protocol === 'https:',
        path: '/',
        // A lifetime rather than a date: the browser counts it on its own clock, so a client whose clock
        // differs from the server's keeps the session exactly as long as the server does.
        maxAge: Math.max(0, Math.round((session.expiresAt.getTime() - ctx.clock().getTime()) / 1000)),
      });
      return c.json({ organizationId: session.organizationId, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() }, 200);
    } catch (error) {
      if (isDomainError(error, 'UNAUTHORIZED')) limiter.recordFailure(key, ctx.clock());
      throw error;
    }
  });

  app.openapi(currentRoute, async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await describeSession(c.get('ctx'), token) : null;
    if (!session) throw new DomainError('UNAUTHORIZED', 'Sign in first: there is no valid session cookie.');
    return c.json(
      {
        organizationId: session.organizationId,
        organizationName: session.organizationName,
        user: session.user,
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt.toISOString(),
      },
      200,
    );
  });

  app.openapi(logoutRoute, async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await endSession(c.get('ctx'), token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });
}
