import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Candidate, Member, Opening, OpeningStatus, Organization, WorkingHours } from '../../core/types.ts';
import type { Executor } from '../executor.ts';
import { StatementsByShape } from '../statements-by-shape.ts';
import { isUuid } from '../ids.ts';
import type { PanelBusyRead } from '../busy-time-cache.ts';
import type { KeptParties, KeptPartiesCheck, PartiesAsRead, RowVersion } from '../kept-parties.ts';
import { busyByMember, MEMBER_COLUMNS, memberFromJson, panelBusySpans, panelBusySpansParameters, splitPanelAndRoles } from './members.ts';
import { CANDIDATE_COLUMNS, OPENING_COLUMNS } from './openings.ts';

export interface NewOrganization {
  name: string;
  timezone: string;
  contactEmail?: string | null;
  contactPhone?: string | null;
  hrContactEmail?: string | null;
  noticePolicy?: { ampleHours: number; adequateHours: number };
  reminders?: number[];
  candidateHours?: WorkingHours;
  offerMinutes?: number;
  offerFanout?: number;
  replaceHours?: number;
}

export type OrganizationPatch = Partial<NewOrganization>;

const COLUMNS = [
  'id',
  'name',
  'timezone',
  'contactEmail',
  'contactPhone',
  'hrContactEmail',
  'ampleHours',
  'adequateHours',
  'reminders',
  'candidateHours',
  'offerMinutes',
  'offerFanout',
  'replaceHours',
  'createdAt',
] as const;

type Row = {
  id: string;
  name: string;
  timezone: string;
  contactEmail: string | null;
  contactPhone: string | null;
  hrContactEmail: string | null;
  ampleHours: string;
  adequateHours: string;
  reminders: number[];
  candidateHours: WorkingHours;
  offerMinutes: number;
  offerFanout: number;
  replaceHours: string;
  createdAt: Date;
};

function toOrganization(row: Row): Organization {
  return {
    id: row.id,
    name: row.name,
    timezone: row.timezone,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
    hrContactEmail: row.hrContactEmail,
    noticePolicy: { ampleHours: Number(row.ampleHours), adequateHours: Number(row.adequateHours) },
    reminders: row.reminders,
    candidateHours: row.candidateHours,
    offerMinutes: row.offerMinutes,
    offerFanout: row.offerFanout,
    replaceHours: Number(row.replaceHours),
    createdAt: row.createdAt,
  };
}

/** An id that is not a UUID matches nothing; it must not reach the database as one. */
function knownId(value: string): string | null {
  return isUuid(value) ? value : null;
}

/** The read every new interview begins with, kept by shape (see `StatementsByShape`). */
export const NEW_INTERVIEW_READS = new StatementsByShape();

/** A row's version as the statement reads it (see `RowVersion`). */
const ROW_VERSION = sql<RowVersion>`xmin::text`;

export class OrganizationRepository {
  constructor(
    private readonly db: Executor,
    /** Outside a transaction only: the parties of new interviews as last read (see `KeptParties`). */
    private readonly kept?: KeptParties,
  ) {}

  async create(input: NewOrganization): Promise<Organization> {
    const row = await this.db
      .insertInto('organizations')
      .values({
        name: input.name,
        timezone: input.timezone,
        contactEmail: input.contactEmail ?? null,
        contactPhone: input.contactPhone ?? null,
        hrContactEmail: input.hrContactEmail ?? null,
        ampleHours: input.noticePolicy?.ampleHours ?? 48,
        adequateHours: input.noticePolicy?.adequateHours ?? 24,
        reminders: JSON.stringify(input.reminders ?? [48, 24]),
        ...(input.candidateHours ? { candidateHours: JSON.stringify(input.candidateHours) } : {}),
      })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    return toOrganization(row);
  }

  async get(id: string): Promise<Organization | null> {
    if (!isUuid(id)) return null;
    const row = await this.db.selectFrom('organizations').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return row ? toOrganization(row) : null;
  }

  /**
   * The organization with one of its openings and one of its candidates, in one statement instead of
   * three: what every new interview starts from. The opening or the candidate is null when the
   * organization has none by that id.
   */
  async getWithOpeningAndCandidate(
    id: string,
    openingId: string,
    candidateId: string,
  ): Promise<{ organization: Organization; opening: Opening | null; candidate: Candidate | null } | null> {
    if (!isUuid(id)) return null;
    const row = await this.withOpeningAndCandidate(id, openingId, candidateId).executeTakeFirst();
    return row ? toRecords(row) : null;
  }

  /**
   * What a new interview starts from, in one statement: the organization with the opening and the
   * candidate (as {@link getWithOpeningAndCandidate}), the panel's members in the order given (unknown
   * ids left out) and the members who have one of `roles` (those who get copies). Given `busyWindow`, also
   * the panel's busy time in that window (but the bookings of the interview it leaves out), read in the
   * same statement (a booking then needs no statement of its own to see whether the panel is free).
   *
   * With `kept`, what was kept of an earlier read (see `KeptParties`) is answered instead when all of it
   * is there: no statement, no busy time, and a `check` that the statement writing with it must take
   * (`partiesUnchanged`). Every read that finds all its parties keeps them for next time.
   */
  async getForNewInterview(
    id: string,
    openingId: string,
    candidateId: string,
    members: { panel: readonly string[]; roles: readonly Member['role'][]; busyWindow?: { from: Date; to: Date; excludeInterviewId?: string }; kept?: boolean },
  ): Promise<{
    organization: Organization;
    opening: Opening | null;
    candidate: Candidate | null;
    panel: Member[];
    withRoles: Member[];
    /** Present when `busyWindow` was given and the parties were read. */
    panelBusy?: PanelBusyRead;
    /** Present when the parties were served from what was kept: for the write to check. */
    check?: KeptPartiesCheck;
  } | null> {
    if (!isUuid(id)) return null;
    const ids = members.panel.filter(isUuid);
    const { roles, busyWindow } = members;
    const kept = members.kept ? this.kept : undefined;
    const found = kept && ids.length === members.panel.length ? kept.find(id, openingId, candidateId, ids, roles) : null;
    if (kept && found) {
      const check: KeptPartiesCheck = {
        organizationId: id,
        openingId,
        candidateId,
        panel: ids,
        roles,
        versions: found.versions,
        bufferMinutes: new Map(found.panel.map((member) => [member.id, member.bufferMinutes])),
        forget: () => kept.forget(check),
      };
      return { organization: found.organization, opening: found.opening, candidate: found.candidate, panel: found.panel, withRoles: found.withRoles, check };
    }
    const withBusy = busyWindow && ids.length > 0 ? busyWindow : null;
    const build = () =>
      this.withOpeningAndCandidate(id, openingId, candidateId, { versions: true })
        .$if(withBusy !== null, (query) => query.select(panelBusySpans(id, ids, withBusy!.from, withBusy!.to, withBusy!.excludeInterviewId).as('busy')))
        .select((eb) =>
          jsonArrayFrom(
            eb
              .selectFrom('members')
              .select(MEMBER_COLUMNS)
              .select(ROW_VERSION.as('version'))
              .where('organizationId', '=', id)
              .where((m) => {
                const either = [...(ids.length > 0 ? [m('id', 'in', ids)] : []), ...(roles.length > 0 ? [m('role', 'in', roles)] : [])];
                return either.length > 0 ? m.or(either) : m.lit(false);
              })
              .orderBy('createdAt')
              .orderBy('id'),
          ).as('members'),
        );
    // The parameters in the order the text above takes them (checked against the builder's, per shape).
    const parameters = () => [
      id,
      knownId(openingId),
      id,
      knownId(candidateId),
      ...(withBusy ? panelBusySpansParameters(id, ids, withBusy.from, withBusy.to, withBusy.excludeInterviewId) : []),
      id,
      ...ids,
      ...roles,
      id,
    ];
    const shape = `${ids.length} panelists, ${roles.length} roles${withBusy ? (withBusy.excludeInterviewId ? ', busy time but one interview' : ', busy time') : ''}`;
    const { rows } = await this.db.executeQuery<Awaited<ReturnType<ReturnType<typeof build>['executeTakeFirstOrThrow']>>>(NEW_INTERVIEW_READS.compiled(shape, build, parameters));
    const row = rows[0];
    if (!row) return null;
    const { members: read, busy, version, ...rest } = row;
    const memberVersions = new Map(read.map((member) => [member.id, member.version]));
    const readMembers = read.map(({ version: _version, ...member }) => memberFromJson(member));
    const records = toRecords(rest);
    const parties = { ...records, ...splitPanelAndRoles(readMembers, ids, roles) };
    if (this.kept && records.opening && records.candidate && rest.opening && rest.candidate) {
      const asRead: PartiesAsRead = {
        ...parties,
        opening: records.opening,
        candidate: records.candidate,
        roles,
        versions: { organization: version, opening: rest.opening.version, candidate: rest.candidate.version, members: memberVersions },
      };
      this.kept.keep(asRead);
    }
    const panelBusy = busyWindow ? { ...busyWindow, byMember: busyByMember(ids, busy ?? []) } : undefined;
    return { ...parties, ...(panelBusy ? { panelBusy } : {}) };
  }

  /**
   * The organization's row with the opening and the candidate as JSON objects (null when it has none by
   * that id); with `versions`, each with the version of its row.
   */
  private withOpeningAndCandidate(id: string, openingId: string, candidateId: string, options: { versions?: boolean } = {}) {
    const versioned = options.versions ? [ROW_VERSION.as('version')] : [];
    return this.db
      .selectFrom('organizations')
      .select(COLUMNS)
      .select((eb) => [
        ...versioned,
        jsonObjectFrom(
          eb.selectFrom('openings').select(OPENING_COLUMNS).select(versioned).where('organizationId', '=', id).where('id', '=', knownId(openingId)),
        ).as('opening'),
        jsonObjectFrom(
          eb.selectFrom('candidates').select(CANDIDATE_COLUMNS).select(versioned).where('organizationId', '=', id).where('id', '=', knownId(candidateId)),
        ).as('candidate'),
      ])
      .where('id', '=', id);
  }

  async list(): Promise<Organization[]> {
    const rows = await this.db.selectFrom('organizations').select(COLUMNS).orderBy('createdAt').execute();
    return rows.map(toOrganization);
  }

  async update(id: string, patch: OrganizationPatch): Promise<Organization | null> {
    if (!isUuid(id)) return null;
    const values: Record<string, unknown> = {};
    if (patch.name !== undefined) values.name = patch.name;
    if (patch.timezone !== undefined) values.timezone = patch.timezone;
    if (patch.contactEmail !== undefined) values.contactEmail = patch.contactEmail;
    if (patch.contactPhone !== undefined) values.contactPhone = patch.contactPhone;
    if (patch.hrContactEmail !== undefined) values.hrContactEmail = patch.hrContactEmail;
    if (patch.noticePolicy !== undefined) {
      values.ampleHours = patch.noticePolicy.ampleHours;
      values.adequateHours = patch.noticePolicy.adequateHours;
    }
    if (patch.reminders !== undefined) values.reminders = JSON.stringify(patch.reminders);
    if (patch.candidateHours !== undefined) values.candidateHours = JSON.stringify(patch.candidateHours);
    for (const key of ['offerMinutes', 'offerFanout', 'replaceHours'] as const) {
      if (patch[key] !== undefined) values[key] = patch[key];
    }
    if (Object.keys(values).length === 0) return this.get(id);
    const row = await this.db
      .updateTable('organizations')
      .set(values)
      .where('id', '=', id)
      .returning(COLUMNS)
      .executeTakeFirst();
    return row ? toOrganization(row) : null;
  }
}

/**
 * True when every party a `KeptPartiesCheck` names still stands at the version it was read at, and the
 * members matching it (the panel, and those with its roles) are exactly those read, each at its version:
 * a condition for the statement that writes with kept parties. Each row is found by its key, as the
 * foreign keys find it; the members by id and by role (`members_by_role`).
 */
export function partiesUnchanged(check: KeptPartiesCheck): RawBuilder<boolean> {
  const { organizationId } = check;
  const either = [
    ...(check.panel.length > 0 ? [sql`m.id IN (${sql.join(check.panel)})`] : []),
    ...(check.roles.length > 0 ? [sql`m.role IN (${sql.join(check.roles)})`] : []),
  ];
  const matching = either.length > 0 ? sql.join(either, sql` OR `) : sql`false`;
  const { members } = check.versions;
  return sql<boolean>`(EXISTS (SELECT 1 FROM organizations o, openings op, candidates c
      WHERE o.id = ${organizationId} AND o.xmin = ${check.versions.organization}::xid
        AND op.organization_id = ${organizationId} AND op.id = ${check.openingId} AND op.xmin = ${check.versions.opening}::xid
        AND c.organization_id = ${organizationId} AND c.id = ${check.candidateId} AND c.xmin = ${check.versions.candidate}::xid)
    AND (SELECT count(*) = ${members.size} AND coalesce(bool_and(k.version IS NOT NULL AND m.xmin = k.version), false)
      FROM members m LEFT JOIN unnest(${[...members.keys()]}::uuid[], ${[...members.values()]}::xid[]) AS k(id, version) ON k.id = m.id
      WHERE m.organization_id = ${organizationId} AND (${matching})))`;
}

/** The parameters of {@link partiesUnchanged}, in the order its text takes them. */
export function partiesUnchangedParameters(check: KeptPartiesCheck): unknown[] {
  const { organizationId, versions } = check;
  return [
    organizationId,
    versions.organization,
    organizationId,
    check.openingId,
    versions.opening,
    organizationId,
    check.candidateId,
    versions.candidate,
    versions.members.size,
    [...versions.members.keys()],
    [...versions.members.values()],
    organizationId,
    ...check.panel,
    ...check.roles,
  ];
}

/** What {@link partiesUnchanged}'s text depends on, for the shape of a statement that takes it. */
export function partiesUnchangedShape(check: KeptPartiesCheck): string {
  return `kept parties: ${check.panel.length} panelists, ${check.roles.length} roles`;
}

function withoutVersion<T extends { version?: RowVersion }>(record: T): Omit<T, 'version'> {
  const { version: _version, ...rest } = record;
  return rest;
}

type WithOpeningAndCandidate = Awaited<ReturnType<ReturnType<OrganizationRepository['withOpeningAndCandidate']>['executeTakeFirstOrThrow']>>;

/**
 * The organization with its opening and candidate, which arrive as JSON: their times as text. Versions
 * read with them are left out (they are not part of the records).
 */
function toRecords(row: Omit<WithOpeningAndCandidate, 'version'>): { organization: Organization; opening: Opening | null; candidate: Candidate | null } {
  const { opening: openingRead, candidate: candidateRead, ...organization } = row;
  const opening = openingRead ? withoutVersion(openingRead) : null;
  const candidate = candidateRead ? withoutVersion(candidateRead) : null;
  return {
    organization: toOrganization(organization),
    opening: opening
      ? { ...opening, status: opening.status as OpeningStatus, endedAt: opening.endedAt ? new Date(opening.endedAt) : null, createdAt: new Date(opening.createdAt) }
      : null,
    candidate: candidate ? { ...candidate, createdAt: new Date(candidate.createdAt) } : null,
  };
}
