import type { Candidate, Member, Opening, Organization } from '../core/types.ts';

/**
 * A row's version: the id of the transaction that wrote it (PostgreSQL's `xmin`, as text). Any update or
 * delete of the row ends it; locking the row (a foreign-key check, the panel's ordered lock) does not.
 */
export type RowVersion = string;

interface Versioned<T> {
  record: T;
  version: RowVersion;
}

/** What a new interview starts from, as read with each row's version. */
export interface PartiesAsRead {
  organization: Organization;
  opening: Opening;
  candidate: Candidate;
  /** The panel in the order asked. */
  panel: Member[];
  /** The members with one of `roles`, oldest first. */
  withRoles: Member[];
  roles: readonly Member['role'][];
  versions: {
    organization: RowVersion;
    opening: RowVersion;
    candidate: RowVersion;
    /** Every member read (the panel and those with the roles), by id. */
    members: ReadonlyMap<string, RowVersion>;
  };
}

/**
 * Parties served from what was kept, to be checked by the statement that writes with them: it writes
 * nothing unless every row still stands at the version read and no other member has one of the roles
 * (see `partiesUnchanged` in the organizations repository). `forget` drops them, for the work to run
 * again on a fresh read.
 */
export interface KeptPartiesCheck {
  organizationId: string;
  openingId: string;
  candidateId: string;
  panel: readonly string[];
  roles: readonly Member['role'][];
  versions: PartiesAsRead['versions'];
  /** The panelists' buffers as kept: how far around a booked time the write checks them free. */
  bufferMinutes: ReadonlyMap<string, number>;
  forget(): void;
}

export interface KeptPartiesLimits {
  /** Organizations, openings, candidates and members kept at most, each. */
  records: number;
}

const DEFAULT_LIMITS: KeptPartiesLimits = { records: 10_000 };

/**
 * The organization, opening, candidate and members that new interviews start from, as last read, so
 * that a booking need not read them again before it writes.
 *
 * Nothing kept here is trusted. Whatever is served from it goes to the write as a `KeptPartiesCheck`,
 * and the write checks, in its own statement, that every row is still at the version it was read at: a
 * row updated or deleted since, or a member who has gained or lost one of the roles, makes the write
 * refuse, the parties are forgotten, and the booking runs again on a fresh read, which keeps them anew.
 * So nothing needs to be told of a change, from this process or another, and nothing expires by time.
 * Each kind of record is bounded; the least recently used go first.
 */
export class KeptParties {
  private readonly organizations = new Recent<Versioned<Organization>>();
  private readonly openings = new Recent<Versioned<Opening>>();
  private readonly candidates = new Recent<Versioned<Candidate>>();
  private readonly members = new Recent<Versioned<Member>>();
  /** Per organization and roles: the ids of the members who had them, oldest first. */
  private readonly withRoles = new Recent<string[]>();

  constructor(private readonly limits: KeptPartiesLimits = DEFAULT_LIMITS) {}

  /** Keeps what a read found. */
  keep(read: PartiesAsRead): void {
    const organizationId = read.organization.id;
    const { records } = this.limits;
    this.organizations.set(organizationId, { record: read.organization, version: read.versions.organization }, records);
    this.openings.set(key(organizationId, read.opening.id), { record: read.opening, version: read.versions.opening }, records);
    this.candidates.set(key(organizationId, read.candidate.id), { record: read.candidate, version: read.versions.candidate }, records);
    for (const member of [...read.panel, ...read.withRoles]) {
      const version = read.versions.members.get(member.id);
      if (version !== undefined) this.members.set(key(organizationId, member.id), { record: member, version }, records);
    }
    this.withRoles.set(rolesKey(organizationId, read.roles), read.withRoles.map((member) => member.id), records);
  }

  /** Everything a new interview of these ids starts from, when all of it is kept; else null. */
  find(organizationId: string, openingId: string, candidateId: string, panel: readonly string[], roles: readonly Member['role'][]): PartiesAsRead | null {
    const organization = this.organizations.get(organizationId);
    const opening = this.openings.get(key(organizationId, openingId));
    const candidate = this.candidates.get(key(organizationId, candidateId));
    const withRoleIds = this.withRoles.get(rolesKey(organizationId, roles));
    if (!organization || !opening || !candidate || !withRoleIds) return null;
    const members = new Map<string, Versioned<Member>>();
    for (const id of [...panel, ...withRoleIds]) {
      const member = this.members.get(key(organizationId, id));
      if (!member) return null;
      members.set(id, member);
    }
    return {
      organization: organization.record,
      opening: opening.record,
      candidate: candidate.record,
      panel: panel.map((id) => members.get(id)!.record),
      withRoles: withRoleIds.map((id) => members.get(id)!.record),
      roles,
      versions: {
        organization: organization.version,
        opening: opening.version,
        candidate: candidate.version,
        members: new Map([...members].map(([id, member]) => [id, member.version])),
      },
    };
  }

  /** Drops every record of a read (which a write found changed). */
  forget(read: Pick<KeptPartiesCheck, 'organizationId' | 'openingId' | 'candidateId' | 'roles' | 'versions'>): void {
    const { organizationId } = read;
    this.organizations.delete(organizationId);
    this.openings.delete(key(organizationId, read.openingId));
    this.candidates.delete(key(organizationId, read.candidateId));
    for (const id of read.versions.members.keys()) this.members.delete(key(organizationId, id));
    this.withRoles.delete(rolesKey(organizationId, read.roles));
  }

  /** How many records are kept, of every kind together. */
  get size(): number {
    return this.organizations.size + this.openings.size + this.candidates.size + this.members.size + this.withRoles.size;
  }
}

function key(organizationId: string, id: string): string {
  return `${organizationId}/${id}`;
}

function rolesKey(organizationId: string, roles: readonly string[]): string {
  return `${organizationId}/${[...roles].sort().join(',')}`;
}

/** A map that forgets its least recently used entry beyond a limit (a Map iterates in insertion order). */
class Recent<T> {
  private readonly entries = new Map<string, T>();

  get(id: string): T | undefined {
    const value = this.entries.get(id);
    if (value !== undefined) {
      this.entries.delete(id);
      this.entries.set(id, value);
    }
    return value;
  }

  set(id: string, value: T, limit: number): void {
    this.entries.delete(id);
    this.entries.set(id, value);
    if (this.entries.size > limit) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(id: string): void {
    this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }
}
