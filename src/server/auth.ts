import type { MiddlewareHandler } from 'hono';
import { authenticateApiKey } from '../app/organizations.ts';
import { hashSecret } from '../app/secrets.ts';
import type { ServerEnv } from './env.ts';
import { problem, problemResponse } from './problem.ts';

/**
 * Employer-side authentication: `Authorization: Bearer <api key>`. The key decides the organization;
 * nothing in the request can name another one.
 */
export function requireApiKey(): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) {
      c.header('www-authenticate', 'Bearer realm="leeway"');
      return problemResponse(c, problem(401, 'UNAUTHORIZED', 'Send an API key as "Authorization: Bearer <key>".'));
    }
    const principal = await authenticateApiKey(c.get('ctx'), match[1]);
    if (!principal) {
      c.header('www-authenticate', 'Bearer realm="leeway", error="invalid_token"');
      return problemResponse(c, problem(401, 'UNAUTHORIZED', 'The API key is not valid.'));
    }
    c.set('organizationId', principal.organizationId);
    await next();
  };
}

/**
 * Candidate links are their own credential. For idempotency the request needs an organization: taken
 * from the link when it is valid; an invalid link goes on to the route, which answers 404.
 */
export function scopeCandidateLink(): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const token = c.req.param('token');
    if (token && token.length <= 200) {
      const record = await c.get('ctx').store.candidateTokens.findValid(hashSecret(token), c.get('ctx').clock());
      if (record) c.set('organizationId', record.organizationId);
    }
    await next();
  };
}
