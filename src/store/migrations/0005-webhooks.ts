import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * Webhook subscriptions and their deliveries. A delivery is written in the transaction of the change it
 * announces (so it exists if and only if the change commits) and claimed by a worker with SKIP LOCKED and
 * a lease; `seq` orders a subscription's deliveries within a lane (`events`, or `test` for test events),
 * and each lane's deliveries are sent one after the other. `body` is the exact text sent and signed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE webhook_subscriptions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
      url text NOT NULL,
      description text,
      events jsonb NOT NULL CHECK (jsonb_typeof(events) = 'array'),
      secret_sealed text NOT NULL,
      previous_secret_sealed text,
      previous_secret_until timestamptz,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
      disabled_reason text,
      disabled_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, id)
    )`.execute(db);
  // The enqueue statement runs with every history line: it finds an organization's active endpoints here.
  await sql`CREATE INDEX webhook_subscriptions_org_active ON webhook_subscriptions (organization_id) WHERE status = 'active'`.execute(db);

  await sql`
    CREATE TABLE webhook_deliveries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      subscription_id uuid NOT NULL,
      webhook_id text NOT NULL UNIQUE,
      type text NOT NULL,
      lane text NOT NULL CHECK (lane IN ('events', 'test')),
      body text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      locked_until timestamptz,
      last_attempt_at timestamptz,
      last_response_status integer,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      delivered_at timestamptz,
      seq bigserial NOT NULL,
      FOREIGN KEY (organization_id, subscription_id) REFERENCES webhook_subscriptions (organization_id, id) ON DELETE CASCADE
    )`.execute(db);
  // A lane's head (the claim) and what a held delivery waits for (the log) are both found here.
  await sql`CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (organization_id, subscription_id, lane, seq) WHERE status = 'pending'`.execute(db);
  await sql`CREATE INDEX webhook_deliveries_log ON webhook_deliveries (organization_id, subscription_id, seq DESC)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE webhook_deliveries`.execute(db);
  await sql`DROP TABLE webhook_subscriptions`.execute(db);
}
