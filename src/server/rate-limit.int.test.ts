import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerApp } from './app.ts';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

/** A slow refill, so that a slow machine's requests do not earn a token back within a test. */
const SLOW = 0.1;

describe('the per-credential rate limit', () => {
  let base: TestServer;
  beforeAll(async () => {
    base = await startTestServer();
  });
  afterAll(() => base.close());

  /** Each test has a server app (and buckets) of its own over the one database. */
  function limitedServer(settings = { perSecond: SLOW, burst: 3 }) {
    const app = createServerApp({ ctx: base.ctx, log: () => undefined, rateLimit: settings });
    const call = (path: string, apiKey: string | null = base.apiKey) =>
      Promise.resolve(app.request(path, apiKey === null ? {} : { headers: { authorization: `Bearer ${apiKey}` } }));
    return { app, call, base };
  }

  it('answers 429 with Retry-After and RateLimit headers once a key spent its burst, and keys do not share', async () => {
    const { call } = limitedServer();
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await call('/api/v1/members'));
    expect(answers.map((response) => response.status)).toEqual([200, 200, 200, 429]);
    expect(answers[0]!.headers.get('ratelimit-limit')).toBe('3');
    expect(answers[0]!.headers.get('ratelimit-remaining')).toBe('2');
    const refused = answers[3]!;
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    const body = (await refused.json()) as { status: number; code: string; retryAfterSeconds: number };
    expect(body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(refused.headers.get('retry-after')).toBe(String(body.retryAfterSeconds));
    expect(body.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(body.retryAfterSeconds).toBeLessThanOrEqual(10);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');

    const other = await base.newOrganization('Globex');
    expect((await call('/api/v1/members', other.apiKey)).status).toBe(200);
  });

  it('still tells an unknown key 401, and leaves the health check and the OpenAPI document alone', async () => {
    const { call } = limitedServer({ perSecond: SLOW, burst: 1 });
    for (let i = 0; i < 3; i += 1) {
      expect((await call('/api/v1/members', 'lw_not_a_key')).status).toBe(401);
      expect((await call('/healthz', null)).status).toBe(200);
      expect((await call('/openapi.json', null)).status).toBe(200);
    }
  });

  it('limits a candidate link by its token', async () => {
    const { call } = limitedServer({ perSecond: SLOW, burst: 2 });
    const link = '/api/v1/candidate/lw_ct_madeupmadeupmadeupmadeup';
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await call(link, null)).status);
    expect(statuses).toEqual([404, 404, 429]);
    expect((await call('/api/v1/candidate/lw_ct_anotheranotheranother', null)).status).toBe(404);
  });

  it('is off at 0 requests a second', async () => {
    const { call } = limitedServer({ perSecond: 0, burst: 1 });
    for (let i = 0; i < 5; i += 1) expect((await call('/api/v1/members')).status).toBe(200);
  });
});
