import type { z } from '@hono/zod-openapi';
import { IdempotencyHeader } from './common.ts';

export const security = [{ Bearer: [] }];

export function jsonContent<T extends z.ZodType>(schema: T) {
  return { 'application/json': { schema } };
}

/** A JSON request body, plus the Idempotency-Key header every mutation accepts. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { headers: IdempotencyHeader, body: { required: true, content: jsonContent(schema) } };
}
