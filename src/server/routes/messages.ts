import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { listMessages } from '../../app/interviews/queries.ts';
import type { ServerEnv } from '../env.ts';
import { problems } from '../schemas/common.ts';
import { MessageSchema, messageJson } from '../schemas/interview.ts';
import { jsonContent, security } from '../schemas/route-helpers.ts';

const messagesRoute = createRoute({
  method: 'get', path: '/api/v1/messages', tags: ['messages'], security,
  summary: 'The outbox: every message the organization sent or will send',
  request: { query: z.object({ interviewId: z.string().optional(), to: z.string().optional(), kind: z.string().optional() }) },
  responses: { 200: { description: 'Messages, oldest first', content: jsonContent(z.object({ messages: z.array(MessageSchema) })) }, ...problems(401) },
});

export function registerMessageRoutes(app: OpenAPIHono<ServerEnv>): void {
  app.openapi(messagesRoute, async (c) => {
    const query = c.req.valid('query');
    const messages = await listMessages(c.get('ctx'), c.get('organizationId'), {
      ...(query.interviewId ? { interviewId: query.interviewId } : {}),
      ...(query.to ? { to: query.to.toLowerCase() } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
    });
    return c.json({ messages: messages.map(messageJson) }, 200);
  });
}
