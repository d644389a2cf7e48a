import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertSane, nastyValue, seedFixture, seen, snapshot } from './testing/fuzz-helpers.ts';
import type { Fixture } from './testing/fuzz-helpers.ts';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

/** Malformed JSON, wrong content types, empty and oversized bodies, hostile Authorization and Idempotency-Key. */

let server: TestServer;
let fx: Fixture;

beforeAll(async () => {
  server = await startTestServer({ now: '2026-12-01T12:00:00Z' });
  fx = await seedFixture(server);
});
afterAll(async () => {
  await server?.close();
});

const POSTS = (): Array<[string, string, boolean]> => [
  ['PATCH', '/api/v1/organization', false],
  ['POST', '/api/v1/members', false],
  ['PATCH', `/api/v1/members/${fx.members[0]}`, false],
  ['POST', `/api/v1/members/${fx.members[0]}/busy`, false],
  ['POST', '/api/v1/openings', false],
  ['POST', '/api/v1/candidates', false],
  ['POST', '/api/v1/interviews', false],
  ['POST', `/api/v1/interviews/${fx.scheduled.id}/cancel`, false],
  ['POST', `/api/v1/interviews/${fx.scheduled.id}/reschedule`, false],
  ['POST', `/api/v1/interviews/${fx.scheduled.id}/no-show`, false],
  ['POST', `/api/v1/interviews/${fx.scheduled.id}/end-early`, false],
  ['POST', `/api/v1/candidate/${fx.scheduled.token}/cancel`, true],
  ['POST', `/api/v1/candidate/${fx.scheduled.token}/reschedule`, true],
  ['POST', `/api/v1/candidate/${fx.invited.token}/accept`, true],
  ['POST', `/api/v1/candidate/${fx.invited.token}/decline`, true],
  ['POST', `/api/v1/candidate/${fx.scheduled.token}/concern`, true],
  ['POST', '/api/v1/compose', false],
  ['POST', '/api/v1/review', false],
  ['POST', '/api/v1/screen-questions', false],
  ['POST', '/api/v1/session', true],
];

const malformedJson = fc.oneof(
  fc.constantFrom('', ' ', '{', '}', '[', '{"a":', '{"a":1,}', "{'a':1}", '{a:1}', 'NaN', 'undefined', '{"start":"2026-12-04T10:00:00Z"', '{"__proto__":{"x":1}}', '{"a":1}{"b":2}', '\u0000', '1e99999', '"\\ud800"', '{"a":"\\u00"}', 'null', '[]', '0', 'true'),
  fc.string({ maxLength: 60 }),
  fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1)),
);
const contentType = fc.constantFrom(undefined, 'application/json', 'application/json; charset=utf-16', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'multipart/form-data', 'application/xml', 'application/problem+json', 'APPLICATION/JSON', 'application/jsonx', '*/*', '');

/** Whether two JSON texts parse to the same value, whatever the key order. */
function sameJsonValue(a: string, b: string): boolean {
  const sorted = (_key: string, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : value;
  return JSON.stringify(JSON.parse(a), sorted) === JSON.stringify(JSON.parse(b), sorted);
}

async function send(method: string, path: string, anonymous: boolean, body: string | Uint8Array | undefined, headers: Record<string, string> = {}) {
  const all: Record<string, string> = { ...headers };
  if (!anonymous && all.authorization === undefined) all.authorization = `Bearer ${server.apiKey}`;
  const response = await server.app.request(path, { method, headers: all, ...(body !== undefined ? { body } : {}) });
  return seen(method, path, response);
}

describe('malformed bodies and content types', () => {
  it('malformed JSON text with any content type: 4xx problem, no change', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...POSTS()), malformedJson, contentType, async ([method, path, anonymous], text, type) => {
        const before = await snapshot(server, fx.members);
        const r = await send(method, path, anonymous, text, type === undefined ? {} : { 'content-type': type });
        assertSane(r);
        if (!path.endsWith('/session') && !path.endsWith('/compose') && !path.endsWith('/review') && !path.endsWith('/screen-questions')) {
          // An empty PATCH body is no body at all, read as an empty patch (see "no body at all"): it may
          // answer 200, and must still change nothing.
          if (!(method === 'PATCH' && text === '')) expect(r.status, r.text).toBeGreaterThanOrEqual(400);
          expect(await snapshot(server, fx.members)).toBe(before);
        }
      }),
      { numRuns: 150 },
    );
    // 150 requests, each with a before-and-after snapshot of the organization: slow on a busy 2-core machine.
  }, 120_000);

  it('no body at all: 4xx problem, no change', async () => {
    const accepted: string[] = [];
    for (const [method, path, anonymous] of POSTS()) {
      for (const type of [undefined, 'application/json', 'text/plain']) {
        const before = await snapshot(server, fx.members);
        const r = await send(method, path, anonymous, type === 'text/plain' ? '{"reason":"other"}' : undefined, type ? { 'content-type': type } : {});
        assertSane(r);
        // A PATCH without a JSON body is read as an empty patch (200, nothing changes): tolerated.
        if (r.status < 400 && (method !== 'PATCH' || (await snapshot(server, fx.members)) !== before)) accepted.push(`${method} ${path} [${type ?? 'no content-type'}] → ${r.status}`);
      }
    }
    expect(accepted).toEqual([]);
  });

  it('bodies over 256 KiB: 413 problem document on every endpoint, candidate pages included', async () => {
    const paths = [...POSTS(), ['POST', `/c/${fx.scheduled.token}/cancel`, true] as [string, string, boolean]];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.integer({ min: 256 * 1024 + 1, max: 2 * 1024 * 1024 }), fc.boolean(), async ([method, path, anonymous], size, valid) => {
        const before = await snapshot(server, fx.members);
        const body = valid ? JSON.stringify({ reason: 'other', note: 'x'.repeat(size) }) : 'x'.repeat(size);
        const r = await send(method, path, anonymous, body, { 'content-type': path.startsWith('/c/') ? 'application/x-www-form-urlencoded' : 'application/json' });
        assertSane(r);
        expect(r.status).toBe(413);
        expect(await snapshot(server, fx.members)).toBe(before);
      }),
      { numRuns: 25 },
    );
  });
});

/** Header values the fetch API accepts: Latin-1 without CR/LF/NUL. */
const headerValue = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f).map((c) => String.fromCharCode(c)), maxLength: 80 }),
  fc.integer({ min: 200, max: 20_000 }).map((n) => 'k'.repeat(n)),
  fc.constantFrom('Bearer', 'Bearer ', 'bearer x', 'Basic dXNlcjpwYXNz', 'Bearer lw_key_nope', 'Bearer  a b', 'Bearer\tx', 'ÿÿÿ', 'Bearer é'),
);

describe('hostile headers', () => {
  it('Authorization: never 5xx; a wrong key is a 401 problem and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(headerValue, fc.constantFrom(...POSTS().filter(([, , anonymous]) => !anonymous)), async (value, [method, path]) => {
        const before = await snapshot(server, fx.members);
        const r = await send(method, path, false, JSON.stringify({ reason: 'other' }), { authorization: value, 'content-type': 'application/json' });
        assertSane(r);
        expect(r.status).toBe(401);
        expect(await snapshot(server, fx.members)).toBe(before);
      }),
      { numRuns: 80 },
    );
  });

  it('Idempotency-Key: any key, replays are identical, a different body is 409, never 5xx', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(headerValue, nastyValue, nastyValue, fc.constantFrom(...POSTS().filter(([, path]) => !path.endsWith('/session'))), async (rawKey, first, second, [method, path, anonymous]) => {
        n += 1;
        const key = rawKey.length > 255 ? rawKey : `${n}-${rawKey}`.slice(0, 255);
        const headers = { 'idempotency-key': key, 'content-type': 'application/json' };
        const one = await send(method, path, anonymous, JSON.stringify(first) ?? 'null', headers);
        assertSane(one);
        if (key.trim().length === 0 || key.length > 255) return;
        const again = await send(method, path, anonymous, JSON.stringify(first) ?? 'null', headers);
        assertSane(again);
        expect(again.status).toBe(one.status);
        expect(again.text).toBe(one.text);
        const other = await send(method, path, anonymous, JSON.stringify(second) ?? 'null', headers);
        assertSane(other);
        const hasNul = (value: unknown) => (JSON.stringify(value) ?? '').includes('\\u0000');
        if (hasNul(first) || hasNul(second)) {
          // Refused at the door (400) before any key is claimed or compared.
          if (hasNul(second)) expect(other.status).toBe(400);
        } else if (one.status === 413 || other.status === 413) {
          // Over the size limit: refused at the door too, so the key was never claimed (or not compared).
          expect(other.status).not.toBeGreaterThanOrEqual(500);
        } else if (sameJsonValue(JSON.stringify(second) ?? 'null', JSON.stringify(first) ?? 'null')) {
          // The same value (keys in another order at most) is a replay.
          expect(other.status).toBe(one.status);
        } else {
          expect(other.status).toBe(409);
          expect(JSON.parse(other.text)).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
        }
      }),
      { numRuns: 80 },
    );
  });
});
