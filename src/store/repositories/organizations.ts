import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Candidate, Member, Opening, OpeningStatus, Organization, WorkingHours } from '../../core/types.ts';
import type { Executor } from '../executor.ts';
import { StatementsByShape } from '../statements-by-shape.ts';
import { isUuid } from '../ids.ts';
import type { PanelBusyRead } from '../busy-time-cache.ts';
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

export class OrganizationRepository {
  constructor(private readonly db: Executor) {}

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
   */
  async getForNewInterview(
    id: string,
    openingId: string,
    candidateId: string,
    members: { panel: readonly string[]; roles: readonly Member['role'][]; busyWindow?: { from: Date; to: Date; excludeInterviewId?: string } },
  ): Promise<{
    organization: Organization;
    opening: Opening | null;
    candidate: Candidate | null;
    panel: Member[];
    withRoles: Member[];
    /** Present when `busyWindow` was given. */
    panelBusy?: PanelBusyRead;
  } | null> {
    if (!isUuid(id)) return null;
    const ids = members.panel.filter(isUuid);
    const { roles, busyWindow } = members;
    const withBusy = busyWindow && ids.length > 0 ? busyWindow : null;
    const build = () =>
      this.withOpeningAndCandidate(id, openingId, candidateId)
        .$if(withBusy !== null, (query) => query.select(panelBusySpans(id, ids, withBusy!.from, withBusy!.to, withBusy!.excludeInterviewId).as('busy')))
        .select((eb) =>
          jsonArrayFrom(
            eb
              .selectFrom('members')
              .select(MEMBER_COLUMNS)
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
    const { members: read, busy, ...rest } = row;
    const found = read.map((member) => memberFromJson(member));
    const panelBusy = busyWindow ? { ...busyWindow, byMember: busyByMember(ids, busy ?? []) } : undefined;
    return { ...toRecords(rest), ...splitPanelAndRoles(found, ids, roles), ...(panelBusy ? { panelBusy } : {}) };
  }

  /** The organization's row with the opening and the candidate as JSON objects (null when it has none by that id). */
  private withOpeningAndCandidate(id: string, openingId: string, candidateId: string) {
    return this.db
      .selectFrom('organizations')
      .select(COLUMNS)
      .select((eb) => [
        jsonObjectFrom(
          eb.selectFrom('openings').select(OPENING_COLUMNS).where('organizationId', '=', id).where('id', '=', knownId(openingId)),
        ).as('opening'),
        jsonObjectFrom(
          eb.selectFrom('candidates').select(CANDIDATE_COLUMNS).where('organizationId', '=', id).where('id', '=', knownId(candidateId)),
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

type WithOpeningAndCandidate = Awaited<ReturnType<ReturnType<OrganizationRepository['withOpeningAndCandidate']>['executeTakeFirstOrThrow']>>;

/** The organization with its opening and candidate, which arrive as JSON: their times as text. */
function toRecords(row: WithOpeningAndCandidate): { organization: Organization; opening: Opening | null; candidate: Candidate | null } {
  const { opening, candidate, ...organization } = row;
  return {
    organization: toOrganization(organization),
    opening: opening
      ? { ...opening, status: opening.status as OpeningStatus, endedAt: opening.endedAt ? new Date(opening.endedAt) : null, createdAt: new Date(opening.createdAt) }
      : null,
    candidate: candidate ? { ...candidate, createdAt: new Date(candidate.createdAt) } : null,
  };
}
