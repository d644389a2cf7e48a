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
import { CONCERN_CATEGORIES } from '../../core/concerns.ts';
import { CANDIDATE_ACTIONS } from '../../core/decisions/candidate-actions.ts';
import type { WorkingHours } from '../../core/types.ts';
import { completeWorkingHours } from '../../core/working-hours.ts';
import type { ServerEnv } from '../env.ts';
import { OfferViewSchema } from './waitlist.ts';
import { Email, Instant, problems } from '../schemas/common.ts';
import { CandidateReasonSchema } from '../schemas/interview.ts';
import { WorkingHoursSchema } from '../schemas/member.ts';
import { jsonBody, jsonContent, publicOperation } from '../schemas/route-helpers.ts';

const tags = ['candidate'];
const TokenParam = z.object({ token: z.string().min(10).max(200).openapi({ param: { name: 'token', in: 'path' } }) });

const NoticeSchema = z
  .object({
    hoursUntilStart: z.number(),
    class: z.enum(['ample', 'adequate', 'late', 'missed']),
    advice: z.object({ channel: z.enum(['email', 'phone']), phone: z.string().optional(), text: z.string() }),
  })
  .openapi('Notice');

const CandidateViewSchema = z
  .object({
    interview: z.object({
      id: z.string(),
      status: z.string(),
      title: z.string(),
      start: Instant.nullable(),
      end: Instant.nullable(),
      durationMinutes: z.number(),
      candidateTimezone: z.string(),
      startLocal: z.string().nullable(),
      organizationTimezone: z.string(),
      startOrganizationLocal: z.string().nullable(),
      location: z.string().nullable(),
      videoUrl: z.string().nullable(),
      organization: z.object({ name: z.string(), contactPhone: z.string().nullable(), contactEmail: z.string().nullable() }),
      opening: z.object({ title: z.string() }),
    }),
    notice: NoticeSchema.nullable(),
    actions: z.array(z.enum(CANDIDATE_ACTIONS)),
    offeredSlots: z.array(z.object({ start: Instant, end: Instant, startLocal: z.string() })).optional(),
    reasonableHours: z
      .object({ hours: WorkingHoursSchema, stated: z.boolean() })
      .openapi({ description: "The hours times are offered in, in the candidate's zone: their own when `stated`, else the organization's default." }),
    apologyPath: z.object({ text: z.string(), phone: z.string().nullable() }).optional(),
    actionNotice: NoticeSchema.nullable().optional(),
    phoneScript: z.array(z.string()).optional(),
    delivered: z.boolean().optional().openapi({ description: 'For a concern: whether it reached the organization.' }),
  })
  .openapi('CandidateView');

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
    z.object({ start: Instant, reason: CandidateReasonSchema.optional(), note }).strict(),
    z
      .object({
        requestNewTimes: z.literal(true),
        reason: CandidateReasonSchema.optional(),
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
  request: { params: TokenParam },
  responses: {
    200: { description: 'Times in the next two weeks', content: jsonContent(z.object({ times: z.array(z.object({ start: Instant, startLocal: z.string() })) })) },
    ...problems(404),
  },
});

/** Weekdays left out of a stated map are days the candidate cannot interview. */
function statedHours(hours: Partial<WorkingHours> | null): WorkingHours | null {
  return hours === null ? null : completeWorkingHours(hours);
}

export function registerCandidateRoutes(app: OpenAPIHono<ServerEnv>): void {
  app.openapi(excuseRoute, async (c) => c.json(await excuseNoShow(c.get('ctx'), c.req.valid('param').token, c.req.valid('json')), 200));
  app.openapi(hoursRoute, async (c) => c.json(await setCandidateHours(c.get('ctx'), c.req.valid('param').token, statedHours(c.req.valid('json').hours)), 200));
  app.openapi(timesRoute, async (c) => c.json({ times: await suggestRescheduleTimes(c.get('ctx'), c.req.valid('param').token) }, 200));
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
