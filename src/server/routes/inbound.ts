import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { listAttendees } from '../../app/inbound/attendees.ts';
import { inboundSecretSince, organizationOfInboundSecret, rotateInboundSecret } from '../../app/inbound/inbound-secret.ts';
import { HTTP_MAX_MESSAGE_BYTES, SMTP_MAX_MESSAGE_BYTES } from '../../app/inbound/limits.ts';
import { receiveReply } from '../../app/inbound/receive-reply.ts';
import { schedulingAddress } from '../../app/inbound/scheduling-address.ts';
import type { ServerEnv } from '../env.ts';
import { DomainError } from '../../core/errors.ts';
import { INBOUND_EMAIL_PATH } from '../public-paths.ts';
import { IdParam, problems } from '../schemas/common.ts';
import { AttendeeSchema, InboundSecretSchema, InboundSettingsSchema, RepliesQuery, ReplyPageSchema, ReplySchema, attendeeJson, replyJson } from '../schemas/inbound.ts';
import { decodeCursor, pageOf } from '../schemas/pagination.ts';
import { jsonContent, security } from '../schemas/route-helpers.ts';


const emailRoute = createRoute({
  method: 'post', path: INBOUND_EMAIL_PATH, operationId: 'receiveInboundEmail', tags: ['inbound'],
  // Not an employer operation (no API key, no session), but not public either: it carries the inbound secret.
  security: [{ InboundSecret: [] }],
  summary: "A calendar reply forwarded by a mail provider: raw MIME with the organization's inbound secret",
  description:
    'The whole email as received (RFC 5322), `Content-Type: message/rfc822`, with `Authorization: Bearer <inbound secret>` ' +
    '(the organization\'s `lw_inbound_…` secret from POST /api/v1/inbound/secret; an API key is refused). ' +
    "Only the secret's organization's interviews are looked at. Every email is recorded (GET /api/v1/inbound/replies) with what it did or why it was ignored.",
  request: { body: { required: true, content: { 'message/rfc822': { schema: z.string().openapi({ format: 'binary' }) } } } },
  responses: {
    202: { description: 'Received and judged: what the reply did, or why it was ignored', content: jsonContent(z.object({ reply: ReplySchema })) },
    ...problems(400, 401, 413, 415),
  },
});

const secretRoute = createRoute({
  method: 'post', path: '/api/v1/inbound/secret', operationId: 'rotateInboundSecret', tags: ['inbound'], security,
  summary: 'A new inbound secret for forwarded replies (shown once; the old one stops working)',
  responses: { 201: { description: 'The secret, shown only now', content: jsonContent(InboundSecretSchema) }, ...problems(401) },
});

const settingsRoute = createRoute({
  method: 'get', path: '/api/v1/inbound', operationId: 'getInboundSettings', tags: ['inbound'], security,
  summary: 'Where calendar replies go and how they reach Leeway (SMTP listener or forwarding)',
  responses: { 200: { description: 'The inbound settings', content: jsonContent(InboundSettingsSchema) }, ...problems(401) },
});

const repliesRoute = createRoute({
  method: 'get', path: '/api/v1/inbound/replies', operationId: 'listInboundReplies', tags: ['inbound'], security,
  summary: 'Every calendar reply received, newest first, with what it did or why it was ignored',
  request: { query: RepliesQuery },
  responses: { 200: { description: 'One page of replies', content: jsonContent(ReplyPageSchema) }, ...problems(400, 401) },
});

const attendeesRoute = createRoute({
  method: 'get', path: '/api/v1/interviews/{id}/attendees', operationId: 'listInterviewAttendees', tags: ['interviews'], security,
  summary: "The interview's attendees and what each answered from their calendar",
  request: { params: IdParam },
  responses: { 200: { description: 'The attendees', content: jsonContent(z.object({ attendees: z.array(AttendeeSchema) })) }, ...problems(400, 401, 404) },
});

/** `host:port`, an IPv6 host in brackets. */
function hostPort(listener: { host: string; port: number }): string {
  return `${listener.host.includes(':') ? `[${listener.host}]` : listener.host}:${listener.port}`;
}

/** Inbound calendar replies: the forwarding endpoint, the secret, the settings, the record and the attendees. */
export function registerInboundRoutes(app: OpenAPIHono<ServerEnv>): void {
  app.openapi(emailRoute, async (c) => {
    const ctx = c.get('ctx');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    const organizationId = match?.[1] ? await organizationOfInboundSecret(ctx, match[1]) : null;
    if (!organizationId) {
      c.header('www-authenticate', 'Bearer realm="leeway-inbound", error="invalid_token"');
      throw new DomainError('UNAUTHORIZED', "Send the organization's inbound secret as \"Authorization: Bearer lw_inbound_…\".");
    }
    const raw = new Uint8Array(await c.req.arrayBuffer());
    if (raw.length === 0) throw new DomainError('VALIDATION', 'The body is empty: send the whole email as message/rfc822.', { errors: [{ path: '(body)', message: 'Empty.' }] });
    const reply = await receiveReply(ctx, { raw, via: 'http', organizationId });
    return c.json({ reply: replyJson(reply) }, 202);
  });

  app.openapi(secretRoute, async (c) => {
    return c.json(await rotateInboundSecret(c.get('ctx'), c.get('organizationId')), 201);
  });

  app.openapi(settingsRoute, async (c) => {
    const ctx = c.get('ctx');
    const since = await inboundSecretSince(ctx, c.get('organizationId'));
    const address = schedulingAddress(ctx);
    const domain = address.split('@')[1] ?? "the address's domain";
    const listener = ctx.config.inboundSmtp;
    return c.json(
      {
        address,
        secretSet: since !== null,
        secretCreatedAt: since?.toISOString() ?? null,
        http: { url: `${ctx.config.publicUrl}${INBOUND_EMAIL_PATH}`, maxMessageBytes: HTTP_MAX_MESSAGE_BYTES },
        smtp: {
          listening: listener !== undefined,
          host: listener?.host ?? null,
          port: listener?.port ?? null,
          recipients: [address],
          maxMessageBytes: SMTP_MAX_MESSAGE_BYTES,
          howTo: listener
            ? `This server takes mail for ${address} by SMTP on ${hostPort(listener)}. Point the MX record of ${domain} at this server (port 25 reaching that listener), or forward mail for ${address} to the HTTP url.`
            : `This server does not listen for mail. Run "leeway serve --smtp-port 25 --smtp-host 0.0.0.0" and point the MX record of ${domain} at this server, or forward mail for ${address} to the HTTP url.`,
        },
      },
      200,
    );
  });

  app.openapi(repliesRoute, async (c) => {
    const query = c.req.valid('query');
    const cursor = query.cursor ? decodeCursor(query.cursor, true) : null;
    const replies = await c.get('ctx').store.inboundReplies.list(c.get('organizationId'), {
      ...(query.interviewId ? { interviewId: query.interviewId } : {}),
      limit: query.limit + 1,
      ...(cursor ? { after: { id: cursor.id, at: new Date(cursor.at!) } } : {}),
    });
    const page = pageOf(replies, query.limit, (reply) => ({ id: reply.id, at: reply.receivedAt.toISOString() }));
    return c.json({ replies: page.items.map(replyJson), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(attendeesRoute, async (c) => {
    const attendees = await listAttendees(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id);
    return c.json({ attendees: attendees.map(attendeeJson) }, 200);
  });
}
