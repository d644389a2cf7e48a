import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { Executor } from '../executor.ts';
import { eventBodyText, interviewSnapshot } from '../../core/webhooks/event-body.ts';
import type { InterviewSnapshot } from '../../core/webhooks/event-body.ts';
import { laneOf, WEBHOOK_LANES } from '../../core/webhooks/event-types.ts';
import type { WebhookLane } from '../../core/webhooks/event-types.ts';
import { eventOfHistory } from '../../core/webhooks/history-events.ts';
import type { HistoryEntry } from '../../core/types.ts';
import { isUuid } from '../ids.ts';

export type WebhookStatus = 'active' | 'disabled';
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** An endpoint as the API shows it: never its secret. */
export interface WebhookSubscription {
  id: string;
  organizationId: string;
  url: string;
  description: string | null;
  events: string[];
  status: WebhookStatus;
  disabledReason: string | null;
  disabledAt: Date | null;
  createdAt: Date;
}

export interface WebhookDelivery {
  id: string;
  subscriptionId: string;
  webhookId: string;
  type: string;
  lane: WebhookLane;
  /** The exact text sent and signed. */
  body: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  /**
   * The `webhook-id` of the older pending delivery of the same lane this one waits behind; null when it
   * is not held (it is its lane's oldest pending delivery, or it is settled).
   */
  waitingFor: string | null;
  lastAttemptAt: Date | null;
  lastResponseStatus: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

/** A delivery claimed for sending, with what sending needs: where, and the sealed secrets to sign with. */
export interface ClaimedDelivery extends WebhookDelivery {
  organizationId: string;
  url: string;
  description: string | null;
  secretSealed: string;
  previousSecretSealed: string | null;
  previousSecretUntil: Date | null;
  leaseUntil: Date;
}

/**
 * An event to queue for every active endpoint of the organization that wants its type. With an
 * `interviewId`, the store adds `data.interview`: the interview as it stands in this transaction, so after
 * the change being announced.
 */
export interface WebhookEventToQueue {
  type: string;
  at: Date;
  data: Record<string, unknown>;
  interviewId?: string | null;
}

const SUBSCRIPTION_COLUMNS = ['id', 'organizationId', 'url', 'description', 'events', 'status', 'disabledReason', 'disabledAt', 'createdAt'] as const;

/** The older pending delivery of the same endpoint and lane that holds this one back, through the pending index. */
const waitingFor = sql<string | null>`CASE WHEN webhook_deliveries.status = 'pending' THEN (
    SELECT h.webhook_id FROM webhook_deliveries h
    WHERE h.organization_id = webhook_deliveries.organization_id AND h.subscription_id = webhook_deliveries.subscription_id
      AND h.lane = webhook_deliveries.lane AND h.status = 'pending' AND h.seq < webhook_deliveries.seq
    ORDER BY h.seq LIMIT 1) END`.as('waitingFor');

const DELIVERY_COLUMNS = [
  'webhookDeliveries.id',
  'webhookDeliveries.subscriptionId',
  'webhookDeliveries.webhookId',
  'webhookDeliveries.type',
  'webhookDeliveries.lane',
  'webhookDeliveries.body',
  'webhookDeliveries.status',
  'webhookDeliveries.attempts',
  'webhookDeliveries.nextAttemptAt',
  waitingFor,
  'webhookDeliveries.lastAttemptAt',
  'webhookDeliveries.lastResponseStatus',
  'webhookDeliveries.lastError',
  'webhookDeliveries.createdAt',
  'webhookDeliveries.deliveredAt',
] as const;

/** A delivery's `webhook-id`: time-ordered like every id the database makes (migration 0020), so its unique index grows at one end. */
const newWebhookId = () => sql<string>`'msg_' || replace(leeway_new_id()::text, '-', '')`;

/** The interviews events are about, as they stand in the caller's transaction. */
async function interviewSnapshots(db: Executor, organizationId: string, ids: readonly string[]): Promise<Map<string, InterviewSnapshot>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('interviews as i')
    .innerJoin('openings as o', (join) => join.onRef('o.organizationId', '=', 'i.organizationId').onRef('o.id', '=', 'i.openingId'))
    .innerJoin('candidates as c', (join) => join.onRef('c.organizationId', '=', 'i.organizationId').onRef('c.id', '=', 'i.candidateId'))
    .select(['i.id', 'i.title', 'i.status', 'i.startAt', 'i.endAt', 'o.id as openingId', 'o.title as openingTitle', 'c.id as candidateId', 'c.name as candidateName'])
    .select(
      sql<string[]>`(SELECT coalesce(jsonb_agg(p.member_id ORDER BY p.position), '[]'::jsonb) FROM interview_panel p
        WHERE p.organization_id = i.organization_id AND p.interview_id = i.id)`.as('panel'),
    )
    .where('i.organizationId', '=', organizationId)
    .where('i.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, interviewSnapshot(row)]));
}

/** The exact text an event is sent as: with the interview it is about (as it stands after the change), if any. */
function deliveryBody(event: WebhookEventToQueue, interview: InterviewSnapshot | null | undefined): string {
  const data = interview !== undefined ? { interview, ...event.data } : event.data;
  return eventBodyText({ type: event.type, at: event.at, data });
}

/** Events to queue within a statement, written out: what {@link queueWebhookEventsInStatement} sends. */
export interface EventsToQueueInStatement {
  organizationId: string;
  types: string[];
  lanes: string[];
  bodies: string[];
  ats: Date[];
}

/** Writes out events for {@link queueWebhookEventsInStatement}: each body as the exact text it will be sent as. */
export function eventsToQueueInStatement(organizationId: string, events: readonly WebhookEventToQueue[], interview: InterviewSnapshot): EventsToQueueInStatement {
  return {
    organizationId,
    types: events.map((event) => event.type),
    lanes: events.map((event) => laneOf(event.type)),
    bodies: events.map((event) => deliveryBody(event, event.interviewId ? interview : undefined)),
    ats: events.map((event) => event.at),
  };
}

/**
 * The body of a CTE that queues events for every active endpoint of the organization that wants their
 * type, within the statement that makes the change the events announce: the endpoints are those standing
 * when it runs, as with {@link enqueueWebhookEvents}. The caller knows the interview as the statement
 * leaves it (a new one), so the bodies are written before; an organization without endpoints inserts no
 * row. Deliveries take their `seq` in the order of the events. {@link queuedEventsParameters} lists what it sends, in order.
 */
export function queueWebhookEventsInStatement(queued: EventsToQueueInStatement): RawBuilder<unknown> {
  const { organizationId, types, lanes, bodies, ats } = queued;
  return sql`(INSERT INTO webhook_deliveries (organization_id, subscription_id, webhook_id, type, lane, body, next_attempt_at, created_at)
    SELECT ${organizationId}, s.id, ${newWebhookId()}, e.type, e.lane, e.body, e.at, e.at
      FROM unnest(${types}::text[], ${lanes}::text[], ${bodies}::text[], ${ats}::timestamptz[]) WITH ORDINALITY AS e(type, lane, body, at, n)
      JOIN webhook_subscriptions s ON s.organization_id = ${organizationId} AND s.status = 'active' AND s.events ? e.type
     ORDER BY e.n, s.id)`;
}

/** The parameters {@link queueWebhookEventsInStatement} sends, in the order its text takes them. */
export function queuedEventsParameters(queued: EventsToQueueInStatement): unknown[] {
  return [queued.organizationId, queued.types, queued.lanes, queued.bodies, queued.ats, queued.organizationId];
}

/** An endpoint that receives events: its id and the event types it subscribed to. */
export interface ActiveEndpoint {
  id: string;
  events: string[];
}

/**
 * Queues events in the caller's transaction, in the given order, for every active endpoint of the
 * organization that subscribed to their type. It reads the organization's active endpoints through
 * their partial index unless the caller brings them (the history's insert returns them); an organization
 * without any (the common case) pays for nothing more. Otherwise the interviews are read as they stand and each delivery's body is written as
 * the exact text it will be sent as. Exported for the history's own repository, which queues the events
 * its lines announce.
 */
export async function enqueueWebhookEvents(
  db: Executor,
  organizationId: string,
  events: readonly WebhookEventToQueue[],
  /** The organization's active endpoints, when the caller read them in this transaction (ordered by id). */
  known?: readonly ActiveEndpoint[],
): Promise<number> {
  if (events.length === 0) return 0;
  const endpoints =
    known ??
    (await db
      .selectFrom('webhookSubscriptions')
      .select(['id', 'events'])
      .where('organizationId', '=', organizationId)
      .where('status', '=', 'active')
      .orderBy('id')
      .execute());
  const wanted = events.flatMap((event) => {
    const to = endpoints.filter((endpoint) => endpoint.events.includes(event.type));
    return to.length > 0 ? [{ event, to }] : [];
  });
  if (wanted.length === 0) return 0;
  const interviews = await interviewSnapshots(
    db,
    organizationId,
    wanted.flatMap(({ event }) => (event.interviewId ? [event.interviewId] : [])),
  );
  const rows = wanted.flatMap(({ event, to }) => {
    const body = deliveryBody(event, event.interviewId ? (interviews.get(event.interviewId) ?? null) : undefined);
    return to.map((endpoint) => ({
      organizationId,
      subscriptionId: endpoint.id,
      webhookId: newWebhookId(),
      type: event.type,
      lane: laneOf(event.type),
      body,
      nextAttemptAt: event.at,
      createdAt: event.at,
    }));
  });
  // Rows take their `seq` in the order given: each endpoint gets the events in the order they happened.
  await db.insertInto('webhookDeliveries').values(rows).execute();
  return rows.length;
}

/**
 * The events history lines announce (the core decides which), each about its interview and naming its
 * history entry. The private note is not read.
 */
export function webhookEventsOf(entries: readonly HistoryEntry[]): WebhookEventToQueue[] {
  return entries.flatMap((entry) => {
    const event = eventOfHistory(entry);
    if (!event) return [];
    return [{ type: event.type, at: entry.at, interviewId: entry.interviewId, data: { ...event.facts, historyEntryId: entry.id } }];
  });
}

/** Webhook subscriptions and the deliveries queued for them. Every query is scoped to one organization, except the worker's claim. */
export class WebhookRepository {
  constructor(private readonly db: Executor) {}

  async create(input: { organizationId: string; url: string; description: string | null; events: string[]; secretSealed: string; at: Date }): Promise<WebhookSubscription> {
    const row = await this.db
      .insertInto('webhookSubscriptions')
      .values({
        organizationId: input.organizationId,
        url: input.url,
        description: input.description,
        events: JSON.stringify(input.events),
        secretSealed: input.secretSealed,
        createdAt: input.at,
        updatedAt: input.at,
      })
      .returning(SUBSCRIPTION_COLUMNS)
      .executeTakeFirstOrThrow();
    return row;
  }

  async get(organizationId: string, id: string): Promise<WebhookSubscription | null> {
    if (!isUuid(id)) return null;
    const row = await this.db
      .selectFrom('webhookSubscriptions')
      .select(SUBSCRIPTION_COLUMNS)
      .where('organizationId', '=', organizationId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ?? null;
  }

  /** In the order they were made: (createdAt, id), after the subscription `after` names. */
  async list(organizationId: string, page: { limit: number; after?: string }): Promise<WebhookSubscription[]> {
    let query = this.db.selectFrom('webhookSubscriptions').select(SUBSCRIPTION_COLUMNS).where('organizationId', '=', organizationId);
    if (page.after !== undefined) {
      if (!isUuid(page.after)) return [];
      query = query.where(
        sql<boolean>`(webhook_subscriptions.created_at, webhook_subscriptions.id) > (SELECT w.created_at, w.id FROM webhook_subscriptions w WHERE w.organization_id = ${organizationId} AND w.id = ${page.after})`,
      );
    }
    return query.orderBy('createdAt').orderBy('id').limit(page.limit).execute();
  }

  /**
   * Changes an endpoint. Turning it back on clears why it was off and makes its kept deliveries due now,
   * in their order.
   */
  async update(
    organizationId: string,
    id: string,
    patch: { url?: string; events?: string[]; description?: string | null; reactivate?: boolean },
    at: Date,
  ): Promise<WebhookSubscription | null> {
    if (!isUuid(id)) return null;
    const row = await this.db
      .updateTable('webhookSubscriptions')
      .set({
        updatedAt: at,
        ...(patch.url !== undefined ? { url: patch.url } : {}),
        ...(patch.events !== undefined ? { events: JSON.stringify(patch.events) } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.reactivate ? { status: 'active' as const, disabledReason: null, disabledAt: null } : {}),
      })
      .where('organizationId', '=', organizationId)
      .where('id', '=', id)
      .returning(SUBSCRIPTION_COLUMNS)
      .executeTakeFirst();
    if (row && patch.reactivate) {
      await this.db
        .updateTable('webhookDeliveries')
        .set({ nextAttemptAt: at, lockedUntil: null })
        .where('organizationId', '=', organizationId)
        .where('subscriptionId', '=', id)
        .where('status', '=', 'pending')
        .execute();
    }
    return row ?? null;
  }

  /** Removes an endpoint with its deliveries (pending ones are dropped with the log). */
  async delete(organizationId: string, id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const result = await this.db.deleteFrom('webhookSubscriptions').where('organizationId', '=', organizationId).where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** The sealed secret, for a rotation to keep it as the previous one. */
  async sealedSecret(organizationId: string, id: string): Promise<string | null> {
    if (!isUuid(id)) return null;
    const row = await this.db
      .selectFrom('webhookSubscriptions')
      .select('secretSealed')
      .where('organizationId', '=', organizationId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    return row?.secretSealed ?? null;
  }

  async rotateSecret(organizationId: string, id: string, input: { secretSealed: string; previousSecretSealed: string; previousSecretUntil: Date; at: Date }): Promise<boolean> {
    const result = await this.db
      .updateTable('webhookSubscriptions')
      .set({ secretSealed: input.secretSealed, previousSecretSealed: input.previousSecretSealed, previousSecretUntil: input.previousSecretUntil, updatedAt: input.at })
      .where('organizationId', '=', organizationId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Queues events for the endpoints that want them; see {@link enqueueWebhookEvents}. */
  async enqueue(organizationId: string, events: readonly WebhookEventToQueue[]): Promise<number> {
    return enqueueWebhookEvents(this.db, organizationId, events);
  }

  /** Queues one event for one endpoint, whatever it subscribed to (the test event), in the lane its type goes in. */
  async enqueueFor(organizationId: string, subscriptionId: string, event: { type: string; at: Date; data: Record<string, unknown> }): Promise<WebhookDelivery> {
    const { id } = await this.db
      .insertInto('webhookDeliveries')
      .values({
        organizationId,
        subscriptionId,
        webhookId: newWebhookId(),
        type: event.type,
        lane: laneOf(event.type),
        body: eventBodyText(event),
        nextAttemptAt: event.at,
        createdAt: event.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return this.db
      .selectFrom('webhookDeliveries')
      .select(DELIVERY_COLUMNS)
      .where('webhookDeliveries.organizationId', '=', organizationId)
      .where('webhookDeliveries.id', '=', id)
      .executeTakeFirstOrThrow();
  }

  /** Newest first (by queue order), after the delivery `after` names. */
  async deliveries(organizationId: string, subscriptionId: string, page: { limit: number; after?: string }): Promise<WebhookDelivery[]> {
    let query = this.db
      .selectFrom('webhookDeliveries')
      .select(DELIVERY_COLUMNS)
      .where('webhookDeliveries.organizationId', '=', organizationId)
      .where('webhookDeliveries.subscriptionId', '=', subscriptionId);
    if (page.after !== undefined) {
      if (!isUuid(page.after)) return [];
      query = query.where(
        sql<boolean>`webhook_deliveries.seq < (SELECT d.seq FROM webhook_deliveries d WHERE d.organization_id = ${organizationId} AND d.id = ${page.after})`,
      );
    }
    return query.orderBy('webhookDeliveries.seq', 'desc').limit(page.limit).execute();
  }

  /**
   * Claims due deliveries for one worker: per endpoint and lane only the oldest pending one (a delivery
   * waits while an older one of its endpoint and lane is pending, so each endpoint gets its events in
   * order, and test events neither wait for nor hold up real ones), of active endpoints only. SKIP LOCKED lets any number of workers share the queue; the lease means a worker that
   * dies mid-send only delays the delivery until the lease ends.
   */
  async claimDue(input: { at: Date; limit: number; leaseMs: number }): Promise<ClaimedDelivery[]> {
    const leaseUntil = new Date(input.at.getTime() + input.leaseMs);
    const result = await sql<{ id: string }>`
      UPDATE webhook_deliveries SET locked_until = ${leaseUntil}, attempts = attempts + 1, last_attempt_at = ${input.at}
      WHERE id IN (
        SELECT d.id FROM webhook_deliveries d
        WHERE d.id IN (
          -- Each active endpoint's oldest pending delivery per lane, found through the pending index: the cost
          -- follows the number of endpoints, not the length of a backlog.
          SELECT head.id FROM webhook_subscriptions s
          CROSS JOIN (VALUES ${sql.join(WEBHOOK_LANES.map((lane) => sql`(${lane}::text)`))}) AS l(lane)
          CROSS JOIN LATERAL (
            SELECT o.id FROM webhook_deliveries o
            WHERE o.organization_id = s.organization_id AND o.subscription_id = s.id AND o.lane = l.lane AND o.status = 'pending'
            ORDER BY o.seq LIMIT 1) head
          WHERE s.status = 'active')
        -- Checked on the row itself too, so a row another worker claimed meanwhile is seen as claimed once locked.
        AND d.status = 'pending' AND d.next_attempt_at <= ${input.at}
        AND (d.locked_until IS NULL OR d.locked_until < ${input.at})
        ORDER BY d.next_attempt_at, d.seq
        LIMIT ${input.limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING id`.execute(this.db);
    const ids = result.rows.map((row) => row.id);
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('webhookDeliveries')
      .innerJoin('webhookSubscriptions', (join) =>
        join.onRef('webhookSubscriptions.id', '=', 'webhookDeliveries.subscriptionId').onRef('webhookSubscriptions.organizationId', '=', 'webhookDeliveries.organizationId'),
      )
      .select(DELIVERY_COLUMNS)
      .select([
        'webhookDeliveries.organizationId',
        'webhookSubscriptions.url',
        'webhookSubscriptions.description',
        'webhookSubscriptions.secretSealed',
        'webhookSubscriptions.previousSecretSealed',
        'webhookSubscriptions.previousSecretUntil',
      ])
      .where('webhookDeliveries.id', 'in', ids)
      .orderBy('webhookDeliveries.nextAttemptAt')
      .orderBy('webhookDeliveries.seq')
      .execute();
    return rows.map((row) => ({ ...row, leaseUntil }));
  }

  /** Settles a claimed delivery as delivered; only while the claim's lease holds (false otherwise). */
  async markDelivered(id: string, input: { leaseUntil: Date; at: Date; responseStatus: number }): Promise<boolean> {
    const result = await this.db
      .updateTable('webhookDeliveries')
      .set({ status: 'delivered', deliveredAt: input.at, lastResponseStatus: input.responseStatus, lastError: null, lockedUntil: null })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('lockedUntil', '=', input.leaseUntil)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Sets a claimed delivery's next attempt after a failure; only while the claim's lease holds. */
  async scheduleRetry(id: string, input: { leaseUntil: Date; nextAttemptAt: Date; responseStatus: number | null; error: string }): Promise<boolean> {
    const result = await this.db
      .updateTable('webhookDeliveries')
      .set({ nextAttemptAt: input.nextAttemptAt, lastResponseStatus: input.responseStatus, lastError: input.error, lockedUntil: null })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('lockedUntil', '=', input.leaseUntil)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Gives a claimed delivery up and disables its endpoint (in the caller's transaction). Returns whether
   * this call disabled it (it was active), and how many deliveries stay kept for it.
   */
  async giveUp(
    delivery: { id: string; organizationId: string; subscriptionId: string },
    input: { leaseUntil: Date; at: Date; responseStatus: number | null; error: string; disableReason: string },
  ): Promise<{ settled: boolean; disabled: boolean; pending: number }> {
    const settled = await this.db
      .updateTable('webhookDeliveries')
      .set({ status: 'failed', lastResponseStatus: input.responseStatus, lastError: input.error, lockedUntil: null })
      .where('id', '=', delivery.id)
      .where('status', '=', 'pending')
      .where('lockedUntil', '=', input.leaseUntil)
      .executeTakeFirst();
    if (Number(settled.numUpdatedRows) === 0) return { settled: false, disabled: false, pending: 0 };
    const disabled = await this.db
      .updateTable('webhookSubscriptions')
      .set({ status: 'disabled', disabledReason: input.disableReason, disabledAt: input.at, updatedAt: input.at })
      .where('organizationId', '=', delivery.organizationId)
      .where('id', '=', delivery.subscriptionId)
      .where('status', '=', 'active')
      .executeTakeFirst();
    const pending = await this.db
      .selectFrom('webhookDeliveries')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('organizationId', '=', delivery.organizationId)
      .where('subscriptionId', '=', delivery.subscriptionId)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    return { settled: true, disabled: Number(disabled.numUpdatedRows) > 0, pending: Number(pending.count) };
  }
}
