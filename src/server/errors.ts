import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { isDomainError } from '../core/errors.ts';
import { isDatabaseUnavailable } from '../store/database-errors.ts';
import type { ServerEnv } from './env.ts';
import { databaseUnavailableResponse, problem, problemResponse, STATUS_BY_CODE } from './problem.ts';

/** Problem fields a domain error's details may never overwrite. */
const RESERVED = new Set(['type', 'title', 'status', 'detail', 'code', 'errors']);

/** Why a body did not parse as JSON, in words: an empty one is told so rather than called invalid. */
function notJson(c: Context<ServerEnv>): string {
  return c.req.header('content-length') === '0' ? 'The request body is empty: send a JSON object.' : 'The request body is not valid JSON.';
}

export type ErrorLogger = (entry: Record<string, unknown>) => void;

/** While the database is away every request fails alike: one log line per this long says so, with a count. */
const OUTAGE_LOG_EVERY_MS = 10_000;

/**
 * The one place errors become responses. Domain errors map through the table; a database that cannot be
 * reached or is overloaded is a 503 with Retry-After (the client may simply try again); everything unknown
 * is a 500 with a request id to quote — logged with its stack here, never sent to the client.
 */
export function createErrorHandler(log: ErrorLogger) {
  let outage = { loggedAt: Number.NEGATIVE_INFINITY, heldBack: 0 };
  return (error: Error, c: Context<ServerEnv>): Response => {
    if (isDatabaseUnavailable(error)) {
      const now = Date.now();
      if (now - outage.loggedAt >= OUTAGE_LOG_EVERY_MS) {
        log({ level: 'warn', event: 'database.unavailable', requestId: c.get('requestId'), error: error.message, refusedSinceLastLine: outage.heldBack });
        outage = { loggedAt: now, heldBack: 0 };
      } else {
        outage.heldBack += 1;
      }
      return databaseUnavailableResponse(c);
    }
    if (isDomainError(error)) {
      const status = STATUS_BY_CODE[error.code];
      const errors = (error.details?.errors as Array<{ path: string; message: string }> | undefined) ?? undefined;
      const extra: Record<string, unknown> = {};
      if (errors) extra.errors = errors;
      for (const [name, value] of Object.entries(error.details ?? {})) {
        if (!RESERVED.has(name)) extra[name] = value;
      }
      return problemResponse(c, problem(status, error.code, error.message, extra));
    }
    if (error instanceof HTTPException) {
      const status = error.status;
      if (status === 415) {
        return problemResponse(c, problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send request bodies as JSON (Content-Type: application/json).'));
      }
      const detail = status === 400 ? notJson(c) : error.message || 'Request refused.';
      return problemResponse(c, problem(status, status === 400 ? 'VALIDATION' : `HTTP_${status}`, detail));
    }
    if (error instanceof SyntaxError) {
      return problemResponse(c, problem(400, 'VALIDATION', notJson(c)));
    }
    const requestId = c.get('requestId');
    log({ level: 'error', requestId, method: c.req.method, path: c.req.path, error: error.message, stack: error.stack });
    return problemResponse(
      c,
      problem(500, 'INTERNAL', `Something went wrong on our side. Quote request id ${requestId} when reporting it.`, {
        requestId,
      }),
    );
  };
}
