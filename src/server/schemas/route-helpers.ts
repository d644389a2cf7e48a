import type { z } from '@hono/zod-openapi';
import { IdempotencyHeader } from './common.ts';

/**
 * Employer operations: an API key, or the dashboard's session cookie. The OpenAPI document adds the CSRF
 * token to the session on every change (see `finishDocument`), as `requireEmployer` demands it.
 */
export const security: Array<Record<string, string[]>> = [{ Bearer: [] }, { SessionCookie: [] }];

/** Operations that need no credential, or carry their own in the path (candidate links). */
export const publicOperation: Array<Record<string, string[]>> = [];

export function jsonContent<T extends z.ZodType>(schema: T) {
  return { 'application/json': { schema } };
}

/** A JSON request body, plus the Idempotency-Key header every mutation accepts. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { headers: IdempotencyHeader, body: { required: true, content: jsonContent(schema) } };
}
