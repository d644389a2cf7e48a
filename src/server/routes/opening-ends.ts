import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { closeOpening, fillOpening } from '../../app/openings/end-opening.ts';
import type { OpeningEndResult } from '../../app/openings/end-opening.ts';
import type { ServerEnv } from '../env.ts';
import { IdParam, Uuid, problems } from '../schemas/common.ts';
import { OpeningSchema, openingJson } from '../schemas/interview.ts';
import { jsonBody, jsonContent, security } from '../schemas/route-helpers.ts';

const Message = z
  .string()
  .max(5000)
  .nullable()
  .optional()
  .openapi({ description: 'Words of your own, added after the greeting of every remaining candidate’s message.' });

const FillInputSchema = z
  .object({
    hiredCandidateId: Uuid.nullable().optional().openapi({ description: 'Who was hired: their own interviews are left as they are and they hear nothing from this.' }),
    message: Message,
  })
  .openapi('FillOpeningInput');
const CloseInputSchema = z.object({ message: Message }).openapi('CloseOpeningInput');

const OpeningEndSchema = z
  .object({
    opening: OpeningSchema,
    cancelledInterviews: z.number().int().openapi({ description: 'Interviews and invitations the end cancelled.' }),
    notifiedCandidates: z.number().int().openapi({ description: 'Candidates told, once per interview, with CANCEL to whoever held its event.' }),
    closedWaitlistEntries: z.number().int(),
  })
  .openapi('OpeningEnd');

const fillRoute = createRoute({
  method: 'post', path: '/api/v1/openings/{id}/fill', operationId: 'fillOpening', tags: ['openings'],
  summary: 'The position is filled: every other remaining interview and invitation is cancelled and each candidate told',
  description:
    'Idempotent: calling it again for a filled opening answers the same and sends nothing more. A cascade a crash interrupted is finished by the next call or by the background loop.',
  security,
  request: { params: IdParam, ...jsonBody(FillInputSchema) },
  responses: { 200: { description: 'The opening and what its end did', content: jsonContent(OpeningEndSchema) }, ...problems(400, 401, 404, 409) },
});
const closeRoute = createRoute({
  method: 'post', path: '/api/v1/openings/{id}/close', operationId: 'closeOpening', tags: ['openings'],
  summary: 'The position is closed without a hire: every remaining interview and invitation is cancelled and each candidate told',
  description: 'Idempotent like fill.',
  security,
  request: { params: IdParam, ...jsonBody(CloseInputSchema) },
  responses: { 200: { description: 'The opening and what its end did', content: jsonContent(OpeningEndSchema) }, ...problems(400, 401, 404, 409) },
});

function openingEndJson(result: OpeningEndResult) {
  return {
    opening: openingJson(result.opening),
    cancelledInterviews: result.cancelledInterviews,
    notifiedCandidates: result.notifiedCandidates,
    closedWaitlistEntries: result.closedWaitlistEntries,
  };
}

/** Filling or closing an opening, and the cascade that tells every remaining candidate. */
export function registerOpeningEndRoutes(app: OpenAPIHono<ServerEnv>): void {
  app.openapi(fillRoute, async (c) =>
    c.json(openingEndJson(await fillOpening(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id, c.req.valid('json'))), 200),
  );
  app.openapi(closeRoute, async (c) =>
    c.json(openingEndJson(await closeOpening(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id, c.req.valid('json'))), 200),
  );
}
