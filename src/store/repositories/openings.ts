import { sql } from 'kysely';
import type { Candidate, Opening, OpeningStatus, WorkingHours } from '../../core/types.ts';
import type { Executor } from '../executor.ts';
import { isUuid } from '../ids.ts';

export const OPENING_COLUMNS = ['id', 'organizationId', 'title', 'department', 'location', 'status', 'endedAt', 'hiredCandidateId', 'createdAt'] as const;
export const CANDIDATE_COLUMNS = ['id', 'organizationId', 'name', 'email', 'phone', 'timezone', 'reasonableHours', 'createdAt'] as const;

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

  async get(organizationId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<Opening | null> {
    if (!isUuid(id)) return null;
    let query = this.db
      .selectFrom('openings')
      .select(OPENING_COLUMNS)
      .where('organizationId', '=', organizationId)
      .where('id', '=', id);
    // Serializes two fills or closes of one opening: the second sees the first one's end.
    if (options.forUpdate) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    return row ? { ...row, status: row.status as OpeningStatus } : null;
  }

  /** How an ended opening ended: what the cascade needs to tell its remaining candidates. */
  async endOf(organizationId: string, id: string): Promise<OpeningEnd | null> {
    if (!isUuid(id)) return null;
    const row = await this.db
      .selectFrom('openings')
      .select(['status', 'endedAt', 'hiredCandidateId', 'endMessage'])
      .where('organizationId', '=', organizationId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || (row.status !== 'filled' && row.status !== 'closed') || row.endedAt === null) return null;
    return { status: row.status, endedAt: row.endedAt, hiredCandidateId: row.hiredCandidateId, endMessage: row.endMessage };
  }

  /** Records the end of an opening: filled (with whom, if known) or closed, when, and the words sent. */
  async markEnded(organizationId: string, id: string, end: OpeningEnd): Promise<Opening> {
    const row = await this.db
      .updateTable('openings')
      .set({ status: end.status, endedAt: end.endedAt, hiredCandidateId: end.hiredCandidateId, endMessage: end.endMessage })
      .where('organizationId', '=', organizationId)
      .where('id', '=', id)
      .returning(OPENING_COLUMNS)
      .executeTakeFirstOrThrow();
    return { ...row, status: row.status as OpeningStatus };
  }

  /**
   * Ended openings, of every organization, that still have open interviews (other than the hired
   * candidate's): cascades a process did not finish. Oldest end first.
   */
  async endedWithOpenInterviews(limit: number): Promise<Array<{ organizationId: string; openingId: string }>> {
    const rows = await this.db
      .selectFrom('openings as o')
      .select(['o.organizationId', 'o.id'])
      .where('o.status', 'in', ['filled', 'closed'])
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('interviews as i')
            .select('i.id')
            .whereRef('i.organizationId', '=', 'o.organizationId')
            .whereRef('i.openingId', '=', 'o.id')
            .where('i.status', 'in', ['invited', 'scheduled'])
            .where(sql<boolean>`(o.hired_candidate_id IS NULL OR i.candidate_id <> o.hired_candidate_id)`),
        ),
      )
      .orderBy('o.endedAt')
      .orderBy('o.id')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ organizationId: row.organizationId, openingId: row.id }));
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

  /**
   * For a list of openings: their interviews counted by status and their candidates still waiting, in two
   * grouped queries whatever the number of openings.
   */
  async activity(organizationId: string, openingIds: readonly string[]): Promise<Map<string, OpeningActivity>> {
    const result = new Map<string, OpeningActivity>(openingIds.map((id) => [id, { interviews: {}, waiting: 0 }]));
    const ids = openingIds.filter(isUuid);
    if (ids.length === 0) return result;
    const interviews = await this.db
      .selectFrom('interviews')
      .select(['openingId', 'status', (eb) => eb.fn.countAll<string>().as('count')])
      .where('organizationId', '=', organizationId)
      .where('openingId', 'in', ids)
      .groupBy(['openingId', 'status'])
      .execute();
    for (const row of interviews) result.get(row.openingId)!.interviews[row.status] = Number(row.count);
    const waiting = await this.db
      .selectFrom('waitlistEntries')
      .select(['openingId', (eb) => eb.fn.countAll<string>().as('count')])
      .where('organizationId', '=', organizationId)
      .where('openingId', 'in', ids)
      .where('status', '=', 'waiting')
      .groupBy('openingId')
      .execute();
    for (const row of waiting) result.get(row.openingId)!.waiting = Number(row.count);
    return result;
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

/** What is going on in an opening: its interviews by status, and how many candidates wait for freed time. */
export interface OpeningActivity {
  interviews: Partial<Record<string, number>>;
  waiting: number;
}

export interface OpeningEnd {
  status: 'filled' | 'closed';
  endedAt: Date;
  hiredCandidateId: string | null;
  /** The employer's own words to every remaining candidate, if any. */
  endMessage: string | null;
}

/** What an opening's end did, counted from the record, so every call (and every replay) answers the same. */
export interface OpeningEndCounts {
  cancelledInterviews: number;
  notifiedCandidates: number;
  closedWaitlistEntries: number;
  /** Interviews still open (other than the hired candidate's): the cascade is not finished. */
  remaining: number;
}

/**
 * The batched writes of the position-filled cascade that belong to no single repository: queued reminders
 * of many interviews dropped at once, and the counts of what an opening's end did.
 */
export class OpeningEndRepository {
  constructor(private readonly db: Executor) {}

  /** Drops the reminders still queued (and not being sent) for many interviews. */
  async dropPendingReminders(organizationId: string, interviewIds: string[], at: Date): Promise<void> {
    if (interviewIds.length === 0) return;
    await this.db
      .deleteFrom('outbox')
      .where('organizationId', '=', organizationId)
      .where('interviewId', 'in', interviewIds)
      .where('kind', '=', 'reminder')
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', at)]))
      .execute();
  }

  /**
   * Counted from the history (the cascade marks its lines with `details.openingEnded`), the waitlist and
   * the interviews, in one round trip.
   */
  async counts(organizationId: string, openingId: string): Promise<OpeningEndCounts> {
    const result = await sql<{ cancelled: string; candidates: string; waitlist: string; remaining: string }>`
      SELECT
        (SELECT count(*) FROM interview_history h JOIN interviews i ON i.organization_id = h.organization_id AND i.id = h.interview_id
          WHERE h.organization_id = ${organizationId} AND i.opening_id = ${openingId} AND h.details ? 'openingEnded') AS cancelled,
        (SELECT count(DISTINCT i.candidate_id) FROM interview_history h JOIN interviews i ON i.organization_id = h.organization_id AND i.id = h.interview_id
          WHERE h.organization_id = ${organizationId} AND i.opening_id = ${openingId} AND h.details ? 'openingEnded') AS candidates,
        (SELECT count(*) FROM waitlist_entries w WHERE w.organization_id = ${organizationId} AND w.opening_id = ${openingId} AND w.status = 'closed') AS waitlist,
        (SELECT count(*) FROM interviews i JOIN openings o ON o.organization_id = i.organization_id AND o.id = i.opening_id
          WHERE i.organization_id = ${organizationId} AND i.opening_id = ${openingId} AND i.status IN ('invited', 'scheduled')
            AND (o.hired_candidate_id IS NULL OR i.candidate_id <> o.hired_candidate_id)) AS remaining`.execute(this.db);
    const row = result.rows[0]!;
    return {
      cancelledInterviews: Number(row.cancelled),
      notifiedCandidates: Number(row.candidates),
      closedWaitlistEntries: Number(row.waitlist),
      remaining: Number(row.remaining),
    };
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

  /** Many candidates in one round trip, in no particular order; unknown ids are left out. */
  async getMany(organizationId: string, ids: readonly string[]): Promise<Candidate[]> {
    const valid = [...new Set(ids.filter(isUuid))];
    if (valid.length === 0) return [];
    return this.db
      .selectFrom('candidates')
      .select(CANDIDATE_COLUMNS)
      .where('organizationId', '=', organizationId)
      .where('id', 'in', valid)
      .execute();
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
