import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertSane, nastyString, safeEncode, seedFixture, seen, snapshot } from './testing/fuzz-helpers.ts';
import type { Fixture } from './testing/fuzz-helpers.ts';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

/** Random query strings on the GET endpoints and random path segments for ids and candidate tokens. */

let server: TestServer;
let fx: Fixture;

beforeAll(async () => {
  server = await startTestServer({ now: '2026-12-01T12:00:00Z' });
  fx = await seedFixture(server);
});
afterAll(async () => {
  await server?.close();
});

const auth = () => ({ authorization: `Bearer ${server.apiKey}` });

async function get(path: string) {
  return seen('GET', path, await server.app.request(path, { headers: auth() }));
}

const instantLike = fc.oneof(
  nastyString,
  fc.constantFrom('2026-12-01T00:00:00Z', '2026-12-08T00:00:00Z', '2000-01-01T00:00:00Z', '2199-12-31T23:59:59Z', '2026-12-01T00:00:00+14:00', '2026-12-01', '2026-13-01T00:00:00Z', '2026-12-01T24:00:00Z', '1970-01-01T00:00:00Z', '-000001-01-01T00:00:00Z'),
  fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2300-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
);
const idLike = () => fc.oneof(nastyString, fc.constantFrom(...fx.members, fx.opening, fx.candidate, fx.scheduled.id), fc.uuid().map(String));
const commaList = () => fc.array(idLike(), { maxLength: 6 }).map((ids) => ids.join(fc.sample(fc.constantFrom(',', ', ', ',,', ' , '), 1)[0]));
const numberLike = fc.oneof(nastyString, fc.integer({ min: -10, max: 3000 }).map(String), fc.constantFrom('5', '30', '60', '1440', '1e3', '60.5', ' 60', '0x3c', ''));

/** Some of these keys, each with one generated value (or repeated, which URLSearchParams allows). */
function query(params: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string> {
  const entries = Object.entries(params).map(([key, value]) => fc.option(fc.array(value, { minLength: 1, maxLength: 2 }).map((values) => values.map((v) => [key, v] as [string, string])), { nil: undefined }));
  return fc.tuple(fc.tuple(...entries), fc.option(fc.tuple(nastyString, nastyString), { nil: undefined }), fc.boolean()).map(([chosen, extra, raw]) => {
    const search = new URLSearchParams();
    for (const pairs of chosen) for (const [k, v] of pairs ?? []) search.append(k, v);
    if (extra) search.append(extra[0], extra[1]);
    // Sometimes unencoded, as a careless client would send it.
    return raw ? decodeURIComponent(search.toString().replace(/%(?![0-9A-F]{2})/gi, '%25')).replace(/[#\s]/g, '') : search.toString();
  });
}

describe('random query strings on GET endpoints', () => {
  it('GET /slots', async () => {
    await fc.assert(
      fc.asyncProperty(query({ members: commaList(), durationMinutes: numberLike, from: instantLike, to: instantLike, stepMinutes: numberLike }), async (q) => {
        assertSane(await get(`/api/v1/slots?${q}`));
      }),
      { numRuns: 120 },
    );
  });

  it('GET /slots over the widest allowed window with the finest step answers promptly', async () => {
    const started = Date.now();
    const r = await get(`/api/v1/slots?members=${fx.members.join(',')}&durationMinutes=5&stepMinutes=5&from=2000-01-01T00:00:00Z&to=2199-12-31T00:00:00Z`);
    assertSane(r);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('GET /interviews', async () => {
    const status = fc.oneof(nastyString, fc.constantFrom('invited', 'scheduled', 'cancelled', 'SCHEDULED', 'scheduled,invited'));
    await fc.assert(
      fc.asyncProperty(query({ status, openingId: idLike(), candidateId: idLike(), memberId: idLike(), from: instantLike, to: instantLike }), async (q) => {
        assertSane(await get(`/api/v1/interviews?${q}`));
      }),
      { numRuns: 120 },
    );
  });

  it('GET /messages', async () => {
    await fc.assert(
      fc.asyncProperty(query({ interviewId: idLike(), to: fc.oneof(nastyString, fc.constant('CY@example.com')), kind: nastyString }), async (q) => {
        assertSane(await get(`/api/v1/messages?${q}`));
      }),
      { numRuns: 100 },
    );
  });

  it('GET /members/{id}/busy', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(idLike(), fc.constant(fx.members[1]!)), query({ from: instantLike, to: instantLike }), async (id, q) => {
        assertSane(await get(`/api/v1/members/${safeEncode(id)}/busy?${q}`));
      }),
      { numRuns: 100 },
    );
  });
});

describe('edge cases found by the properties', () => {
  it('GET /members/{id}/busy with to before from answers 400, not 500', async () => {
    const r = await get(`/api/v1/members/${fx.members[0]}/busy?from=2026-12-01T00:00:00.001Z&to=2026-12-01T00:00:00Z`);
    assertSane(r);
    expect(r.status).toBe(400);
  });

  it('GET /messages with a NUL in kind or to answers 4xx or an empty list, not 500', async () => {
    for (const q of ['kind=%00', 'to=%00', 'kind=a%00b']) assertSane(await get(`/api/v1/messages?${q}`));
  });
});

/** A path segment: encoded random text, raw junk, unknown uuids, near-miss tokens, very long. */
const segment = fc.oneof(
  nastyString.filter((s) => s.length > 0).map((s) => safeEncode(s)),
  fc.constantFrom('%', '%zz', '%2F', '%2e%2e', '..', '.', '%00', '%C0%AF', '%E2%80%AE', '%F0%9F%99%82', '%uD800', 'null', 'undefined', '0', '-1'),
  fc.uuid().map(String),
  fc.uuid().map((u) => u.toUpperCase()),
  fc.uuid().map((u) => `{${u}}`),
  fc.integer({ min: 200, max: 20_000 }).map((n) => 'a'.repeat(n)),
  fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'.split('')), minLength: 0, maxLength: 60 }).map((s) => `lw_cand_${s}`),
);

describe('random path segments for ids and candidate tokens', () => {
  const employer: Array<[string, (s: string) => string]> = [
    ['GET', (s) => `/api/v1/members/${s}`],
    ['GET', (s) => `/api/v1/openings/${s}`],
    ['GET', (s) => `/api/v1/candidates/${s}`],
    ['GET', (s) => `/api/v1/interviews/${s}`],
    ['GET', (s) => `/api/v1/interviews/${s}/calendar.ics`],
    ['PATCH', (s) => `/api/v1/members/${s}`],
    ['POST', (s) => `/api/v1/members/${s}/busy`],
    ['DELETE', (s) => `/api/v1/members/${s}/busy/${fx.busyId}`],
    ['DELETE', (s) => `/api/v1/members/${fx.members[1]}/busy/${s}`],
    ['POST', (s) => `/api/v1/interviews/${s}/cancel`],
    ['POST', (s) => `/api/v1/interviews/${s}/reschedule`],
    ['POST', (s) => `/api/v1/interviews/${s}/complete`],
    ['POST', (s) => `/api/v1/interviews/${s}/no-show`],
    ['POST', (s) => `/api/v1/openings/${s}/fill`],
  ];
  const bodies: Record<string, unknown> = {
    cancel: { reason: 'other' }, reschedule: { start: '2026-12-04T14:00:00Z' }, 'no-show': { party: 'candidate' }, busy: { start: '2026-12-05T10:00:00Z', end: '2026-12-05T11:00:00Z' },
  };

  it('employer routes: 4xx problem documents, no change', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...employer), segment, async ([method, path], s) => {
        const url = path(s);
        const before = method === 'GET' ? '' : await snapshot(server, fx.members);
        const last = url.split('/').pop()!;
        const body = method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify(bodies[last] ?? { name: 'X' });
        const response = await server.app.request(url, { method, headers: { ...auth(), 'content-type': 'application/json' }, ...(body ? { body } : {}) });
        const r = await seen(method, url, response);
        assertSane(r);
        if (method !== 'GET') {
          expect(r.status).toBeGreaterThanOrEqual(400);
          expect(await snapshot(server, fx.members)).toBe(before);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('candidate API routes: 404 problem documents for every wrong token, no change', async () => {
    const actions = ['', '/accept', '/reschedule', '/cancel', '/decline', '/withdraw', '/concern', '/nope'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...actions), segment, async (action, s) => {
        const url = `/api/v1/candidate/${s}${action}`;
        const method = action === '' ? 'GET' : 'POST';
        const before = method === 'GET' ? '' : await snapshot(server, fx.members);
        const response = await server.app.request(url, { method, headers: { 'content-type': 'application/json' }, ...(method === 'POST' ? { body: JSON.stringify({ reason: 'other', start: fx.invited.slot, category: 'other', details: 'x' }) } : {}) });
        const r = await seen(method, url, response);
        assertSane(r);
        // Dot segments are resolved by the URL parser first (`/candidate/..` is `/api/v1/`): any problem will do.
        if (!/^(\.|%2e){1,2}$/i.test(s)) expect([400, 404]).toContain(r.status);
        if (method !== 'GET') expect(await snapshot(server, fx.members)).toBe(before);
      }),
      { numRuns: 100 },
    );
  });

  it('candidate pages (/c/...): never 5xx, never a stack trace, no change', async () => {
    const actions = ['', '/accept', '/cancel', '/decline', '/withdraw', '/concern', '/reschedule', '/nope'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...actions), segment, async (action, s) => {
        const url = `/c/${s}${action}`;
        const method = action === '' ? 'GET' : 'POST';
        const before = method === 'GET' ? '' : await snapshot(server, fx.members);
        const response = await server.app.request(url, { method, ...(method === 'POST' ? { body: new URLSearchParams({ reason: 'other', start: fx.invited.slot }) } : {}) });
        const r = await seen(method, url, response);
        assertSane(r, { problemFor4xx: false });
        if (method !== 'GET') expect(await snapshot(server, fx.members)).toBe(before);
      }),
      { numRuns: 80 },
    );
  });
});
