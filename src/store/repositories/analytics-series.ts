import { sql } from 'kysely';
import type { Executor } from '../executor.ts';
import type { AnalyticsWindow } from './analytics.ts';

export type SeriesBucket = 'day' | 'week';

/** One history count of a bucket: events of one kind, by who acted, with which notice, reason and absent party. */
export interface SeriesEventRow {
  bucket: string;
  actor: string;
  action: string;
  noticeClass: string | null;
  reason: string | null;
  /** For no-shows: the absent party (candidate or interviewer). */
  party: string | null;
  count: number;
}

export interface SeriesRows {
  /** Every bucket of the window, in order, as the local date it starts on (YYYY-MM-DD; weeks start on Monday). */
  buckets: string[];
  events: SeriesEventRow[];
  /** Interviews that took place or were missed, per bucket; and those with a no-show, per absent party. */
  interviews: Array<{ bucket: string; figure: 'heldOrMissed' | 'noShow'; party: string | null; count: number }>;
  backfill: Array<{ bucket: string; freed: number; filled: number; medianMinutesToFill: number | null }>;
}

/**
 * The analytics summary's figures per local day or week, read with the same rules as the summary: history
 * events by the instant they were recorded, freed slots by when they were freed and filled.
 */
export class AnalyticsSeriesRepository {
  constructor(private readonly db: Executor) {}

  async series(organizationId: string, window: AnalyticsWindow, bucket: SeriesBucket): Promise<SeriesRows> {
    const zone = window.timezone;
    // date_trunc on the wall-clock time, so a DST change inside a bucket moves nothing.
    const keyOf = (column: ReturnType<typeof sql.ref>) => sql<string>`to_char(date_trunc(${bucket}, ${column} AT TIME ZONE ${zone}), 'YYYY-MM-DD')`;
    const buckets = await sql<{ key: string }>`
      SELECT to_char(d, 'YYYY-MM-DD') AS key
      FROM generate_series(
        date_trunc(${bucket}, ${window.from}::timestamptz AT TIME ZONE ${zone}),
        (${window.to}::timestamptz - interval '1 microsecond') AT TIME ZONE ${zone},
        ${`1 ${bucket}`}::interval) d
      ORDER BY d`.execute(this.db);
    const inWindow = sql`organization_id = ${organizationId} AND at >= ${window.from} AND at < ${window.to}`;
    const events = await sql<SeriesEventRow>`
      SELECT ${keyOf(sql.ref('at'))} AS bucket, actor, action, notice_class, reason,
             -- A no-show recorded before both sides could be marked named no party: it was the candidate's.
             CASE WHEN action = 'no_show' THEN coalesce(details->>'party', 'candidate') END AS party,
             count(*)::int AS count
      FROM interview_history
      WHERE ${inWindow} AND action IN ('cancelled', 'no_show', 'rescheduled')
      GROUP BY 1, 2, 3, 4, 5, 6`.execute(this.db);
    const interviews = await sql<{ bucket: string; figure: 'heldOrMissed' | 'noShow'; party: string | null; count: number }>`
      SELECT ${keyOf(sql.ref('at'))} AS bucket, 'heldOrMissed' AS figure, NULL AS party, count(DISTINCT interview_id)::int AS count
      FROM interview_history WHERE ${inWindow} AND action IN ('completed', 'ended_early', 'no_show')
      GROUP BY 1
      UNION ALL
      SELECT ${keyOf(sql.ref('at'))}, 'noShow', coalesce(details->>'party', 'candidate'), count(DISTINCT interview_id)::int
      FROM interview_history WHERE ${inWindow} AND action = 'no_show'
      GROUP BY 1, 3`.execute(this.db);
    const backfill = await sql<{ bucket: string; freed: number; filled: number; medianMinutes: number | null }>`
      SELECT coalesce(a.bucket, b.bucket) AS bucket, coalesce(a.freed, 0)::int AS freed, coalesce(b.filled, 0)::int AS filled, b.median_minutes
      FROM (
        SELECT ${keyOf(sql.ref('freed_at'))} AS bucket, count(*) AS freed FROM freed_slots
        WHERE organization_id = ${organizationId} AND freed_at >= ${window.from} AND freed_at < ${window.to}
        GROUP BY 1
      ) a
      FULL JOIN (
        SELECT ${keyOf(sql.ref('filled_at'))} AS bucket, count(*) AS filled,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM filled_at - freed_at) / 60.0)::float8 AS median_minutes
        FROM freed_slots
        WHERE organization_id = ${organizationId} AND status = 'filled' AND filled_at >= ${window.from} AND filled_at < ${window.to}
        GROUP BY 1
      ) b ON a.bucket = b.bucket`.execute(this.db);
    return {
      buckets: buckets.rows.map((row) => row.key),
      events: events.rows.map((row) => ({ ...row, count: Number(row.count) })),
      interviews: interviews.rows.map((row) => ({ ...row, count: Number(row.count) })),
      backfill: backfill.rows.map((row) => ({
        bucket: row.bucket,
        freed: Number(row.freed),
        filled: Number(row.filled),
        medianMinutesToFill: row.medianMinutes === null ? null : Number(row.medianMinutes),
      })),
    };
  }
}
