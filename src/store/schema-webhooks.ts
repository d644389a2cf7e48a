import type { ColumnType, Generated } from 'kysely';
import type { WebhookLane } from '../core/webhooks/event-types.ts';
import type { CreatedAt } from './schema-columns.ts';

/** An organization's webhook endpoint. Secrets are sealed (`SecretBox`), never stored in clear. */
export interface WebhookSubscriptionsTable {
  id: Generated<string>;
  organizationId: string;
  url: string;
  description: string | null;
  events: ColumnType<string[], string, string>;
  secretSealed: string;
  /** The secret before the last rotation, still signing beside the new one until `previousSecretUntil`. */
  previousSecretSealed: string | null;
  previousSecretUntil: Date | null;
  status: ColumnType<'active' | 'disabled', 'active' | 'disabled' | undefined, 'active' | 'disabled'>;
  disabledReason: string | null;
  disabledAt: Date | null;
  createdAt: CreatedAt;
  updatedAt: ColumnType<Date, Date | undefined, Date>;
}

/** One event for one endpoint: the body is fixed when queued, so every retry sends the same bytes. */
export interface WebhookDeliveriesTable {
  id: Generated<string>;
  organizationId: string;
  subscriptionId: string;
  /** The `webhook-id` header, `msg_…`: stable across retries, so receivers can drop duplicates. */
  webhookId: string;
  type: string;
  /** `events` (the stream, in order) or `test` (test events, outside it): a delivery waits only within its lane. */
  lane: ColumnType<WebhookLane, WebhookLane, never>;
  /** The exact body sent and signed, `{"type":…,"timestamp":…,"data":…}`: text, so its bytes never change. */
  body: ColumnType<string, string, never>;
  status: ColumnType<'pending' | 'delivered' | 'failed', 'pending' | undefined, 'pending' | 'delivered' | 'failed'>;
  attempts: Generated<number>;
  nextAttemptAt: ColumnType<Date, Date | string | undefined, Date>;
  lockedUntil: Date | null;
  lastAttemptAt: Date | null;
  lastResponseStatus: number | null;
  lastError: string | null;
  createdAt: CreatedAt;
  deliveredAt: Date | null;
  /** Queue order within a subscription's lane: a delivery waits while an older one of its lane is pending. */
  seq: Generated<string>;
}

/** Tables of the webhooks integration; `Database` in schema.ts includes them. */
export interface WebhookTables {
  webhookSubscriptions: WebhookSubscriptionsTable;
  webhookDeliveries: WebhookDeliveriesTable;
}
