import { createRoute } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { composeMessage, reviewDraft, screenQuestions } from '../../core/etiquette/index.ts';
import type { ServerEnv } from '../env.ts';
import { problems } from '../schemas/common.ts';
import {
  ComposeRequestSchema,
  ComposeResponseSchema,
  ReviewRequestSchema,
  ReviewResponseSchema,
  ScreenRequestSchema,
  ScreenResponseSchema,
} from '../schemas/etiquette.ts';
import { jsonBody, jsonContent, security } from '../schemas/route-helpers.ts';

const tags = ['etiquette'];
/** Every body can be too large (413) or not JSON (415), besides invalid (400) and unauthenticated (401). */
const refusals = problems(400, 401, 413, 415);

const composeRoute = createRoute({
  method: 'post', path: '/api/v1/compose', operationId: 'composeMessage', tags, security,
  summary: 'Write a cancellation, reschedule, decline, withdrawal, follow-up or reminder that says it well',
  description:
    "Only what is true: the sender's own reason when one is given (a reason of the other side's is refused at context.reason), a move that is done (newStart) announced as done, calls only with a coordinatorPhone, notice under context.noticePolicy.",
  request: jsonBody(ComposeRequestSchema),
  responses: { 200: { description: 'The message', content: jsonContent(ComposeResponseSchema) }, ...refusals },
});

const reviewRoute = createRoute({
  method: 'post', path: '/api/v1/review', operationId: 'reviewDraft', tags, security,
  summary: 'Review a draft: elements present, findings with spans and suggestions, a score',
  description: 'An empty or blank text is refused with a field error at text.',
  request: jsonBody(ReviewRequestSchema),
  responses: { 200: { description: 'The review', content: jsonContent(ReviewResponseSchema) }, ...refusals },
});

const screenRoute = createRoute({
  method: 'post', path: '/api/v1/screen-questions', operationId: 'screenQuestions', tags, security,
  summary: 'Classify interview questions as ok, risky or unlawful, with lawful rephrasings',
  request: jsonBody(ScreenRequestSchema),
  responses: { 200: { description: 'One verdict per question, in order', content: jsonContent(ScreenResponseSchema) }, ...refusals },
});

export function registerEtiquetteRoutes(app: OpenAPIHono<ServerEnv>): void {
  app.openapi(composeRoute, (c) => {
    const { kind, tone, context } = c.req.valid('json');
    const result = composeMessage(kind, { ...context, now: context.now ?? c.get('ctx').clock().toISOString() }, tone ? { tone } : {});
    return c.json(result, 200);
  });
  app.openapi(reviewRoute, (c) => c.json(reviewDraft(c.req.valid('json')), 200));
  app.openapi(screenRoute, (c) => {
    const { questions, jurisdiction } = c.req.valid('json');
    return c.json(screenQuestions(questions, jurisdiction ? { jurisdiction } : {}), 200);
  });
}
