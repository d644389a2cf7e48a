import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { claimOffer, declineOffer, viewOffer } from '../../app/waitlist/claim.ts';
import { addToWaitlist, listWaitlist, removeFromWaitlist } from '../../app/waitlist/entries.ts';
import { listStandingOffers } from '../../app/waitlist/standing-offers.ts';
import type { StandingOffer } from '../../app/waitlist/standing-offers.ts';
import { isOfferToken } from '../../app/waitlist/offer-token.ts';
import { INTERVIEW_STATUSES } from '../../core/types.ts';
import type { WaitlistEntry } from '../../store/index.ts';
import type { ServerEnv } from '../env.ts';
import { IdParam, IdempotencyHeader, Instant, Uuid, problems } from '../schemas/common.ts';
import { InterviewSchema, interviewJson } from '../schemas/interview.ts';
import { Limit, NextCursor, cursorParam, decodeCursor, pageOf } from '../schemas/pagination.ts';
import { jsonBody, jsonContent, publicOperation, security } from '../schemas/route-helpers.ts';
import { registerWaitlistPages } from './waitlist-pages.ts';
import { OutcomeSchema } from '../schemas/candidate.ts';

const tags = ['waitlist'];

const EntrySchema = z
  .object({
    id: z.string(),
    openingId: z.string(),
    candidateId: z.string(),
    panel: z.array(z.string()),
    durationMinutes: z.number(),
    earliest: Instant.nullable(),
    latest: Instant.nullable(),
    status: z.enum(['waiting', 'filled', 'removed', 'closed']),
    joinedAt: Instant,
    endedAt: Instant.nullable(),
    interviewId: z.string().nullable().openapi({ description: 'The interview a claimed offer created.' }),
  })
  .openapi('WaitlistEntry');

const EntryInputSchema = z
  .object({
    candidateId: Uuid,
    panel: z.array(Uuid).min(1).max(20),
    durationMinutes: z.number().int().min(5).max(1440),
    earliest: Instant.nullable().optional(),
    latest: Instant.nullable().optional(),
  })
  .strict()
  .openapi('WaitlistEntryInput');

function entryJson(entry: WaitlistEntry) {
  return {
    id: entry.id,
    openingId: entry.openingId,
    candidateId: entry.candidateId,
    panel: entry.panel,
    durationMinutes: entry.durationMinutes,
    earliest: entry.earliest?.toISOString() ?? null,
    latest: entry.latest?.toISOString() ?? null,
    status: entry.status,
    joinedAt: entry.joinedAt.toISOString(),
    endedAt: entry.endedAt?.toISOString() ?? null,
    interviewId: entry.interviewId,
  };
}

export const OfferViewSchema = z
  .object({
    offer: z.object({
      status: z.enum(['offered', 'claimed', 'expired', 'withdrawn', 'declined']),
      state: z.enum(['open', 'taken', 'expired', 'claimed', 'declined', 'ended']),
      start: Instant,
      end: Instant,
      durationMinutes: z.number(),
      candidateTimezone: z.string(),
      startLocal: z.string(),
      expiresAt: Instant,
      expiresLocal: z.string(),
      opening: z.object({ title: z.string() }),
      interview: z
        .object({ title: z.string(), format: z.enum(['video', 'in_person', 'unstated']), location: z.string().nullable() })
        .describe('The interview offered, as a claim books it: the title, format and place of the interview whose time was freed (a video link comes with the booking).'),
      organization: z.object({ name: z.string(), contactEmail: z.string().nullable(), contactPhone: z.string().nullable() }),
      actions: z.array(z.enum(['claim', 'decline-offer'])),
      interviewStatus: z
        .enum(INTERVIEW_STATUSES)
        .nullable()
        .openapi({ description: 'Once claimed: the booked interview\'s status now (cancelled, say, after the opening was filled); null before a claim.' }),
    }),
  })
  .openapi('WaitlistOfferView');

const addRoute = createRoute({
  method: 'post', path: '/api/v1/openings/{id}/waitlist', operationId: 'addToWaitlist', tags, security,
  summary: 'Put a candidate on the waitlist for freed time: a panel, a duration and an optional window',
  request: { params: IdParam, ...jsonBody(EntryInputSchema) },
  responses: { 201: { description: 'The entry', content: jsonContent(EntrySchema) }, ...problems(400, 401, 404, 409) },
});
const listRoute = createRoute({
  method: 'get', path: '/api/v1/openings/{id}/waitlist', operationId: 'listWaitlist', tags, security,
  summary: 'The waitlist of an opening, in the order candidates joined',
  request: { params: IdParam, query: z.object({ limit: Limit, cursor: cursorParam(true) }) },
  responses: {
    200: { description: 'A page of entries', content: jsonContent(z.object({ entries: z.array(EntrySchema), nextCursor: NextCursor })) },
    ...problems(400, 401, 404),
  },
});
const removeRoute = createRoute({
  method: 'delete', path: '/api/v1/openings/{id}/waitlist/{entryId}', operationId: 'removeFromWaitlist', tags, security,
  summary: 'Take a candidate off the waitlist; an offer they hold passes on',
  request: {
    params: z.object({ id: Uuid.openapi({ param: { name: 'id', in: 'path' } }), entryId: Uuid.openapi({ param: { name: 'entryId', in: 'path' } }) }),
    headers: IdempotencyHeader,
  },
  responses: { 204: { description: 'Removed' }, ...problems(400, 401, 404, 409) },
});

const StandingOfferSchema = z
  .object({
    id: z.string(),
    entryId: z.string(),
    candidate: z.object({ id: z.string(), name: z.string(), timezone: z.string() }),
    freedSlot: z.object({ id: z.string(), start: Instant, end: Instant, panel: z.array(z.string()) }),
    offeredAt: Instant,
    expiresAt: Instant.openapi({ description: 'After this the offer lapses and passes on.' }),
  })
  .openapi('StandingWaitlistOffer');

const offersRoute = createRoute({
  method: 'get', path: '/api/v1/openings/{id}/offers', operationId: 'listStandingOffers', tags, security,
  summary: 'Offers of freed time for this opening that a waitlisted candidate may still claim',
  description: 'Oldest freed time first. Claimed, declined, withdrawn and expired offers are left out.',
  request: { params: IdParam },
  responses: {
    200: { description: 'The standing offers', content: jsonContent(z.object({ offers: z.array(StandingOfferSchema) })) },
    ...problems(400, 401, 404),
  },
});

function standingOfferJson(offer: StandingOffer) {
  return {
    id: offer.id,
    entryId: offer.entryId,
    candidate: offer.candidate,
    freedSlot: { id: offer.freedSlot.id, start: offer.freedSlot.start.toISOString(), end: offer.freedSlot.end.toISOString(), panel: offer.freedSlot.panel },
    offeredAt: offer.offeredAt.toISOString(),
    expiresAt: offer.expiresAt.toISOString(),
  };
}

const TokenParam = z.object({ token: z.string().min(10).max(200).openapi({ param: { name: 'token', in: 'path' } }) });
const claimRoute = createRoute({
  method: 'post', path: '/api/v1/candidate/{token}/claim', operationId: 'claimWaitlistOffer', tags: ['candidate'], security: publicOperation,
  summary: 'Claim offered freed time: the interview is booked at once',
  request: { params: TokenParam, headers: IdempotencyHeader },
  responses: {
    201: {
      description: 'The scheduled interview, with the candidate link and who was told',
      content: jsonContent(InterviewSchema.extend({ outcome: OutcomeSchema }).openapi('ClaimedOffer')),
    },
    ...problems(404, 409),
  },
});
const declineOfferRoute = createRoute({
  method: 'post', path: '/api/v1/candidate/{token}/decline-offer', operationId: 'declineWaitlistOffer', tags: ['candidate'], security: publicOperation,
  summary: 'Pass offered freed time on to the next candidate; you stay on the waitlist',
  request: { params: TokenParam, headers: IdempotencyHeader },
  responses: { 200: { description: 'The offer, declined', content: jsonContent(OfferViewSchema) }, ...problems(404, 409) },
});

/** The waitlist of an opening and the candidates' claims of freed time. */
export function registerWaitlistRoutes(app: OpenAPIHono<ServerEnv>): void {
  app.openapi(addRoute, async (c) => {
    const body = c.req.valid('json');
    const entry = await addToWaitlist(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id, {
      candidateId: body.candidateId,
      panel: body.panel,
      durationMinutes: body.durationMinutes,
      earliest: body.earliest ? new Date(body.earliest) : null,
      latest: body.latest ? new Date(body.latest) : null,
    });
    return c.json(entryJson(entry), 201);
  });
  app.openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const cursor = query.cursor ? decodeCursor(query.cursor, true) : null;
    const entries = await listWaitlist(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id, {
      limit: query.limit + 1,
      after: cursor ? { id: cursor.id, joinedAt: new Date(cursor.at!) } : null,
    });
    const page = pageOf(entries, query.limit, (e) => ({ id: e.id, at: e.joinedAt.toISOString() }));
    return c.json({ entries: page.items.map(entryJson), nextCursor: page.nextCursor }, 200);
  });
  app.openapi(offersRoute, async (c) => {
    const offers = await listStandingOffers(c.get('ctx'), c.get('organizationId'), c.req.valid('param').id);
    return c.json({ offers: offers.map(standingOfferJson) }, 200);
  });
  app.openapi(removeRoute, async (c) => {
    const { id, entryId } = c.req.valid('param');
    await removeFromWaitlist(c.get('ctx'), c.get('organizationId'), id, entryId);
    return c.body(null, 204);
  });

  // An offer link is a candidate link of its own kind: its view answers at the candidate view's path
  // (registered before the candidate routes, and passing every other token on to them).
  app.get('/api/v1/candidate/:token', async (c, next) => {
    const token = c.req.param('token');
    if (!isOfferToken(token)) return next();
    return c.json(await viewOffer(c.get('ctx'), token), 200);
  });
  app.openapi(claimRoute, async (c) => {
    const claimed = await claimOffer(c.get('ctx'), c.req.valid('param').token);
    return c.json({ ...interviewJson(claimed.interview, { candidateLink: claimed.candidateLink }), outcome: claimed.outcome }, 201);
  });
  app.openapi(declineOfferRoute, async (c) => c.json(await declineOffer(c.get('ctx'), c.req.valid('param').token), 200));
  registerWaitlistPages(app);
}
