import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { redactCandidateTokens } from '../core/candidate-link.ts';
import type { DomainErrorCode } from '../core/errors.ts';

/** The one table from domain error codes to HTTP statuses. */
export const STATUS_BY_CODE: Record<DomainErrorCode, ContentfulStatusCode> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  SLOT_TAKEN: 409,
  CANDIDATE_BUSY: 409,
  INVALID_STATE: 409,
  CONFLICT: 409,
  AFTER_START: 409,
  OPENING_NOT_OPEN: 409,
  OFFER_TAKEN: 409,
  OFFER_EXPIRED: 409,
  OUTSIDE_AVAILABILITY: 422,
  UNAUTHORIZED: 401,
  RATE_LIMITED: 429,
  URL_NOT_ALLOWED: 400,
  SECRET_KEY_REQUIRED: 503,
};

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable request',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: Array<{ path: string; message: string }>;
  [extra: string]: unknown;
}

/** An RFC 9457 problem document; `type` is a stable relative URI per code. */
export function problem(
  status: number,
  code: string,
  detail: string,
  extra: Record<string, unknown> = {},
): Problem {
  return {
    type: `/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...extra,
  };
}

/** Seconds a client is told to wait before trying again after a 503: long enough for a pool to drain or a server to restart. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

/**
 * 503 DATABASE_UNAVAILABLE with Retry-After: the database cannot be reached or is too busy. A change cut
 * off this way may or may not have been stored, so it is retried with its Idempotency-Key.
 */
export function databaseUnavailableResponse(c: Context): Response {
  c.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
  return problemResponse(
    c,
    problem(503, 'DATABASE_UNAVAILABLE', `The database is unavailable or too busy right now; try again in ${DATABASE_RETRY_AFTER_SECONDS} seconds (a change with the same Idempotency-Key).`, {
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
    }),
  );
}

/**
 * A problem can echo what the client sent (an unknown field's name); anything shaped like a candidate link
 * token is redacted, as in every stored response, so a replay is the very same document.
 */
export function problemResponse(c: Context, body: Problem): Response {
  return c.body(redactCandidateTokens(JSON.stringify(body)), body.status as ContentfulStatusCode, {
    'content-type': 'application/problem+json',
  });
}
