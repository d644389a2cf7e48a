import { randomUUID } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { refuseNulCharacters, requireJsonBodies, requireUtf8Bodies } from './body-guards.ts';
import { readBodyOnce } from './read-body.ts';
import type { AppContext } from '../app/context.ts';
import { requireEmployer, scopeCandidateLink } from './auth.ts';
import { LoginLimiter } from './login-limiter.ts';
import type { ServerEnv } from './env.ts';
import { createErrorHandler } from './errors.ts';
import { fieldErrors } from './field-errors.ts';
import type { ErrorLogger } from './errors.ts';
import { idempotency } from './idempotency.ts';
import { answerUnmatched, methodsByPath } from './method-not-allowed.ts';
import { registerOpenApiDocument } from './openapi.ts';
import { isEmployerPath } from './public-paths.ts';
import { problem, problemResponse } from './problem.ts';
import { rateLimit } from './rate-limit.ts';
import type { RateLimitSettings } from './rate-limit.ts';
import { registerCandidatePages } from './routes/candidate-pages.ts';
import { registerCandidateRoutes } from './routes/candidate.ts';
import { registerEtiquetteRoutes } from './routes/etiquette.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { registerInterviewRoutes } from './routes/interviews.ts';
import { registerMessageRoutes } from './routes/messages.ts';
import { registerOpeningRoutes } from './routes/openings.ts';
import { registerSessionRoutes } from './routes/session.ts';
import { registerSlotRoutes } from './routes/slots.ts';
import { registerMemberRoutes } from './routes/members.ts';
import { registerOrganizationRoutes } from './routes/organization.ts';
import { registerAnalyticsRoutes } from './routes/analytics.ts';
import { registerOpeningEndRoutes } from './routes/opening-ends.ts';
import { registerPanelSeatRoutes } from './routes/panel-seats.ts';
import { registerWaitlistRoutes } from './routes/waitlist.ts';
import { registerChangeFeedRoutes } from './routes/changes.ts';
import { registerDemoRoutes } from './routes/demo.ts';
import { registerWebhookRoutes } from './routes/webhooks.ts';
import { registerInboundRoutes } from './routes/inbound.ts';
import { registerCalendarRoutes } from './routes/calendars.ts';
import type { DemoProvider } from './routes/demo.ts';
import { registerWebApp } from './web-app.ts';
import { loadWebAssets } from './web-assets.ts';
import type { WebAssets } from './web-assets.ts';

export interface ServerOptions {
  ctx: AppContext;
  log?: ErrorLogger;
  version?: string;
  /** Called after every successful change, e.g. to wake the outbox worker instead of waiting for its poll. */
  afterChange?: () => void;
  /** In demo mode, what the landing page offers a newcomer (sign-in, candidate links). */
  demo?: DemoProvider;
  /** The built web app; read from dist/web when not given. */
  web?: WebAssets;
  /**
   * Requests per credential (API key, session, link token); none when not given. `leeway serve` sets
   * it from LEEWAY_RATE_LIMIT_PER_SECOND and LEEWAY_RATE_LIMIT_BURST.
   */
  rateLimit?: RateLimitSettings;
}

/** Candidate links carry their own credential, and signing in is how a session starts. */
function exceptCandidateLinks(middleware: MiddlewareHandler<ServerEnv>): MiddlewareHandler<ServerEnv> {
  return (c, next) => (isEmployerPath(c.req.path) ? middleware(c, next) : next());
}

const MAX_BODY_BYTES = 256 * 1024;

/**
 * A header added to a response already made. Its own headers are set in place: `c.header` would copy
 * the response, body stream and all, which the Node adapter then has to read back instead of writing the
 * text it holds. A response whose headers cannot change (one fetched from elsewhere) is copied after all.
 */
function setResponseHeader(c: Context<ServerEnv>, name: string, value: string): void {
  try {
    c.res.headers.set(name, value);
  } catch {
    c.header(name, value);
  }
}

/**
 * The HTTP application, with no socket: `app.request()` serves tests in-process and `@hono/node-server`
 * serves it for real.
 */
export function createServerApp(options: ServerOptions): OpenAPIHono<ServerEnv> {
  const web = options.web ?? loadWebAssets();
  const log = options.log ?? ((entry) => console.error(JSON.stringify(entry)));
  const app = new OpenAPIHono<ServerEnv>({
    // Every field error at once, as a problem document.
    defaultHook: (result, c) => {
      if (result.success) return;
      const errors = fieldErrors(result.error.issues);
      return problemResponse(c, problem(400, 'VALIDATION', 'The request has invalid fields.', { errors }));
    },
  });

  app.use('*', async (c, next) => {
    const requestId = c.req.header('x-request-id')?.slice(0, 100) ?? randomUUID();
    c.set('requestId', requestId);
    c.set('ctx', options.ctx);
    c.set('web', web);
    await next();
    setResponseHeader(c, 'x-request-id', requestId);
    if (options.afterChange && c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.res.status < 400) options.afterChange();
  });
  const limitBody = readBodyOnce(MAX_BODY_BYTES, (c) => problemResponse(c, problem(413, 'PAYLOAD_TOO_LARGE', `Bodies are limited to ${MAX_BODY_BYTES} bytes.`)));
  app.use('/api/*', limitBody);
  app.use('/c/*', limitBody);
  app.use('/api/*', requireJsonBodies());
  app.use('/api/*', requireUtf8Bodies());
  app.use('/c/*', requireUtf8Bodies());
  app.use('/api/*', refuseNulCharacters());
  app.use('/c/*', refuseNulCharacters());
  app.onError(createErrorHandler(log));
  // A wrong method on a known path is 405 with Allow; only an unknown path is 404.
  app.notFound(answerUnmatched(methodsByPath(app)));

  registerHealthRoutes(app);
  registerSessionRoutes(app, new LoginLimiter());

  // Employer side: an API key scopes everything below to one organization. Candidate links carry their
  // own token and are authorised by it instead.
  app.use('/api/v1/*', exceptCandidateLinks(requireEmployer()));
  // After authentication, so an unknown key is told 401 rather than to slow down; before idempotency, so a
  // refused request claims no key.
  if (options.rateLimit && options.rateLimit.perSecond > 0) app.use('*', rateLimit(options.rateLimit));
  app.use('/api/v1/*', exceptCandidateLinks(idempotency()));
  app.use('/api/v1/candidate/:token/*', scopeCandidateLink(), idempotency());
  registerOrganizationRoutes(app);
  registerMemberRoutes(app);
  registerOpeningRoutes(app);
  registerSlotRoutes(app);
  registerInterviewRoutes(app);
  registerMessageRoutes(app);
  registerWaitlistRoutes(app);
  registerPanelSeatRoutes(app);
  registerOpeningEndRoutes(app);
  registerAnalyticsRoutes(app);
  registerChangeFeedRoutes(app);
  registerWebhookRoutes(app);
  registerInboundRoutes(app);
  registerCalendarRoutes(app);
  registerDemoRoutes(app, options.demo);
  registerCandidateRoutes(app);
  registerEtiquetteRoutes(app);
  registerCandidatePages(app);
  registerWebApp(app, web);

  registerOpenApiDocument(app, { version: options.version ?? '1.0.0', publicUrl: options.ctx.config.publicUrl });
  return app;
}
