import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { SESSION_COOKIE } from './auth.ts';
import type { ServerEnv } from './env.ts';
import { problem, problemResponse } from './problem.ts';
import { isEmployerPath } from './public-paths.ts';

/** Requests each credential may make: `perSecond` sustained, up to `burst` at once. */
export interface RateLimitSettings {
  /** `LEEWAY_RATE_LIMIT_PER_SECOND`; 0 turns the limit off. */
  perSecond: number;
  /** `LEEWAY_RATE_LIMIT_BURST`: how many may come at once after a quiet spell. */
  burst: number;
}

/** High enough for any person and for a busy integration; a runaway script is slowed down. */
export const DEFAULT_RATE_LIMIT: RateLimitSettings = { perSecond: 50, burst: 100 };

/** Buckets kept at most; the least recently used goes first, which is a full one unless this many keys are busy at once. */
const MAX_BUCKETS = 10_000;

export interface BucketVerdict {
  allowed: boolean;
  limit: number;
  /** Whole requests left now. */
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
  /** When refused: whole seconds until one request is allowed again (at least 1). */
  retryAfterSeconds: number;
}

/**
 * A token bucket per key: each request takes a token, tokens come back at `perSecond` up to `burst`.
 * Buckets live in a map bounded by `maxBuckets`, in order of last use; an idle bucket is full again and
 * forgetting it changes nothing.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly settings: RateLimitSettings,
    private readonly now: () => number = () => performance.now(),
    private readonly maxBuckets = MAX_BUCKETS,
  ) {}

  get size(): number {
    return this.buckets.size;
  }

  take(key: string): BucketVerdict {
    const { perSecond, burst } = this.settings;
    const at = this.now();
    const known = this.buckets.get(key);
    const tokens = known ? Math.min(burst, known.tokens + ((at - known.at) / 1000) * perSecond) : burst;
    const allowed = tokens >= 1;
    const left = allowed ? tokens - 1 : tokens;
    // Deleted and set again: the map's order is the order of last use.
    this.buckets.delete(key);
    this.buckets.set(key, { tokens: left, at });
    if (this.buckets.size > this.maxBuckets) this.buckets.delete(this.buckets.keys().next().value as string);
    return {
      allowed,
      limit: burst,
      remaining: Math.floor(left),
      resetSeconds: Math.ceil((burst - left) / perSecond),
      retryAfterSeconds: Math.max(1, Math.ceil((1 - left) / perSecond)),
    };
  }
}

const digest = (kind: string, secret: string) => `${kind}:${createHash('sha256').update(secret).digest('base64url').slice(0, 22)}`;

/** The token of a candidate's or panelist's link, from the API's or the candidate pages' path. */
const LINK_PATH = /^\/(?:api\/v1\/candidate|api\/v1\/seat|c)\/([^/]+)/;

/** Whether requests to this path (a route's path, `{token}` templates included) spend a credential's requests. */
export function isRateLimitedPath(path: string): boolean {
  return LINK_PATH.test(path) || isEmployerPath(path);
}

/**
 * Which credential a request spends: the API key or the session the employer side was authenticated with
 * (this runs after authentication, so neither is unknown here), or a link's token. Only a digest is kept,
 * never the credential. Requests with no credential (health, the OpenAPI document, signing in) have none.
 */
export function rateLimitKey(c: Context<ServerEnv>): string | null {
  const path = c.req.path;
  const link = LINK_PATH.exec(path);
  if (link?.[1]) return digest('link', link[1]);
  if (!isEmployerPath(path)) return null;
  const header = c.req.header('authorization');
  if (header !== undefined) return digest('key', header.trim());
  const session = getCookie(c, SESSION_COOKIE);
  return session ? digest('session', session) : null;
}

/**
 * The per-credential limit: over it, 429 RATE_LIMITED with Retry-After. Every limited response carries
 * RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset, so a client can pace itself before it is refused.
 */
export function rateLimit(settings: RateLimitSettings, buckets = new TokenBuckets(settings)): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const key = settings.perSecond > 0 ? rateLimitKey(c) : null;
    if (key === null) return next();
    const verdict = buckets.take(key);
    c.header('ratelimit-limit', String(verdict.limit));
    c.header('ratelimit-remaining', String(verdict.remaining));
    c.header('ratelimit-reset', String(verdict.resetSeconds));
    if (!verdict.allowed) {
      c.header('retry-after', String(verdict.retryAfterSeconds));
      return problemResponse(
        c,
        problem(429, 'RATE_LIMITED', `Too many requests with this credential; try again in ${verdict.retryAfterSeconds} s.`, {
          retryAfterSeconds: verdict.retryAfterSeconds,
        }),
      );
    }
    return next();
  };
}
