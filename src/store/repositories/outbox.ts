import { sql } from 'kysely';
import type { QueryCreator } from 'kysely';
import type { Executor } from '../executor.ts';
import type { Database } from '../schema.ts';
import { isUuid } from '../ids.ts';

/**
 * `pending` until settled; then `sent` (the relay took it), `failed` (given up) or `kept` (no SMTP is
 * configured: written, due, and never to be sent). All but `pending` are final.
 */
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'kept'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface NewOutboxMessage {
  organizationId: string;
  /** Stable Message-ID: a redelivery carries the same one, so receivers can drop duplicates. */
  messageId: string;
  kind: string;
  channel?: 'email' | 'webhook';
  interviewId?: string | null;
  recipient: string;
  subject: string;
  /** The message as stored: for an email, its text with the link tokens already set aside (`setAsideLinkTokens`). */
  payload: Record<string, unknown>;
  /** The tokens set aside, as `sealLinkTokens` wrote them; null or absent when the message has no link. */
  linkTokens?: string | null;
  icsMethod?: 'REQUEST' | 'CANCEL' | null;
  sequence?: number | null;
  /** Not before this time; by default, as soon as it is written. */
  notBefore?: Date;
}

export interface OutboxMessage {
  id: string;
  organizationId: string;
  messageId: string;
  kind: string;
  channel: string;
  interviewId: string | null;
  recipient: string;
  subject: string;
  payload: Record<string, unknown>;
  icsMethod: string | null;
  sequence: number | null;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** A message claimed for delivery: with the link tokens its text needs back before it is sent. */
export interface ClaimedOutboxMessage extends OutboxMessage {
  linkTokens: string | null;
}

/** A place in the list of messages, which is ordered by (createdAt, id). */
export interface OutboxPosition {
  createdAt: Date;
  id: string;
}

export interface OutboxPageFilter {
  interviewId?: string;
  /** The recipient's address, compared without regard to case. */
  to?: string;
  kind?: string;
  status?: OutboxStatus;
  /** Only messages due to go out (or to be tried again) at or before this time. */
  dueBy?: Date;
  /** Messages after this one; from the previous page's `next`. */
  after?: OutboxPosition | null;
  limit: number;
}

const COLUMNS = [
  'id',
  'organizationId',
  'messageId',
  'kind',
  'channel',
  'interviewId',
  'recipient',
  'subject',
  'payload',
  'icsMethod',
  'sequence',
  'status',
  'attempts',
  'nextAttemptAt',
  'lastError',
  'createdAt',
  'sentAt',
] as const;

/** What a delivery needs besides the message: the tokens set aside from its text. Never shown. */
const CLAIM_COLUMNS = [...COLUMNS, 'linkTokens'] as const;

/** A settled message needs its links no more: the column is emptied with the final status. */
const SETTLED = { lockedUntil: null, linkTokens: null } as const;

function toMessage<T extends { status: string }>(row: T): T & { status: OutboxStatus } {
  return row as T & { status: OutboxStatus };
}

/** Where a transaction keeps a change's messages until its history line is written (see `HeldWrites`). */
export interface MessageHolder {
  readonly holding: boolean;
  addMessages(messages: ReadonlyArray<{ message: NewOutboxMessage; at: Date }>): void;
}

export class OutboxRepository {
  constructor(
    private readonly db: Executor,
    /** Inside a transaction: where messages wait to go with the history line. */
    private readonly held?: MessageHolder,
  ) {}

  /**
   * Writes many messages in few statements (the position-filled cascade writes thousands at once); while
   * the transaction holds a change's writes, they are held to go with its history line instead.
   */
  async enqueueMany(messages: Array<{ message: NewOutboxMessage; at: Date }>): Promise<void> {
    if (this.held?.holding) {
      this.held.addMessages(messages);
      return;
    }
    await writeOutboxRows(this.db, messages);
  }

  async enqueue(message: NewOutboxMessage, at: Date): Promise<OutboxMessage> {
    const row = await this.db
      .insertInto('outbox')
      .values(outboxRow(message, at))
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    return toMessage(row);
  }

  /** An organization's messages, oldest first; with `withLinkTokens`, also the sealed tokens beside each (for tests that follow a link). */
  async list(
    organizationId: string,
    filter: { interviewId?: string; to?: string; kind?: string; limit?: number; withLinkTokens?: boolean } = {},
  ): Promise<ClaimedOutboxMessage[]> {
    let query = this.db.selectFrom('outbox').select(CLAIM_COLUMNS).where('organizationId', '=', organizationId);
    if (filter.interviewId) {
      if (!isUuid(filter.interviewId)) return [];
      query = query.where('interviewId', '=', filter.interviewId);
    }
    if (filter.to) query = query.where('recipient', '=', filter.to);
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    const rows = await query
      .orderBy('createdAt')
      .orderBy('id')
      .limit(filter.limit ?? 500)
      .execute();
    return rows.map((row) => toMessage(filter.withLinkTokens ? row : { ...row, linkTokens: null }));
  }

  /**
   * One page of an organization's emails in a stable order, oldest first: (createdAt, id). `next` is the
   * position to pass as `after` for the page that follows, or null when this page is the last. Messages
   * written while a client pages through come later in the order, so nothing is skipped or repeated.
   */
  async page(organizationId: string, filter: OutboxPageFilter): Promise<{ messages: OutboxMessage[]; next: OutboxPosition | null }> {
    let query = this.db
      .selectFrom('outbox')
      .select(COLUMNS)
      .where('organizationId', '=', organizationId)
      .where('channel', '=', 'email');
    if (filter.interviewId !== undefined) {
      if (!isUuid(filter.interviewId)) return { messages: [], next: null };
      query = query.where('interviewId', '=', filter.interviewId);
    }
    if (filter.to !== undefined) query = query.where(sql<string>`lower(recipient)`, '=', filter.to.toLowerCase());
    if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    if (filter.dueBy !== undefined) query = query.where('nextAttemptAt', '<=', filter.dueBy);
    const after = filter.after;
    if (after) {
      if (!isUuid(after.id) || Number.isNaN(after.createdAt.getTime())) return { messages: [], next: null };
      query = query.where((eb) =>
        eb.or([
          eb('createdAt', '>', after.createdAt),
          eb.and([eb('createdAt', '=', after.createdAt), eb('id', '>', after.id)]),
        ]),
      );
    }
    const rows = (await query.orderBy('createdAt').orderBy('id').limit(filter.limit + 1).execute()).map(toMessage);
    const messages = rows.slice(0, filter.limit);
    const last = messages[messages.length - 1];
    return { messages, next: rows.length > filter.limit && last ? { createdAt: last.createdAt, id: last.id } : null };
  }

  async get(organizationId: string, id: string): Promise<OutboxMessage | null> {
    if (!isUuid(id)) return null;
    const row = await this.db
      .selectFrom('outbox')
      .select(COLUMNS)
      .where('organizationId', '=', organizationId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toMessage(row) : null;
  }

  /**
   * The ids of up to `limit` due pending messages of a channel that no worker's lease holds, oldest due
   * first, locked FOR UPDATE SKIP LOCKED: the rows a claim or a keep may take without waiting on another.
   */
  private dueUnheld(input: { at: Date; limit: number; channel?: string }) {
    return this.db
      .selectFrom('outbox')
      .select('id')
      .where('status', '=', 'pending')
      .where('channel', '=', input.channel ?? 'email')
      .where('nextAttemptAt', '<=', input.at)
      .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', input.at)]))
      .orderBy('nextAttemptAt')
      .orderBy('id')
      .limit(input.limit)
      .forUpdate()
      .skipLocked();
  }

  /**
   * Claims due messages for one worker. SKIP LOCKED lets several workers share the queue; the lease
   * (`locked_until`) means a worker that dies mid-send only delays its messages until the lease ends.
   */
  async claimDue(input: { at: Date; limit: number; leaseMs: number; channel?: string }): Promise<ClaimedOutboxMessage[]> {
    const leaseUntil = new Date(input.at.getTime() + input.leaseMs);
    const due = this.dueUnheld(input);
    const rows = await this.db
      .updateTable('outbox')
      .set({ lockedUntil: leaseUntil, attempts: sql<number>`attempts + 1` })
      .where('id', 'in', due)
      .returning(CLAIM_COLUMNS)
      .execute();
    return rows.map(toMessage).sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime());
  }

  /**
   * Keeps the due pending messages that no worker holds (see {@link markKept}), up to `limit`, in one
   * statement: they are locked with FOR UPDATE SKIP LOCKED, so a delivering worker's claim or another
   * keeper is never waited for. The text needs no change, since links never rest in it. Returns the
   * messages kept, oldest due first.
   */
  async keepDue(input: { at: Date; limit: number; channel?: string }): Promise<Array<{ id: string; messageId: string }>> {
    const due = this.dueUnheld(input);
    const kept = await this.db
      .updateTable('outbox')
      .set({ status: 'kept', lastError: null, ...SETTLED })
      .where('id', 'in', due)
      .returning(['id', 'messageId', 'nextAttemptAt'])
      .execute();
    return kept
      .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || (a.id < b.id ? -1 : 1))
      .map(({ id, messageId }) => ({ id, messageId }));
  }

  /** A message that will never be sent because no SMTP is configured: final, like sent or failed. */
  async markKept(id: string): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set({ status: 'kept', lastError: null, ...SETTLED })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .execute();
  }

  async markSent(id: string, at: Date): Promise<void> {
    await this.db.updateTable('outbox').set({ status: 'sent', sentAt: at, lastError: null, ...SETTLED }).where('id', '=', id).execute();
  }

  async scheduleRetry(id: string, nextAttemptAt: Date, error: string): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set({ nextAttemptAt, lockedUntil: null, lastError: error.slice(0, 2000) })
      .where('id', '=', id)
      .execute();
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.db.updateTable('outbox').set({ status: 'failed', lastError: error.slice(0, 2000), ...SETTLED }).where('id', '=', id).execute();
  }

  /**
   * Drops pending messages that no longer apply (a reminder, held back by a mail server, of an interview
   * that was moved or cancelled), including ones waiting for a retry; only a message a worker holds at this moment is left alone.
   */
  async cancelPending(organizationId: string, interviewId: string, kind: string, at: Date): Promise<number> {
    const result = await pendingOfKindDeleted(this.db, { organizationId, interviewId, kind, at }).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

/**
 * The delete of an interview's pending messages of one kind (see {@link OutboxRepository.cancelPending}),
 * for a statement of its own or as a CTE of a change's statement.
 */
export function pendingOfKindDeleted(db: QueryCreator<Database>, which: { organizationId: string; interviewId: string; kind: string; at: Date }) {
  return db
    .deleteFrom('outbox')
    .where('organizationId', '=', which.organizationId)
    .where('interviewId', '=', which.interviewId)
    .where('kind', '=', which.kind)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', which.at)]));
}

/** The parameters {@link pendingOfKindDeleted} sends, in the order its text takes them. */
export function pendingOfKindDeletedParameters(which: { organizationId: string; interviewId: string; kind: string; at: Date }): unknown[] {
  return [which.organizationId, which.interviewId, which.kind, 'pending', which.at];
}

/** 13 parameters a row: well under PostgreSQL's 65,535 bind parameters per statement. */
export const OUTBOX_ROWS_PER_INSERT = 1000;

/** Messages as outbox rows, in statements of at most {@link OUTBOX_ROWS_PER_INSERT} rows. */
export async function writeOutboxRows(db: Executor, messages: ReadonlyArray<{ message: NewOutboxMessage; at: Date }>): Promise<void> {
  for (let i = 0; i < messages.length; i += OUTBOX_ROWS_PER_INSERT) {
    await db.insertInto('outbox').values(outboxRows(messages.slice(i, i + OUTBOX_ROWS_PER_INSERT))).execute();
  }
}

/** The outbox rows of messages, for an insert. */
export function outboxRows(messages: ReadonlyArray<{ message: NewOutboxMessage; at: Date }>) {
  return messages.map(({ message, at }) => outboxRow(message, at));
}

function outboxRow(message: NewOutboxMessage, at: Date) {
  return {
    organizationId: message.organizationId,
    messageId: message.messageId,
    kind: message.kind,
    channel: message.channel ?? 'email',
    interviewId: message.interviewId ?? null,
    recipient: message.recipient,
    subject: message.subject,
    payload: JSON.stringify(message.payload),
    linkTokens: message.linkTokens ?? null,
    icsMethod: message.icsMethod ?? null,
    sequence: message.sequence ?? null,
    nextAttemptAt: message.notBefore ?? at,
    createdAt: at,
  };
}
