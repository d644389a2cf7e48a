import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { listChanges } from '../../app/changes.ts';
import type { ServerEnv } from '../env.ts';
import { ChangeSchema, changeJson } from '../schemas/change.ts';
import { Instant, problems } from '../schemas/common.ts';
import { Limit, NextCursor, cursorParam, pageOf, pageRequest } from '../schemas/pagination.ts';
import { jsonContent, security } from '../schemas/route-helpers.ts';

const changesRoute = createRoute({
  method: 'get', path: '/api/v1/changes', operationId: 'listChanges', tags: ['interviews'], security,
  summary: 'The organization’s changes to interviews, newest first, for a live dashboard',
  description:
    'Every entry of the interviews’ append-only history (a candidate’s confidential concerns aside), newest first, a page at a time. ' +
    'To poll, pass `since` a little before the newest `at` already shown and drop entries whose `id` was seen: a change is ' +
    'listed once its transaction commits, which can be a moment after its `at`.',
  request: {
    query: z.object({
      since: Instant.optional().openapi({ param: { name: 'since', in: 'query' }, description: 'Only changes made at or after this instant.' }),
      limit: Limit,
      cursor: cursorParam(),
    }),
  },
  responses: {
    200: { description: 'A page of changes', content: jsonContent(z.object({ changes: z.array(ChangeSchema), nextCursor: NextCursor }).openapi('ChangePage')) },
    ...problems(400, 401),
  },
});

/** The organization's feed of changes to interviews, newest first, for the dashboard. */
export function registerChangeFeedRoutes(app: OpenAPIHono<ServerEnv>): void {
  app.openapi(changesRoute, async (c) => {
    const q = c.req.valid('query');
    const rows = await listChanges(c.get('ctx'), c.get('organizationId'), { ...(q.since ? { since: new Date(q.since) } : {}), ...pageRequest(q) });
    const page = pageOf(rows, q.limit, (row) => ({ id: row.id }));
    return c.json({ changes: page.items.map(changeJson), nextCursor: page.nextCursor }, 200);
  });
}
