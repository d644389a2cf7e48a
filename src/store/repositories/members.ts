import type { BusyBlock, Member, MemberLimits, MemberRole, WorkingHours } from '../../core/types.ts';
import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import { noBusyTime } from '../busy-time-cache.ts';
import type { BusyByReason, BusyReason } from '../busy-time-cache.ts';
import type { MemberSchedule, MemberScheduleCache } from '../member-schedule-cache.ts';
import type { Executor } from '../executor.ts';
import { isUuid } from '../ids.ts';
import { timeRange, timeRangeParameters } from '../ranges.ts';

export interface NewMember {
  name: string;
  email: string;
  role: MemberRole;
  timezone: string;
  phone?: string | null;
  workingHours: WorkingHours;
  bufferMinutes?: number;
  pools?: string[];
  limits?: MemberLimits;
}

export type MemberPatch = Partial<NewMember>;

export type { MemberSchedule } from '../member-schedule-cache.ts';

/**
 * A timestamp expression as whole epoch milliseconds (a JSON number, with no date text to parse).
 * `date_part` answers in double precision; `extract` would compute in numeric, several times slower.
 */
const EPOCH_MS = (column: string) => sql.raw(`round(date_part('epoch', ${column}) * 1000)::int8`);

export const MEMBER_COLUMNS = [
  'id',
  'organizationId',
  'name',
  'email',
  'role',
  'timezone',
  'phone',
  'workingHours',
  'bufferMinutes',
  'pools',
  'limits',
  'createdAt',
] as const;
const COLUMNS = MEMBER_COLUMNS;

type Row = {
  id: string;
  organizationId: string;
  name: string;
  email: string;
  role: string;
  timezone: string;
  phone: string | null;
  workingHours: Record<string, Array<[string, string]>>;
  bufferMinutes: number;
  pools: string[];
  limits: MemberLimits;
  createdAt: Date;
};

function toMember(row: Row): Member {
  return { ...row, role: row.role as MemberRole, workingHours: row.workingHours as WorkingHours };
}

/** A member read as JSON (inside another record's statement): the same, with its time as text. */
/** One span of busy time as the database hands it over: reason, member id, start and end in epoch milliseconds. */
export type BusySpanRow = [BusyReason, string, number, number];

/**
 * Everything that keeps the members (`valid`: UUIDs, at least one) busy in the window — their busy
 * blocks, their own calendars' busy times (Leeway's own invitations are not stored among them) and their
 * active bookings but those of `excludeInterviewId` —
 * as one JSON array of {@link BusySpanRow}, in no particular order. A scalar subquery, so that it can be
 * read beside other things in one statement. One parsed text costs far less than a row and two parsed
 * timestamps for each span, and a panel can have hundreds.
 */
export function panelBusySpans(organizationId: string, valid: readonly string[], from: Date, to: Date, excludeInterviewId?: string): RawBuilder<BusySpanRow[]> {
  const ids = sql.join(valid);
  const range = timeRange(from, to);
  const excluded = excludeInterviewId ? sql`AND k.interview_id <> ${excludeInterviewId}` : sql``;
  return sql<BusySpanRow[]>`(
    SELECT coalesce(json_agg(json_build_array(u.reason, u.member_id, u.start_ms, u.end_ms)), '[]')
    FROM (
      SELECT 'busy' AS reason, x.member_id, ${EPOCH_MS('lower(x.during)')} AS start_ms, ${EPOCH_MS('upper(x.during)')} AS end_ms
        FROM busy_blocks x
        WHERE x.organization_id = ${organizationId} AND x.member_id IN (${ids}) AND x.during && ${range}
      UNION ALL
      SELECT 'calendar', b.member_id, ${EPOCH_MS('lower(b.during)')}, ${EPOCH_MS('upper(b.during)')}
        FROM calendar_busy b
        WHERE b.organization_id = ${organizationId} AND b.member_id IN (${ids}) AND b.during && ${range}
      UNION ALL
      SELECT 'interview', k.member_id, ${EPOCH_MS('lower(k.during)')}, ${EPOCH_MS('upper(k.during)')}
        FROM bookings k
        WHERE k.organization_id = ${organizationId} AND k.active AND k.member_id IN (${ids}) AND k.during && ${range} ${excluded}
    ) u)`;
}

/** The parameters of {@link panelBusySpans}, in the order its text takes them. */
export function panelBusySpansParameters(organizationId: string, valid: readonly string[], from: Date, to: Date, excludeInterviewId?: string): unknown[] {
  const range = timeRangeParameters(from, to);
  return [organizationId, ...valid, ...range, organizationId, ...valid, ...range, organizationId, ...valid, ...range, ...(excludeInterviewId ? [excludeInterviewId] : [])];
}

/**
 * How far around a time each panelist must be free of busy time: the time itself, widened by the
 * member's buffer on both sides. A busy span widened by the buffer meets the time (as slot searches count
 * buffers) exactly when the span meets the time widened by it.
 */
export interface PanelistReach {
  memberId: string;
  from: Date;
  to: Date;
}

/** Each panelist's reach around a time: the time widened by the panelist's buffer. */
export function panelistReaches(panel: readonly string[], bufferMinutes: ReadonlyMap<string, number>, range: { start: Date; end: Date }): PanelistReach[] {
  return panel.map((memberId) => {
    const kept = bufferMinutes.get(memberId);
    if (kept === undefined) throw new Error(`No buffer is known for panelist ${memberId}.`);
    const buffer = kept * 60_000;
    return { memberId, from: new Date(range.start.getTime() - buffer), to: new Date(range.end.getTime() + buffer) };
  });
}

/**
 * True when no busy block, calendar busy time or active booking of any panelist meets its reach: the
 * three kinds of busy time {@link panelBusySpans} reads, as a condition for the statement that books.
 */
export function panelFreeOfBusy(organizationId: string, reaches: readonly PanelistReach[], excludeInterviewId?: string): RawBuilder<boolean> {
  // A move's own bookings are not in its way: they are released by the statement that books the new time.
  const notOwn = excludeInterviewId === undefined ? sql`` : sql` AND k.interview_id <> ${excludeInterviewId}`;
  const each = reaches.map(({ memberId, from, to }) => {
    const range = timeRange(from, to);
    return sql`NOT EXISTS (SELECT 1 FROM busy_blocks x WHERE x.organization_id = ${organizationId} AND x.member_id = ${memberId} AND x.during && ${range})
      AND NOT EXISTS (SELECT 1 FROM calendar_busy b WHERE b.organization_id = ${organizationId} AND b.member_id = ${memberId} AND b.during && ${range})
      AND NOT EXISTS (SELECT 1 FROM bookings k WHERE k.organization_id = ${organizationId} AND k.active AND k.member_id = ${memberId} AND k.during && ${range}${notOwn})`;
  });
  return sql<boolean>`(${each.length > 0 ? sql.join(each, sql` AND `) : sql`true`})`;
}

/** The parameters of {@link panelFreeOfBusy}, in the order its text takes them. */
export function panelFreeOfBusyParameters(organizationId: string, reaches: readonly PanelistReach[], excludeInterviewId?: string): unknown[] {
  const notOwn = excludeInterviewId === undefined ? [] : [excludeInterviewId];
  return reaches.flatMap(({ memberId, from, to }) => {
    const range = timeRangeParameters(from, to);
    return [organizationId, memberId, ...range, organizationId, memberId, ...range, organizationId, memberId, ...range, ...notOwn];
  });
}

/** The spans of {@link panelBusySpans} by member and reason; every member asked has an entry, spans or none. */
export function busyByMember(valid: readonly string[], spans: readonly BusySpanRow[]): Map<string, BusyByReason> {
  const byMember = new Map(valid.map((memberId) => [memberId, noBusyTime()]));
  for (const [reason, memberId, start, end] of spans) byMember.get(memberId)?.[reason].push({ start, end });
  return byMember;
}

export function memberFromJson(row: Omit<Row, 'createdAt'> & { createdAt: string | Date }): Member {
  return toMember({ ...row, createdAt: new Date(row.createdAt) });
}

/**
 * The panel, in the order asked (unknown ids left out), and the members who have one of the roles, in
 * the order they were added, from members read together.
 */
export function splitPanelAndRoles(members: readonly Member[], ids: readonly string[], roles: readonly Member['role'][]): { panel: Member[]; withRoles: Member[] } {
  const byId = new Map(members.map((member) => [member.id, member]));
  return { panel: ids.flatMap((id) => byId.get(id) ?? []), withRoles: members.filter((member) => roles.includes(member.role)) };
}

export class MemberRepository {
  constructor(
    private readonly db: Executor,
    /**
     * Outside a transaction only: members' schedules and busy time kept while every change to them is
     * heard, so that a search of a panel it knows asks the database nothing. Inside a transaction what is
     * read is the transaction's own view, which may hold its own uncommitted changes: it is neither kept
     * nor answered from what was kept.
     */
    private readonly schedules?: MemberScheduleCache,
  ) {}

  async create(organizationId: string, input: NewMember): Promise<Member> {
    const row = await this.db
      .insertInto('members')
      .values({
        organizationId,
        name: input.name,
        email: input.email,
        role: input.role,
        timezone: input.timezone,
        phone: input.phone ?? null,
        workingHours: JSON.stringify(input.workingHours),
        bufferMinutes: input.bufferMinutes ?? 0,
        pools: JSON.stringify(input.pools ?? []),
        limits: JSON.stringify(input.limits ?? {}),
      })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    return toMember(row);
  }

  async get(organizationId: string, id: string): Promise<Member | null> {
    if (!isUuid(id)) return null;
    const row = await this.db
      .selectFrom('members')
      .select(COLUMNS)
      .where('organizationId', '=', organizationId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toMember(row) : null;
  }

  /** The members with these ids, in the order asked; unknown ids are simply absent. */
  async getMany(organizationId: string, ids: readonly string[]): Promise<Member[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    const rows = await this.db
      .selectFrom('members')
      .select(COLUMNS)
      .where('organizationId', '=', organizationId)
      .where('id', 'in', valid)
      .execute();
    const byId = new Map(rows.map((row) => [row.id, toMember(row)]));
    return valid.flatMap((id) => byId.get(id) ?? []);
  }

  /** What a slot search needs of the members (name, zone, working hours, buffer), in the order asked (unknown ids left out). */
  async getSchedules(organizationId: string, ids: readonly string[]): Promise<MemberSchedule[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    const { schedules } = this;
    const kept = await schedules?.lookup(organizationId, valid);
    if (kept) return kept;
    const epoch = schedules?.epoch;
    const rows = await this.db
      .selectFrom('members')
      .select(['id', 'name', 'timezone', 'workingHours', 'bufferMinutes'])
      .where('organizationId', '=', organizationId)
      .where('id', 'in', valid)
      .execute();
    const byId = new Map(rows.map((row) => [row.id, { ...row, workingHours: row.workingHours as WorkingHours }]));
    const read = valid.flatMap((id) => byId.get(id) ?? []);
    if (schedules && epoch !== undefined) schedules.keep(organizationId, epoch, read);
    return read;
  }

  /**
   * Members in the order they were added (ties by id). A page starts after the member `after` (a cursor
   * that names no member of the organization gives an empty page) and holds at most `limit`.
   */
  async list(organizationId: string, page: { limit?: number; after?: string } = {}): Promise<Member[]> {
    let query = this.db.selectFrom('members').select(COLUMNS).where('organizationId', '=', organizationId);
    if (page.after !== undefined) {
      if (!isUuid(page.after)) return [];
      query = query.where(
        sql<boolean>`(members.created_at, members.id) > (SELECT m.created_at, m.id FROM members m WHERE m.organization_id = ${organizationId} AND m.id = ${page.after})`,
      );
    }
    if (page.limit !== undefined) query = query.limit(page.limit);
    const rows = await query.orderBy('createdAt').orderBy('id').execute();
    return rows.map(toMember);
  }

  /** Members with one of `roles`, in the order they were added (ties by id). */
  /**
   * A panel's members (in the order asked) and the organization's members of some roles (oldest first),
   * in one round trip: what a change's messages need of the people of an organization.
   */
  async getPanelAndRoles(organizationId: string, ids: readonly string[], roles: readonly Member['role'][]): Promise<{ panel: Member[]; withRoles: Member[] }> {
    const valid = ids.filter(isUuid);
    if (roles.length === 0) return { panel: await this.getMany(organizationId, valid), withRoles: [] };
    const rows = await this.db
      .selectFrom('members')
      .select(COLUMNS)
      .where('organizationId', '=', organizationId)
      .where((eb) => (valid.length > 0 ? eb.or([eb('id', 'in', valid), eb('role', 'in', roles)]) : eb('role', 'in', roles)))
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
    return splitPanelAndRoles(rows.map(toMember), valid, roles);
  }

  async listByRoles(organizationId: string, roles: readonly Member['role'][]): Promise<Member[]> {
    if (roles.length === 0) return [];
    const rows = await this.db
      .selectFrom('members')
      .select(COLUMNS)
      .where('organizationId', '=', organizationId)
      .where('role', 'in', roles)
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
    return rows.map(toMember);
  }

  async update(organizationId: string, id: string, patch: MemberPatch): Promise<Member | null> {
    if (!isUuid(id)) return null;
    const values: Record<string, unknown> = {};
    for (const key of ['name', 'email', 'role', 'timezone', 'phone', 'bufferMinutes'] as const) {
      if (patch[key] !== undefined) values[key] = patch[key];
    }
    if (patch.workingHours !== undefined) values.workingHours = JSON.stringify(patch.workingHours);
    if (patch.pools !== undefined) values.pools = JSON.stringify(patch.pools);
    if (patch.limits !== undefined) values.limits = JSON.stringify(patch.limits);
    if (Object.keys(values).length === 0) return this.get(organizationId, id);
    const row = await this.db
      .updateTable('members')
      .set(values)
      .where('organizationId', '=', organizationId)
      .where('id', '=', id)
      .returning(COLUMNS)
      .executeTakeFirst();
    return row ? toMember(row) : null;
  }

  async addBusy(
    organizationId: string,
    memberId: string,
    input: { start: Date; end: Date; title?: string | null },
  ): Promise<BusyBlock> {
    const row = await this.db
      .insertInto('busyBlocks')
      .values({ organizationId, memberId, during: timeRange(input.start, input.end), title: input.title ?? null })
      .returning(['id', 'organizationId', 'memberId', 'title'])
      .returning(sql<Date>`lower(during)`.as('start'))
      .returning(sql<Date>`upper(during)`.as('end'))
      .executeTakeFirstOrThrow();
    return row;
  }

  async deleteBusy(organizationId: string, memberId: string, busyId: string): Promise<boolean> {
    if (!isUuid(busyId) || !isUuid(memberId)) return false;
    const result = await this.db
      .deleteFrom('busyBlocks')
      .where('organizationId', '=', organizationId)
      .where('memberId', '=', memberId)
      .where('id', '=', busyId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /**
   * Everything that keeps the members busy in the window, in one statement: their busy blocks, their own
   * calendars' busy times (Leeway's own invitations are not stored among them) and their active
   * bookings (but those of `excludeInterviewId`), as epoch milliseconds by member and reason, in no
   * particular order; every member asked has an entry. The database hands them over as one JSON array: a
   * panel can have hundreds of spans, and one parsed text costs far less than a row and two parsed
   * timestamps for each.
   *
   * Outside a transaction, busy time this process kept while hearing every change is used again and only
   * the other members are read, and what is read is kept. Not when an interview's bookings are left out.
   * What is handed over may be what is kept: callers read it and change nothing.
   */
  async listPanelBusy(
    organizationId: string,
    memberIds: readonly string[],
    from: Date,
    to: Date,
    options: { excludeInterviewId?: string } = {},
  ): Promise<Map<string, BusyByReason>> {
    const valid = memberIds.filter(isUuid);
    const { excludeInterviewId } = options;
    const { schedules } = this;
    if (!schedules || excludeInterviewId !== undefined || !(await schedules.hearsEverything())) {
      return this.readPanelBusy(organizationId, valid, from, to, excludeInterviewId);
    }
    const [start, end] = [from.getTime(), to.getTime()];
    const found = new Map<string, BusyByReason>();
    const unknown: string[] = [];
    for (const memberId of valid) {
      const busy = schedules.keptBusyTime(organizationId, memberId, start, end);
      if (busy === undefined) unknown.push(memberId);
      else found.set(memberId, busy);
    }
    if (unknown.length === 0) return found;
    const epoch = schedules.epoch;
    const read = await this.readPanelBusy(organizationId, unknown, from, to);
    for (const [memberId, busy] of read) {
      found.set(memberId, busy);
      schedules.keepBusyTime(organizationId, epoch, memberId, start, end, busy);
    }
    // In the order asked.
    return new Map(valid.map((memberId) => [memberId, found.get(memberId)!]));
  }

  private async readPanelBusy(organizationId: string, valid: readonly string[], from: Date, to: Date, excludeInterviewId?: string): Promise<Map<string, BusyByReason>> {
    if (valid.length === 0) return busyByMember(valid, []);
    const { rows } = await sql<{ spans: BusySpanRow[] }>`SELECT ${panelBusySpans(organizationId, valid, from, to, excludeInterviewId)} AS spans`.execute(this.db);
    return busyByMember(valid, rows[0]?.spans ?? []);
  }

  /**
   * Busy blocks of these members that overlap the window, by start (ties by id). A page starts after the
   * block `after` (its start and id, so the cursor outlives the block) and holds at most `limit`.
   */
  async listBusy(
    organizationId: string,
    memberIds: readonly string[],
    from: Date,
    to: Date,
    page: { limit?: number; after?: { start: Date; id: string } } = {},
  ): Promise<BusyBlock[]> {
    const valid = memberIds.filter(isUuid);
    if (valid.length === 0) return [];
    let query = this.db
      .selectFrom('busyBlocks')
      .select(['id', 'organizationId', 'memberId', 'title'])
      .select(sql<Date>`lower(during)`.as('start'))
      .select(sql<Date>`upper(during)`.as('end'))
      .where('organizationId', '=', organizationId)
      .where('memberId', 'in', valid)
      .where(sql<boolean>`during && ${timeRange(from, to)}`);
    if (page.after !== undefined) {
      if (!isUuid(page.after.id)) return [];
      query = query.where(sql<boolean>`(lower(during), id) > (${page.after.start.toISOString()}::timestamptz, ${page.after.id}::uuid)`);
    }
    if (page.limit !== undefined) query = query.limit(page.limit);
    return query.orderBy(sql`lower(during)`).orderBy('id').execute();
  }
}
