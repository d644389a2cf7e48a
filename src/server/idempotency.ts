import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { redactCandidateTokens } from '../app/interviews/candidate-token.ts';
import type { ServerEnv } from './env.ts';
import { problem, problemResponse } from './problem.ts';
import { redactWebhookSecrets } from '../core/webhooks/signature.ts';
import { redactInboundSecrets } from '../core/inbound/inbound-secret-text.ts';
import { recordThroughOutage } from '../store/record-through-outage.ts';

interface StoredResponse {
  contentType: string | null;
  body: string;
}

const MUTATING = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/**
 * How long a committed request's answer is tried again while the database is away, the client waiting:
 * a restart takes a second or two, and within a minute a key still in progress lapses and the request
 * could run again.
 */
const COMPLETE_THROUGH_OUTAGE_MS = 20_000;

/**
 * JSON text with object keys sorted and no whitespace: two bodies that parse to the same value have the
 * same canonical form, whatever their spacing or key order. Throws on text that is not JSON.
 */
export function canonicalJson(text: string): string {
  const write = (value: unknown): string => {
    if (Array.isArray(value)) return `[${value.map(write).join(',')}]`;
    if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      return `{${Object.keys(record)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${write(record[key])}`)
        .join(',')}}`;
    }
    // 1e400 parses to Infinity, which JSON would write as null: such a body is compared by its text.
    if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError('A number out of range has no canonical form.');
    return JSON.stringify(value);
  };
  return write(JSON.parse(text) as unknown);
}

/**
 * What identifies a request's body: its canonical JSON, or its exact text when it is not JSON (or too
 * deeply nested to walk), so a replay is recognised by meaning and never by formatting.
 */
function bodyFingerprint(body: string): string {
  try {
    return `json:${canonicalJson(body)}`;
  } catch {
    return `text:${body}`;
  }
}

/**
 * `Idempotency-Key` with Stripe's semantics. The request is identified by method, path and the parsed
 * JSON body (key order and whitespace do not matter, values do); the stored response (status and body)
 * is replayed as it was. Responses of 5xx are not stored, so a client may retry after our failure. Needs `organizationId` to be set (keys are per organization).
 * Candidate link tokens are removed from stored responses, so a replay of a created interview carries
 * a redacted `candidateLink` (the candidate has theirs by email).
 */
export function idempotency(): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (!key || !MUTATING.has(c.req.method) || !c.get('organizationId')) return next();
    if (key.length > 255) {
      return problemResponse(c, problem(400, 'VALIDATION', 'Idempotency-Key must be at most 255 characters.'));
    }
    const store = c.get('ctx').store;
    const body = await c.req.text();
    const scope = createHash('sha256').update(`${c.req.method} ${c.req.path}`).digest('hex');
    const requestHash = createHash('sha256').update(bodyFingerprint(body)).digest('hex');
    const identity = { organizationId: c.get('organizationId'), scope, key };
    const claim = await store.idempotency.claim({ ...identity, requestHash }, c.get('ctx').clock());
    if (claim.state === 'mismatch') {
      return problemResponse(
        c,
        problem(409, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request body.'),
      );
    }
    if (claim.state === 'in_progress') {
      // Most such requests finish within a second; one whose process died frees its key within a minute.
      c.header('retry-after', '1');
      return problemResponse(c, problem(409, 'IDEMPOTENCY_IN_PROGRESS', 'A request with this key is still running; send it again shortly.'));
    }
    if (claim.state === 'replay') {
      const stored = JSON.parse(claim.responseBody) as StoredResponse;
      const headers: Record<string, string> = { 'idempotent-replayed': 'true' };
      if (stored.contentType) headers['content-type'] = stored.contentType;
      if (claim.statusCode === 204) return c.body(null, 204, headers);
      return c.body(stored.body, claim.statusCode as ContentfulStatusCode, headers);
    }
    try {
      await next();
    } catch (error) {
      await store.idempotency.release(identity);
      throw error;
    }
    const response = c.res;
    if (response.status >= 500) {
      await store.idempotency.release(identity);
      return;
    }
    const stored: StoredResponse = {
      contentType: response.headers.get('content-type'),
      // A candidate link, a webhook or inbound secret in a response is a credential: the replay gets the response without it.
      body: redactInboundSecrets(redactWebhookSecrets(redactCandidateTokens(await response.clone().text()))),
    };
    // The change has committed: its answer must be kept through a database restart, or the client's retry
    // (same key) would find the key lapsed and run the request again against the changed state.
    const completion = { statusCode: response.status, responseBody: JSON.stringify(stored) };
    await recordThroughOutage(() => store.idempotency.complete(identity, completion), { giveUpAtMs: Date.now() + COMPLETE_THROUGH_OUTAGE_MS, now: Date.now });
  };
}
