import { sql } from 'kysely';
import type { Candidate, Opening, OpeningStatus, WorkingHours } from '../../core/types.ts';
import type { Executor } from '../executor.ts';
import { isUuid } from '../ids.ts';

const OPENING_COLUMNS = ['id', 'organizationId', 'title', 'department', 'location', 'status', 'endedAt', 'hiredCandidateId', 'createdAt'] as const;
const CANDIDATE_COLUMNS = ['id', 'organizationId', 'name', 'email', 'phone', 'timezone', 'reasonableHours', 'createdAt'] as const;

export class OpeningRepository {
  constructor(private readonly db: Executor) {}

  async create(
    organizationId: string,
    input: { title: string; department?: string | null; location?: string | null },
  ): Promise<Opening> {
    const row = await this.db
      .insertInto('openings')
      .values({ organizationId, title: input.title, department: input.department ?? null, location: input.location ?? null })
      .returning(OPENING_COLUMNS)
      .executeTakeFirstOrThrow();
    return { ...row, status: row.status as OpeningStatus };
  }

  async get(organizationId: string, id: string): Promise<Opening | null> {
    if (!isUuid(id)) return null;
    const row = await this.db
      .selectFrom('openings')
      .select(OPENING_COLUMNS)
      .where('organizationId', '=', organizationId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? { ...row, status: row.status as OpeningStatus } : null;
  }

  /** Openings in the order they were created (ties by id); a page starts after the opening `after`. */
  async list(organizationId: string, page: { limit?: number; after?: string } = {}): Promise<Opening[]> {
    let query = this.db.selectFrom('openings').select(OPENING_COLUMNS).where('organizationId', '=', organizationId);
    if (page.after !== undefined) {
      if (!isUuid(page.after)) return [];
      query = query.where(
        sql<boolean>`(openings.created_at, openings.id) > (SELECT o.created_at, o.id FROM openings o WHERE o.organization_id = ${organizationId} AND o.id = ${page.after})`,
      );
    }
    if (page.limit !== undefined) query = query.limit(page.limit);
    const rows = await query.orderBy('createdAt').orderBy('id').execute();
    return rows.map((row) => ({ ...row, status: row.status as OpeningStatus }));
  }

  async setStatus(organizationId: string, id: string, status: OpeningStatus): Promise<void> {
    await this.db
      .updateTable('openings')
      .set({ status })
      .where('organizationId', '=', organizationId)
      .where('id', '=', id)
      .execute();
  }
}

export class CandidateRepository {
  constructor(private readonly db: Executor) {}

  async create(
    organizationId: string,
    input: { name: string; email: string; phone?: string | null; timezone: string },
  ): Promise<Candidate> {
    return this.db
      .insertInto('candidates')
      .values({ organizationId, name: input.name, email: input.email, phone: input.phone ?? null, timezone: input.timezone })
      .returning(CANDIDATE_COLUMNS)
      .executeTakeFirstOrThrow();
  }

  async get(organizationId: string, id: string): Promise<Candidate | null> {
    if (!isUuid(id)) return null;
    const row = await this.db
      .selectFrom('candidates')
      .select(CANDIDATE_COLUMNS)
      .where('organizationId', '=', organizationId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ?? null;
  }

  /** Records the hours a candidate stated through their link; `null` returns them to the default. */
  async setReasonableHours(organizationId: string, id: string, hours: WorkingHours | null): Promise<Candidate | null> {
    if (!isUuid(id)) return null;
    const row = await this.db
      .updateTable('candidates')
      .set({ reasonableHours: hours === null ? null : JSON.stringify(hours) })
      .where('organizationId', '=', organizationId)
      .where('id', '=', id)
      .returning(CANDIDATE_COLUMNS)
      .executeTakeFirst();
    return row ?? null;
  }

  /** The candidate with this email in the organization, compared without case. */
  async findByEmail(organizationId: string, email: string): Promise<Candidate | null> {
    const row = await this.db
      .selectFrom('candidates')
      .select(CANDIDATE_COLUMNS)
      .where('organizationId', '=', organizationId)
      .where(sql<string>`lower(email)`, '=', email.toLowerCase())
      .executeTakeFirst();
    return row ?? null;
  }

  /** Candidates in the order they were added (ties by id); a page starts after the candidate `after`. */
  async list(organizationId: string, page: { limit?: number; after?: string } = {}): Promise<Candidate[]> {
    let query = this.db.selectFrom('candidates').select(CANDIDATE_COLUMNS).where('organizationId', '=', organizationId);
    if (page.after !== undefined) {
      if (!isUuid(page.after)) return [];
      query = query.where(
        sql<boolean>`(candidates.created_at, candidates.id) > (SELECT c.created_at, c.id FROM candidates c WHERE c.organization_id = ${organizationId} AND c.id = ${page.after})`,
      );
    }
    if (page.limit !== undefined) query = query.limit(page.limit);
    return query.orderBy('createdAt').orderBy('id').execute();
  }
}
