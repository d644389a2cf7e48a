import { DomainError } from '../core/errors.ts';
import type { AnalyticsWindow, CancellationGrouping, InterviewerLoadRow, SeriesBucket, SideFigures } from '../store/index.ts';
import type { AppContext } from './context.ts';
import { FieldErrors } from './validation.ts';

export const CANCELLATION_GROUPINGS = ['noticeClass', 'reason', 'side', 'week', 'slotHour'] as const satisfies readonly CancellationGrouping[];

/** The longest window a report covers. */
export const MAX_WINDOW_DAYS = 400;
/** The window when none is given: the last 30 days up to now. */
export const DEFAULT_WINDOW_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;
const EARLIEST = Date.parse('2000-01-01T00:00:00Z');
const LATEST = Date.parse('2200-01-01T00:00:00Z');
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/i;

/** An ISO 8601 instant with an offset or Z, on a real calendar day, between the years 2000 and 2199; else null. */
export function parseInstant(value: string): Date | null {
  const match = ISO_INSTANT.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || ms < EARLIEST || ms >= LATEST) return null;
  return new Date(ms);
}

export interface AnalyticsQuery {
  from?: string | undefined;
  to?: string | undefined;
  timezone?: string | undefined;
}

/**
 * Reads a report window: `to` defaults to now and `from` to 30 days before `to`; the zone defaults to the
 * organization's. Every problem is reported at once (400 VALIDATION with field errors).
 */
async function readWindow(ctx: AppContext, organizationId: string, query: AnalyticsQuery, errors: FieldErrors): Promise<AnalyticsWindow> {
  const from = query.from === undefined ? undefined : parseInstant(query.from);
  const to = query.to === undefined ? undefined : parseInstant(query.to);
  const instantMessage = 'Not an instant: give an ISO 8601 time with an offset or Z between the years 2000 and 2199, such as 2026-12-01T00:00:00Z.';
  if (from === null) errors.add('from', instantMessage);
  if (to === null) errors.add('to', instantMessage);
  const zone = errors.zone('timezone', query.timezone);
  const end = to ?? (from ? new Date(Math.max(ctx.clock().getTime(), from.getTime())) : ctx.clock());
  const start = from ?? new Date(end.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS);
  if (from && to) {
    if (to.getTime() < from.getTime()) errors.add('to', 'The window must not end before it starts.');
    else if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY_MS) errors.add('to', `The window may cover at most ${MAX_WINDOW_DAYS} days.`);
  } else if (end.getTime() - start.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
    errors.add(from ? 'from' : 'to', `The window may cover at most ${MAX_WINDOW_DAYS} days; give both from and to.`);
  }
  errors.throwIfAny();
  let timezone = zone;
  if (timezone === undefined) {
    const organization = await ctx.store.organizations.get(organizationId);
    if (!organization) throw new DomainError('NOT_FOUND', 'No such organization.');
    timezone = organization.timezone;
  }
  return { from: start, to: end, timezone };
}

export interface CancellationsReport {
  from: Date;
  to: Date;
  timezone: string;
  groupBy: CancellationGrouping;
  groups: Array<{ key: string | null; count: number }>;
  total: number;
}

const NOTICE_ORDER = ['ample', 'adequate', 'late', 'missed'];
const INVALID_PARAMETER_VALUE = '22023';

/** Local weeks and hours in time order, notice classes from most to least notice, others by count; absent keys last. */
function orderGroups(groupBy: CancellationGrouping, groups: Array<{ key: string | null; count: number }>) {
  const rank = (key: string | null) => (key === null ? Number.POSITIVE_INFINITY : NOTICE_ORDER.indexOf(key));
  return [...groups].sort((a, b) => {
    if (a.key === null || b.key === null) return a.key === b.key ? 0 : a.key === null ? 1 : -1;
    if (groupBy === 'noticeClass') return rank(a.key) - rank(b.key) || (a.key < b.key ? -1 : 1);
    if (groupBy === 'week' || groupBy === 'slotHour') return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    return b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  });
}

/** Cancellations by either side whose history instant falls in [from, to), grouped. */
export async function cancellationsReport(
  ctx: AppContext,
  organizationId: string,
  query: AnalyticsQuery & { groupBy?: string | undefined },
): Promise<CancellationsReport> {
  const errors = new FieldErrors();
  const groupBy = (query.groupBy ?? 'noticeClass') as CancellationGrouping;
  if (!CANCELLATION_GROUPINGS.includes(groupBy)) errors.add('groupBy', `Group by one of ${CANCELLATION_GROUPINGS.join(', ')}.`);
  const window = await readWindow(ctx, organizationId, query, errors);
  const rows = await ctx.store.analytics.cancellations(organizationId, window, groupBy).catch((error: unknown) => {
    // A zone the JavaScript runtime knows but the database server's older zone data does not.
    if ((error as { code?: string }).code === INVALID_PARAMETER_VALUE) {
      throw new FieldErrors().add('timezone', `The database does not know the time zone "${window.timezone}"; use another name for it.`).throwIfAny();
    }
    throw error;
  });
  const groups = orderGroups(groupBy, rows);
  return { ...window, groupBy, groups, total: groups.reduce((sum, group) => sum + group.count, 0) };
}

export interface SideSummary extends SideFigures {
  /** (late + missed) / cancelled; null when this side cancelled nothing. */
  lateCancelRate: number | null;
  /** Interviews with this side's no-show / interviews that took place or were missed; null when none were. */
  noShowRate: number | null;
  /** This side's reschedules / interviews with a time set or moved in the window; null when none had. */
  reschedulesPerInterview: number | null;
}

export interface SummaryReport {
  from: Date;
  to: Date;
  timezone: string;
  candidate: SideSummary;
  employer: SideSummary;
  /** Interviews that took place or were missed (completed, ended early, no-show) in the window. */
  heldOrMissed: number;
  /** Interviews with a time set or moved in the window. */
  withTime: number;
  backfill: { freed: number; offered: number; filled: number; medianMinutesToFill: number | null };
  panel: { declines: number; replacements: number; handedOver: number };
  interviewers: InterviewerLoadRow[];
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** The two-sided summary of [from, to): both sides measured by the same rules. */
export async function summaryReport(ctx: AppContext, organizationId: string, query: AnalyticsQuery): Promise<SummaryReport> {
  const window = await readWindow(ctx, organizationId, query, new FieldErrors());
  const rows = await ctx.store.analytics.summary(organizationId, window);
  const interviewers = await ctx.store.analytics.interviewerLoad(organizationId, window);
  const side = (figures: SideFigures): SideSummary => ({
    ...figures,
    lateCancelRate: ratio(figures.cancelled.late + figures.cancelled.missed, figures.cancelled.total),
    noShowRate: ratio(figures.noShows, rows.heldOrMissed),
    reschedulesPerInterview: ratio(figures.rescheduled, rows.withTime),
  });
  return {
    ...window,
    candidate: side(rows.sides.candidate),
    employer: side(rows.sides.employer),
    heldOrMissed: rows.heldOrMissed,
    withTime: rows.withTime,
    backfill: rows.backfill,
    panel: rows.panel,
    interviewers,
  };
}

export const SERIES_BUCKETS = ['day', 'week'] as const satisfies readonly SeriesBucket[];

export interface SeriesSide {
  cancelled: number;
  /** Cancelled late or after the start (notice class late or missed). */
  lateCancelled: number;
  /** lateCancelled / cancelled; null when this side cancelled nothing in the bucket. */
  lateCancelRate: number | null;
  rescheduled: number;
  /** Interviews with this side's no-show (any interviewer, for the employer). */
  noShows: number;
  /** noShows / interviews that took place or were missed in the bucket; null when none were. */
  noShowRate: number | null;
}

export interface SeriesPoint {
  /** The local date the bucket starts on (weeks start on Monday), in the report's zone. */
  start: string;
  cancellations: {
    total: number;
    byNoticeClass: Record<'ample' | 'adequate' | 'late' | 'missed' | 'none', number>;
    bySide: Record<'candidate' | 'employer' | 'system', number>;
    /** Reason categories given, most frequent first; `none` when no reason was given. */
    byReason: Array<{ reason: string; count: number }>;
  };
  candidate: SeriesSide;
  employer: SeriesSide;
  heldOrMissed: number;
  backfill: { freed: number; filled: number; medianMinutesToFill: number | null };
}

export interface SeriesReport {
  from: Date;
  to: Date;
  timezone: string;
  bucket: SeriesBucket;
  points: SeriesPoint[];
}

/**
 * The summary's figures over time, per local day or week of [from, to): cancellations by notice class,
 * side and reason; each side's late cancellations and no-shows, with rates; backfill. Every bucket of the
 * window is listed, empty ones with zeros.
 */
export async function seriesReport(ctx: AppContext, organizationId: string, query: AnalyticsQuery & { bucket?: string | undefined }): Promise<SeriesReport> {
  const errors = new FieldErrors();
  const bucket = (query.bucket ?? 'week') as SeriesBucket;
  if (!SERIES_BUCKETS.includes(bucket)) errors.add('bucket', `Bucket by ${SERIES_BUCKETS.join(' or ')}.`);
  const window = await readWindow(ctx, organizationId, query, errors);
  const rows = await ctx.store.analyticsSeries.series(organizationId, window, bucket).catch((error: unknown) => {
    if ((error as { code?: string }).code === INVALID_PARAMETER_VALUE) {
      throw new FieldErrors().add('timezone', `The database does not know the time zone "${window.timezone}"; use another name for it.`).throwIfAny();
    }
    throw error;
  });
  const points = rows.buckets.map((start): SeriesPoint => {
    const events = rows.events.filter((row) => row.bucket === start);
    const count = (match: (row: (typeof events)[number]) => boolean) => events.filter(match).reduce((sum, row) => sum + row.count, 0);
    const cancelled = (row: (typeof events)[number]) => row.action === 'cancelled';
    const reasons = new Map<string, number>();
    for (const row of events.filter(cancelled)) reasons.set(row.reason ?? 'none', (reasons.get(row.reason ?? 'none') ?? 0) + row.count);
    const interviews = (figure: 'heldOrMissed' | 'noShow', party: string | null = null) =>
      rows.interviews.find((row) => row.bucket === start && row.figure === figure && (party === null || row.party === party))?.count ?? 0;
    const heldOrMissed = interviews('heldOrMissed');
    const side = (actor: 'candidate' | 'employer', party: string): SeriesSide => {
      const total = count((row) => cancelled(row) && row.actor === actor);
      const late = count((row) => cancelled(row) && row.actor === actor && (row.noticeClass === 'late' || row.noticeClass === 'missed'));
      const noShows = interviews('noShow', party);
      return {
        cancelled: total,
        lateCancelled: late,
        lateCancelRate: ratio(late, total),
        rescheduled: count((row) => row.action === 'rescheduled' && row.actor === actor),
        noShows,
        noShowRate: ratio(noShows, heldOrMissed),
      };
    };
    const backfill = rows.backfill.find((row) => row.bucket === start);
    return {
      start,
      cancellations: {
        total: count(cancelled),
        byNoticeClass: {
          ample: count((row) => cancelled(row) && row.noticeClass === 'ample'),
          adequate: count((row) => cancelled(row) && row.noticeClass === 'adequate'),
          late: count((row) => cancelled(row) && row.noticeClass === 'late'),
          missed: count((row) => cancelled(row) && row.noticeClass === 'missed'),
          none: count((row) => cancelled(row) && row.noticeClass === null),
        },
        bySide: {
          candidate: count((row) => cancelled(row) && row.actor === 'candidate'),
          employer: count((row) => cancelled(row) && row.actor === 'employer'),
          system: count((row) => cancelled(row) && row.actor === 'system'),
        },
        byReason: [...reasons].map(([reason, n]) => ({ reason, count: n })).sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1)),
      },
      candidate: side('candidate', 'candidate'),
      employer: side('employer', 'interviewer'),
      heldOrMissed,
      backfill: backfill ? { freed: backfill.freed, filled: backfill.filled, medianMinutesToFill: backfill.medianMinutesToFill } : { freed: 0, filled: 0, medianMinutesToFill: null },
    };
  });
  return { ...window, bucket, points };
}
