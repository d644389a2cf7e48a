import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { closeOpening, fillOpening, previewOpeningEnd } from '../../app/openings/end-opening.ts';
import type { OpeningEndResult, PreviewedMessage } from '../../app/openings/end-opening.ts';
import { redactCandidateTokens } from '../../core/candidate-link.ts';
import { audienceOfKind } from '../../core/messages/email-kinds.ts';
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

const PreviewSchema = z
  .object({
    messages: z.array(
      z.object({
        kind: z.string(),
        role: z.enum(['candidate', 'panelist', 'coordinator', 'hr']).openapi({ description: 'Who the reader is.' }),
        to: z.string(),
        subject: z.string(),
        body: z.string().openapi({ description: 'The text as it would be sent (candidate link tokens read `lw_cand_[redacted]`).' }),
        icsMethod: z.enum(['REQUEST', 'CANCEL']).nullable(),
        sequence: z.number().int().nullable(),
        interviewId: z.string().nullable(),
      }),
    ),
  })
  .openapi('OpeningEndPreview');

function preview(path: 'fill' | 'close', body: typeof FillInputSchema | typeof CloseInputSchema) {
  return createRoute({
    method: 'post', path: `/api/v1/openings/{id}/${path}/preview`, operationId: path === 'fill' ? 'previewFillOpening' : 'previewCloseOpening', tags: ['openings'],
    summary: `Every message ${path === 'fill' ? 'filling' : 'closing'} the opening would send now, changing nothing`,
    description: `Takes the same body as ${path} and runs the same decisions and rendering in a transaction that is rolled back: nothing is sent, queued or changed. Refuses as ${path} would.`,
    security,
    request: { params: IdParam, ...jsonBody(body) },
    responses: { 200: { description: 'The messages it would send', content: jsonContent(PreviewSchema) }, ...problems(400, 401, 404, 409) },
  });
}
const fillPreviewRoute = preview('fill', FillInputSchema);
const closePreviewRoute = preview('close', CloseInputSchema);

function previewJson(messages: PreviewedMessage[]) {
  return {
    messages: messages.map((m) => ({
      kind: m.kind,
      role: audienceOfKind(m.kind),
      to: m.to,
      subject: redactCandidateTokens(m.subject),
      body: redactCandidateTokens(m.text),
      icsMethod: m.icsMethod,
      sequence: m.sequence,
      interviewId: m.interviewId,
    })),
  };
}

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
  app.openapi(fillPreviewRoute, async (c) => {
    const body = c.req.valid('json');
    return c.json(previewJson(await previewOpeningEnd(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id, { how: 'filled', ...body })), 200);
  });
  app.openapi(closePreviewRoute, async (c) => {
    const body = c.req.valid('json');
    return c.json(previewJson(await previewOpeningEnd(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id, { how: 'closed', ...body })), 200);
  });
  app.openapi(closeRoute, async (c) =>
    c.json(openingEndJson(await closeOpening(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id, c.req.valid('json'))), 200),
  );
}
