/**
 * What the webhooks API answers (/api/v1/webhooks*), as the web app reads it. It mirrors the server's
 * OpenAPI schemas; the web app may not import the server, so they are restated here.
 */

export interface WebhookEventType {
  type: string;
  description: string;
  /** False for the test event, which is sent only when asked for. */
  subscribable: boolean;
}

export interface WebhookEventTypes {
  eventTypes: WebhookEventType[];
}

export type WebhookStatus = 'active' | 'disabled';

export interface Webhook {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  status: WebhookStatus;
  /** Why Leeway stopped delivering, in the server's words (e.g. failed for three days, or answered 410). */
  disabledReason: string | null;
  disabledAt: string | null;
  createdAt: string;
}

/** The answer to creating a webhook: the signing secret is in it this once and never again. */
export interface CreatedWebhook extends Webhook {
  secret: string;
}

export interface WebhookPage {
  webhooks: Webhook[];
  nextCursor: string | null;
}

export interface WebhookInput {
  url: string;
  events: string[];
  description?: string | null;
}

export interface WebhookPatch {
  url?: string;
  events?: string[];
  /** null (or blank) removes it. */
  description?: string | null;
  status?: 'active';
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One event sent (or being sent) to a webhook; its id is the `webhook-id` header, the same on every retry. */
export interface Delivery {
  id: string;
  type: string;
  status: DeliveryStatus;
  attempts: number;
  /** Null once settled, and while held behind `waitingFor`. */
  nextAttemptAt: string | null;
  /** The older pending delivery (msg_…) this one waits behind: events reach an endpoint in order. */
  waitingFor: string | null;
  lastAttemptAt: string | null;
  lastResponseStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  /** The body as sent: `{ type, timestamp, data }`. */
  payload: unknown;
}

export interface DeliveryPage {
  deliveries: Delivery[];
  nextCursor: string | null;
}
