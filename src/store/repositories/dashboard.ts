import { sql } from 'kysely';
import type { Actor, NoticeClass } from '../../core/types.ts';
import type { Executor } from '../executor.ts';
import { isUuid } from '../ids.ts';
import { toNumber } from '../ranges.ts';

/** One line of the organization's change feed: a history entry with the names a dashboard shows beside it. */
export interface ChangeRow {
  id: string;
  interviewId: string;
  at: Date;
  actor: Actor;
  action: string;
  noticeHours: number | null;
  noticeClass: NoticeClass | null;
  reason: string | null;
  candidateId: string;
  candidateName: string;
  openingId: string;
  openingTitle: string;
  interviewTitle: string;
  interviewStatus: string;
  interviewStart: Date | null;
  interviewEnd: Date | null;
}

export interface ChangeFilter {
  /** Entries recorded at or after this instant. */
  since?: Date;
  limit: number;
  /** A page starts after this entry (in the feed's order); one not in the organization gives an empty page. */
  after?: string;
}

/** Who and what an interview is about, by name: enough to draw it without asking again per interview. */
export interface InterviewLabels {
  candidate: { id: string; name: string; timezone: string };
  opening: { id: string; title: string };
  panel: Array<{ id: string; name: string; timezone: string }>;
}

/**
 * A candidate's concern goes to HR in confidence: it stays in the interview's own history for those who
 * look it up, and is left out of the feed every dashboard user watches. A waitlist claim writes two lines,
 * the booking and where it came from; the feed shows the change once, as the booking.
 */
const LEFT_OUT_OF_FEED = ['concern_raised', 'filled_from_waitlist'];

/** Reads the dashboard needs in one query each, instead of one request per interview. */
export class DashboardRepository {
  constructor(private readonly db: Executor) {}

  /**
   * The organization's history entries, newest first (by time, then by the order they were written).
   * Walks the (organization_id, at) index backwards and stops at the page's end; private notes are never read.
   */
  async changes(organizationId: string, filter: ChangeFilter): Promise<ChangeRow[]> {
    let query = this.db
      .selectFrom('interviewHistory as h')
      .innerJoin('interviews as i', (join) => join.onRef('i.id', '=', 'h.interviewId').onRef('i.organizationId', '=', 'h.organizationId'))
      .innerJoin('candidates as c', (join) => join.onRef('c.id', '=', 'i.candidateId').onRef('c.organizationId', '=', 'i.organizationId'))
      .innerJoin('openings as o', (join) => join.onRef('o.id', '=', 'i.openingId').onRef('o.organizationId', '=', 'i.organizationId'))
      .select([
        'h.id',
        'h.interviewId',
        'h.at',
        'h.actor',
        'h.action',
        'h.noticeHours',
        'h.noticeClass',
        'h.reason',
        'i.candidateId',
        'c.name as candidateName',
        'i.openingId',
        'o.title as openingTitle',
        'i.title as interviewTitle',
        'i.status as interviewStatus',
        'i.startAt as interviewStart',
        'i.endAt as interviewEnd',
      ])
      .where('h.organizationId', '=', organizationId)
      .where('h.action', 'not in', LEFT_OUT_OF_FEED);
    if (filter.since) query = query.where('h.at', '>=', filter.since);
    if (filter.after !== undefined) {
      if (!isUuid(filter.after)) return [];
      query = query.where(
        sql<boolean>`(h.at, h.seq) < (SELECT p.at, p.seq FROM interview_history p WHERE p.organization_id = ${organizationId} AND p.id = ${filter.after})`,
      );
    }
    const rows = await query.orderBy('h.at', 'desc').orderBy('h.seq', 'desc').limit(filter.limit).execute();
    return rows.map((row) => ({
      ...row,
      actor: row.actor as Actor,
      noticeClass: row.noticeClass as NoticeClass | null,
      noticeHours: toNumber(row.noticeHours),
    }));
  }

  /** The candidate, opening and panel (in panel order) of each interview, by name. */
  async labels(organizationId: string, interviewIds: readonly string[]): Promise<Map<string, InterviewLabels>> {
    const ids = [...new Set(interviewIds.filter(isUuid))];
    const labels = new Map<string, InterviewLabels>();
    if (ids.length === 0) return labels;
    const rows = await this.db
      .selectFrom('interviews as i')
      .innerJoin('candidates as c', (join) => join.onRef('c.id', '=', 'i.candidateId').onRef('c.organizationId', '=', 'i.organizationId'))
      .innerJoin('openings as o', (join) => join.onRef('o.id', '=', 'i.openingId').onRef('o.organizationId', '=', 'i.organizationId'))
      .select(['i.id', 'i.candidateId', 'c.name as candidateName', 'c.timezone as candidateTimezone', 'i.openingId', 'o.title as openingTitle'])
      .where('i.organizationId', '=', organizationId)
      .where('i.id', 'in', ids)
      .execute();
    for (const row of rows) {
      labels.set(row.id, {
        candidate: { id: row.candidateId, name: row.candidateName, timezone: row.candidateTimezone },
        opening: { id: row.openingId, title: row.openingTitle },
        panel: [],
      });
    }
    const seats = await this.db
      .selectFrom('interviewPanel as p')
      .innerJoin('members as m', (join) => join.onRef('m.id', '=', 'p.memberId').onRef('m.organizationId', '=', 'p.organizationId'))
      .select(['p.interviewId', 'm.id', 'm.name', 'm.timezone'])
      .where('p.organizationId', '=', organizationId)
      .where('p.interviewId', 'in', ids)
      .orderBy('p.interviewId')
      .orderBy('p.position')
      .execute();
    for (const seat of seats) labels.get(seat.interviewId)?.panel.push({ id: seat.id, name: seat.name, timezone: seat.timezone });
    return labels;
  }
}
