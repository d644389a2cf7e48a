import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { Executor } from '../executor.ts';

/** How cancellations are grouped. */
export type CancellationGrouping = 'noticeClass' | 'reason' | 'side' | 'week' | 'slotHour';

/** A half-open window [from, to) of history instants, and the zone that local weeks and hours are read in. */
export interface AnalyticsWindow {
  from: Date;
  to: Date;
  /** An IANA zone name PostgreSQL knows. */
  timezone: string;
}

export interface CancellationGroupRow {
  /** null when the grouped value is absent: no notice (nothing was scheduled), no reason given, no time. */
  key: string | null;
  count: number;
}

/** The two sides, and how each is named as the absent or late `party` in history details. */
export const SIDES = ['candidate', 'employer'] as const;
export type Side = (typeof SIDES)[number];
const PARTY: Record<Side, string> = { candidate: 'candidate', employer: 'interviewer' };

export const NOTICE_CLASSES = ['ample', 'adequate', 'late', 'missed'] as const;

export interface SideFigures {
  /** Times set by this side (`scheduled` by the employer, `accepted` by the candidate). */
  scheduled: number;
  cancelled: { ample: number; adequate: number; late: number; missed: number; none: number; total: number };
  /** Moves of a set time made by this side. */
  rescheduled: number;
  /** Requests for other times made by this side. */
  newTimesRequested: number;
  /** Interviews with a no-show of this side (the candidate; any interviewer for the employer). */
  noShows: number;
  /** Candidate no-shows later recorded as an emergency (always 0 for the employer). */
  noShowsExcused: number;
  /** Lateness marks of this side. */
  lateMarks: number;
}

export interface SummaryRows {
  sides: Record<Side, SideFigures>;
  /** Interviews that took place or were missed in the window: completed, ended early or a no-show. */
  heldOrMissed: number;
  /** Interviews with a time set or moved in the window: the denominator of reschedules per interview. */
  withTime: number;
  backfill: { freed: number; offered: number; filled: number; medianMinutesToFill: number | null };
  panel: { declines: number; replacements: number; handedOver: number };
}

export interface InterviewerLoadRow {
  memberId: string;
  name: string;
  scheduled: number;
  completed: number;
}

const KEY_EXPRESSIONS: Record<CancellationGrouping, (zone: string) => RawBuilder<string | null>> = {
  noticeClass: () => sql`h.notice_class`,
  reason: () => sql`h.reason`,
  side: () => sql`h.actor`,
  // Monday 00:00 of the local week: date_trunc on the wall-clock time, so a DST change inside the week moves nothing.
  week: (zone) => sql`to_char(date_trunc('week', h.at AT TIME ZONE ${zone}), 'YYYY-MM-DD')`,
  // The interview's start as it stood when it was cancelled (a cancellation leaves the time in place).
  slotHour: (zone) => sql`to_char(i.start_at AT TIME ZONE ${zone}, 'HH24')`,
};

/**
 * Figures read from the history (append-only, so a window always gives the same answer), the freed
 * slots and offers of the waitlist, and the panels. Every statement filters by organization and reads
 * the history through (organization_id, action, at).
 */
export class AnalyticsRepository {
  constructor(private readonly db: Executor) {}

  /** Cancellations (by any side) whose history instant falls in [from, to), counted per key. */
  async cancellations(organizationId: string, window: AnalyticsWindow, groupBy: CancellationGrouping): Promise<CancellationGroupRow[]> {
    const key = KEY_EXPRESSIONS[groupBy](window.timezone);
    const join = groupBy === 'slotHour' ? sql`JOIN interviews i ON i.organization_id = h.organization_id AND i.id = h.interview_id` : sql``;
    const result = await sql<{ key: string | null; count: number }>`
      SELECT ${key} AS key, count(*)::int AS count
      FROM interview_history h ${join}
      WHERE h.organization_id = ${organizationId} AND h.action = 'cancelled'
        AND h.at >= ${window.from} AND h.at < ${window.to}
      GROUP BY 1`.execute(this.db);
    return result.rows.map((row) => ({ key: row.key, count: Number(row.count) }));
  }

  /** Everything of the summary but the interviewers' load, in two statements (history; freed slots and offers). */
  async summary(organizationId: string, window: AnalyticsWindow): Promise<SummaryRows> {
    // One pass over the window's history for the counts per (actor, action, notice class, party); the
    // figures that count interviews rather than events (an interview marked twice counts once) read only
    // their actions, through (organization_id, action, at) which carries interview_id.
    const inWindow = sql`organization_id = ${organizationId} AND at >= ${window.from} AND at < ${window.to}`;
    const history = await sql<{ figure: string; actor: string | null; action: string | null; noticeClass: string | null; party: string | null; n: number }>`
      SELECT 'events' AS figure, actor, action, notice_class,
             -- A no-show recorded before both sides could be marked named no party: it was the candidate's.
             CASE WHEN action = 'no_show' THEN coalesce(details->>'party', 'candidate')
                  WHEN action = 'late' THEN details->>'party' END AS party,
             count(*)::int AS n
      FROM interview_history WHERE ${inWindow}
      GROUP BY actor, action, notice_class, 5
      UNION ALL
      SELECT 'heldOrMissed', NULL, NULL, NULL, NULL, count(DISTINCT interview_id)::int
      FROM interview_history WHERE ${inWindow} AND action IN ('completed', 'ended_early', 'no_show')
      UNION ALL
      SELECT 'withTime', NULL, NULL, NULL, NULL, count(DISTINCT interview_id)::int
      FROM interview_history WHERE ${inWindow} AND action IN ('scheduled', 'accepted', 'rescheduled')
      UNION ALL
      SELECT 'noShows', NULL, NULL, NULL, coalesce(details->>'party', 'candidate'), count(DISTINCT interview_id)::int
      FROM interview_history WHERE ${inWindow} AND action = 'no_show'
      GROUP BY 5`.execute(this.db);
    const events = history.rows.filter((row) => row.figure === 'events');
    const sum = (match: (row: (typeof events)[number]) => boolean) => events.filter(match).reduce((total, row) => total + Number(row.n), 0);
    const single = (figure: string, party: string | null = null) =>
      Number(history.rows.find((row) => row.figure === figure && (party === null || row.party === party))?.n ?? 0);

    const backfill = await sql<{ freed: number; offered: number; filled: number; medianMinutes: number | null }>`
      SELECT
        (SELECT count(*)::int FROM freed_slots
          WHERE organization_id = ${organizationId} AND freed_at >= ${window.from} AND freed_at < ${window.to}) AS freed,
        (SELECT count(*)::int FROM waitlist_offers
          WHERE organization_id = ${organizationId} AND offered_at >= ${window.from} AND offered_at < ${window.to}) AS offered,
        f.filled, f.median_minutes
      FROM (
        SELECT count(*)::int AS filled,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM filled_at - freed_at) / 60.0)::float8 AS median_minutes
        FROM freed_slots
        WHERE organization_id = ${organizationId} AND status = 'filled'
          AND filled_at >= ${window.from} AND filled_at < ${window.to}
      ) f`.execute(this.db);
    const b = backfill.rows[0];

    const sides = Object.fromEntries(
      SIDES.map((side) => {
        const party = PARTY[side];
        const cancelledWith = (notice: string | null) => sum((r) => r.action === 'cancelled' && r.actor === side && r.noticeClass === notice);
        const cancelled = {
          ample: cancelledWith('ample'),
          adequate: cancelledWith('adequate'),
          late: cancelledWith('late'),
          missed: cancelledWith('missed'),
          none: cancelledWith(null),
          total: sum((r) => r.action === 'cancelled' && r.actor === side),
        };
        const figures: SideFigures = {
          scheduled: sum((r) => (r.action === 'scheduled' || r.action === 'accepted') && r.actor === side),
          cancelled,
          rescheduled: sum((r) => r.action === 'rescheduled' && r.actor === side),
          newTimesRequested: sum((r) => r.action === 'new_times_requested' && r.actor === side),
          noShows: single('noShows', party),
          noShowsExcused: side === 'candidate' ? sum((r) => r.action === 'no_show_excused') : 0,
          lateMarks: sum((r) => r.action === 'late' && r.party === party),
        };
        return [side, figures];
      }),
    ) as Record<Side, SideFigures>;

    return {
      sides,
      heldOrMissed: single('heldOrMissed'),
      withTime: single('withTime'),
      backfill: {
        freed: Number(b?.freed ?? 0),
        offered: Number(b?.offered ?? 0),
        filled: Number(b?.filled ?? 0),
        medianMinutesToFill: b?.medianMinutes === null || b?.medianMinutes === undefined ? null : Number(b.medianMinutes),
      },
      panel: {
        declines: sum((r) => r.action === 'panel_declined'),
        replacements: sum((r) => r.action === 'panel_replaced'),
        handedOver: sum((r) => r.action === 'panel_handed_over'),
      },
    };
  }

  /**
   * Interviews each member sits on (the panel as it stands) that start in [from, to): still scheduled,
   * or completed (including ended early). Members with none are left out.
   */
  async interviewerLoad(organizationId: string, window: Pick<AnalyticsWindow, 'from' | 'to'>): Promise<InterviewerLoadRow[]> {
    // Counted per member first, then named: the join to members sees one row per member, not per seat.
    const result = await sql<InterviewerLoadRow>`
      SELECT l.member_id, m.name, l.scheduled, l.completed
      FROM (
        SELECT p.member_id,
               count(*) FILTER (WHERE i.status = 'scheduled')::int AS scheduled,
               count(*) FILTER (WHERE i.status IN ('completed', 'ended_early'))::int AS completed
        FROM interviews i
        JOIN interview_panel p ON p.organization_id = i.organization_id AND p.interview_id = i.id
        WHERE i.organization_id = ${organizationId} AND i.start_at >= ${window.from} AND i.start_at < ${window.to}
          AND i.status IN ('scheduled', 'completed', 'ended_early')
        GROUP BY p.member_id
      ) l
      JOIN members m ON m.organization_id = ${organizationId} AND m.id = l.member_id
      ORDER BY l.scheduled + l.completed DESC, l.member_id`.execute(this.db);
    return result.rows.map((row) => ({ memberId: row.memberId, name: row.name, scheduled: Number(row.scheduled), completed: Number(row.completed) }));
  }
}
