import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { declineSeat } from '../../app/panel/decline-seat.ts';
import type { SeatOutcome, SeatView } from '../../app/panel/decline-seat.ts';
import { declineSeatByLink, viewSeat } from '../../app/panel/seat-link.ts';
import { hashSecret } from '../../app/secrets.ts';
import { isDomainError } from '../../core/errors.ts';
import { formatWhen } from '../../core/format-time.ts';
import type { ServerEnv } from '../env.ts';
import { idempotency } from '../idempotency.ts';
import { escapeHtml as e } from '../pages/escape-html.ts';
import { Instant, Uuid, problems } from '../schemas/common.ts';
import { jsonBody, jsonContent, publicOperation, security } from '../schemas/route-helpers.ts';

const SeatParams = z.object({
  id: Uuid.openapi({ param: { name: 'id', in: 'path' } }),
  memberId: Uuid.openapi({ param: { name: 'memberId', in: 'path' } }),
});
const TokenParam = z.object({ token: z.string().min(10).max(200).openapi({ param: { name: 'token', in: 'path' } }) });

const SeatDeclineSchema = z
  .object({ reason: z.string().max(500).nullish().openapi({ description: "The panelist's reason, kept in the history; never put in anyone's email." }) })
  .strict()
  .openapi('SeatDecline');

const MemberRef = z.object({ id: z.string(), name: z.string() });
const SeatOutcomeSchema = z
  .union([
    z.object({ outcome: z.literal('replaced'), replacement: MemberRef }),
    z.object({ outcome: z.literal('proposed'), proposals: z.array(z.object({ start: Instant, end: Instant, standIn: MemberRef })) }),
    z.object({ outcome: z.literal('coordinator') }),
  ])
  .openapi('SeatOutcome', {
    description:
      'replaced: a stand-in from the decliner\'s pools took the seat (same time); proposed: nobody is free then, and these times suit the rest of the panel, a stand-in and the candidate (nothing moved; the coordinator has them by email); coordinator: handed to the coordinator by email (close to the start, three replacements already, or no time found).',
  });

const SeatViewSchema = z
  .object({
    interview: z.object({
      id: z.string(),
      title: z.string(),
      status: z.string(),
      start: Instant.nullable(),
      end: Instant.nullable(),
      startLocal: z.string().nullable(),
      candidateName: z.string(),
      openingTitle: z.string(),
      organizationName: z.string(),
    }),
    member: z.object({ id: z.string(), name: z.string(), timezone: z.string() }),
    canDecline: z.boolean(),
  })
  .openapi('SeatView');

const employerDeclineRoute = createRoute({
  method: 'post', path: '/api/v1/interviews/{id}/panel/{memberId}/decline', operationId: 'declinePanelSeat', tags: ['interviews'], security,
  summary: 'A panelist declines their seat: replaced by a stand-in, times proposed, or handed to the coordinator',
  request: { params: SeatParams, ...jsonBody(SeatDeclineSchema) },
  responses: { 200: { description: 'What happened to the seat', content: jsonContent(SeatOutcomeSchema) }, ...problems(400, 401, 404, 409) },
});

const seatViewRoute = createRoute({
  method: 'get', path: '/api/v1/seat/{token}', operationId: 'getPanelSeat', tags: ['panel seat'], security: publicOperation,
  summary: "A panelist's view of their own seat, behind the private link in their invitation",
  request: { params: TokenParam },
  responses: { 200: { description: 'The seat', content: jsonContent(SeatViewSchema) }, ...problems(404) },
});

const seatDeclineRoute = createRoute({
  method: 'post', path: '/api/v1/seat/{token}/decline', operationId: 'declineOwnPanelSeat', tags: ['panel seat'], security: publicOperation,
  summary: 'The panelist declines their own seat through their private link',
  request: { params: TokenParam, ...jsonBody(SeatDeclineSchema) },
  responses: { 200: { description: 'What happened to the seat', content: jsonContent(SeatOutcomeSchema) }, ...problems(400, 404, 409) },
});

function outcomeJson(outcome: SeatOutcome) {
  if (outcome.outcome !== 'proposed') return outcome;
  return { outcome: 'proposed' as const, proposals: outcome.proposals.map((p) => ({ start: p.start.toISOString(), end: p.end.toISOString(), standIn: p.standIn })) };
}

function viewJson(view: SeatView) {
  return { ...view, interview: { ...view.interview, start: view.interview.start?.toISOString() ?? null, end: view.interview.end?.toISOString() ?? null } };
}

const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  // The token is in the URL: never send it on as a referrer, never cache the page.
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
};

function htmlPage(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem">${body}</body></html>`;
}

const MISSING = htmlPage('Link not found', '<h1>This link does not work</h1><p>It may have expired, or your seat has already gone to a colleague.</p>');

const OUTCOME_TEXT: Record<SeatOutcome['outcome'], string> = {
  replaced: 'Thank you. A colleague has taken your seat, and the calendar event has been removed for you.',
  proposed: 'Thank you. Nobody could take your seat at that time; the recruiting team has other times to consider and will tell you what changes.',
  coordinator: 'Thank you. The recruiting team will sort out your seat and tell you what changes.',
};

async function seatPage(c: Context<ServerEnv>, token: string, status: 200 | 400 | 409, message?: string) {
  let view: SeatView;
  try {
    view = await viewSeat(c.get('ctx'), token);
  } catch (error) {
    if (isDomainError(error, 'NOT_FOUND')) return c.body(MISSING, 404, HTML_HEADERS);
    throw error;
  }
  const { interview, member } = view;
  const when = interview.start ? formatWhen(interview.start, member.timezone) : 'no time yet';
  const form = view.canDecline
    ? `<form method="post" action="/seat/${e(encodeURIComponent(token))}/decline"><p><label>Reason (optional, kept for the recruiting team)<br><textarea name="reason" maxlength="500" rows="3" cols="40"></textarea></label></p><p><button type="submit">Decline my seat</button></p></form>`
    : '<p>This seat can no longer be declined here; please contact the recruiting team.</p>';
  const body = `<h1>${e(interview.title)}</h1><p>${e(interview.organizationName)}: ${e(interview.candidateName)} (${e(interview.openingTitle)}), ${e(when)}.</p>${message ? `<p role="status">${e(message)}</p>` : ''}${form}`;
  return c.body(htmlPage(`Your seat: ${interview.title}`, body), status, HTML_HEADERS);
}

/**
 * A seat link is its own credential. For idempotency the request needs an organization: taken from the
 * link when it is valid; an invalid link goes on to the route, which answers 404.
 */
function scopeSeatLink(): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const token = c.req.param('token');
    if (token && token.length <= 200) {
      const record = await c.get('ctx').store.panelTokens.findValid(hashSecret(token), c.get('ctx').clock());
      if (record) c.set('organizationId', record.organizationId);
    }
    await next();
  };
}

/** A panelist declining their seat: from the employer's API and from the panelist's own link. */
export function registerPanelSeatRoutes(app: OpenAPIHono<ServerEnv>): void {
  // A retried decline through the link with its Idempotency-Key gets the first answer, not a second round of emails.
  app.use('/api/v1/seat/:token/*', scopeSeatLink(), idempotency());

  app.openapi(employerDeclineRoute, async (c) => {
    const { id, memberId } = c.req.valid('param');
    const outcome = await declineSeat(c.get('ctx'), c.get('organizationId'), id, memberId, c.req.valid('json'));
    return c.json(outcomeJson(outcome), 200);
  });

  app.openapi(seatViewRoute, async (c) => c.json(viewJson(await viewSeat(c.get('ctx'), c.req.valid('param').token)), 200));

  app.openapi(seatDeclineRoute, async (c) => {
    const outcome = await declineSeatByLink(c.get('ctx'), c.req.valid('param').token, c.req.valid('json'));
    return c.json(outcomeJson(outcome), 200);
  });

  // The page behind the link in the email: a plain form over the same use case.
  app.get('/seat/:token', (c) => seatPage(c, c.req.param('token'), 200));
  app.post('/seat/:token/decline', async (c) => {
    const token = c.req.param('token');
    const form = await c.req.parseBody();
    const reason = typeof form.reason === 'string' ? form.reason.slice(0, 500) : null;
    try {
      const outcome = await declineSeatByLink(c.get('ctx'), token, { reason });
      return c.body(htmlPage('Seat declined', `<h1>Seat declined</h1><p role="status">${e(OUTCOME_TEXT[outcome.outcome])}</p>`), 200, HTML_HEADERS);
    } catch (error) {
      if (isDomainError(error, 'NOT_FOUND')) return c.body(MISSING, 404, HTML_HEADERS);
      if (isDomainError(error)) return seatPage(c, token, error.code === 'VALIDATION' ? 400 : 409, error.message);
      throw error;
    }
  });
}
