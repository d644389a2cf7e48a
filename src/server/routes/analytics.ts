import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { CANCELLATION_GROUPINGS, DEFAULT_WINDOW_DAYS, MAX_WINDOW_DAYS, SERIES_BUCKETS, cancellationsReport, seriesReport, summaryReport } from '../../app/analytics.ts';
import type { SideSummary } from '../../app/analytics.ts';
import type { ServerEnv } from '../env.ts';
import { problems } from '../schemas/common.ts';
import { jsonContent, security } from '../schemas/route-helpers.ts';

// Read as text and checked by the use case, so a bad instant, a reversed or too long window and an unknown
// zone are all reported in one answer.
const WindowQuery = z.object({
  from: z.string().max(64).optional().openapi({
    format: 'date-time', example: '2026-11-01T00:00:00Z',
    description: `Start of the window (inclusive): history instants at or after it count. Defaults to ${DEFAULT_WINDOW_DAYS} days before \`to\`.`,
  }),
  to: z.string().max(64).optional().openapi({
    format: 'date-time', example: '2026-12-01T00:00:00Z',
    description: `End of the window (exclusive); defaults to now. At most ${MAX_WINDOW_DAYS} days after \`from\`.`,
  }),
  timezone: z.string().max(64).optional().openapi({
    example: 'Europe/London', description: "IANA zone that weeks and hours are read in; defaults to the organization's.",
  }),
});

const CancellationsQuery = WindowQuery.extend({
  groupBy: z.string().max(32).optional().openapi({
    enum: [...CANCELLATION_GROUPINGS],
    description:
      'noticeClass (ample, adequate, late, missed; null: nothing was scheduled), reason (null: none given), side (candidate, ' +
      'employer, system), week (the Monday the local week starts, YYYY-MM-DD), slotHour (local hour the interview was to start, 00–23). Default noticeClass.',
  }),
});

const Window = { from: z.string(), to: z.string(), timezone: z.string() };

const CancellationsSchema = z
  .object({
    ...Window,
    groupBy: z.enum(CANCELLATION_GROUPINGS),
    groups: z.array(z.object({ key: z.string().nullable(), count: z.number().int() })),
    total: z.number().int(),
  })
  .openapi('CancellationAnalytics');

const Rate = z.number().nullable();
const SideSchema = z
  .object({
    scheduled: z.number().int().openapi({ description: 'Times set by this side (booked by the employer, picked by the candidate).' }),
    cancelled: z.object({
      ample: z.number().int(), adequate: z.number().int(), late: z.number().int(), missed: z.number().int(),
      none: z.number().int().openapi({ description: 'Cancelled before any time was set.' }), total: z.number().int(),
    }),
    lateCancelRate: Rate.openapi({ description: '(late + missed) / cancelled; null when nothing was cancelled.' }),
    rescheduled: z.number().int(),
    newTimesRequested: z.number().int(),
    reschedulesPerInterview: Rate.openapi({ description: 'This side\'s reschedules / interviews with a time set or moved in the window.' }),
    noShows: z.number().int().openapi({ description: "Interviews with this side's no-show (any interviewer, for the employer)." }),
    noShowsExcused: z.number().int().openapi({ description: 'Candidate no-shows later recorded as an emergency.' }),
    noShowRate: Rate.openapi({ description: 'noShows / interviews that took place or were missed in the window.' }),
    lateMarks: z.number().int(),
  })
  .openapi('SideAnalytics');

const SummarySchema = z
  .object({
    ...Window,
    candidate: SideSchema,
    employer: SideSchema,
    heldOrMissed: z.number().int().openapi({ description: 'Interviews completed, ended early or missed in the window.' }),
    withTime: z.number().int().openapi({ description: 'Interviews with a time set or moved in the window.' }),
    backfill: z.object({
      freed: z.number().int(), offered: z.number().int(), filled: z.number().int(),
      medianMinutesToFill: z.number().nullable().openapi({ description: 'Median minutes from freeing to filling, over slots filled in the window.' }),
    }),
    panel: z.object({ declines: z.number().int(), replacements: z.number().int(), handedOver: z.number().int() }),
    interviewers: z
      .array(z.object({ memberId: z.string(), name: z.string(), scheduled: z.number().int(), completed: z.number().int() }))
      .openapi({ description: 'Per member, interviews on their panel starting in the window: still scheduled, or completed (including ended early).' }),
  })
  .openapi('AnalyticsSummary');

const cancellationsRoute = createRoute({
  method: 'get', path: '/api/v1/analytics/cancellations', operationId: 'getCancellationAnalytics', tags: ['analytics'], security,
  summary: 'Cancellations by either side, grouped',
  description: 'Counts the cancellations recorded in the window [from, to), whoever cancelled.',
  request: { query: CancellationsQuery },
  responses: { 200: { description: 'Groups and their total', content: jsonContent(CancellationsSchema) }, ...problems(400, 401) },
});

const summaryRoute = createRoute({
  method: 'get', path: '/api/v1/analytics/summary', operationId: 'getAnalyticsSummary', tags: ['analytics'], security,
  summary: 'Both sides measured alike: cancellations, no-shows, lateness, reschedules; backfill, panel changes and interviewer load',
  description: 'Every figure counts events recorded in the window [from, to); interviewer load counts interviews starting in it.',
  request: { query: WindowQuery },
  responses: { 200: { description: 'The summary', content: jsonContent(SummarySchema) }, ...problems(400, 401) },
});

const SeriesQuery = WindowQuery.extend({
  bucket: z.string().max(16).optional().openapi({
    enum: [...SERIES_BUCKETS],
    description: 'day, or week (starting on Monday), both local to the zone. Default week.',
  }),
});

const Count = z.number().int();
const SeriesSideSchema = z.object({
  cancelled: Count,
  lateCancelled: Count.openapi({ description: 'Cancelled with late or missed notice.' }),
  lateCancelRate: Rate.openapi({ description: 'lateCancelled / cancelled; null when nothing was cancelled.' }),
  rescheduled: Count,
  noShows: Count.openapi({ description: "Interviews with this side's no-show (any interviewer, for the employer)." }),
  noShowRate: Rate.openapi({ description: 'noShows / heldOrMissed; null when no interview took place or was missed.' }),
});
const SeriesSchema = z
  .object({
    ...Window,
    bucket: z.enum(SERIES_BUCKETS),
    points: z.array(
      z.object({
        start: z.string().openapi({ description: 'The local date the bucket starts on (YYYY-MM-DD).', example: '2026-11-30' }),
        cancellations: z.object({
          total: Count,
          byNoticeClass: z.object({ ample: Count, adequate: Count, late: Count, missed: Count, none: Count.openapi({ description: 'Cancelled before any time was set.' }) }),
          bySide: z.object({ candidate: Count, employer: Count, system: Count }),
          byReason: z.array(z.object({ reason: z.string().openapi({ description: 'A reason category; none when none was given.' }), count: Count })),
        }),
        candidate: SeriesSideSchema,
        employer: SeriesSideSchema,
        heldOrMissed: Count.openapi({ description: 'Interviews completed, ended early or missed in the bucket.' }),
        backfill: z.object({
          freed: Count.openapi({ description: 'Slots freed in the bucket.' }),
          filled: Count.openapi({ description: 'Freed slots filled in the bucket.' }),
          medianMinutesToFill: z.number().nullable().openapi({ description: 'Median minutes from freeing to filling, over slots filled in the bucket.' }),
        }),
      }),
    ),
  })
  .openapi('AnalyticsSeries');

const seriesRoute = createRoute({
  method: 'get', path: '/api/v1/analytics/series', operationId: 'getAnalyticsSeries', tags: ['analytics'], security,
  summary: "Over time, per local day or week: cancellations by notice, side and reason; each side's late-cancel and no-show rates; backfill",
  description: 'Every bucket of the window [from, to) is listed, in order, empty ones with zeros. Events count in the bucket they were recorded in, by the same rules as the summary.',
  request: { query: SeriesQuery },
  responses: { 200: { description: 'The series', content: jsonContent(SeriesSchema) }, ...problems(400, 401) },
});

const windowJson = (report: { from: Date; to: Date; timezone: string }) => ({
  from: report.from.toISOString(), to: report.to.toISOString(), timezone: report.timezone,
});

const sideJson = (side: SideSummary) => ({ ...side, cancelled: { ...side.cancelled } });

/** Cancellations and the two-sided summary, computed in SQL over the history. */
export function registerAnalyticsRoutes(app: OpenAPIHono<ServerEnv>): void {
  app.openapi(cancellationsRoute, async (c) => {
    const report = await cancellationsReport(c.get('ctx'), c.get('organizationId'), c.req.valid('query'));
    return c.json({ ...windowJson(report), groupBy: report.groupBy, groups: report.groups, total: report.total }, 200);
  });
  app.openapi(seriesRoute, async (c) => {
    const report = await seriesReport(c.get('ctx'), c.get('organizationId'), c.req.valid('query'));
    return c.json({ ...windowJson(report), bucket: report.bucket, points: report.points }, 200);
  });
  app.openapi(summaryRoute, async (c) => {
    const report = await summaryReport(c.get('ctx'), c.get('organizationId'), c.req.valid('query'));
    return c.json(
      {
        ...windowJson(report),
        candidate: sideJson(report.candidate),
        employer: sideJson(report.employer),
        heldOrMissed: report.heldOrMissed,
        withTime: report.withTime,
        backfill: report.backfill,
        panel: report.panel,
        interviewers: report.interviewers,
      },
      200,
    );
  });
}
