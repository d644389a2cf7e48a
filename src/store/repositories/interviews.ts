import { newId } from '../ids.ts';
import { sql } from 'kysely';
import type { QueryCreator, RawBuilder } from 'kysely';
import type { CandidatePartstat, HistoryEntry, Interview, InterviewStatus, NoticeClass, TimeRange, Actor } from '../../core/types.ts';
import { InterviewChangedMeanwhile, isUnchangedInterviewLine, isUnnumberedInterview, PartiesChangedMeanwhile, translateDatabaseError } from '../database-errors.ts';
import type { KeptPartiesCheck } from '../kept-parties.ts';
import { partiesUnchanged, partiesUnchangedParameters, partiesUnchangedShape } from './organizations.ts';
import { panelFreeOfBusy, panelFreeOfBusyParameters, panelistReaches } from './members.ts';
import { linkRenewedParameters, withLinkRenewed } from './candidate-tokens.ts';
import { keepOpenJob } from './jobs.ts';
import { pendingOfKindDeleted, pendingOfKindDeletedParameters } from './outbox.ts';
import { freedSlotRecorded, freedSlotRecordedParameters } from './waitlist.ts';
import type { FreedSlotStatus, NewFreedSlot } from './waitlist.ts';
import type { Executor } from '../executor.ts';
import type { Database } from '../schema.ts';
import type { CandidateTokenRecord } from './candidate-tokens.ts';
import { isUuid } from '../ids.ts';
import { timeRange, timeRangeParameters, toNumber } from '../ranges.ts';
import { OUTBOX_ROWS_PER_INSERT, outboxRows, writeOutboxRows } from './outbox.ts';
import type { NewOutboxMessage } from './outbox.ts';
import { panelTokenRows } from './panel-tokens.ts';
import type { NewPanelToken } from './panel-tokens.ts';
import { enqueueWebhookEvents, eventsToQueueInStatement, queuedEventsParameters, queueWebhookEventsInStatement, webhookEventsOf } from './webhooks.ts';
import type { EventsToQueueInStatement } from './webhooks.ts';
import { StatementsByShape } from '../statements-by-shape.ts';
import type { InterviewSnapshot } from '../../core/webhooks/event-body.ts';
import type { ActiveEndpoint } from './webhooks.ts';

export interface NewInterview {
  /** Chosen by the caller when it decided about the interview before writing it; generated otherwise. */
  id?: string;
  openingId: string;
  candidateId: string;
  title: string;
  durationMinutes: number;
  panel: string[];
  status: InterviewStatus;
  start: Date | null;
  end: Date | null;
  uid: string;
  /** The calendar sequence; 0 unless the interview is written already booked. */
  sequence?: number;
  location?: string | null;
  videoUrl?: string | null;
  offeredSlots?: TimeRange[];
  /** The candidate's answer to the time it is written with; still asked unless said. */
  candidatePartstat?: CandidatePartstat;
}

export interface InterviewChange {
  status?: InterviewStatus;
  start?: Date | null;
  end?: Date | null;
  sequence?: number;
  offeredSlots?: TimeRange[];
  candidatePartstat?: CandidatePartstat;
  panel?: string[];
}

/** A decided change to an interview that exists, as {@link InterviewRepository.writeChange} writes it. */
export interface ChangeWrite {
  /** The version of the interview's row the change was decided on (as `getByCandidateToken` read it). */
  version: string;
  set: Required<Pick<InterviewChange, 'status' | 'start' | 'end' | 'sequence' | 'offeredSlots' | 'candidatePartstat'>>;
  at: Date;
  /** The interview's panel as read: booked when the change books a time, and the panel of the returned interview. */
  panel: readonly string[];
  /** What the change does to the panel's bookings: keeps them, releases them, or moves them to a new time. */
  bookings: 'keep' | 'release' | { book: TimeRange };
  /** Time the change gave up, for the waitlist; the job that offers it is queued to run at `passOn.runAt` when someone waits. */
  freed?: { slot: Omit<NewFreedSlot, 'sourceInterviewId'>; passOn: { kind: string; runAt: Date } };
  /** Pending messages of this kind that the change makes wrong (reminders of the old time, held back by a mail server), dropped. */
  dropQueued?: string;
  /** A fresh candidate link, with the interview's other links kept alive as long. */
  candidateLink?: { candidateId: string; openingId: string; tokenHash: string; expiresAt: Date };
  /** The change's history line, and the interview as the statement leaves it for the webhook events the line announces. */
  line: { entry: NewHistoryEntry; snapshot: InterviewSnapshot };
  /**
   * The organization, opening, candidate, panel and staff the change was decided on came from what was
   * kept, not from a read: the update is guarded by their versions too (`partiesUnchanged`) and, for a
   * change that books a time, by the panel being free of busy time around it (`panelFreeOfBusy`, which
   * kept parties were not read with). If either fails, they are forgotten and
   * {@link PartiesChangedMeanwhile} says to decide again on a fresh read.
   */
  keptParties?: KeptPartiesCheck;
}

/** Freed time as the change's statement recorded it: `open` when someone waits for it. */
export interface RecordedFreedSlot {
  id: string;
  status: FreedSlotStatus;
}

export interface InterviewFilter {
  status?: InterviewStatus;
  openingId?: string;
  candidateId?: string;
  memberId?: string;
  from?: Date;
  to?: Date;
  limit?: number;
  /** A page starts after this interview (in the list's order); one that is not in the organization gives an empty page. */
  after?: string;
}

export interface NewHistoryEntry {
  at: Date;
  actor: Actor;
  action: string;
  noticeHours?: number | null;
  noticeClass?: NoticeClass | null;
  reason?: string | null;
  privateNote?: string | null;
  messageId?: string | null;
  details?: Record<string, unknown> | null;
}

const COLUMNS = [
  'interviews.id',
  'interviews.organizationId',
  'interviews.openingId',
  'interviews.candidateId',
  'interviews.title',
  'interviews.durationMinutes',
  'interviews.startAt',
  'interviews.endAt',
  'interviews.status',
  'interviews.uid',
  'interviews.sequence',
  'interviews.location',
  'interviews.videoUrl',
  'interviews.offeredSlots',
  'interviews.candidatePartstat',
  'interviews.createdAt',
  'interviews.updatedAt',
] as const;

type Row = {
  id: string;
  organizationId: string;
  openingId: string;
  candidateId: string;
  title: string;
  durationMinutes: number;
  startAt: Date | null;
  endAt: Date | null;
  status: string;
  uid: string;
  sequence: number;
  location: string | null;
  videoUrl: string | null;
  offeredSlots: Array<{ start: string; end: string }>;
  candidatePartstat: string;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * The version of an interview's row as read: PostgreSQL's `xmin`, the transaction that wrote the row's
 * current version. Every update writes a new version, so a change decided on a read can be written only
 * while the row is still at the version read (see {@link InterviewRepository.writeChange}).
 */
const ROW_VERSION = sql<string>`interviews.xmin::text`.as('version');

/** An interview's panel as an array in panel order, selected with the interview: one round trip. */
const PANEL_IN_ORDER = sql<string[]>`ARRAY(SELECT p.member_id::text FROM interview_panel p WHERE p.organization_id = interviews.organization_id AND p.interview_id = interviews.id ORDER BY p.position)`.as('panel');

/**
 * In a change's statement, the condition that its guarded update changed the interview: the writes that
 * read rows do nothing without it (the statement fails then anyway, see `writeChange`).
 */
const ONLY_IF_CHANGED = sql<boolean>`EXISTS (SELECT 1 FROM changed)`;

/**
 * In an update that sets the start: reminder times up to `at` are settled when the interview gets a new
 * time (or is scheduled again), so the reminders counted from the change are those of the new time only.
 */
function remindedThroughAfter(start: Date | null, at: Date): RawBuilder<Date> {
  return sql<Date>`CASE WHEN start_at IS DISTINCT FROM ${start}::timestamptz OR status <> 'scheduled' THEN ${at}::timestamptz ELSE reminded_through END`;
}

/** The parameters of {@link remindedThroughAfter}, in the order its text takes them. */
function remindedThroughParameters(start: Date | null, at: Date): unknown[] {
  return [start, at];
}

function toInterview(row: Row, panel: string[]): Interview {
  return {
    id: row.id,
    organizationId: row.organizationId,
    openingId: row.openingId,
    candidateId: row.candidateId,
    title: row.title,
    durationMinutes: row.durationMinutes,
    panel,
    start: row.startAt,
    end: row.endAt,
    status: row.status as InterviewStatus,
    uid: row.uid,
    sequence: row.sequence,
    location: row.location,
    videoUrl: row.videoUrl,
    offeredSlots: row.offeredSlots.map((slot) => ({ start: new Date(slot.start), end: new Date(slot.end) })),
    candidatePartstat: row.candidatePartstat as CandidatePartstat,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function serializeSlots(slots: TimeRange[]): string {
  return JSON.stringify(slots.map((slot) => ({ start: slot.start.toISOString(), end: slot.end.toISOString() })));
}

/** What a transaction held back for the next history line: its messages and seat links (see `HeldWrites`). */
export interface HistoryCompanions {
  take(): { messages: Array<{ message: NewOutboxMessage; at: Date }>; seatLinks: Array<NewPanelToken & { createdAt: Date }> };
}

export class InterviewRepository {
  constructor(
    private readonly db: Executor,
    /** Inside a transaction: the change's messages and seat links that go with its history line. */
    private readonly held?: HistoryCompanions,
  ) {}

  /** Writes the interview and its panel rows in one statement (the panel's insert is a CTE of the same statement). */
  /**
   * Writes a new interview with its panel rows in one statement. `also` adds to the same statement what
   * a new interview comes with: the panel's bookings for `booked` (panelists' rows locked in id order
   * first, as `bookPanel` does) and the candidate's link.
   */
  async create(
    organizationId: string,
    input: NewInterview,
    at: Date,
    also: {
      booked?: TimeRange;
      candidateLink?: { tokenHash: string; expiresAt: Date };
      /**
       * The interview's first history line, written by the same statement with the change's held messages
       * and seat links and the webhook events the line announces (for which the interview is described by
       * `snapshot`, as the statement leaves it): the whole change in one statement, which is a transaction
       * of its own.
       */
      firstLine?: { entry: NewHistoryEntry; snapshot: InterviewSnapshot };
      /**
       * The parties the interview was decided on came from what was kept, not from a read: the statement
       * writes nothing unless they are all still as read (`partiesUnchanged`). If they are not, they are
       * forgotten and {@link PartiesChangedMeanwhile} says to decide again on a fresh read.
       */
      keptParties?: KeptPartiesCheck;
    } = {},
  ): Promise<Interview> {
    const id = input.id ?? newId();
    const { keptParties } = also;
    const panelRows = input.panel.map((memberId, position) => ({ organizationId, interviewId: id, memberId, position }));
    // Foreign keys are checked at the end of the statement, so the rows beside the interview may name it.
    const { booked, candidateLink, firstLine } = also;
    const bookedRange = booked && input.panel.length > 0 ? booked : undefined;
    // Kept parties were not read, nor was the panel's busy time: the statement checks both, and leaves the
    // interview without an id when either fails, which its NOT NULL turns into a refusal of the whole.
    const reaches = keptParties && bookedRange ? panelistReaches(input.panel, keptParties.bufferMinutes, bookedRange) : [];
    const values = {
      id,
      organizationId,
      openingId: input.openingId,
      candidateId: input.candidateId,
      title: input.title,
      durationMinutes: input.durationMinutes,
      startAt: input.start,
      endAt: input.end,
      status: input.status,
      uid: input.uid,
      sequence: input.sequence ?? 0,
      location: input.location ?? null,
      videoUrl: input.videoUrl ?? null,
      offeredSlots: serializeSlots(input.offeredSlots ?? []),
      candidatePartstat: input.candidatePartstat ?? 'needs-action',
      createdAt: at,
      updatedAt: at,
      remindedThrough: at,
    };
    const link = candidateLink
      ? { organizationId, candidateId: input.candidateId, openingId: input.openingId, interviewId: id, tokenHash: candidateLink.tokenHash, expiresAt: candidateLink.expiresAt }
      : undefined;
    let written: { held: HeldRows; line: ReturnType<typeof historyRow>; queued?: EventsToQueueInStatement } | undefined;
    if (firstLine) {
      const line: HistoryEntry = { ...historyEntryFields(firstLine.entry), id: newId(), interviewId: id };
      const events = webhookEventsOf([line]);
      written = {
        held: await this.takeHeldRows(),
        line: historyRow(organizationId, line),
        ...(events.length > 0 ? { queued: eventsToQueueInStatement(organizationId, events, firstLine.snapshot) } : {}),
      };
    }
    // Each CTE widens the builder's type; the statement ends in the insert of the interview either way.
    const build = () => {
      let writer: QueryCreator<Database> = this.db;
      if (panelRows.length > 0) writer = writer.with('panel', (db) => db.insertInto('interviewPanel').values(panelRows)) as unknown as QueryCreator<Database>;
      if (bookedRange) writer = withPanelBooked(writer, organizationId, id, input.panel, bookedRange);
      if (link) writer = writer.with('link', (db) => db.insertInto('candidateTokens').values(link)) as unknown as QueryCreator<Database>;
      if (written) {
        const { line, queued } = written;
        writer = withHeldRows(writer, written.held).with('first_line', (db) => db.insertInto('interviewHistory').values(line)) as unknown as QueryCreator<Database>;
        if (queued) writer = writer.with('announced', (() => queueWebhookEventsInStatement(queued)) as never) as unknown as QueryCreator<Database>;
      }
      // The check is built only with the text, once per shape: its parameters are listed below.
      const row = keptParties ? { ...values, id: sql<string>`(SELECT ${id}::uuid WHERE (${partiesUnchanged(keptParties)} AND ${panelFreeOfBusy(organizationId, reaches)}))` } : values;
      return writer.insertInto('interviews').values(row).returning(COLUMNS);
    };
    // The parameters in the order the text above takes them (checked against the builder's, per shape).
    const parameters = () => [
      ...rowsParameters(panelRows),
      ...(bookedRange ? panelBookedParameters(organizationId, id, input.panel, bookedRange) : []),
      ...(link ? rowsParameters([link]) : []),
      ...(written
        ? [
            ...rowsParameters(written.held.seatLinks),
            ...rowsParameters(written.held.messages),
            ...rowsParameters([written.line]),
            ...(written.queued ? queuedEventsParameters(written.queued) : []),
          ]
        : []),
      // With kept parties the id is the check's first parameter, the rest of the interview's row after the check.
      ...(keptParties
        ? [id, ...partiesUnchangedParameters(keptParties), ...panelFreeOfBusyParameters(organizationId, reaches), ...rowsParameters([values]).slice(1)]
        : rowsParameters([values])),
    ];
    const shape = [
      rowsShape('panel', panelRows),
      bookedRange ? 'booked' : '',
      link ? rowsShape('link', [link]) : '',
      written ? [rowsShape('seat links', written.held.seatLinks), rowsShape('messages', written.held.messages), rowsShape('line', [written.line])].join(';') : '',
      written?.queued ? `${written.queued.types.length} events` : '',
      keptParties ? `${partiesUnchangedShape(keptParties)}, ${reaches.length} reaches` : '',
      rowsShape('interview', [values]),
    ].join(';');
    const { rows } = await this.db
      .executeQuery<Awaited<ReturnType<ReturnType<typeof build>['executeTakeFirstOrThrow']>>>(NEW_INTERVIEW_WRITES.compiled(shape, build, parameters))
      .catch((error: unknown) => {
        if (keptParties && isUnnumberedInterview(error)) {
          keptParties.forget();
          throw new PartiesChangedMeanwhile();
        }
        return translateDatabaseError(error);
      });
    const row = rows[0];
    if (!row) throw new Error('The new interview was not written.');
    return toInterview(row, [...input.panel]);
  }

  private async replacePanel(organizationId: string, interviewId: string, panel: readonly string[]): Promise<void> {
    await this.db
      .deleteFrom('interviewPanel')
      .where('organizationId', '=', organizationId)
      .where('interviewId', '=', interviewId)
      .execute();
    await this.insertPanel(organizationId, interviewId, panel);
  }

  private async insertPanel(organizationId: string, interviewId: string, panel: readonly string[]): Promise<void> {
    if (panel.length === 0) return;
    await this.db
      .insertInto('interviewPanel')
      .values(panel.map((memberId, position) => ({ organizationId, interviewId, memberId, position })))
      .execute()
      .catch(translateDatabaseError);
  }

  async get(organizationId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<Interview | null> {
    if (!isUuid(id)) return null;
    // Row locks serialize concurrent changes to one interview (two reschedules racing); FOR UPDATE locks
    // the interview's row only, not the panel rows the array reads.
    const query = this.selectOne(organizationId, id);
    const row = await (options.forUpdate ? query.forUpdate() : query).executeTakeFirst();
    if (!row) return null;
    return toInterview(row, row.panel);
  }

  /** An interview without a lock, with the version of its row, for a change written by {@link writeChange}. */
  async getForChange(organizationId: string, id: string): Promise<{ interview: Interview; version: string } | null> {
    if (!isUuid(id)) return null;
    const row = await this.selectOne(organizationId, id).select(ROW_VERSION).executeTakeFirst();
    if (!row) return null;
    return { interview: toInterview(row, row.panel), version: row.version };
  }

  /** One interview with its panel, in one round trip: the panel as an array in panel order. */
  private selectOne(organizationId: string, id: string) {
    return this.db
      .selectFrom('interviews')
      .select(COLUMNS)
      .select(PANEL_IN_ORDER)
      .where('interviews.organizationId', '=', organizationId)
      .where('interviews.id', '=', id);
  }

  /**
   * The interview a valid candidate link leads to, with the link's record, in one statement: what every
   * request on a candidate link starts from. `forUpdate` locks the interview's row, not the link's.
   */
  async getByCandidateToken(
    tokenHash: string,
    at: Date,
    options: { forUpdate?: boolean } = {},
  ): Promise<{ record: CandidateTokenRecord; interview: Interview; version: string } | null> {
    const build = () => {
      const query = this.db
        .selectFrom('candidateTokens as t')
        .innerJoin('interviews', (join) => join.onRef('interviews.organizationId', '=', 't.organizationId').onRef('interviews.id', '=', 't.interviewId'))
        .select(COLUMNS)
        .select(['t.id as tokenId', 't.candidateId as tokenCandidateId', 't.openingId as tokenOpeningId', 't.expiresAt as tokenExpiresAt'])
        .select(ROW_VERSION)
        .select(PANEL_IN_ORDER)
        .where('t.tokenHash', '=', tokenHash)
        .where('t.expiresAt', '>', at);
      return options.forUpdate ? query.forUpdate('interviews') : query;
    };
    // Every candidate's request begins with this read: its text is kept (see `StatementsByShape`).
    const { rows } = await this.db.executeQuery<Awaited<ReturnType<ReturnType<typeof build>['executeTakeFirstOrThrow']>>>(
      CANDIDATE_LINK_READS.compiled(options.forUpdate ? 'for update' : 'plain', build, () => [tokenHash, at]),
    );
    const row = rows[0];
    if (!row) return null;
    const record: CandidateTokenRecord = {
      id: row.tokenId,
      organizationId: row.organizationId,
      candidateId: row.tokenCandidateId,
      openingId: row.tokenOpeningId,
      interviewId: row.id,
      expiresAt: row.tokenExpiresAt,
    };
    return { record, interview: toInterview(row, row.panel), version: row.version };
  }

  async list(organizationId: string, filter: InterviewFilter = {}): Promise<Interview[]> {
    let query = this.db.selectFrom('interviews').select(COLUMNS).where('interviews.organizationId', '=', organizationId);
    if (filter.status) query = query.where('interviews.status', '=', filter.status);
    if (filter.openingId) {
      if (!isUuid(filter.openingId)) return [];
      query = query.where('interviews.openingId', '=', filter.openingId);
    }
    if (filter.candidateId) {
      if (!isUuid(filter.candidateId)) return [];
      query = query.where('interviews.candidateId', '=', filter.candidateId);
    }
    if (filter.memberId) {
      const memberId = filter.memberId;
      if (!isUuid(memberId)) return [];
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('interviewPanel')
            .select('interviewPanel.memberId')
            .whereRef('interviewPanel.interviewId', '=', 'interviews.id')
            .where('interviewPanel.organizationId', '=', organizationId)
            .where('interviewPanel.memberId', '=', memberId),
        ),
      );
    }
    if (filter.from) query = query.where('interviews.endAt', '>', filter.from);
    if (filter.to) query = query.where('interviews.startAt', '<', filter.to);
    // By start, interviews without a time last; then by creation and id, so the order is total and a
    // page can start right after any interview.
    const position = sql`(coalesce(interviews.start_at, 'infinity'::timestamptz), interviews.created_at, interviews.id)`;
    if (filter.after !== undefined) {
      if (!isUuid(filter.after)) return [];
      query = query.where(
        sql<boolean>`${position} > (SELECT coalesce(i.start_at, 'infinity'::timestamptz), i.created_at, i.id FROM interviews i WHERE i.organization_id = ${organizationId} AND i.id = ${filter.after})`,
      );
    }
    const rows = await query
      .orderBy(sql`coalesce(interviews.start_at, 'infinity'::timestamptz)`)
      .orderBy('interviews.createdAt')
      .orderBy('interviews.id')
      .limit(filter.limit ?? 500)
      .execute();
    const panels = await this.panelsOf(
      organizationId,
      rows.map((row) => row.id),
    );
    return rows.map((row) => toInterview(row, panels.get(row.id) ?? []));
  }

  private async panelsOf(organizationId: string, interviewIds: string[]): Promise<Map<string, string[]>> {
    const panels = new Map<string, string[]>();
    if (interviewIds.length === 0) return panels;
    const rows = await this.db
      .selectFrom('interviewPanel')
      .select(['interviewId', 'memberId'])
      .where('organizationId', '=', organizationId)
      .where('interviewId', 'in', interviewIds)
      .orderBy('interviewId')
      .orderBy('position')
      .execute();
    for (const row of rows) {
      const list = panels.get(row.interviewId) ?? [];
      list.push(row.memberId);
      panels.set(row.interviewId, list);
    }
    return panels;
  }

  /** `knownPanel`: the panel as the caller read it in this transaction, so it is not read again. */
  async update(organizationId: string, id: string, change: InterviewChange, at: Date, knownPanel?: readonly string[]): Promise<Interview> {
    const values: Record<string, unknown> = { updatedAt: at };
    if (change.status !== undefined) values.status = change.status;
    if (change.start !== undefined) {
      values.startAt = change.start;
      values.remindedThrough = remindedThroughAfter(change.start, at);
    }
    if (change.end !== undefined) values.endAt = change.end;
    if (change.sequence !== undefined) values.sequence = change.sequence;
    if (change.offeredSlots !== undefined) values.offeredSlots = serializeSlots(change.offeredSlots);
    if (change.candidatePartstat !== undefined) values.candidatePartstat = change.candidatePartstat;
    // RETURNING gives the updated row without reading it again; the panel is read only when unchanged.
    const row = await this.db
      .updateTable('interviews')
      .set(values)
      .where('organizationId', '=', organizationId)
      .where('id', '=', id)
      .returning(COLUMNS)
      .executeTakeFirst()
      .catch(translateDatabaseError);
    if (!row) throw new Error(`Interview ${id} vanished during an update.`);
    if (change.panel !== undefined) {
      await this.replacePanel(organizationId, id, change.panel);
      return toInterview(row, [...change.panel]);
    }
    if (knownPanel) return toInterview(row, [...knownPanel]);
    const panels = await this.panelsOf(organizationId, [id]);
    return toInterview(row, panels.get(id) ?? []);
  }

  /**
   * Writes a change decided on the interview as read at `write.version`, with everything it comes with,
   * in one statement (a transaction of its own): the interview's new state, its panel's bookings released
   * or moved, the time it gave up recorded for the waitlist (with a pass-on job when someone waits), its
   * reminders counted from the change when it gets a new time and any of the old time still waiting to go
   * out dropped, the candidate's renewed link, its history line with the messages
   * and seat links held for it, and the webhook events the line announces.
   *
   * The update is guarded by the version read. When another change got there first it changes no row; the
   * history line, which takes the interview's id from the update, then has none, the statement fails as a
   * whole, and {@link InterviewChangedMeanwhile} says to decide again on the interview as it is now. The
   * database's constraints refuse the rest as they do for any write (SLOT_TAKEN, CANDIDATE_BUSY).
   */
  async writeChange(organizationId: string, interviewId: string, write: ChangeWrite): Promise<{ interview: Interview; freedSlot: RecordedFreedSlot | null }> {
    const { set, at, panel, keptParties } = write;
    const changed = {
      updatedAt: at,
      status: set.status,
      startAt: set.start,
      endAt: set.end,
      sequence: set.sequence,
      offeredSlots: serializeSlots(set.offeredSlots),
      candidatePartstat: set.candidatePartstat,
      remindedThrough: remindedThroughAfter(set.start, at),
    };
    const releases = write.bookings !== 'keep';
    const book = write.bookings !== 'keep' && write.bookings !== 'release' && panel.length > 0 ? write.bookings.book : undefined;
    // Kept parties came without the panel's busy time: a change that books a time checks the panel free of
    // it here, buffers counted, its own bookings left out (they are released by this statement).
    const reaches = keptParties && book ? panelistReaches(panel, keptParties.bufferMinutes, book) : [];
    const freed = write.freed ? { slot: { ...write.freed.slot, sourceInterviewId: interviewId }, passOn: write.freed.passOn } : undefined;
    const dropped = write.dropQueued ? { organizationId, interviewId, kind: write.dropQueued, at } : undefined;
    const renewed = write.candidateLink;
    const link = renewed
      ? { organizationId, interviewId, candidateId: renewed.candidateId, openingId: renewed.openingId, tokenHash: renewed.tokenHash, expiresAt: renewed.expiresAt }
      : undefined;
    const held = await this.takeHeldRows();
    const entry: HistoryEntry = { ...historyEntryFields(write.line.entry), id: newId(), interviewId };
    // The line takes the interview's id from the update: none when the guard stopped it.
    const line = { ...historyRow(organizationId, entry), interviewId: sql<string>`(SELECT id FROM changed)` };
    const events = webhookEventsOf([entry]);
    const queued = events.length > 0 ? eventsToQueueInStatement(organizationId, events, write.line.snapshot) : undefined;
    const build = () => {
      let writer: QueryCreator<Database> = this.db.with('changed', (db) =>
        db
          .updateTable('interviews')
          .set(changed)
          .where('organizationId', '=', organizationId)
          .where('id', '=', interviewId)
          .where(sql<boolean>`xmin = ${write.version}::xid`)
          .$if(keptParties !== undefined, (update) => update.where(partiesUnchanged(keptParties!)).where(panelFreeOfBusy(organizationId, reaches, interviewId)))
          .returning(COLUMNS),
      ) as unknown as QueryCreator<Database>;
      if (releases) {
        writer = writer.with(
          'released',
          () => sql`(UPDATE bookings SET active = false
            WHERE organization_id = ${organizationId} AND interview_id IN (SELECT id FROM changed) AND active RETURNING 1)`,
        ) as unknown as QueryCreator<Database>;
      }
      if (book) {
        // The new bookings are inserted only once the old ones are released (the count reads them all first),
        // so a move to a time overlapping the old one does not meet itself; and only when the guard let the
        // update through, so a stale read is never mistaken for a taken time.
        writer = withPanelBooked(writer, organizationId, interviewId, panel, book, sql`EXISTS (SELECT 1 FROM changed) AND (SELECT count(*) FROM released) >= 0`);
      }
      if (freed) {
        writer = writer
          .with('freed', (db) => freedSlotRecorded(db, organizationId, freed.slot, ONLY_IF_CHANGED).returning(['id', 'status']))
          .with('pass_on', (db) =>
            db
              .insertInto('jobs')
              .columns(['organizationId', 'kind', 'key', 'payload', 'runAt'])
              .expression(sql`SELECT ${organizationId}::uuid, ${freed.passOn.kind}, f.id::text, jsonb_build_object('freedSlotId', f.id), ${freed.passOn.runAt}::timestamptz FROM freed f WHERE f.status = 'open'`)
              .onConflict(keepOpenJob),
          ) as unknown as QueryCreator<Database>;
      }
      if (dropped) writer = writer.with('dropped', (db) => pendingOfKindDeleted(db, dropped).where(ONLY_IF_CHANGED)) as unknown as QueryCreator<Database>;
      if (link) writer = withLinkRenewed(writer, link);
      writer = withHeldRows(writer, held).with('line', (db) => db.insertInto('interviewHistory').values(line)) as unknown as QueryCreator<Database>;
      if (queued) writer = writer.with('announced', (() => queueWebhookEventsInStatement(queued)) as never) as unknown as QueryCreator<Database>;
      return (writer as unknown as QueryCreator<Database & { changed: Row }>)
        .selectFrom('changed')
        .selectAll()
        .select(freed ? sql<RecordedFreedSlot | null>`(SELECT json_build_object('id', f.id, 'status', f.status) FROM freed f)`.as('freed') : sql<null>`NULL::json`.as('freed'));
    };
    // The parameters in the order the text above takes them (checked against the builder's, per shape).
    const parameters = () => [
      ...[changed.updatedAt, changed.status, changed.startAt, changed.endAt, changed.sequence, changed.offeredSlots, changed.candidatePartstat],
      ...remindedThroughParameters(set.start, at),
      organizationId,
      interviewId,
      write.version,
      ...(keptParties ? [...partiesUnchangedParameters(keptParties), ...panelFreeOfBusyParameters(organizationId, reaches, interviewId)] : []),
      ...(releases ? [organizationId] : []),
      ...(book ? panelBookedParameters(organizationId, interviewId, panel, book) : []),
      ...(freed ? [...freedSlotRecordedParameters(organizationId, freed.slot), organizationId, freed.passOn.kind, freed.passOn.runAt] : []),
      ...(dropped ? pendingOfKindDeletedParameters(dropped) : []),
      ...(link ? linkRenewedParameters(link) : []),
      ...rowsParameters(held.seatLinks),
      ...rowsParameters(held.messages),
      ...rowsParameters([line]),
      ...(queued ? queuedEventsParameters(queued) : []),
    ];
    const shape = [
      releases ? 'released' : 'kept',
      book ? `${panel.length} booked` : '',
      freed ? 'freed' : '',
      dropped ? 'dropped' : '',
      link ? rowsShape('link', [link]) : '',
      rowsShape('seat links', held.seatLinks),
      rowsShape('messages', held.messages),
      rowsShape('line', [line]),
      queued ? `${queued.types.length} events` : '',
      keptParties ? `${partiesUnchangedShape(keptParties)}, ${reaches.length} reaches` : '',
    ].join(';');
    // With kept parties the guard cannot tell which changed, the interview or a party: either way they
    // are forgotten, and the change is decided again on a fresh read of both.
    const changedMeanwhile = (): Error => {
      if (!keptParties) return new InterviewChangedMeanwhile(interviewId);
      keptParties.forget();
      return new PartiesChangedMeanwhile();
    };
    const { rows } = await this.db
      .executeQuery<Row & { freed: RecordedFreedSlot | null }>(INTERVIEW_CHANGES.compiled(shape, build, parameters))
      .catch((error: unknown) => {
        if (isUnchangedInterviewLine(error)) throw changedMeanwhile();
        return translateDatabaseError(error);
      });
    const row = rows[0];
    if (!row) throw changedMeanwhile();
    return { interview: toInterview(row, [...panel]), freedSlot: row.freed };
  }

  /**
   * Books every panelist for the range, all or nothing: one overlapping booking makes PostgreSQL's
   * exclusion constraint refuse the insert, which surfaces as SLOT_TAKEN and rolls back the transaction.
   */
  async bookPanel(organizationId: string, interviewId: string, memberIds: readonly string[], range: TimeRange): Promise<void> {
    if (memberIds.length === 0) return;
    // Bookings of one member queue behind each other, always taken in id order: racing exclusion checks
    // would otherwise wait on each other and end as deadlocks instead of clean SLOT_TAKEN refusals.
    // (NO KEY UPDATE leaves foreign-key checks from other tables unblocked.) One statement, one round
    // trip: the count in the WHERE reads (and so locks) every panelist's row, in id order, before the
    // first booking is inserted; MATERIALIZED keeps the locking query from being folded into the insert.
    const ids = [...memberIds];
    await sql`
      WITH locked AS MATERIALIZED (
        SELECT id FROM members WHERE organization_id = ${organizationId} AND id IN (${sql.join(ids)}) ORDER BY id FOR NO KEY UPDATE
      )
      INSERT INTO bookings (organization_id, member_id, interview_id, during)
      SELECT ${organizationId}, panelist.member_id, ${interviewId}, ${timeRange(range.start, range.end)}
        FROM unnest(${ids}::uuid[]) AS panelist(member_id)
        WHERE (SELECT count(*) FROM locked) >= 0`
      .execute(this.db)
      .catch(translateDatabaseError);
  }

  /** Frees the panel's time; the rows stay as a record of what was booked. */
  async releaseBookings(organizationId: string, interviewId: string): Promise<void> {
    await this.db
      .updateTable('bookings')
      .set({ active: false })
      .where('organizationId', '=', organizationId)
      .where('interviewId', '=', interviewId)
      .where('active', '=', true)
      .execute();
  }

  /** The candidate's other scheduled interviews in a window: their own busy time, for offers. */
  async candidateBusy(organizationId: string, candidateId: string, from: Date, to: Date, excludeInterviewId: string | null): Promise<TimeRange[]> {
    let query = this.db
      .selectFrom('interviews')
      .select(['startAt', 'endAt'])
      .where('organizationId', '=', organizationId)
      .where('candidateId', '=', candidateId)
      .where('status', '=', 'scheduled')
      .where(sql<boolean>`tstzrange(start_at, end_at) && ${timeRange(from, to)}`);
    if (excludeInterviewId) query = query.where('id', '!=', excludeInterviewId);
    const rows = await query.execute();
    return rows.map((row) => ({ start: row.startAt!, end: row.endAt! }));
  }

  /** When each of these members was last booked for an interview (the booking's creation); absent when never. */
  async lastBookedAt(organizationId: string, memberIds: readonly string[]): Promise<Map<string, Date>> {
    const valid = memberIds.filter(isUuid);
    const result = new Map<string, Date>();
    if (valid.length === 0) return result;
    const rows = await this.db
      .selectFrom('bookings')
      .select('memberId')
      .select(sql<Date>`max(created_at)`.as('last'))
      .where('organizationId', '=', organizationId)
      .where('memberId', 'in', valid)
      .groupBy('memberId')
      .execute();
    for (const row of rows) result.set(row.memberId, new Date(row.last));
    return result;
  }

  /**
   * Frees one panelist's time on an interview (their seat went to a stand-in); the row stays as a record
   * of what was booked, and the rest of the panel keeps its bookings untouched.
   */
  async releaseSeatBooking(organizationId: string, interviewId: string, memberId: string): Promise<void> {
    await this.db
      .updateTable('bookings')
      .set({ active: false })
      .where('organizationId', '=', organizationId)
      .where('interviewId', '=', interviewId)
      .where('memberId', '=', memberId)
      .where('active', '=', true)
      .execute();
  }

  /** Active bookings of these members overlapping the window, as busy time for slot search. */
  async listBookings(
    organizationId: string,
    memberIds: readonly string[],
    from: Date,
    to: Date,
    options: { excludeInterviewId?: string } = {},
  ): Promise<Array<{ memberId: string; interviewId: string; start: Date; end: Date }>> {
    const valid = memberIds.filter(isUuid);
    if (valid.length === 0) return [];
    let query = this.db
      .selectFrom('bookings')
      .select(['memberId', 'interviewId'])
      .select(sql<Date>`lower(during)`.as('start'))
      .select(sql<Date>`upper(during)`.as('end'))
      .where('organizationId', '=', organizationId)
      .where('active', '=', true)
      .where('memberId', 'in', valid)
      .where(sql<boolean>`during && ${timeRange(from, to)}`);
    if (options.excludeInterviewId) query = query.where('interviewId', '!=', options.excludeInterviewId);
    return query.execute();
  }

  async appendHistory(organizationId: string, interviewId: string, entry: NewHistoryEntry): Promise<HistoryEntry> {
    const [appended] = await this.insertHistory(organizationId, [{ ...entry, interviewId }]);
    return appended!;
  }

  /**
   * Batched, for the position-filled cascade: locks up to `limit` still-open interviews (invited or
   * scheduled) of an opening, skipping rows another transaction holds, so any number of processes can
   * share the work. The hired candidate's interviews are left out.
   */
  async lockOpenOfOpening(
    organizationId: string,
    openingId: string,
    options: { exceptCandidateId: string | null; limit: number },
  ): Promise<Interview[]> {
    let query = this.db
      .selectFrom('interviews')
      .select(COLUMNS)
      .where('interviews.organizationId', '=', organizationId)
      .where('interviews.openingId', '=', openingId)
      .where('interviews.status', 'in', ['invited', 'scheduled']);
    if (options.exceptCandidateId !== null) query = query.where('interviews.candidateId', '!=', options.exceptCandidateId);
    const rows = await query.orderBy('interviews.id').limit(options.limit).forUpdate().skipLocked().execute();
    const panels = await this.panelsOf(
      organizationId,
      rows.map((row) => row.id),
    );
    return rows.map((row) => toInterview(row, panels.get(row.id) ?? []));
  }

  /**
   * Locks up to `limit` interviews, of any organization, with a reminder due at `at`, skipping rows another
   * transaction holds so that any number of processes share the work: scheduled, starting after `at`, with
   * one of the organization's reminder times after `reminded_through` and not after `at`. Each
   * organization's are found through its (organization, start) index, within its longest reminder.
   * `decideReminder` has the last word; this only finds them.
   */
  async lockDueForReminder(at: Date, limit: number): Promise<Array<{ interview: Interview; remindedThrough: Date }>> {
    const hours = sql`jsonb_array_elements_text(o.reminders)`;
    const rows = await this.db
      .selectFrom('organizations as o')
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom('interviews')
            .select(COLUMNS)
            .select('interviews.remindedThrough')
            .select(PANEL_IN_ORDER)
            .whereRef('interviews.organizationId', '=', 'o.id')
            .where('interviews.status', '=', 'scheduled')
            .where('interviews.startAt', '>', at)
            .where(sql<boolean>`interviews.start_at <= ${at}::timestamptz + (SELECT coalesce(max(h::float8), 0) FROM ${hours} h) * interval '1 hour'`)
            .where(
              sql<boolean>`EXISTS (SELECT 1 FROM ${hours} h
                WHERE interviews.start_at - h::float8 * interval '1 hour' <= ${at}::timestamptz
                  AND interviews.start_at - h::float8 * interval '1 hour' > interviews.reminded_through)`,
            )
            .orderBy('interviews.startAt')
            .limit(limit)
            // NO KEY UPDATE: the mark changes no key, so rows of other changes that name the interview
            // (their history lines, links) are not held up behind the reminders.
            .forNoKeyUpdate()
            .skipLocked()
            .as('due'),
        (join) => join.onTrue(),
      )
      .selectAll('due')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ interview: toInterview(row, row.panel), remindedThrough: row.remindedThrough }));
  }

  /** Marks reminder times up to `at` settled for these interviews (a reminder was written, or none was due). */
  async markReminded(organizationId: string, interviewIds: readonly string[], at: Date): Promise<void> {
    if (interviewIds.length === 0) return;
    await this.db
      .updateTable('interviews')
      .set({ remindedThrough: at })
      .where('organizationId', '=', organizationId)
      .where('id', 'in', [...interviewIds])
      .execute();
  }

  /**
   * Batched: cancels many interviews in one statement (each with the sequence its decision gave, time
   * kept as the record of what was cancelled, offers dropped) and frees their panels' bookings in another.
   */
  async cancelMany(organizationId: string, cancelled: Array<{ id: string; sequence: number }>, at: Date): Promise<void> {
    if (cancelled.length === 0) return;
    const ids = cancelled.map((c) => c.id);
    const sequences = cancelled.map((c) => c.sequence);
    await sql`
      UPDATE interviews SET status = 'cancelled', sequence = v.sequence, offered_slots = '[]'::jsonb, updated_at = ${at}
      FROM (SELECT unnest(${ids}::uuid[]) AS id, unnest(${sequences}::int[]) AS sequence) AS v
      WHERE interviews.organization_id = ${organizationId} AND interviews.id = v.id`.execute(this.db);
    await this.db
      .updateTable('bookings')
      .set({ active: false })
      .where('organizationId', '=', organizationId)
      .where('interviewId', 'in', ids)
      .where('active', '=', true)
      .execute();
  }

  /** Batched: appends one history line to each of many interviews in one statement. */
  async appendHistoryMany(organizationId: string, entries: Array<NewHistoryEntry & { interviewId: string }>): Promise<void> {
    if (entries.length === 0) return;
    await this.insertHistory(organizationId, entries);
  }

  /**
   * The messages and seat links held for the change being written, as the rows its statement inserts.
   * More messages than one insert takes are written ahead, which makes them part of the change only
   * inside a transaction.
   */
  private async takeHeldRows(): Promise<HeldRows> {
    const held = this.held?.take() ?? { messages: [], seatLinks: [] };
    if (held.messages.length > OUTBOX_ROWS_PER_INSERT) {
      if (!this.db.isTransaction) throw new Error(`A change written in one statement holds ${held.messages.length} messages, more than one insert takes.`);
      await writeOutboxRows(this.db, held.messages);
      held.messages = [];
    }
    return { seatLinks: panelTokenRows(held.seatLinks), messages: outboxRows(held.messages) };
  }

  /**
   * Inserts history lines and queues the webhook events they announce, in the caller's transaction. The
   * organization's active endpoints come back with the insert (one round trip), so a change costs no
   * further statement unless an endpoint wants its event.
   */
  private async insertHistory(organizationId: string, entries: Array<NewHistoryEntry & { interviewId: string }>): Promise<HistoryEntry[]> {
    // The messages and seat links of the change this line records, held back for it (see `HeldWrites`),
    // are written by the same statement.
    const writer = withHeldRows(this.db, await this.takeHeldRows());
    const rows = await writer
      .with('inserted', (db) =>
        db
          .insertInto('interviewHistory')
          .values(entries.map((entry) => historyRow(organizationId, entry)))
          .returning(HISTORY_COLUMNS),
      )
      .selectFrom('inserted')
      .selectAll()
      .select(
        sql<ActiveEndpoint[]>`(SELECT coalesce(json_agg(json_build_object('id', s.id, 'events', s.events) ORDER BY s.id), '[]'::json)
          FROM webhook_subscriptions s WHERE s.organization_id = ${organizationId} AND s.status = 'active')`.as('endpoints'),
      )
      .execute();
    const appended = rows.map(toHistoryEntry);
    // The events the lines announce, if any, are queued for webhook endpoints in the same transaction.
    await enqueueWebhookEvents(this.db, organizationId, webhookEventsOf(appended), rows[0]?.endpoints ?? []);
    return appended;
  }

  async history(organizationId: string, interviewId: string): Promise<HistoryEntry[]> {
    const rows = await this.db
      .selectFrom('interviewHistory')
      .select(HISTORY_COLUMNS)
      .where('organizationId', '=', organizationId)
      .where('interviewId', '=', interviewId)
      .orderBy('seq')
      .execute();
    return rows.map(toHistoryEntry);
  }
}

/** Held messages and seat links as the rows a change's statement inserts. */
interface HeldRows {
  seatLinks: ReturnType<typeof panelTokenRows>;
  messages: ReturnType<typeof outboxRows>;
}

/** Adds the held rows of the change being written (see `HeldWrites`) to a statement as CTEs of its own: seat links and outbox messages. */
function withHeldRows(writer: QueryCreator<Database>, held: HeldRows): QueryCreator<Database> {
  let with_ = writer;
  if (held.seatLinks.length > 0) with_ = with_.with('held_seat_links', (db) => db.insertInto('panelTokens').values(held.seatLinks)) as unknown as QueryCreator<Database>;
  if (held.messages.length > 0) with_ = with_.with('held_messages', (db) => db.insertInto('outbox').values(held.messages)) as unknown as QueryCreator<Database>;
  return with_;
}

/** The statement every new interview is written by, kept by shape (see `StatementsByShape`). */
export const NEW_INTERVIEW_WRITES = new StatementsByShape();

/** The statement every decided change of an interview is written by, kept by shape. */
export const INTERVIEW_CHANGES = new StatementsByShape();

/** The read of a candidate link with its interview, kept by shape (locking or not). */
export const CANDIDATE_LINK_READS = new StatementsByShape();

/**
 * What of inserted rows the text depends on: how many, and their columns in order (the text lists them
 * in the order of the first row's keys, and the parameters follow it).
 */
function rowsShape(name: string, rows: ReadonlyArray<Record<string, unknown>>): string {
  return `${name} ${rows.length}×(${rows.length > 0 ? Object.keys(rows[0]!).join(',') : ''})`;
}

/** The parameters of rows inserted by one `values` call: each row's values in its columns' order, row after row. */
function rowsParameters(rows: ReadonlyArray<Record<string, unknown>>): unknown[] {
  // A value written as SQL (a subquery) is part of the text, not a parameter.
  return rows.flatMap((row) => Object.values(row).filter((value) => !isExpression(value)));
}

function isExpression(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { toOperationNode?: unknown }).toOperationNode === 'function';
}

/**
 * Adds to a statement the panel's bookings of an interview for `range`: the panelists' rows locked in id
 * order first (as {@link InterviewRepository.bookPanel} does), then one booking each, inserted only when
 * `when` holds.
 */
function withPanelBooked(writer: QueryCreator<Database>, organizationId: string, interviewId: string, panel: readonly string[], range: TimeRange, when: RawBuilder<unknown> = sql`true`): QueryCreator<Database> {
  const ids = [...panel];
  return writer
    .with(
      (cte) => cte('locked').materialized(),
      // A raw body is not parenthesized by the builder.
      () => sql`(SELECT id FROM members WHERE organization_id = ${organizationId} AND id IN (${sql.join(ids)}) ORDER BY id FOR NO KEY UPDATE)`,
    )
    .with(
      'booked',
      () => sql`(INSERT INTO bookings (organization_id, member_id, interview_id, during)
        SELECT ${organizationId}, panelist.member_id, ${interviewId}, ${timeRange(range.start, range.end)}
          FROM unnest(${ids}::uuid[]) AS panelist(member_id)
          WHERE (SELECT count(*) FROM locked) >= 0 AND ${when})`,
    ) as unknown as QueryCreator<Database>;
}

/** The parameters {@link withPanelBooked} adds (with `when` left as it is), in the order its text takes them. */
function panelBookedParameters(organizationId: string, interviewId: string, panel: readonly string[], range: TimeRange): unknown[] {
  return [organizationId, ...panel, organizationId, interviewId, ...timeRangeParameters(range.start, range.end), [...panel]];
}

/** A history line as its row is inserted; without an id, the database gives it one. */
function historyRow(organizationId: string, entry: NewHistoryEntry & { interviewId: string; id?: string }) {
  const fields = historyEntryFields(entry);
  return {
    ...(entry.id ? { id: entry.id } : {}),
    organizationId,
    interviewId: entry.interviewId,
    ...fields,
    details: fields.details ? JSON.stringify(fields.details) : null,
  };
}

const HISTORY_COLUMNS = [
  'id',
  'interviewId',
  'at',
  'actor',
  'action',
  'noticeHours',
  'noticeClass',
  'reason',
  'privateNote',
  'messageId',
  'details',
] as const;

/** A new line's fields as the history reads them back (every optional one null when not given). */
function historyEntryFields(entry: NewHistoryEntry): Omit<HistoryEntry, 'id' | 'interviewId'> {
  return {
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    noticeHours: entry.noticeHours ?? null,
    noticeClass: entry.noticeClass ?? null,
    reason: entry.reason ?? null,
    privateNote: entry.privateNote ?? null,
    messageId: entry.messageId ?? null,
    details: entry.details ?? null,
  };
}

function toHistoryEntry(row: {
  id: string;
  interviewId: string;
  at: Date;
  actor: string;
  action: string;
  noticeHours: string | null;
  noticeClass: string | null;
  reason: string | null;
  privateNote: string | null;
  messageId: string | null;
  details: Record<string, unknown> | null;
}): HistoryEntry {
  return {
    ...row,
    actor: row.actor as Actor,
    noticeHours: toNumber(row.noticeHours),
    noticeClass: row.noticeClass as NoticeClass | null,
  };
}
