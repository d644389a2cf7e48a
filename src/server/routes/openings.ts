import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createCandidate, createOpening, getCandidate, getOpening, listCandidates, listOpenings } from '../../app/openings.ts';
import type { ServerEnv } from '../env.ts';
import { IdParam, problems } from '../schemas/common.ts';
import { INTERVIEW_STATUSES } from '../../core/types.ts';
import type { Opening } from '../../core/types.ts';
import type { OpeningActivity } from '../../store/repositories/openings.ts';
import { CandidateInputSchema, CandidateSchema, OpeningInputSchema, OpeningSchema, candidateJson, openingJson } from '../schemas/interview.ts';
import { Limit, NextCursor, cursorParam, pageOf, pageRequest } from '../schemas/pagination.ts';
import { jsonBody, jsonContent, security } from '../schemas/route-helpers.ts';

const PageQuery = z.object({ limit: Limit, cursor: cursorParam() });

const ActivitySchema = z
  .object({
    interviews: z
      .object(Object.fromEntries(INTERVIEW_STATUSES.map((status) => [status, z.number().int()])) as Record<(typeof INTERVIEW_STATUSES)[number], z.ZodNumber>)
      .openapi({ description: 'The opening\'s interviews and invitations, counted by status.' }),
    waiting: z.number().int().openapi({ description: 'Candidates on its waitlist still waiting for freed time.' }),
  })
  .openapi('OpeningActivity');

const OpeningWithActivitySchema = OpeningSchema.extend({ activity: ActivitySchema }).openapi('OpeningWithActivity');

function openingWithActivityJson(opening: Opening, activity: OpeningActivity | undefined) {
  const interviews = Object.fromEntries(INTERVIEW_STATUSES.map((status) => [status, activity?.interviews[status] ?? 0])) as Record<(typeof INTERVIEW_STATUSES)[number], number>;
  return { ...openingJson(opening), activity: { interviews, waiting: activity?.waiting ?? 0 } };
}

const createOpeningRoute = createRoute({
  method: 'post', path: '/api/v1/openings', operationId: 'createOpening', tags: ['openings'], summary: 'Open a position', security,
  request: jsonBody(OpeningInputSchema),
  responses: { 201: { description: 'Created', content: jsonContent(OpeningSchema) }, ...problems(400, 401) },
});
const listOpeningsRoute = createRoute({
  method: 'get', path: '/api/v1/openings', operationId: 'listOpenings', tags: ['openings'], summary: 'Openings, in the order they were created', security,
  request: { query: PageQuery },
  responses: {
    200: { description: 'A page of openings, each with its activity', content: jsonContent(z.object({ openings: z.array(OpeningWithActivitySchema), nextCursor: NextCursor })) },
    ...problems(400, 401),
  },
});
const getOpeningRoute = createRoute({
  method: 'get', path: '/api/v1/openings/{id}', operationId: 'getOpening', tags: ['openings'], summary: 'One opening', security,
  request: { params: IdParam },
  responses: { 200: { description: 'The opening with its activity', content: jsonContent(OpeningWithActivitySchema) }, ...problems(400, 401, 404) },
});
const createCandidateRoute = createRoute({
  method: 'post', path: '/api/v1/candidates', operationId: 'createCandidate', tags: ['candidates'], summary: 'Add a candidate (one per email in an organization)', security,
  request: jsonBody(CandidateInputSchema),
  responses: { 201: { description: 'Created', content: jsonContent(CandidateSchema) }, ...problems(400, 401, 409) },
});
const listCandidatesRoute = createRoute({
  method: 'get', path: '/api/v1/candidates', operationId: 'listCandidates', tags: ['candidates'], summary: 'Candidates, in the order they were added', security,
  request: { query: PageQuery },
  responses: {
    200: { description: 'A page of candidates', content: jsonContent(z.object({ candidates: z.array(CandidateSchema), nextCursor: NextCursor })) },
    ...problems(400, 401),
  },
});
const getCandidateRoute = createRoute({
  method: 'get', path: '/api/v1/candidates/{id}', operationId: 'getCandidate', tags: ['candidates'], summary: 'One candidate', security,
  request: { params: IdParam },
  responses: { 200: { description: 'The candidate', content: jsonContent(CandidateSchema) }, ...problems(400, 401, 404) },
});

export function registerOpeningRoutes(app: OpenAPIHono<ServerEnv>): void {
  app.openapi(createOpeningRoute, async (c) =>
    c.json(openingJson(await createOpening(c.get('ctx'), c.get('organizationId'), c.req.valid('json'))), 201),
  );
  app.openapi(listOpeningsRoute, async (c) => {
    const query = c.req.valid('query');
    const page = pageOf(await listOpenings(c.get('ctx'), c.get('organizationId'), pageRequest(query)), query.limit, (o) => ({ id: o.id }));
    const activity = await c.get('ctx').store.openings.activity(c.get('organizationId'), page.items.map((o) => o.id));
    return c.json({ openings: page.items.map((o) => openingWithActivityJson(o, activity.get(o.id))), nextCursor: page.nextCursor }, 200);
  });
  app.openapi(getOpeningRoute, async (c) => {
    const opening = await getOpening(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id);
    const activity = await c.get('ctx').store.openings.activity(c.get('organizationId'), [opening.id]);
    return c.json(openingWithActivityJson(opening, activity.get(opening.id)), 200);
  });
  app.openapi(createCandidateRoute, async (c) =>
    c.json(candidateJson(await createCandidate(c.get('ctx'), c.get('organizationId'), c.req.valid('json'))), 201),
  );
  app.openapi(listCandidatesRoute, async (c) => {
    const query = c.req.valid('query');
    const page = pageOf(await listCandidates(c.get('ctx'), c.get('organizationId'), pageRequest(query)), query.limit, (x) => ({ id: x.id }));
    return c.json({ candidates: page.items.map(candidateJson), nextCursor: page.nextCursor }, 200);
  });
  app.openapi(getCandidateRoute, async (c) =>
    c.json(candidateJson(await getCandidate(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id)), 200),
  );
}
