import { sql } from 'kysely';
import type { Executor } from '../executor.ts';
import { isUuid } from '../ids.ts';
import { timeRange } from '../ranges.ts';
import type { CalendarSourceKind, CalendarSourceStatus } from '../schema-calendars.ts';

export type { CalendarSourceKind, CalendarSourceStatus } from '../schema-calendars.ts';

/** A calendar source as stored: its address and credentials sealed (the use cases open them to sync). */
export interface CalendarSourceRecord {
  id: string;
  organizationId: string;
  memberId: string;
  kind: CalendarSourceKind;
  urlSealed: string;
  urlShown: string;
  usernameSealed: string | null;
  passwordSealed: string | null;
  /** The member's own name for the calendar. */
  label: string | null;
  status: CalendarSourceStatus;
  error: string | null;
  /** What the last good read left out (a calendar larger than Leeway reads), in words. */
  warning: string | null;
  etag: string | null;
  lastModified: string | null;
  busyCount: number;
  lastSyncAt: Date | null;
  lastSuccessAt: Date | null;
  /** The last read that returned the calendar itself rather than "not modified". */
  lastReadAt: Date | null;
  nextSyncAt: Date;
  createdAt: Date;
}

export interface NewCalendarSource {
  kind: CalendarSourceKind;
  urlSealed: string;
  urlShown: string;
  usernameSealed: string | null;
  passwordSealed: string | null;
  label?: string | null;
  nextSyncAt: Date;
}

/** A sync that read the calendar: `busy` null means it had not changed (304) and the stored set stays. */
export interface CalendarSyncSuccess {
  at: Date;
  nextSyncAt: Date;
  etag: string | null;
  lastModified: string | null;
  busy: Array<{ start: Date; end: Date; uid: string }> | null;
  /** What a changed calendar's read left out, in words (none when absent); kept as it was when `busy` is null. */
  warning?: string | null;
}

const COLUMNS = [
  'id',
  'organizationId',
  'memberId',
  'kind',
  'urlSealed',
  'urlShown',
  'usernameSealed',
  'passwordSealed',
  'label',
  'status',
  'error',
  'warning',
  'etag',
  'lastModified',
  'busyCount',
  'lastSyncAt',
  'lastSuccessAt',
  'lastReadAt',
  'nextSyncAt',
  'createdAt',
] as const;

/** Rows per INSERT when a source's busy set is written: well under the driver's parameter limit. */
const INSERT_BATCH = 500;

/** Members' calendar sources and the busy times read from them. */
export class CalendarSourceRepository {
  constructor(private readonly db: Executor) {}

  async create(organizationId: string, memberId: string, input: NewCalendarSource): Promise<CalendarSourceRecord> {
    return this.db
      .insertInto('calendarSources')
      .values({ organizationId, memberId, ...input })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
  }

  /** A member's sources in the order they were added. */
  async listForMember(organizationId: string, memberId: string): Promise<CalendarSourceRecord[]> {
    if (!isUuid(memberId)) return [];
    return this.db
      .selectFrom('calendarSources')
      .select(COLUMNS)
      .where('organizationId', '=', organizationId)
      .where('memberId', '=', memberId)
      .orderBy('createdAt')
      .orderBy('added')
      .execute();
  }

  async get(organizationId: string, memberId: string, id: string): Promise<CalendarSourceRecord | null> {
    if (!isUuid(id) || !isUuid(memberId)) return null;
    const row = await this.db
      .selectFrom('calendarSources')
      .select(COLUMNS)
      .where('organizationId', '=', organizationId)
      .where('memberId', '=', memberId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ?? null;
  }

  /**
   * Changes what a member may change of a kept source: its label, and its password (the source is then due
   * at once; its busy times stay until the sync). Fields left out stay as they are.
   */
  async update(organizationId: string, memberId: string, id: string, input: { label?: string | null; passwordSealed?: string | null; nextSyncAt?: Date }): Promise<boolean> {
    if (!isUuid(id) || !isUuid(memberId)) return false;
    const changes = {
      ...(input.label !== undefined ? { label: input.label } : {}),
      ...(input.passwordSealed !== undefined ? { passwordSealed: input.passwordSealed } : {}),
      ...(input.nextSyncAt !== undefined ? { nextSyncAt: input.nextSyncAt } : {}),
    };
    if (Object.keys(changes).length === 0) return true;
    const result = await this.db
      .updateTable('calendarSources')
      .set(changes)
      .where('organizationId', '=', organizationId)
      .where('memberId', '=', memberId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Has a member's sources read whole again at once (no 304 shortcut): after the member's zone changes,
   * all-day and floating events fall at other instants.
   */
  async requestFullRead(organizationId: string, memberId: string, at: Date): Promise<void> {
    if (!isUuid(memberId)) return;
    await this.db
      .updateTable('calendarSources')
      .set({ etag: null, lastModified: null, lastReadAt: null, nextSyncAt: at })
      .where('organizationId', '=', organizationId)
      .where('memberId', '=', memberId)
      .execute();
  }

  /** Removes a source; its busy times go with it (ON DELETE CASCADE). */
  async delete(organizationId: string, memberId: string, id: string): Promise<boolean> {
    if (!isUuid(id) || !isUuid(memberId)) return false;
    const result = await this.db
      .deleteFrom('calendarSources')
      .where('organizationId', '=', organizationId)
      .where('memberId', '=', memberId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /**
   * Claims sources due for a sync until `at + leaseMs`, across organizations: SKIP LOCKED, so processes
   * sharing the database never claim one source twice, and a process that dies holding one only delays it.
   */
  async claimDue(input: { at: Date; limit: number; leaseMs: number }): Promise<CalendarSourceRecord[]> {
    const due = this.db
      .selectFrom('calendarSources')
      .select('id')
      .where('nextSyncAt', '<=', input.at)
      .where((eb) => eb.or([eb('claimedUntil', 'is', null), eb('claimedUntil', '<', input.at)]))
      .orderBy('nextSyncAt')
      .orderBy('id')
      .limit(input.limit)
      .forUpdate()
      .skipLocked();
    const rows = await this.db
      .updateTable('calendarSources')
      .set({ claimedUntil: new Date(input.at.getTime() + input.leaseMs) })
      .where('id', 'in', due)
      .returning(COLUMNS)
      .execute();
    return rows.sort((a, b) => a.nextSyncAt.getTime() - b.nextSyncAt.getTime() || (a.id < b.id ? -1 : 1));
  }

  /**
   * Records a sync that read the calendar and, when it changed, replaces the source's busy set. Call it
   * inside a transaction so nobody reads the set half replaced. False when the source is gone.
   */
  async recordSuccess(organizationId: string, id: string, sync: CalendarSyncSuccess): Promise<boolean> {
    const source = await this.db
      .selectFrom('calendarSources')
      .select(['memberId'])
      .where('organizationId', '=', organizationId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!source) return false;
    let busyCount: number | undefined;
    if (sync.busy) {
      await this.db.deleteFrom('calendarBusy').where('organizationId', '=', organizationId).where('sourceId', '=', id).execute();
      const kept = await this.leaveOutOwnInvitations(organizationId, sync.busy);
      for (let i = 0; i < kept.length; i += INSERT_BATCH) {
        await this.db
          .insertInto('calendarBusy')
          .values(
            kept.slice(i, i + INSERT_BATCH).map((b) => ({
              organizationId,
              memberId: source.memberId,
              sourceId: id,
              during: timeRange(b.start, b.end),
              uid: b.uid,
            })),
          )
          .execute();
      }
      busyCount = sync.busy.length;
    }
    await this.db
      .updateTable('calendarSources')
      .set({
        status: 'ok',
        error: null,
        etag: sync.etag,
        lastModified: sync.lastModified,
        lastSyncAt: sync.at,
        lastSuccessAt: sync.at,
        nextSyncAt: sync.nextSyncAt,
        claimedUntil: null,
        ...(busyCount !== undefined ? { busyCount, lastReadAt: sync.at, warning: sync.warning ?? null } : {}),
      })
      .where('organizationId', '=', organizationId)
      .where('id', '=', id)
      .execute();
    return true;
  }

  /** Records a failed sync in words; the last good busy times stay. */
  async recordFailure(organizationId: string, id: string, failure: { at: Date; nextSyncAt: Date; error: string }): Promise<void> {
    await this.db
      .updateTable('calendarSources')
      .set({ status: 'error', error: failure.error, lastSyncAt: failure.at, nextSyncAt: failure.nextSyncAt, claimedUntil: null })
      .where('organizationId', '=', organizationId)
      .where('id', '=', id)
      .execute();
  }

  /**
   * An event whose UID is one of this organization's interviews is Leeway's own invitation in the
   * member's calendar: the interview's booking already counts (or, moved or cancelled, no longer does), so
   * it is not kept as busy time. Left out here, once per sync, rather than by a join on every slot search.
   * (A UID is Leeway's from the interview's creation, before any invitation can reach a calendar.)
   */
  private async leaveOutOwnInvitations<T extends { uid: string }>(organizationId: string, busy: readonly T[]): Promise<readonly T[]> {
    if (busy.length === 0) return busy;
    const uids = [...new Set(busy.map((b) => b.uid))];
    const own = await this.db
      .selectFrom('interviews')
      .select('uid')
      .where('organizationId', '=', organizationId)
      .where(sql<boolean>`uid = ANY(${uids}::text[])`)
      .execute();
    if (own.length === 0) return busy;
    const ownUids = new Set(own.map((row) => row.uid));
    return busy.filter((b) => !ownUids.has(b.uid));
  }

  /**
   * Busy times from these members' calendars overlapping the window, for slot search (Leeway's own
   * invitations are never stored: see {@link leaveOutOwnInvitations}).
   */
  async listBusy(organizationId: string, memberIds: readonly string[], from: Date, to: Date): Promise<Array<{ memberId: string; start: Date; end: Date }>> {
    const valid = memberIds.filter(isUuid);
    if (valid.length === 0) return [];
    return this.db
      .selectFrom('calendarBusy as b')
      .select(['b.memberId'])
      .select(sql<Date>`lower(b.during)`.as('start'))
      .select(sql<Date>`upper(b.during)`.as('end'))
      .where('b.organizationId', '=', organizationId)
      .where('b.memberId', 'in', valid)
      .where(sql<boolean>`b.during && ${timeRange(from, to)}`)
      .orderBy(sql`lower(b.during)`)
      .execute();
  }
}
