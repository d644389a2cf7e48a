import { createRoute } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ServerEnv } from '../env.ts';
import { problems } from '../schemas/common.ts';
import { decodeMessagesCursor, encodeMessagesCursor, MessagePageSchema, MessagesQuery, messageJson } from '../schemas/message.ts';
import { jsonContent, security } from '../schemas/route-helpers.ts';

const messagesRoute = createRoute({
  method: 'get', path: '/api/v1/messages', tags: ['messages'], security, operationId: 'listMessages',
  summary: 'The outbox: every email the organization sent or will send, exactly as worded',
  description:
    'Oldest first, in a stable order (createdAt, then id). Page with `limit` and the opaque `cursor` (the previous ' +
    "page's `nextCursor`, null after the last page). Without SMTP, messages are `kept` once due, never `pending` forever.",
  request: { query: MessagesQuery },
  responses: {
    200: { description: 'One page of messages', content: jsonContent(MessagePageSchema) },
    ...problems(400, 401),
  },
});

export function registerMessageRoutes(app: OpenAPIHono<ServerEnv>): void {
  app.openapi(messagesRoute, async (c) => {
    const query = c.req.valid('query');
    const page = await c.get('ctx').store.outbox.page(c.get('organizationId'), {
      ...(query.interviewId !== undefined ? { interviewId: query.interviewId } : {}),
      ...(query.to !== undefined ? { to: query.to } : {}),
      ...(query.kind !== undefined ? { kind: query.kind } : {}),
      ...(query.status !== undefined ? { status: query.status } : {}),
      ...(query.dueBy !== undefined ? { dueBy: new Date(query.dueBy) } : {}),
      after: query.cursor !== undefined ? decodeMessagesCursor(query.cursor) : null,
      limit: query.limit,
    });
    return c.json({ messages: page.messages.map(messageJson), nextCursor: page.next ? encodeMessagesCursor(page.next) : null }, 200);
  });
}
