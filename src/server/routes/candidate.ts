import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  acceptOfferedSlot,
  cancelByCandidate,
  declineByCandidate,
  raiseConcern,
  rescheduleByCandidate,
  setCandidateHours,
  withdrawByCandidate,
} from '../../app/interviews/candidate-actions.ts';
import { suggestRescheduleTimes, viewCandidateLink } from '../../app/interviews/candidate-link.ts';
import { excuseNoShow } from '../../app/interviews/attendance.ts';
import { composeForCandidate, reviewForCandidate } from '../../app/interviews/candidate-drafts.ts';
import { CONCERN_CATEGORIES } from '../../core/concerns.ts';
import type { WorkingHours } from '../../core/types.ts';
import { completeWorkingHours } from '../../core/working-hours.ts';
import type { ServerEnv } from '../env.ts';
import { OfferViewSchema } from './waitlist.ts';
import { CandidateComposeSchema, CandidateReviewSchema, CandidateTimesSchema, CandidateViewSchema } from '../schemas/candidate.ts';
import { Email, Instant, problems } from '../schemas/common.ts';
import { ComposeResponseSchema, ReviewResponseSchema } from '../schemas/etiquette.ts';
import { CandidateMoveReasonSchema, CandidateReasonSchema } from '../schemas/interview.ts';
import { WorkingHoursSchema } from '../schemas/member.ts';
import { jsonBody, jsonContent, publicOperation } from '../schemas/route-helpers.ts';

const tags = ['candidate'];
const TokenParam = z.object({ token: z.string().min(10).max(200).openapi({ param: { name: 'token', in: 'path' } }) });

const viewContent = jsonContent(CandidateViewSchema);

const viewRoute = createRoute({
  method: 'get', path: '/api/v1/candidate/{token}', operationId: 'getCandidateView', tags, security: publicOperation,
  summary: "The candidate's view of their interview, or of a waitlist offer for an offer link (`lw_offer_…`)",
  request: { params: TokenParam },
  responses: {
    200: { description: 'The view of what the link leads to', content: jsonContent(z.union([CandidateViewSchema, OfferViewSchema])) },
    ...problems(404),
  },
});

/** Candidate actions: the token in the path is the credential, so no security scheme applies. */
function action<T extends z.ZodType>(path: string, operationId: string, summary: string, schema: T) {
  return createRoute({
    method: 'post', path: `/api/v1/candidate/{token}/${path}`, operationId, tags, security: publicOperation, summary,
    request: { params: TokenParam, ...jsonBody(schema) },
    responses: { 200: { description: 'The updated view, with the notice at that moment', content: viewContent }, ...problems(400, 404, 409, 422) },
  });
}

const note = z.string().max(5000).nullable().optional().openapi({ description: 'Private: never shared with the employer.' });
const message = z.string().max(5000).nullable().optional().openapi({ description: 'Words sent to the employer.' });

const acceptRoute = action('accept', 'candidateAccept', 'Pick one of the offered times', z.object({ start: Instant }).strict());
const rescheduleRoute = action(
  'reschedule',
  'candidateReschedule',
  'Move to another time the whole panel has free, or ask for new times',
  z.union([
    z.object({ start: Instant, reason: CandidateMoveReasonSchema.optional(), note }).strict(),
    z
      .object({
        requestNewTimes: z.literal(true),
        reason: CandidateMoveReasonSchema.optional(),
        note: z.string().max(5000).nullable().optional().openapi({ description: 'For the recruiting team: passed on to them with the request (the times that would suit, say).' }),
      })
      .strict(),
  ]),
);
const cancelRoute = action(
  'cancel',
  'candidateCancel',
  'Cancel: always possible before the start; late notice returns phone advice and a script',
  z.object({ reason: CandidateReasonSchema, note, message, calledAhead: z.boolean().optional() }).strict(),
);
const declineRoute = action(
  'decline',
  'candidateDecline',
  'Decline the invitation',
  z.object({ reason: CandidateReasonSchema, message, keepInTouch: z.boolean().optional(), referral: z.object({ name: z.string().min(1).max(200), email: Email }).strict().nullable().optional() }).strict(),
);
const withdrawRoute = action('withdraw', 'candidateWithdraw', 'Withdraw from the whole opening', z.object({ reason: CandidateReasonSchema, message }).strict());
const concernRoute = action(
  'concern',
  'candidateRaiseConcern',
  'Report a concern to HR, confidentially',
  z.object({ category: z.enum(CONCERN_CATEGORIES), details: z.string().min(1).max(10000) }).strict(),
);

const excuseRoute = action(
  'excuse-no-show',
  'excuseNoShow',
  'Say an emergency kept you from an interview you were marked absent from (within 48 hours)',
  z.object({ reason: z.enum(['medical_emergency', 'family_emergency']), note }).strict(),
);

const hoursRoute = createRoute({
  method: 'put', path: '/api/v1/candidate/{token}/hours', tags, operationId: 'setCandidateHours',
  summary: 'State the hours you can interview in (your zone); null returns to the default',
  request: { params: TokenParam, ...jsonBody(z.object({ hours: WorkingHoursSchema.nullable() }).strict()) },
  responses: { 200: { description: 'The updated view', content: viewContent }, ...problems(400, 404) },
});

const timesRoute = createRoute({
  method: 'get', path: '/api/v1/candidate/{token}/times', tags, operationId: 'listCandidateTimes',
  summary: "Times the whole panel is free within the candidate's hours, to move to or pick",
  description: 'In time order: spread over the next two weeks, or with `order=nearest` the earliest ones (to offer a small move instead of a cancellation). Empty once the interview can no longer move.',
  request: {
    params: TokenParam,
    query: z.object({
      order: z.enum(['spread', 'nearest']).default('spread'),
      count: z.coerce.number().int().min(1).max(20).default(8),
    }),
  },
  responses: {
    200: { description: 'Times in the next two weeks', content: jsonContent(CandidateTimesSchema) },
    ...problems(400, 404),
  },
});

/** Every body can be too large (413) or not JSON (415), besides invalid (400); 409 when the action is not possible now. */
const draftProblems = problems(400, 404, 409, 413, 415);

const composeRoute = createRoute({
  method: 'post', path: '/api/v1/candidate/{token}/compose', operationId: 'candidateCompose', tags, security: publicOperation,
  summary: "An editable draft of the candidate's message for cancel, decline, withdraw or reschedule",
  description:
    "Built by the composer with this interview's company, role and time (in the organization's zone, for its readers), the reason category chosen and the organization's notice policy; at short notice with a number on file the draft asks for a call first and carries the phone script. 409 INVALID_STATE when the action is not possible now, or when no time has been picked yet.",
  request: { params: TokenParam, ...jsonBody(CandidateComposeSchema) },
  responses: { 200: { description: 'The draft', content: jsonContent(ComposeResponseSchema) }, ...draftProblems },
});

const reviewRoute = createRoute({
  method: 'post', path: '/api/v1/candidate/{token}/review', operationId: 'candidateReview', tags, security: publicOperation,
  summary: "Review the candidate's draft for an action: elements present, findings with spans and suggestions, a score",
  description: "The reviewer of POST /api/v1/review, with this interview's time, the organization's notice policy and the moment filled in.",
  request: { params: TokenParam, ...jsonBody(CandidateReviewSchema) },
  responses: { 200: { description: 'The review', content: jsonContent(ReviewResponseSchema) }, ...draftProblems },
});

/** Weekdays left out of a stated map are days the candidate cannot interview. */
function statedHours(hours: Partial<WorkingHours> | null): WorkingHours | null {
  return hours === null ? null : completeWorkingHours(hours);
}

export function registerCandidateRoutes(app: OpenAPIHono<ServerEnv>): void {
  app.openapi(excuseRoute, async (c) => c.json(await excuseNoShow(c.get('ctx'), c.req.valid('param').token, c.req.valid('json')), 200));
  app.openapi(hoursRoute, async (c) => c.json(await setCandidateHours(c.get('ctx'), c.req.valid('param').token, statedHours(c.req.valid('json').hours)), 200));
  app.openapi(timesRoute, async (c) => {
    const { order, count } = c.req.valid('query');
    return c.json({ times: await suggestRescheduleTimes(c.get('ctx'), c.req.valid('param').token, count, { nearest: order === 'nearest' }) }, 200);
  });
  app.openapi(composeRoute, async (c) => {
    const { proposedTimes, ...body } = c.req.valid('json');
    const input = { ...body, ...(proposedTimes ? { proposedTimes: proposedTimes.map((t) => new Date(t)) } : {}) };
    return c.json(await composeForCandidate(c.get('ctx'), c.req.valid('param').token, input), 200);
  });
  app.openapi(reviewRoute, async (c) => c.json(await reviewForCandidate(c.get('ctx'), c.req.valid('param').token, c.req.valid('json')), 200));
  app.openapi(viewRoute, async (c) => c.json(await viewCandidateLink(c.get('ctx'), c.req.valid('param').token), 200));
  app.openapi(acceptRoute, async (c) =>
    c.json(await acceptOfferedSlot(c.get('ctx'), c.req.valid('param').token, { start: new Date(c.req.valid('json').start) }), 200),
  );
  app.openapi(rescheduleRoute, async (c) => {
    const body = c.req.valid('json');
    const input = 'start' in body
      ? { start: new Date(body.start), reason: body.reason ?? null, note: body.note ?? null }
      : { requestNewTimes: true as const, reason: body.reason ?? null, note: body.note ?? null };
    return c.json(await rescheduleByCandidate(c.get('ctx'), c.req.valid('param').token, input), 200);
  });
  app.openapi(cancelRoute, async (c) => c.json(await cancelByCandidate(c.get('ctx'), c.req.valid('param').token, c.req.valid('json')), 200));
  app.openapi(declineRoute, async (c) => c.json(await declineByCandidate(c.get('ctx'), c.req.valid('param').token, c.req.valid('json')), 200));
  app.openapi(withdrawRoute, async (c) => c.json(await withdrawByCandidate(c.get('ctx'), c.req.valid('param').token, c.req.valid('json')), 200));
  app.openapi(concernRoute, async (c) => c.json(await raiseConcern(c.get('ctx'), c.req.valid('param').token, c.req.valid('json')), 200));
}
