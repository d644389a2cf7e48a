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
import { DomainError } from '../../core/errors.ts';
import { INTERVIEW_STATUSES } from '../../core/types.ts';
import type { ServerEnv } from '../env.ts';
import { IdParam, IdempotencyHeader, Instant, Uuid, problems } from '../schemas/common.ts';
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
    return c.json(interviewJson(created.interview, { candidateLink: created.candidateLink }), 201);
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
    const interview = await rescheduleInterviewByEmployer(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id, {
      start: new Date(body.start),
      reason: body.reason ?? null,
    });
    return c.json(interviewJson(interview), 200);
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
