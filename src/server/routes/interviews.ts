import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { markLate } from '../../app/interviews/attendance.ts';
import { createInterview } from '../../app/interviews/create-interview.ts';
import {
  cancelInterviewByEmployer,
  completeInterview,
  endInterviewEarly,
  markNoShow,
  rescheduleInterviewByEmployer,
} from '../../app/interviews/employer-actions.ts';
import { getInterviewPage, listLabelledInterviews } from '../../app/interviews/dashboard-views.ts';
import { interviewCalendar } from '../../app/interviews/queries.ts';
import { rescheduleOptions, rescheduleWindowStart } from '../../app/interviews/reschedule-options.ts';
import { previewEmployerCancel, previewNoShow } from '../../app/interviews/action-previews.ts';
import { DomainError } from '../../core/errors.ts';
import { INTERVIEW_STATUSES } from '../../core/types.ts';
import type { ServerEnv } from '../env.ts';
import { IdParam, IdempotencyHeader, Instant, Uuid, problems } from '../schemas/common.ts';
import { NoticeClassSchema } from '../schemas/candidate.ts';
import { EmployerCancelSchema, EndEarlySchema, InterviewInputSchema, InterviewSchema, NoShowSchema, RescheduleSchema, interviewJson } from '../schemas/interview.ts';
import { Limit, NextCursor, cursorParam, pageOf, pageRequest } from '../schemas/pagination.ts';
import { jsonBody, jsonContent, security } from '../schemas/route-helpers.ts';

const tags = ['interviews'];
const interviewContent = jsonContent(InterviewSchema);

const createInterviewRoute = createRoute({
  method: 'post', path: '/api/v1/interviews', operationId: 'createInterview', tags, security,
  summary: 'Book an interview at once (start) or invite the candidate to pick from offered times',
  request: jsonBody(InterviewInputSchema),
  responses: { 201: { description: 'Created', content: interviewContent }, ...problems(400, 401, 404, 409, 422) },
});

const listInterviewsRoute = createRoute({
  method: 'get', path: '/api/v1/interviews', operationId: 'listInterviews', tags, security,
  summary: 'Interviews by start time (those without a time last), filtered and a page at a time',
  description: 'Each with its candidate, opening and panel by name, so a week per interviewer (memberId) or per opening draws from one request.',
  request: {
    query: z.object({
      status: z.enum(INTERVIEW_STATUSES).optional(),
      openingId: Uuid.optional(),
      candidateId: Uuid.optional(),
      memberId: Uuid.optional().openapi({ description: 'Only interviews with this member on the panel.' }),
      from: Instant.optional().openapi({ description: 'Interviews ending after this instant.' }),
      to: Instant.optional().openapi({ description: 'Interviews starting before this instant; not before from.' }),
      limit: Limit,
      cursor: cursorParam(),
    }),
  },
  responses: {
    200: { description: 'A page of interviews', content: jsonContent(z.object({ interviews: z.array(InterviewSchema), nextCursor: NextCursor })) },
    ...problems(400, 401),
  },
});

const getInterviewRoute = createRoute({
  method: 'get', path: '/api/v1/interviews/{id}', operationId: 'getInterview', tags, security, summary: 'One interview with its history',
  request: { params: IdParam },
  responses: { 200: { description: 'The interview', content: interviewContent }, ...problems(400, 401, 404) },
});

/** One person an action tells, and with which email: the same shape for a move and for a preview. */
const ToldPersonSchema = z
  .object({
    role: z.enum(['candidate', 'panelist', 'coordinator', 'hr']),
    name: z.string(),
    address: z.string(),
    kind: z.string(),
    calendar: z.enum(['REQUEST', 'CANCEL']).nullable(),
    newTimes: z
      .array(z.object({ start: Instant, end: Instant }))
      .optional()
      .openapi({ description: 'New times this email offers, with a link to choose one (a fresh invitation holds them); absent when it offers none.' }),
  })
  .openapi('ToldPerson');

const EmployerNoticeSchema = z
  .object({
    class: NoticeClassSchema,
    hoursUntilStart: z.number(),
    callFirst: z.boolean().openapi({ description: "Late notice and the candidate's number on file: call them before sending." }),
    phone: z.string().nullable().openapi({ description: "The candidate's number, when a call is advised." }),
    text: z.string().openapi({ example: 'Ada Lovelace gets only 9 hours of notice, less than the 24 hours this organization asks for: call them at +15550100 first, then send this.' }),
  })
  .openapi('EmployerNotice', { description: "The notice a change gives the candidate, by the organization's thresholds, and what to do about it: guidance, never a refusal." });

const RescheduleOptionsSchema = z
  .object({
    candidate: z.object({ name: z.string(), timezone: z.string(), zoneLabel: z.string().openapi({ example: 'Berlin time' }) }),
    durationMinutes: z.number().int(),
    options: z.array(
      z.object({
        start: Instant,
        end: Instant,
        withinCandidateHours: z.boolean().openapi({ description: "Inside the candidate's reasonable hours (theirs if stated, else the organization's default), in their zone." }),
        candidateBusy: z.boolean().openapi({ description: 'The candidate has another interview at that time.' }),
        candidateLocal: z.string().openapi({ description: 'The start as the candidate reads it.', example: 'Monday, December 14 at 4:00 PM CET' }),
        notice: NoticeClassSchema.openapi({ description: "How much notice the candidate would have of this new time, by the organization's thresholds." }),
      }),
    ),
    notice: EmployerNoticeSchema.nullable().openapi({ description: 'The notice a move gives the candidate of the change to the time they hold (null when it has none yet).' }),
    told: z.array(ToldPersonSchema).openapi({ description: 'Everyone a move tells, and with which email: planned by the same code that sends them.' }),
  })
  .openapi('RescheduleOptions');

const DAY_MS = 86_400_000;
const DEFAULT_OPTION_DAYS = 14;

const rescheduleOptionsRoute = createRoute({
  method: 'get', path: '/api/v1/interviews/{id}/reschedule-options', operationId: 'getRescheduleOptions', tags, security,
  summary: "Times the whole panel is free to move the interview to, marked against the candidate's hours, and who a move tells",
  description: `The panel's own booking of this interview does not block; past times are left out. The window defaults to the next ${DEFAULT_OPTION_DAYS} days. 409 when the interview cannot be moved.`,
  request: {
    params: IdParam,
    query: z.object({
      from: Instant.optional().openapi({ description: 'Start of the window; one with seconds is rounded up to the step. Defaults to now rounded up to the step.' }),
      to: Instant.optional().openapi({ description: `End of the window; defaults to ${DEFAULT_OPTION_DAYS} days after from. At most 92 days.` }),
      stepMinutes: z.coerce.number().int().min(5).max(1440).optional().openapi({ description: 'Grid of start times, from the window start; default 30.' }),
    }),
  },
  responses: { 200: { description: 'The options', content: jsonContent(RescheduleOptionsSchema) }, ...problems(400, 401, 404, 409) },
});

const ToldSchema = z
  .object({
    told: z.array(ToldPersonSchema).openapi({ description: 'Everyone the action would tell, and with which email: planned by the same code that sends them.' }),
    notice: EmployerNoticeSchema.nullable()
      .optional()
      .openapi({ description: 'A cancellation only: the notice it gives the candidate (null for an invitation, which holds no time).' }),
  })
  .openapi('ActionPreview');

function previewRoute<T extends z.ZodType>(path: string, operationId: string, summary: string, schema: T) {
  return createRoute({
    method: 'post', path: `/api/v1/interviews/{id}/${path}/preview`, operationId, tags, security, summary,
    description: 'Nothing is changed or sent. Refused (409, 422) exactly as the action itself would be.',
    request: { params: IdParam, ...jsonBody(schema) },
    responses: { 200: { description: 'Who would be told', content: jsonContent(ToldSchema) }, ...problems(400, 401, 404, 409, 422) },
  });
}

const cancelPreviewRoute = previewRoute('cancel', 'previewCancelInterview', 'Who an employer cancellation would tell, before confirming', EmployerCancelSchema);
const noShowPreviewRoute = previewRoute('no-show', 'previewNoShow', 'Who marking a no-show would tell, before confirming', NoShowSchema);

const calendarRoute = createRoute({
  method: 'get', path: '/api/v1/interviews/{id}/calendar.ics', operationId: 'getInterviewCalendar', tags, security, summary: 'The current iCalendar object',
  request: { params: IdParam },
  responses: {
    200: { description: 'text/calendar', content: { 'text/calendar': { schema: z.string() } } },
    ...problems(400, 401, 404),
  },
});

const actionResponses = { 200: { description: 'The updated interview', content: interviewContent }, ...problems(400, 401, 404, 409, 422) };

function action<T extends z.ZodType>(path: string, operationId: string, summary: string, schema: T) {
  return createRoute({
    method: 'post', path: `/api/v1/interviews/{id}/${path}`, operationId, tags, security, summary,
    request: { params: IdParam, ...jsonBody(schema) },
    responses: actionResponses,
  });
}

const cancelRoute = action('cancel', 'cancelInterview', 'Cancel (employer side): the candidate gets an apology and every calendar is cleared', EmployerCancelSchema);
const rescheduleRoute = action('reschedule', 'rescheduleInterview', 'Move to another time: same id and uid, sequence + 1; 409 SLOT_TAKEN with nothing changed', RescheduleSchema);
const noShowRoute = action('no-show', 'recordNoShow', 'Record a no-show by either party', NoShowSchema);
const lateRoute = action(
  'late',
  'recordLateness',
  'Record that the candidate or a panelist was late (minutes): counted for either side alike',
  z.object({ party: z.enum(['candidate', 'interviewer']), memberId: Uuid.nullable().optional(), minutes: z.number().int().min(1).max(240) }).strict().openapi('Lateness'),
);
const completeRoute = createRoute({
  method: 'post', path: '/api/v1/interviews/{id}/complete', operationId: 'completeInterview', tags, security, summary: 'Mark as completed',
  request: { params: IdParam, headers: IdempotencyHeader },
  responses: actionResponses,
});
const endEarlyRoute = action('end-early', 'endInterviewEarly', 'Record that the interview ended early, by whom and why', EndEarlySchema);

export function registerInterviewRoutes(app: OpenAPIHono<ServerEnv>): void {
  app.openapi(createInterviewRoute, async (c) => {
    const body = c.req.valid('json');
    const created = await createInterview(c.get('ctx'), c.get('organizationId'), {
      openingId: body.openingId,
      candidateId: body.candidateId,
      title: body.title,
      durationMinutes: body.durationMinutes,
      panel: body.panel,
      location: body.location ?? null,
      videoUrl: body.videoUrl ?? null,
      ...(body.start ? { start: new Date(body.start) } : {}),
      ...(body.offer
        ? {
            offer: {
              ...(body.offer.from ? { from: new Date(body.offer.from) } : {}),
              ...(body.offer.to ? { to: new Date(body.offer.to) } : {}),
              ...(body.offer.count ? { count: body.offer.count } : {}),
            },
          }
        : {}),
    });
    return c.json(
      { ...interviewJson(created.interview, { candidateLink: created.candidateLink }), ...(created.withinCandidateHours !== null ? { withinCandidateHours: created.withinCandidateHours } : {}) },
      201,
    );
  });

  app.openapi(listInterviewsRoute, async (c) => {
    const q = c.req.valid('query');
    if (q.from && q.to && Date.parse(q.to) < Date.parse(q.from)) {
      throw new DomainError('VALIDATION', 'The request has invalid fields.', { errors: [{ path: 'to', message: 'The window must not end before it starts.' }] });
    }
    const interviews = await listLabelledInterviews(c.get('ctx'), c.get('organizationId'), {
      ...(q.status ? { status: q.status } : {}),
      ...(q.openingId ? { openingId: q.openingId } : {}),
      ...(q.candidateId ? { candidateId: q.candidateId } : {}),
      ...(q.memberId ? { memberId: q.memberId } : {}),
      ...(q.from ? { from: new Date(q.from) } : {}),
      ...(q.to ? { to: new Date(q.to) } : {}),
      ...pageRequest(q),
    });
    const page = pageOf(interviews, q.limit, (i) => ({ id: i.interview.id }));
    return c.json({ interviews: page.items.map((i) => interviewJson(i.interview, { labels: i.labels })), nextCursor: page.nextCursor }, 200);
  });

  app.openapi(getInterviewRoute, async (c) => {
    const { interview, history, labels, seats } = await getInterviewPage(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id);
    return c.json(interviewJson(interview, { history, labels, seats }), 200);
  });

  app.openapi(rescheduleOptionsRoute, async (c) => {
    const q = c.req.valid('query');
    const from = rescheduleWindowStart(c.get('ctx').clock(), q.from ? new Date(q.from) : undefined, q.stepMinutes);
    const to = q.to ? new Date(q.to) : new Date(from.getTime() + DEFAULT_OPTION_DAYS * DAY_MS);
    const result = await rescheduleOptions(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id, { from, to, ...(q.stepMinutes ? { stepMinutes: q.stepMinutes } : {}) });
    return c.json(
      {
        candidate: result.candidate,
        durationMinutes: result.durationMinutes,
        options: result.options.map((o) => ({ ...o, start: o.start.toISOString(), end: o.end.toISOString() })),
        told: result.told,
        notice: result.notice,
      },
      200,
    );
  });

  app.openapi(cancelPreviewRoute, async (c) => {
    const { told, notice } = await previewEmployerCancel(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ told, notice }, 200);
  });

  app.openapi(noShowPreviewRoute, async (c) => {
    const told = await previewNoShow(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ told }, 200);
  });

  app.openapi(calendarRoute, async (c) => {
    const ics = await interviewCalendar(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id);
    if (!ics) throw new DomainError('NOT_FOUND', 'The interview has no time yet, so there is no calendar event.');
    return c.body(ics, 200, { 'content-type': 'text/calendar; charset=utf-8' });
  });

  app.openapi(cancelRoute, async (c) => {
    const body = c.req.valid('json');
    const interview = await cancelInterviewByEmployer(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id, body);
    return c.json(interviewJson(interview), 200);
  });

  app.openapi(rescheduleRoute, async (c) => {
    const body = c.req.valid('json');
    const moved = await rescheduleInterviewByEmployer(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id, {
      start: new Date(body.start),
      reason: body.reason ?? null,
    });
    return c.json({ ...interviewJson(moved.interview), withinCandidateHours: moved.withinCandidateHours }, 200);
  });

  app.openapi(noShowRoute, async (c) => {
    const interview = await markNoShow(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id, c.req.valid('json'));
    return c.json(interviewJson(interview), 200);
  });

  app.openapi(lateRoute, async (c) => {
    const interview = await markLate(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id, c.req.valid('json'));
    return c.json(interviewJson(interview), 200);
  });

  app.openapi(completeRoute, async (c) => {
    const interview = await completeInterview(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id);
    return c.json(interviewJson(interview), 200);
  });

  app.openapi(endEarlyRoute, async (c) => {
    const interview = await endInterviewEarly(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id, c.req.valid('json'));
    return c.json(interviewJson(interview), 200);
  });
}
