import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler, Next } from 'hono';
import type { IdempotencyClaim } from '../store/index.ts';
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
 * Requests whose work cannot be one transaction, kept with the old two steps (the key claimed, the work
 * done, its answer stored): they wait on other servers (a calendar's feed, a webhook endpoint, the DNS
 * server a webhook's new URL is checked with), which no transaction should be held open for, or they are
 * split into transactions on purpose (an opening's end cancels its interviews in batches that other
 * processes help with, and answers the same however often it is called).
 */
const OUTSIDE_ONE_TRANSACTION: readonly RegExp[] = [
  /^\/api\/v1\/members\/[^/]+\/calendars(\/|$)/,
  // A webhook's URL is looked up in DNS when it is added or changed.
  /^\/api\/v1\/webhooks(\/[^/]+)?$/,
  /^\/api\/v1\/webhooks\/[^/]+\/test$/,
  /^\/api\/v1\/openings\/[^/]+\/(fill|close)$/,
];

/** A response to keep as a request's answer: its status and text, credentials taken out. */
async function storedAnswer(response: Response): Promise<{ statusCode: number; responseBody: string }> {
  const stored: StoredResponse = {
    contentType: response.headers.get('content-type'),
    // A candidate link, a webhook or inbound secret in a response is a credential: the replay gets the response without it.
    body: redactInboundSecrets(redactWebhookSecrets(redactCandidateTokens(await response.clone().text()))),
  };
  return { statusCode: response.status, responseBody: JSON.stringify(stored) };
}

/** The stored answer of a key, sent again. */
function replay(c: Context<ServerEnv>, statusCode: number, responseBody: string): Response {
  const stored = JSON.parse(responseBody) as StoredResponse;
  const headers: Record<string, string> = { 'idempotent-replayed': 'true' };
  if (stored.contentType) headers['content-type'] = stored.contentType;
  if (statusCode === 204) return c.body(null, 204, headers);
  return c.body(stored.body, statusCode as ContentfulStatusCode, headers);
}

/** What a claim that is not this request's own answers instead of running it. */
function answerToClaim(c: Context<ServerEnv>, claim: Exclude<IdempotencyClaim, { state: 'claimed' }>): Response {
  if (claim.state === 'mismatch') {
    return problemResponse(c, problem(409, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request body.'));
  }
  if (claim.state === 'in_progress') {
    // Most such requests finish within a second; one whose process died frees its key within a minute.
    c.header('retry-after', '1');
    return problemResponse(c, problem(409, 'IDEMPOTENCY_IN_PROGRESS', 'A request with this key is still running; send it again shortly.'));
  }
  return replay(c, claim.statusCode, claim.responseBody);
}

/**
 * Thrown inside a request's transaction to undo what it wrote: the request is answered without a change,
 * and `keep` says whether that answer is the key's (a refusal of the request, kept with the claim) or not
 * (an answer about the key itself, or our own failure: the claim is undone too).
 */
class UndoneAnswer extends Error {
  constructor(
    readonly response: Response,
    readonly keep: boolean,
  ) {
    super('The request is answered without a change.');
  }
}

/**
 * `Idempotency-Key` with Stripe's semantics. The request is identified by method, path and the parsed
 * JSON body (key order and whitespace do not matter, values do); the stored response (status and body)
 * is replayed as it was. Needs `organizationId` to be set (keys are per organization). Candidate link
 * tokens are removed from stored responses, so a replay of a created interview carries a redacted
 * `candidateLink` (the candidate has theirs by email).
 *
 * The key, the request's whole work and its answer are one transaction (`Store.asOneTransaction`): a
 * process that dies before the commit leaves neither the change nor the key, and one that commits leaves
 * both, so a retry is either run afresh or answered as the first time, never run against its own change.
 * A second request with the same key waits at the key for the first one's commit and then gets its
 * answer. A refusal (4xx) undoes whatever the work wrote (a savepoint around the route) and is kept as
 * the answer in the same transaction; our own failure (5xx) undoes everything and keeps nothing, so the
 * client may retry. Requests that cannot be one transaction (see
 * {@link OUTSIDE_ONE_TRANSACTION}) claim the key, run, and store their answer in steps.
 */
export function idempotency(): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (!key || !MUTATING.has(c.req.method) || !c.get('organizationId')) return next();
    if (key.length > 255) {
      return problemResponse(c, problem(400, 'VALIDATION', 'Idempotency-Key must be at most 255 characters.'));
    }
    const body = await c.req.text();
    const scope = createHash('sha256').update(`${c.req.method} ${c.req.path}`).digest('hex');
    const requestHash = createHash('sha256').update(bodyFingerprint(body)).digest('hex');
    const request = { organizationId: c.get('organizationId'), scope, key, requestHash };
    if (OUTSIDE_ONE_TRANSACTION.some((pattern) => pattern.test(c.req.path))) return inSteps(c, next, request);
    return inOneTransaction(c, next, request);
  };
}

type KeyedRequest = { organizationId: string; scope: string; key: string; requestHash: string };

/**
 * The request, its key and its answer in one transaction (see {@link idempotency}). Returns the answer to
 * send when it is not the handler's own (a replay, or a word about the key).
 */
async function inOneTransaction(c: Context<ServerEnv>, next: Next, request: KeyedRequest): Promise<Response | void> {
  const ctx = c.get('ctx');
  try {
    await ctx.store.asOneTransaction(async (store) => {
      const claim = await store.idempotency.claim(request, ctx.clock());
      if (claim.state !== 'claimed') throw new UndoneAnswer(answerToClaim(c, claim), false);
      try {
        // The route's work is a part of its own: a refusal undoes what it wrote and keeps the claim, to
        // be answered with the refusal. Each transaction its use cases open is a part of this part.
        await store.transaction(async (part) => {
          c.set('ctx', { ...ctx, store: part });
          try {
            await next();
          } finally {
            c.set('ctx', ctx);
          }
          if (c.res.status >= 400) throw new UndoneAnswer(c.res, c.res.status < 500);
        });
      } catch (error) {
        if (!(error instanceof UndoneAnswer && error.keep)) throw error;
      }
      await store.idempotency.complete(request, await storedAnswer(c.res));
    });
  } catch (error) {
    // Nothing was written, the key's claim included: our own failure, or an answer about the key.
    if (!(error instanceof UndoneAnswer)) throw error;
    if (error.response !== c.res) return error.response;
  }
}

/**
 * The two steps of a request that cannot be one transaction: the key claimed, then the request run and
 * its answer stored. A process killed between the work's commit and the storing of its answer leaves the
 * key in progress; it lapses after a minute, and a retry then runs again.
 */
async function inSteps(c: Context<ServerEnv>, next: Next, request: KeyedRequest): Promise<Response | void> {
  const ctx = c.get('ctx');
  const { requestHash: _hash, ...identity } = request;
  const claim = await ctx.store.idempotency.claim(request, ctx.clock());
  if (claim.state !== 'claimed') return answerToClaim(c, claim);
  try {
    await next();
  } catch (error) {
    await ctx.store.idempotency.release(identity);
    throw error;
  }
  if (c.res.status >= 500) {
    await ctx.store.idempotency.release(identity);
    return;
  }
  // The change has committed: its answer must be kept through a database restart, or the client's retry
  // (same key) would find the key lapsed and run the request again against the changed state.
  const completion = await storedAnswer(c.res);
  await recordThroughOutage(() => ctx.store.idempotency.complete(identity, completion), { giveUpAtMs: Date.now() + COMPLETE_THROUGH_OUTAGE_MS, now: Date.now });
}
