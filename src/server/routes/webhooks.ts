import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { SUBSCRIBABLE_EVENT_TYPES, WEBHOOK_EVENT_TYPES } from '../../core/webhooks/event-types.ts';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listDeliveries,
  listWebhooks,
  rotateWebhookSecret,
  sendTestEvent,
  updateWebhook,
} from '../../app/webhooks/subscriptions.ts';
import type { ServerEnv } from '../env.ts';
import { IdParam, IdempotencyHeader, problems } from '../schemas/common.ts';
import { Limit, NextCursor, cursorParam, pageOf, pageRequest } from '../schemas/pagination.ts';
import { jsonBody, jsonContent, security } from '../schemas/route-helpers.ts';
import {
  CreatedWebhookSchema,
  DeliverySchema,
  EventTypesSchema,
  WebhookInputSchema,
  WebhookPatchSchema,
  WebhookSchema,
  deliveryJson,
  webhookJson,
} from '../schemas/webhook.ts';

const tags = ['webhooks'];
const webhookContent = jsonContent(WebhookSchema);
const pageQuery = z.object({ limit: Limit, cursor: cursorParam() });

const eventTypesRoute = createRoute({
  method: 'get', path: '/api/v1/webhooks/event-types', operationId: 'listWebhookEventTypes', tags, security,
  summary: 'Every event type an endpoint can subscribe to, with what it means',
  responses: { 200: { description: 'The event types', content: jsonContent(EventTypesSchema) }, ...problems(401) },
});

const createWebhookRoute = createRoute({
  method: 'post', path: '/api/v1/webhooks', operationId: 'createWebhook', tags, security,
  summary: 'Subscribe an endpoint to events (Standard Webhooks); the signing secret is shown only in this answer',
  description:
    'The URL must be http or https, carry no user name or password, and reach a public address: loopback, private and link-local addresses are refused ' +
    '(400 URL_NOT_ALLOWED) unless the server runs with LEEWAY_ALLOW_PRIVATE_URLS=1. Needs LEEWAY_SECRET_KEY on PostgreSQL (503 SECRET_KEY_REQUIRED).',
  request: jsonBody(WebhookInputSchema),
  responses: { 201: { description: 'Subscribed', content: jsonContent(CreatedWebhookSchema) }, ...problems(400, 401) },
});

const listWebhooksRoute = createRoute({
  method: 'get', path: '/api/v1/webhooks', operationId: 'listWebhooks', tags, security,
  summary: "The organization's webhook endpoints, in the order they were added",
  request: { query: pageQuery },
  responses: {
    200: { description: 'A page of endpoints', content: jsonContent(z.object({ webhooks: z.array(WebhookSchema), nextCursor: NextCursor })) },
    ...problems(400, 401),
  },
});

const getWebhookRoute = createRoute({
  method: 'get', path: '/api/v1/webhooks/{id}', operationId: 'getWebhook', tags, security,
  summary: 'One webhook endpoint, with why it is disabled if it is',
  request: { params: IdParam },
  responses: { 200: { description: 'The endpoint', content: webhookContent }, ...problems(400, 401, 404) },
});

const patchWebhookRoute = createRoute({
  method: 'patch', path: '/api/v1/webhooks/{id}', operationId: 'updateWebhook', tags, security,
  summary: 'Change an endpoint, or turn a disabled one back on with status "active"',
  request: { params: IdParam, ...jsonBody(WebhookPatchSchema) },
  responses: { 200: { description: 'The endpoint', content: webhookContent }, ...problems(400, 401, 404) },
});

const deleteWebhookRoute = createRoute({
  method: 'delete', path: '/api/v1/webhooks/{id}', operationId: 'deleteWebhook', tags, security,
  summary: 'Remove an endpoint; its pending deliveries are dropped',
  request: { params: IdParam, headers: IdempotencyHeader },
  responses: { 204: { description: 'Removed' }, ...problems(400, 401, 404) },
});

const rotateSecretRoute = createRoute({
  method: 'post', path: '/api/v1/webhooks/{id}/secret', operationId: 'rotateWebhookSecret', tags, security,
  summary: 'A new signing secret; for 24 hours deliveries carry signatures with both the old and the new one',
  request: { params: IdParam, headers: IdempotencyHeader },
  responses: {
    200: { description: 'The new secret, shown only here', content: jsonContent(z.object({ secret: z.string() }).openapi('WebhookSecret')) },
    ...problems(400, 401, 404),
  },
});

const testEventRoute = createRoute({
  method: 'post', path: '/api/v1/webhooks/{id}/test', operationId: 'sendWebhookTestEvent', tags, security,
  summary: 'Queue a webhook.test event to this endpoint only',
  description:
    'Test events are not part of the event stream: one waits only for an older test event to this endpoint, and real events ' +
    'never wait for it, so a refused test event does not hold up real deliveries, nor a real event being retried a test event.',
  request: { params: IdParam, headers: IdempotencyHeader },
  responses: { 202: { description: 'Queued', content: jsonContent(z.object({ delivery: DeliverySchema })) }, ...problems(400, 401, 404) },
});

const deliveriesRoute = createRoute({
  method: 'get', path: '/api/v1/webhooks/{id}/deliveries', operationId: 'listWebhookDeliveries', tags, security,
  summary: "The endpoint's delivery log, newest first: every event, its attempts and the last answer",
  description:
    'Events reach an endpoint in the order they happened. A pending delivery held behind an older pending one names it in ' +
    'waitingFor and has nextAttemptAt null: it is sent right after that one is delivered (whose nextAttemptAt says when it is ' +
    'tried again). Test events have a queue of their own.',
  request: { params: IdParam, query: pageQuery },
  responses: {
    200: { description: 'A page of deliveries', content: jsonContent(z.object({ deliveries: z.array(DeliverySchema), nextCursor: NextCursor })) },
    ...problems(400, 401, 404),
  },
});

/** Webhook subscriptions (Standard Webhooks), their delivery log and test events. */
export function registerWebhookRoutes(app: OpenAPIHono<ServerEnv>): void {
  // Before /webhooks/{id}, which would read "event-types" as an id.
  app.openapi(eventTypesRoute, (c) => c.json(
      {
        eventTypes: WEBHOOK_EVENT_TYPES.map((entry) => ({
          type: entry.type,
          description: entry.description,
          subscribable: (SUBSCRIBABLE_EVENT_TYPES as readonly string[]).includes(entry.type),
        })),
      },
      200,
    ));

  app.openapi(createWebhookRoute, async (c) => {
    const { webhook, secret } = await createWebhook(c.get('ctx'), c.get('organizationId'), c.req.valid('json'));
    return c.json({ ...webhookJson(webhook), secret }, 201);
  });

  app.openapi(listWebhooksRoute, async (c) => {
    const query = c.req.valid('query');
    const request = pageRequest(query);
    const page = pageOf(await listWebhooks(c.get('ctx'), c.get('organizationId'), request), query.limit, (webhook) => ({ id: webhook.id }));
    return c.json({ webhooks: page.items.map(webhookJson), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(getWebhookRoute, async (c) => c.json(webhookJson(await getWebhook(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id)), 200));

  app.openapi(patchWebhookRoute, async (c) => {
    const webhook = await updateWebhook(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id, c.req.valid('json'));
    return c.json(webhookJson(webhook), 200);
  });

  app.openapi(deleteWebhookRoute, async (c) => {
    await deleteWebhook(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id);
    return c.body(null, 204);
  });

  app.openapi(rotateSecretRoute, async (c) => c.json(await rotateWebhookSecret(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id), 200));

  app.openapi(testEventRoute, async (c) => {
    const { id } = c.req.valid('param');
    const delivery = await sendTestEvent(c.get('ctx'), c.get('organizationId'), id);
    const webhook = await getWebhook(c.get('ctx'), c.get('organizationId'), id);
    return c.json({ delivery: deliveryJson(delivery, webhook.status) }, 202);
  });

  app.openapi(deliveriesRoute, async (c) => {
    const query = c.req.valid('query');
    const { webhook, deliveries } = await listDeliveries(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id, pageRequest(query));
    const page = pageOf(deliveries, query.limit, (delivery) => ({ id: delivery.id }));
    return c.json({ deliveries: page.items.map((delivery) => deliveryJson(delivery, webhook.status)), nextCursor: page.nextCursor }, 200);
  });
}
