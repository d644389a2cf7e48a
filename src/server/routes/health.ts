import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ServerEnv } from '../env.ts';
import { DATABASE_RETRY_AFTER_SECONDS } from '../problem.ts';

const HealthSchema = z.object({ ok: z.boolean(), database: z.enum(['pglite', 'postgres']) }).openapi('Health');

const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  operationId: 'getHealth',
  tags: ['health'],
  security: [],
  summary: 'Liveness and database reachability',
  responses: {
    200: { description: 'Healthy', content: { 'application/json': { schema: HealthSchema } } },
    503: {
      description: 'The database does not answer; ask again after Retry-After seconds',
      headers: { 'Retry-After': { description: 'Seconds to wait before asking again', schema: { type: 'integer' } } },
      content: { 'application/json': { schema: HealthSchema } },
    },
  },
});

export function registerHealthRoutes(app: OpenAPIHono<ServerEnv>): void {
  app.openapi(healthRoute, async (c) => {
    const { store } = c.get('ctx');
    const ok = await store.ping().catch(() => false);
    if (!ok) c.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
    return c.json({ ok, database: store.engine }, ok ? 200 : 503);
  });
}
