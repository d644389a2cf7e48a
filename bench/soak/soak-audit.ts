import { auditBookings } from '../load/audit.ts';
import type { BookingAudit, Query } from '../load/audit.ts';
import type { AcknowledgedInterview } from './acknowledged-ledger.ts';
import { bareMessageId } from './smtp-sink.ts';

export interface SoakAudit {
  bookings: BookingAudit;
  acknowledged: number;
  /** Acknowledged interviews not in the database. */
  missing: string[];
  /** Acknowledged interviews whose status or start is not what the last acknowledged action left. */
  wrongState: string[];
  /** Interviews whose last action got no final answer: checked for presence only. */
  uncertain: number;
  email: {
    /** Outbox rows marked sent. */
    sent: number;
    /** Sent rows the sink never received. */
    notReceived: string[];
    /** Message-IDs the sink received more than once. */
    receivedTwice: string[];
    /** Message-IDs the sink received that no sent row carries. */
    receivedNotMarkedSent: string[];
    /** Pending and due (nothing should be left), failed, or kept (SMTP was configured). */
    stuck: Array<{ messageId: string; status: string; lastError: string | null }>;
    /** Pending but not yet due: a retry scheduled after the audit's moment. */
    notYetDue: number;
    withoutMessageIdHeader: number;
  };
  /** Leases still held after every server stopped: outbox, jobs, webhook deliveries, calendar sources. */
  stuckLeases: Array<{ table: string; count: number }>;
  /**
   * Idempotency keys still "in progress". The soak's requests each keep their key with their change in one
   * transaction, so a crash or a lost database leaves none: any is a failure.
   */
  unfinishedIdempotencyKeys: number;
}

/**
 * Reads back, once every server has stopped, what the soak must find: each acknowledged interview in the
 * state its last acknowledged action left, no double booking, each message marked sent received exactly
 * once by Message-ID and nothing left unsent, and no lease still held.
 *
 * @example
 * const audit = await auditSoak(query, organizationId, openingId, ledger.all(), sink.received, sink.withoutMessageId(), new Date());
 */
export async function auditSoak(
  query: Query,
  organizationId: string,
  openingId: string,
  acknowledged: readonly AcknowledgedInterview[],
  received: ReadonlyMap<string, number>,
  withoutMessageIdHeader: number,
  now: Date,
): Promise<SoakAudit> {
  const bookings = await auditBookings(query, organizationId, openingId);
  const stored = new Map(
    (
      await query<{ id: string; status: string; start_at: Date | string | null }>(
        'SELECT id, status, start_at FROM interviews WHERE organization_id = $1',
        [organizationId],
      )
    ).map((row) => [row.id, row]),
  );
  const missing: string[] = [];
  const wrongState: string[] = [];
  for (const expected of acknowledged) {
    const row = stored.get(expected.id);
    if (!row) {
      missing.push(expected.id);
      continue;
    }
    if (expected.uncertain) continue;
    const start = row.start_at === null ? null : new Date(row.start_at).toISOString();
    const startMatters = expected.status !== 'cancelled';
    if (row.status !== expected.status || (startMatters && start !== expected.start)) {
      wrongState.push(`${expected.id}: expected ${expected.status} ${expected.start ?? ''}, found ${row.status} ${start ?? ''}`);
    }
  }

  const messages = await query<{ message_id: string; status: string; next_attempt_at: Date | string; last_error: string | null }>(
    "SELECT message_id, status, next_attempt_at, last_error FROM outbox WHERE organization_id = $1 AND channel = 'email'",
    [organizationId],
  );
  const sentIds = new Set<string>();
  const stuck: SoakAudit['email']['stuck'] = [];
  let notYetDue = 0;
  for (const message of messages) {
    if (message.status === 'sent') sentIds.add(bareMessageId(message.message_id));
    else if (message.status === 'pending' && new Date(message.next_attempt_at) > now) notYetDue += 1;
    else stuck.push({ messageId: message.message_id, status: message.status, lastError: message.last_error });
  }
  const receivedIds = new Map([...received].map(([id, count]) => [bareMessageId(id), count]));
  const at = now.toISOString();
  const stuckLeases: SoakAudit['stuckLeases'] = [];
  for (const [table, column, extra] of [
    ['outbox', 'locked_until', ''],
    ['jobs', 'locked_until', ' AND done_at IS NULL'],
    ['webhook_deliveries', 'locked_until', ''],
    ['calendar_sources', 'claimed_until', ''],
  ] as const) {
    const [row] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE organization_id = $1 AND ${column} > $2${extra}`, [
      organizationId,
      at,
    ]);
    if ((row?.n ?? 0) > 0) stuckLeases.push({ table, count: row!.n });
  }
  const [unfinished] = await query<{ n: number }>('SELECT count(*)::int AS n FROM idempotency_keys WHERE organization_id = $1 AND status_code IS NULL', [
    organizationId,
  ]);

  return {
    bookings,
    acknowledged: acknowledged.length,
    missing,
    wrongState,
    uncertain: acknowledged.filter((entry) => entry.uncertain).length,
    email: {
      sent: sentIds.size,
      notReceived: [...sentIds].filter((id) => !receivedIds.has(id)),
      receivedTwice: [...receivedIds].filter(([, count]) => count > 1).map(([id]) => id),
      receivedNotMarkedSent: [...receivedIds.keys()].filter((id) => !sentIds.has(id)),
      stuck,
      notYetDue,
      withoutMessageIdHeader,
    },
    stuckLeases,
    unfinishedIdempotencyKeys: unfinished?.n ?? 0,
  };
}
