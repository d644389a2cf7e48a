import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createCandidate, createOpening, getCandidate, getOpening, listCandidates, listOpenings } from '../../app/openings.ts';
import type { ServerEnv } from '../env.ts';
import { IdParam, problems } from '../schemas/common.ts';
import { CandidateInputSchema, CandidateSchema, OpeningInputSchema, OpeningSchema, candidateJson, openingJson } from '../schemas/interview.ts';
import { jsonBody, jsonContent, security } from '../schemas/route-helpers.ts';

const createOpeningRoute = createRoute({
  method: 'post', path: '/api/v1/openings', tags: ['openings'], summary: 'Open a position', security,
  request: jsonBody(OpeningInputSchema),
  responses: { 201: { description: 'Created', content: jsonContent(OpeningSchema) }, ...problems(400, 401) },
});
const listOpeningsRoute = createRoute({
  method: 'get', path: '/api/v1/openings', tags: ['openings'], summary: 'All openings', security,
  responses: { 200: { description: 'Openings', content: jsonContent(z.object({ openings: z.array(OpeningSchema) })) }, ...problems(401) },
});
const getOpeningRoute = createRoute({
  method: 'get', path: '/api/v1/openings/{id}', tags: ['openings'], summary: 'One opening', security,
  request: { params: IdParam },
  responses: { 200: { description: 'The opening', content: jsonContent(OpeningSchema) }, ...problems(400, 401, 404) },
});
const createCandidateRoute = createRoute({
  method: 'post', path: '/api/v1/candidates', tags: ['candidates'], summary: 'Add a candidate', security,
  request: jsonBody(CandidateInputSchema),
  responses: { 201: { description: 'Created', content: jsonContent(CandidateSchema) }, ...problems(400, 401) },
});
const listCandidatesRoute = createRoute({
  method: 'get', path: '/api/v1/candidates', tags: ['candidates'], summary: 'All candidates', security,
  responses: { 200: { description: 'Candidates', content: jsonContent(z.object({ candidates: z.array(CandidateSchema) })) }, ...problems(401) },
});
const getCandidateRoute = createRoute({
  method: 'get', path: '/api/v1/candidates/{id}', tags: ['candidates'], summary: 'One candidate', security,
  request: { params: IdParam },
  responses: { 200: { description: 'The candidate', content: jsonContent(CandidateSchema) }, ...problems(400, 401, 404) },
});

export function registerOpeningRoutes(app: OpenAPIHono<ServerEnv>): void {
  app.openapi(createOpeningRoute, async (c) =>
    c.json(openingJson(await createOpening(c.get('ctx'), c.get('organizationId'), c.req.valid('json'))), 201),
  );
  app.openapi(listOpeningsRoute, async (c) =>
    c.json({ openings: (await listOpenings(c.get('ctx'), c.get('organizationId'))).map(openingJson) }, 200),
  );
  app.openapi(getOpeningRoute, async (c) =>
    c.json(openingJson(await getOpening(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id)), 200),
  );
  app.openapi(createCandidateRoute, async (c) =>
    c.json(candidateJson(await createCandidate(c.get('ctx'), c.get('organizationId'), c.req.valid('json'))), 201),
  );
  app.openapi(listCandidatesRoute, async (c) =>
    c.json({ candidates: (await listCandidates(c.get('ctx'), c.get('organizationId'))).map(candidateJson) }, 200),
  );
  app.openapi(getCandidateRoute, async (c) =>
    c.json(candidateJson(await getCandidate(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id)), 200),
  );
}
