import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { SESSION_COOKIE } from './auth.ts';
import type { ServerEnv } from './env.ts';
import { isEmployerPath } from './public-paths.ts';
import { DATABASE_RETRY_AFTER_SECONDS } from './problem.ts';
import { isRateLimitedPath } from './rate-limit.ts';
import { PROBLEM_DESCRIPTIONS } from './schemas/common.ts';
import { security as employerSecurity } from './schemas/route-helpers.ts';

/** The security schemes of the API: an API key, or the dashboard's session cookie with its CSRF token for changes. */
export const SECURITY_SCHEMES = {
  Bearer: {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key of one organization (`leeway org create` or `leeway key create`).',
  },
  SessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'The dashboard session, set HttpOnly by `POST /api/v1/session`.',
  },
  CsrfToken: {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description: "The session's csrfToken (from `POST /api/v1/session`), required with the session cookie on every change.",
  },
  InboundSecret: {
    type: 'http',
    scheme: 'bearer',
    description: "An organization's inbound secret (`lw_inbound_…`, from `POST /api/v1/inbound/secret`): only for forwarding calendar replies; an API key is refused.",
  },
} as const;

const READS = new Set(['get', 'head', 'options']);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type Requirement = Record<string, string[]>;
interface Operation {
  operationId?: string;
  tags?: string[];
  security?: Requirement[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
  [key: string]: unknown;
}
export interface OpenApiDocument {
  servers?: Array<{ url: string; description?: string }>;
  paths?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

/** `post /api/v1/interviews/{id}/no-show` → `postInterviewsIdNoShow`: for an operation its route did not name. */
function derivedOperationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\/v1\//, '/')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1));
  return method + words.join('');
}

/**
 * What every operation must say for client generators, applied in one place so no route can forget it:
 * an operationId; its security, when the route left it out, by the same rule as the middleware
 * (`isEmployerPath`); the CSRF token beside the session cookie on every change (as `requireEmployer`
 * enforces it, with its 403); 413 and 415 wherever a body is accepted (the body guards answer them before any route);
 * 429 with Retry-After wherever a credential's requests are limited, 503 with Retry-After wherever the database
 * is asked; and the servers, from the public URL.
 */
export function finishDocument(document: OpenApiDocument, publicUrl: string): OpenApiDocument {
  const problem = (status: number) => ({
    description: PROBLEM_DESCRIPTIONS[status] ?? 'Problem',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  });
  const retryAfter = { 'Retry-After': { description: 'Whole seconds to wait before trying again', schema: { type: 'integer', minimum: 1 } } };
  const rateLimited = {
    ...problem(429),
    description: 'Too many requests with this credential (code RATE_LIMITED); try again after Retry-After seconds',
    headers: {
      ...retryAfter,
      'RateLimit-Limit': { description: 'Requests allowed at once (the burst)', schema: { type: 'integer' } },
      'RateLimit-Remaining': { description: 'Requests left now', schema: { type: 'integer' } },
      'RateLimit-Reset': { description: 'Seconds until the full burst is available again', schema: { type: 'integer' } },
    },
  };
  const databaseUnavailable = {
    ...problem(503),
    description: `The database is unavailable or too busy (code DATABASE_UNAVAILABLE); try again after Retry-After seconds (${DATABASE_RETRY_AFTER_SECONDS}), a change with the same Idempotency-Key`,
    headers: retryAfter,
  };
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      operation.operationId ??= derivedOperationId(method, path);
      operation.security ??= isEmployerPath(path) ? employerSecurity : [];
      if (!READS.has(method)) {
        operation.security = operation.security.map((requirement) =>
          'SessionCookie' in requirement && !('CsrfToken' in requirement) ? { ...requirement, CsrfToken: [] } : requirement,
        );
      }
      if (operation.security.some((requirement) => 'CsrfToken' in requirement)) {
        operation.responses ??= {};
        operation.responses['403'] ??= problem(403);
      }
      if (operation.requestBody) {
        operation.responses ??= {};
        for (const status of [413, 415]) operation.responses[String(status)] ??= problem(status);
      }
      if (isRateLimitedPath(path)) {
        operation.responses ??= {};
        operation.responses['429'] ??= rateLimited;
      }
      if (path !== '/openapi.json') {
        operation.responses ??= {};
        operation.responses['503'] ??= databaseUnavailable;
      }
    }
  }
  return { ...document, tags: tagsOf(document), servers: [{ url: publicUrl.replace(/\/+$/, ''), description: 'This Leeway server' }] };
}

/** Every tag the operations use, listed once with a description, in the order they first appear. */
function tagsOf(document: OpenApiDocument): Array<{ name: string; description: string }> {
  const names = new Set<string>();
  for (const item of Object.values(document.paths ?? {})) {
    for (const method of METHODS) for (const tag of (item[method] as Operation | undefined)?.tags ?? []) names.add(tag);
  }
  return [...names].map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? `Operations on ${name}` }));
}

const documentRoute = createRoute({
  method: 'get',
  path: '/openapi.json',
  operationId: 'getOpenApiDocument',
  tags: ['meta'],
  summary: 'This OpenAPI 3.1 document',
  security: [],
  responses: {
    200: {
      description: 'The OpenAPI document, generated from the routes',
      content: { 'application/json': { schema: z.record(z.string(), z.unknown()).openapi({ description: 'An OpenAPI 3.1 document.' }) } },
    },
  },
});

/** Serves `/openapi.json`: the document generated from the routes, finished, built once. */
export function registerOpenApiDocument(app: OpenAPIHono<ServerEnv>, options: { version: string; publicUrl: string }): void {
  for (const [name, scheme] of Object.entries(SECURITY_SCHEMES)) app.openAPIRegistry.registerComponent('securitySchemes', name, { ...scheme });
  let built: OpenApiDocument | null = null;
  app.openapi(documentRoute, (c) => {
    built ??= finishDocument(
      app.getOpenAPI31Document({
        openapi: '3.1.0',
        info: {
          title: 'Leeway API',
          version: options.version,
          description: 'Interview scheduling in which cancelling, rescheduling and declining are first-class.',
          // OpenAPI 3.1 names a license by its SPDX identifier; the generator's types know only 3.0's url.
          license: { name: 'MIT', identifier: 'MIT' } as { name: string },
        },
      }) as unknown as OpenApiDocument,
      options.publicUrl,
    );
    return c.json(built as Record<string, unknown>, 200);
  });
}

const TAG_DESCRIPTIONS: Record<string, string> = {
  health: 'Liveness',
  meta: 'This description of the API',
  session: 'Dashboard sign-in with a session cookie',
  organization: 'The organization of the credential',
  members: 'Interviewers, recruiters and admins, and their busy time',
  openings: 'Positions to fill',
  candidates: 'People interviewing',
  slots: 'Free times of a panel',
  interviews: 'Booking, moving, cancelling and recording interviews',
  candidate: "The candidate's side, behind the token in their link",
  messages: 'Every email sent or to be sent, as worded',
  etiquette: 'Composing and reviewing messages, screening questions',
  waitlist: 'Candidates waiting for a freed time',
  panel: 'Panelists who decline and who stands in for them',
  seat: "A panelist's seat, behind the token in their link",
  analytics: 'Cancellations, notice and backfill in numbers',
};
