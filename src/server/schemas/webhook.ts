import { z } from '@hono/zod-openapi';
import { SUBSCRIBABLE_EVENT_TYPES } from '../../core/webhooks/event-types.ts';
import type { WebhookDelivery, WebhookSubscription } from '../../store/repositories/webhooks.ts';

const EventType = z
  .string()
  .refine((value) => (SUBSCRIBABLE_EVENT_TYPES as readonly string[]).includes(value), `Unknown event type; one of: ${SUBSCRIBABLE_EVENT_TYPES.join(', ')}.`)
  .openapi({ example: 'interview.cancelled', description: 'An event type from GET /api/v1/webhooks/event-types.' });

const Events = z.array(EventType).min(1, 'Subscribe to at least one event type.').max(SUBSCRIBABLE_EVENT_TYPES.length * 2);

const WebhookUrl = z.string().max(2000).openapi({ example: 'https://ats.example.com/hooks/leeway', description: 'http or https; private, loopback and link-local addresses are refused.' });
const Description = z.string().max(500).nullable().optional();

export const WebhookInputSchema = z
  .object({ url: WebhookUrl, events: Events, description: Description })
  .strict()
  .openapi('WebhookInput');

export const WebhookPatchSchema = z
  .object({
    url: WebhookUrl.optional(),
    events: Events.optional(),
    description: Description,
    status: z.literal('active').optional().openapi({ description: 'Turns a disabled endpoint back on; its kept deliveries are sent in order.' }),
  })
  .strict()
  .openapi('WebhookPatch');

export const WebhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    description: z.string().nullable(),
    status: z.enum(['active', 'disabled']),
    disabledReason: z.string().nullable().openapi({ example: 'The endpoint answered 410 Gone.' }),
    disabledAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Webhook');

export const CreatedWebhookSchema = WebhookSchema.extend({
  secret: z.string().openapi({ description: 'The signing secret, shown only here.', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }),
}).openapi('CreatedWebhook');

export const DeliverySchema = z
  .object({
    id: z.string().openapi({ description: 'The webhook-id header: the same on every attempt.', example: 'msg_2b7c5f0e9d8a4c1b8e6f3a2d1c0b9a87' }),
    type: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable().openapi({
      description:
        'When the next attempt is due, for a pending delivery that is not held back. Null once settled; null while waitingFor ' +
        'names an older delivery (a held delivery has no time of its own and is sent right after that one is delivered); and null ' +
        'while the endpoint is disabled (pending deliveries wait until it is enabled again).',
    }),
    waitingFor: z.string().nullable().openapi({
      description:
        'The id (msg_…) of the older pending delivery to this endpoint that this one waits behind: events reach an endpoint in the ' +
        'order they happened, so a failing delivery holds up the later ones until it succeeds (its own nextAttemptAt says when it is ' +
        'tried again). Test events wait only for older test events, and never hold up real ones. Null when not held.',
      example: null,
    }),
    lastAttemptAt: z.string().nullable(),
    lastResponseStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()).openapi({ description: 'The body as sent: { type, timestamp, data }, keys in that order.' }),
  })
  .openapi('WebhookDelivery');

export const EventTypesSchema = z
  .object({
    eventTypes: z.array(
      z.object({
        type: z.string(),
        description: z.string(),
        subscribable: z.boolean().openapi({ description: 'False for `webhook.test`, which is sent only when asked for and cannot be subscribed to.' }),
      }),
    ),
  })
  .openapi('WebhookEventTypes');

export function webhookJson(webhook: WebhookSubscription) {
  return {
    id: webhook.id,
    url: webhook.url,
    events: webhook.events,
    description: webhook.description,
    status: webhook.status,
    disabledReason: webhook.disabledReason,
    disabledAt: webhook.disabledAt?.toISOString() ?? null,
    createdAt: webhook.createdAt.toISOString(),
  };
}

/** `endpointStatus`: a disabled endpoint's pending deliveries have no next attempt until it is enabled again. */
export function deliveryJson(delivery: WebhookDelivery, endpointStatus: 'active' | 'disabled') {
  const due = delivery.status === 'pending' && delivery.waitingFor === null && endpointStatus === 'active';
  return {
    id: delivery.webhookId,
    type: delivery.type,
    status: delivery.status,
    attempts: delivery.attempts,
    nextAttemptAt: due ? delivery.nextAttemptAt.toISOString() : null,
    waitingFor: delivery.waitingFor,
    lastAttemptAt: delivery.lastAttemptAt?.toISOString() ?? null,
    lastResponseStatus: delivery.lastResponseStatus,
    lastError: delivery.lastError,
    createdAt: delivery.createdAt.toISOString(),
    deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
    // Parsed from the stored text, so the keys keep the order they were sent in.
    payload: JSON.parse(delivery.body) as Record<string, unknown>,
  };
}
