import type { MiddlewareHandler } from 'hono';
import { authenticateApiKey } from '../app/organizations.ts';
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
