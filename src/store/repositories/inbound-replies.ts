import { sql } from 'kysely';
import type { AttendeeRole, Partstat, ReplyChannel, ReplyEffect, ReplyOutcome } from '../../core/inbound/reply-terms.ts';
import type { Executor } from '../executor.ts';
import { isUuid } from '../ids.ts';

/** One calendar reply as received and judged. */
export interface InboundReply {
  id: string;
  organizationId: string | null;
  receivedAt: Date;
  via: ReplyChannel;
  /** The From header's address. */
  from: string | null;
  envelopeFrom: string | null;
  messageId: string | null;
  method: string | null;
  uid: string | null;
  sequence: number | null;
  dtstamp: Date | null;
  interviewId: string | null;
  attendee: { email: string; role: AttendeeRole; memberId: string | null } | null;
  partstat: Partstat | null;
  proposedStart: Date | null;
  proposedEnd: Date | null;
  outcome: ReplyOutcome;
  effect: ReplyEffect | null;
  ignoredBecause: string | null;
}

export type NewInboundReply = Omit<InboundReply, 'id'>;

/** An attendee's latest answer to an interview, and the start it answered for. */
export interface AttendeeAnswer {
  email: string;
  partstat: Exclude<Partstat, 'needs-action'>;
  repliedAt: Date;
  dtstamp: Date;
  sequence: number;
  forStart: Date;
}

const REPLY_COLUMNS = [
  'id', 'organizationId', 'receivedAt', 'via', 'sender', 'envelopeSender', 'messageId', 'method', 'uid', 'sequence', 'dtstamp', 'interviewId',
  'attendeeEmail', 'attendeeRole', 'memberId', 'partstat', 'proposedStart', 'proposedEnd', 'outcome', 'effect', 'ignoredBecause',
] as const;

type ReplyRow = {
  id: string; organizationId: string | null; receivedAt: Date; via: string; sender: string | null; envelopeSender: string | null; messageId: string | null;
  method: string | null; uid: string | null; sequence: number | null; dtstamp: Date | null; interviewId: string | null; attendeeEmail: string | null;
  attendeeRole: string | null; memberId: string | null; partstat: string | null; proposedStart: Date | null; proposedEnd: Date | null;
  outcome: string; effect: string | null; ignoredBecause: string | null;
};

function toReply(row: ReplyRow): InboundReply {
  return {
    id: row.id,
    organizationId: row.organizationId,
    receivedAt: row.receivedAt,
    via: row.via as ReplyChannel,
    from: row.sender,
    envelopeFrom: row.envelopeSender,
    messageId: row.messageId,
    method: row.method,
    uid: row.uid,
    sequence: row.sequence,
    dtstamp: row.dtstamp,
    interviewId: row.interviewId,
    attendee: row.attendeeEmail && row.attendeeRole ? { email: row.attendeeEmail, role: row.attendeeRole as AttendeeRole, memberId: row.memberId } : null,
    partstat: row.partstat as Partstat | null,
    proposedStart: row.proposedStart,
    proposedEnd: row.proposedEnd,
    outcome: row.outcome as ReplyOutcome,
    effect: row.effect as ReplyEffect | null,
    ignoredBecause: row.ignoredBecause,
  };
}

/** Calendar replies received, each attendee's answer, and the organization's inbound secret. */
export class InboundReplyRepository {
  constructor(private readonly db: Executor) {}

  /** Replaces the organization's inbound secret (only its hash is kept). */
  async setSecret(organizationId: string, secretHash: string, at: Date): Promise<void> {
    await this.db
      .insertInto('inboundSecrets')
      .values({ organizationId, secretHash, createdAt: at })
      .onConflict((oc) => oc.column('organizationId').doUpdateSet({ secretHash, createdAt: at }))
      .execute();
  }

  /** When the organization's current secret was made, or null when it has none. */
  async secretCreatedAt(organizationId: string): Promise<Date | null> {
    const row = await this.db.selectFrom('inboundSecrets').select('createdAt').where('organizationId', '=', organizationId).executeTakeFirst();
    return row?.createdAt ?? null;
  }

  async organizationBySecret(secretHash: string): Promise<string | null> {
    const row = await this.db.selectFrom('inboundSecrets').select('organizationId').where('secretHash', '=', secretHash).executeTakeFirst();
    return row?.organizationId ?? null;
  }

  /**
   * The interview whose calendar event has this UID. UIDs are unique across organizations (they carry our
   * domain), so a reply over SMTP finds its organization here; with `organizationId` only that
   * organization's interviews are looked at.
   */
  async findByUid(uid: string, organizationId: string | null): Promise<{ organizationId: string; interviewId: string } | null> {
    let query = this.db.selectFrom('interviews').select(['organizationId', 'id']).where('uid', '=', uid);
    if (organizationId !== null) query = query.where('organizationId', '=', organizationId);
    const row = await query.executeTakeFirst();
    return row ? { organizationId: row.organizationId, interviewId: row.id } : null;
  }

  /** Whether a reply with this Message-ID already acted on the interview. */
  async actedOn(organizationId: string, interviewId: string, messageId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('inboundReplies')
      .select('id')
      .where('organizationId', '=', organizationId)
      .where('interviewId', '=', interviewId)
      .where('messageId', '=', messageId)
      .where('outcome', '=', 'applied')
      .executeTakeFirst();
    return row !== undefined;
  }

  async insert(reply: NewInboundReply): Promise<InboundReply> {
    const row = await this.db
      .insertInto('inboundReplies')
      .values({
        organizationId: reply.organizationId,
        receivedAt: reply.receivedAt,
        via: reply.via,
        sender: reply.from,
        envelopeSender: reply.envelopeFrom,
        messageId: reply.messageId,
        method: reply.method,
        uid: reply.uid,
        sequence: reply.sequence,
        dtstamp: reply.dtstamp,
        interviewId: reply.interviewId,
        attendeeEmail: reply.attendee?.email ?? null,
        attendeeRole: reply.attendee?.role ?? null,
        memberId: reply.attendee?.memberId ?? null,
        partstat: reply.partstat,
        proposedStart: reply.proposedStart,
        proposedEnd: reply.proposedEnd,
        outcome: reply.outcome,
        effect: reply.effect,
        ignoredBecause: reply.ignoredBecause,
      })
      .returning(REPLY_COLUMNS)
      .executeTakeFirstOrThrow();
    return toReply(row);
  }

  /** Newest first; `after` is the last reply of the previous page. */
  async list(organizationId: string, options: { interviewId?: string; limit: number; after?: { id: string; at: Date } }): Promise<InboundReply[]> {
    if (options.interviewId !== undefined && !isUuid(options.interviewId)) return [];
    let query = this.db.selectFrom('inboundReplies').select(REPLY_COLUMNS).where('organizationId', '=', organizationId);
    if (options.interviewId) query = query.where('interviewId', '=', options.interviewId);
    if (options.after) {
      const { at, id } = options.after;
      query = query.where(sql<boolean>`(received_at, id) < (${at}, ${id}::uuid)`);
    }
    const rows = await query.orderBy('receivedAt', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
    return rows.map(toReply);
  }

  async getReply(organizationId: string, id: string): Promise<InboundReply | null> {
    if (!isUuid(id)) return null;
    const row = await this.db.selectFrom('inboundReplies').select(REPLY_COLUMNS).where('organizationId', '=', organizationId).where('id', '=', id).executeTakeFirst();
    return row ? toReply(row) : null;
  }

  async answers(organizationId: string, interviewId: string): Promise<AttendeeAnswer[]> {
    const rows = await this.db
      .selectFrom('attendeeAnswers')
      .select(['email', 'partstat', 'repliedAt', 'dtstamp', 'sequence', 'forStart'])
      .where('organizationId', '=', organizationId)
      .where('interviewId', '=', interviewId)
      .execute();
    return rows.map((row) => ({ ...row, partstat: row.partstat as AttendeeAnswer['partstat'] }));
  }

  /** Keeps the attendee's latest answer (emails stored lower case: one row per person). */
  async saveAnswer(organizationId: string, interviewId: string, answer: AttendeeAnswer): Promise<void> {
    const values = { ...answer, email: answer.email.toLowerCase() };
    await this.db
      .insertInto('attendeeAnswers')
      .values({ organizationId, interviewId, ...values })
      .onConflict((oc) => oc.columns(['organizationId', 'interviewId', 'email']).doUpdateSet(values))
      .execute();
  }
}
