import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../app/organizations.ts';
import { testEngines } from '../store/testing/engines.ts';
import { INBOUND_EMAIL_PATH, isEmployerPath } from './public-paths.ts';
import { NINE_TO_FIVE, startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

/** One vocabulary across the API: the same input is read, refused and answered the same way everywhere. */

let server: TestServer;
let counter = 0;

beforeAll(async () => {
  server = await startTestServer({ now: '2026-12-01T12:00:00Z' });
});
afterAll(async () => {
  await server?.close();
});

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: Array<{ path: string; message: string }>;
}

const unique = (prefix: string) => `${prefix}-${(counter += 1)}`;
const member = (overrides: Record<string, unknown> = {}) => ({
  name: 'Ada',
  email: `${unique('ada')}@acme.test`,
  role: 'interviewer',
  timezone: 'Europe/London',
  workingHours: NINE_TO_FIVE,
  ...overrides,
});
const candidate = (overrides: Record<string, unknown> = {}) => ({ name: 'Cy', email: `${unique('cy')}@example.com`, timezone: 'UTC', ...overrides });

async function created<T = { id: string }>(response: Response | Promise<Response>): Promise<T> {
  const res = await response;
  const text = await res.text();
  expect(res.status, text).toBe(201);
  return JSON.parse(text) as T;
}

async function problemOf(response: Response | Promise<Response>, status: number): Promise<Problem> {
  const res = await response;
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return JSON.parse(text) as Problem;
}

const paths = (p: Problem) => (p.errors ?? []).map((e) => e.path);

describe('time-zone names', () => {
  it('are accepted in any case and stored and shown in their canonical spelling', async () => {
    const ada = await created<{ id: string; timezone: string }>(server.call('POST', '/api/v1/members', member({ timezone: 'america/new_york' })));
    expect(ada.timezone).toBe('America/New_York');
    expect(await (await server.call('GET', `/api/v1/members/${ada.id}`)).json()).toMatchObject({ timezone: 'America/New_York' });
    const patched = await server.call('PATCH', `/api/v1/members/${ada.id}`, { timezone: 'ASIA/KOLKATA' });
    expect(await patched.json()).toMatchObject({ timezone: 'Asia/Kolkata' });

    const cy = await created<{ id: string; timezone: string }>(server.call('POST', '/api/v1/candidates', candidate({ timezone: 'europe/berlin' })));
    expect(cy.timezone).toBe('Europe/Berlin');
    expect(await (await server.call('GET', `/api/v1/candidates/${cy.id}`)).json()).toMatchObject({ timezone: 'Europe/Berlin' });

    const org = await server.call('PATCH', '/api/v1/organization', { timezone: 'america/port-au-prince' });
    expect(await org.json()).toMatchObject({ timezone: 'America/Port-au-Prince' });
    expect(await (await server.call('GET', '/api/v1/organization')).json()).toMatchObject({ timezone: 'America/Port-au-Prince' });
    await server.call('PATCH', '/api/v1/organization', { timezone: 'America/New_York' });

    const made = await createOrganization(server.ctx, { name: 'Lower', timezone: 'pacific/auckland' });
    expect(made.organization.timezone).toBe('Pacific/Auckland');
  });

  it('still refuses names that are no time zone', async () => {
    const refused = await problemOf(server.call('POST', '/api/v1/members', member({ timezone: 'mars/olympus' })), 400);
    expect(paths(refused)).toEqual(['timezone']);
  });
});

describe('phone numbers', () => {
  it('are normalised to E.164 and stored so, for members, candidates and the organization', async () => {
    const ada = await created<{ id: string; phone: string }>(server.call('POST', '/api/v1/members', member({ phone: '+44 (20) 7946-0000' })));
    expect(ada.phone).toBe('+442079460000');
    const patched = await server.call('PATCH', `/api/v1/members/${ada.id}`, { phone: '0049 30.1234.5678' });
    expect(await patched.json()).toMatchObject({ phone: '+493012345678' });
    const cleared = await server.call('PATCH', `/api/v1/members/${ada.id}`, { phone: null });
    expect(await cleared.json()).toMatchObject({ phone: null });

    const cy = await created<{ phone: string }>(server.call('POST', '/api/v1/candidates', candidate({ phone: '+1 (212) 555-0134' })));
    expect(cy.phone).toBe('+12125550134');

    const org = await server.call('PATCH', '/api/v1/organization', { contactPhone: '+1.212.555.0199' });
    expect(await org.json()).toMatchObject({ contactPhone: '+12125550199' });
    expect(await (await server.call('GET', '/api/v1/organization')).json()).toMatchObject({ contactPhone: '+12125550199' });
  });

  it('are refused with a field error when they cannot be a number in E.164', async () => {
    for (const phone of ['020 7946 0000', '+12', '+1 555 0100 ext 5', '+0 555 0100 000', 'call me', '+1234567890123456', '++44 20 7946 0000']) {
      const refused = await problemOf(server.call('POST', '/api/v1/members', member({ phone })), 400);
      expect(refused.code).toBe('VALIDATION');
      expect(paths(refused), phone).toEqual(['phone']);
      expect(refused.errors![0]!.message).toMatch(/country code|E\.164/);
    }
    expect(paths(await problemOf(server.call('POST', '/api/v1/candidates', candidate({ phone: '555-0100' })), 400))).toEqual(['phone']);
    expect(paths(await problemOf(server.call('PATCH', '/api/v1/organization', { contactPhone: '12' }), 400))).toEqual(['contactPhone']);
  });
});

describe('candidate emails', () => {
  it('are unique in an organization, whatever their case: 409 CONFLICT like members', async () => {
    const email = `${unique('dup')}@Example.com`;
    await created(server.call('POST', '/api/v1/candidates', candidate({ email })));
    const again = await problemOf(server.call('POST', '/api/v1/candidates', candidate({ email: email.toLowerCase() })), 409);
    expect(again.code).toBe('CONFLICT');
    expect(again.detail).toContain(email.toLowerCase());
    const other = await server.newOrganization('Elsewhere');
    await created(server.call('POST', '/api/v1/candidates', candidate({ email }), { authorization: `Bearer ${other.apiKey}` }));
  });
});

describe('request bodies that are not UTF-8', () => {
  it('are refused with 400 instead of being read with replacement characters', async () => {
    const before = await (await server.call('GET', '/api/v1/organization')).json();
    const bytes = new Uint8Array([...new TextEncoder().encode('{"name":"Ac'), 0xff, 0xfe, ...new TextEncoder().encode('me"}')]);
    const response = await server.app.request('/api/v1/organization', {
      method: 'PATCH',
      headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
      body: bytes,
    });
    const refused = await problemOf(response, 400);
    expect(refused.code).toBe('VALIDATION');
    expect(refused.detail).toMatch(/UTF-8/);
    expect(await (await server.call('GET', '/api/v1/organization')).json()).toEqual(before);
  });

  it('are refused on candidate API routes and pages too, also percent-encoded in a form', async () => {
    const overlong = new Uint8Array([...new TextEncoder().encode('{"reason":"other","message":"'), 0xc0, 0xaf, ...new TextEncoder().encode('"}')]);
    const api = await server.app.request('/api/v1/candidate/lw_cand_xxxxxxxxxxxxxxxx/cancel', { method: 'POST', headers: { 'content-type': 'application/json' }, body: overlong });
    expect(api.status).toBe(400);
    const page = await server.app.request('/c/lw_cand_xxxxxxxxxxxxxxxx/cancel', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'reason=other&message=caf%E9',
    });
    expect(page.status).toBe(400);
  });
});

describe('one error vocabulary', () => {
  it('says UNAUTHORIZED for every 401: API keys, sessions and sign-in', async () => {
    expect(await problemOf(server.app.request('/api/v1/members'), 401)).toMatchObject({ code: 'UNAUTHORIZED' });
    const signIn = server.app.request('/api/v1/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@acme.test', password: 'wrong' }),
    });
    expect(await problemOf(signIn, 401)).toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('ids in paths and queries', () => {
  it('answer a malformed id the same way everywhere: 400 with a field error naming it', async () => {
    const ada = await created(server.call('POST', '/api/v1/members', member()));
    const cases: Array<[string, string, string]> = [
      ['GET', '/api/v1/members/abc', 'id'],
      ['PATCH', '/api/v1/members/abc', 'id'],
      ['GET', '/api/v1/members/abc/busy?from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z', 'id'],
      ['DELETE', `/api/v1/members/${ada.id}/busy/abc`, 'busyId'],
      ['GET', '/api/v1/openings/abc', 'id'],
      ['GET', '/api/v1/candidates/abc', 'id'],
      ['GET', '/api/v1/interviews/abc', 'id'],
      ['GET', '/api/v1/interviews/abc/calendar.ics', 'id'],
      ['POST', '/api/v1/interviews/abc/complete', 'id'],
      ['GET', '/api/v1/slots?members=abc&durationMinutes=60&from=2026-12-02T00:00:00Z&to=2026-12-03T00:00:00Z', 'members'],
      ['GET', `/api/v1/slots?members=${ada.id},abc&durationMinutes=60&from=2026-12-02T00:00:00Z&to=2026-12-03T00:00:00Z`, 'members'],
      ['GET', '/api/v1/interviews?openingId=abc', 'openingId'],
      ['GET', '/api/v1/interviews?candidateId=abc', 'candidateId'],
      ['GET', '/api/v1/interviews?memberId=abc', 'memberId'],
    ];
    for (const [method, path, field] of cases) {
      const body = method === 'PATCH' ? { name: 'X' } : undefined;
      const refused = await problemOf(server.call(method, path, body), 400);
      expect(refused.code, `${method} ${path}`).toBe('VALIDATION');
      expect(paths(refused), `${method} ${path}`).toEqual([field]);
    }
  });

  it('answer a well-formed id that names nothing with 404 everywhere', async () => {
    const nobody = '7d1c3c1e-0a53-4a8e-9d7e-0b4b1d7c2f10';
    await problemOf(server.call('GET', `/api/v1/members/${nobody}`), 404);
    await problemOf(server.call('GET', `/api/v1/slots?members=${nobody}&durationMinutes=60&from=2026-12-02T00:00:00Z&to=2026-12-03T00:00:00Z`), 404);
  });
});

describe('lists', () => {
  it('validate their filters: a reversed window and bad limits or cursors are 400', async () => {
    const reversed = await problemOf(server.call('GET', '/api/v1/interviews?from=2026-12-05T00:00:00Z&to=2026-12-01T00:00:00Z'), 400);
    expect(paths(reversed)).toEqual(['to']);
    for (const list of ['/api/v1/interviews', '/api/v1/members', '/api/v1/openings', '/api/v1/candidates']) {
      for (const limit of ['0', '201', 'abc', '1.5', '-1']) {
        expect(paths(await problemOf(server.call('GET', `${list}?limit=${limit}`), 400)), `${list} limit=${limit}`).toEqual(['limit']);
      }
      for (const cursor of ['abc', 'not%20a%20cursor', '%01%02', 'eyJ9', 'eyJpZCI6ImFiYyJ9']) {
        expect(paths(await problemOf(server.call('GET', `${list}?cursor=${cursor}`), 400)), `${list} cursor=${cursor}`).toEqual(['cursor']);
      }
    }
  });
});

/** Pagination runs its own SQL (keyset conditions), so it is checked on every engine the suite has. */
for (const engine of testEngines()) {
  describe(`lists on ${engine.name}`, () => {
    let on: TestServer;
    beforeAll(async () => {
      on = await startTestServer({ now: '2026-12-01T12:00:00Z', opened: await engine.open() });
    });
    afterAll(async () => {
      await on?.close();
    });

    it('paginate members, openings and candidates with limit, cursor and nextCursor in a stable order', async () => {
      const org = await on.newOrganization('Paged');
      const as = { authorization: `Bearer ${org.apiKey}` };
      const made: Record<string, string[]> = { members: [], openings: [], candidates: [] };
      for (let i = 0; i < 5; i += 1) {
        made.members!.push((await created(on.call('POST', '/api/v1/members', member(), as))).id);
        made.openings!.push((await created(on.call('POST', '/api/v1/openings', { title: `Role ${i}` }, as))).id);
        made.candidates!.push((await created(on.call('POST', '/api/v1/candidates', candidate(), as))).id);
      }
      for (const list of ['members', 'openings', 'candidates']) {
        const all = (await (await on.call('GET', `/api/v1/${list}`, undefined, as)).json()) as Record<string, unknown>;
        expect(all.nextCursor, list).toBeNull();
        expect((all[list] as Array<{ id: string }>).map((x) => x.id)).toEqual(made[list]);
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const query: string = `limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
          const page = (await (await on.call('GET', `/api/v1/${list}?${query}`, undefined, as)).json()) as Record<string, unknown>;
          const items = page[list] as Array<{ id: string }>;
          expect(items.length).toBeLessThanOrEqual(2);
          seen.push(...items.map((x) => x.id));
          cursor = page.nextCursor as string | null;
          pages += 1;
        } while (cursor && pages < 10);
        expect(seen, list).toEqual(made[list]);
        expect(pages, list).toBe(3);
      }
    });

    it('default to 50 items a page', async () => {
      const org = await on.newOrganization('Many');
      const as = { authorization: `Bearer ${org.apiKey}` };
      for (let i = 0; i < 51; i += 1) await created(on.call('POST', '/api/v1/openings', { title: `Role ${i}` }, as));
      const first = (await (await on.call('GET', '/api/v1/openings', undefined, as)).json()) as { openings: unknown[]; nextCursor: string | null };
      expect(first.openings).toHaveLength(50);
      expect(first.nextCursor).toEqual(expect.any(String));
      const rest = (await (await on.call('GET', `/api/v1/openings?cursor=${encodeURIComponent(first.nextCursor!)}`, undefined, as)).json()) as { openings: unknown[]; nextCursor: string | null };
      expect(rest.openings).toHaveLength(1);
      expect(rest.nextCursor).toBeNull();
    });

    it('paginate interviews by start time, invitations without a time last, with filters kept across pages', async () => {
      const org = await on.newOrganization('Booked');
      const as = { authorization: `Bearer ${org.apiKey}` };
      const ann = await created(on.call('POST', '/api/v1/members', member({ timezone: 'UTC' }), as));
      const bob = await created(on.call('POST', '/api/v1/members', member({ timezone: 'UTC' }), as));
      const opening = await created(on.call('POST', '/api/v1/openings', { title: 'Engineer' }, as));
      // Two interviews start at the same time (different panels): the order between them must still be stable.
      const plan: Array<[string | null, string]> = [
        ['2026-12-07T10:00:00Z', ann.id],
        ['2026-12-03T10:00:00Z', ann.id],
        ['2026-12-04T10:00:00Z', ann.id],
        ['2026-12-04T10:00:00Z', bob.id],
        [null, ann.id],
        [null, bob.id],
      ];
      const ids: string[] = [];
      for (const [start, panelist] of plan) {
        const cy = await created(on.call('POST', '/api/v1/candidates', candidate(), as));
        const body = { openingId: opening.id, candidateId: cy.id, title: 'Screen', durationMinutes: 30, panel: [panelist], ...(start ? { start } : { offer: { count: 1 } }) };
        ids.push((await created(on.call('POST', '/api/v1/interviews', body, as))).id);
      }
      const all = (await (await on.call('GET', '/api/v1/interviews', undefined, as)).json()) as { interviews: Array<{ id: string }>; nextCursor: string | null };
      const expected = all.interviews.map((i) => i.id);
      // By start, those without a time last; ties (same start, same creation instant) in a fixed order of their own.
      expect(expected[0]).toBe(ids[1]);
      expect(expected.slice(1, 3).sort()).toEqual([ids[2], ids[3]].sort());
      expect(expected[3]).toBe(ids[0]);
      expect(expected.slice(4).sort()).toEqual([ids[4], ids[5]].sort());
      expect(all.nextCursor).toBeNull();
      const again = (await (await on.call('GET', '/api/v1/interviews', undefined, as)).json()) as { interviews: Array<{ id: string }> };
      expect(again.interviews.map((i) => i.id)).toEqual(expected);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const page = (await (await on.call('GET', `/api/v1/interviews?${query}`, undefined, as)).json()) as { interviews: Array<{ id: string }>; nextCursor: string | null };
        seen.push(...page.interviews.map((i) => i.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);
      expect(seen).toEqual(expected);
      expect(pages).toBe(2);

      const scheduled = (await (await on.call('GET', `/api/v1/interviews?status=scheduled&limit=2`, undefined, as)).json()) as { interviews: Array<{ id: string }>; nextCursor: string };
      expect(scheduled.interviews.map((i) => i.id)).toEqual(expected.slice(0, 2));
      const next = (await (await on.call('GET', `/api/v1/interviews?status=scheduled&limit=2&cursor=${encodeURIComponent(scheduled.nextCursor)}`, undefined, as)).json()) as { interviews: Array<{ id: string }>; nextCursor: string | null };
      expect(next.interviews.map((i) => i.id)).toEqual(expected.slice(2, 4));
      expect(next.nextCursor).toBeNull();
    });

    it('paginate a member\'s busy blocks', async () => {
      const ada = await created(on.call('POST', '/api/v1/members', member()));
      const made: string[] = [];
      for (const day of ['02', '03', '04']) {
        made.push((await created(on.call('POST', `/api/v1/members/${ada.id}/busy`, { start: `2026-12-${day}T10:00:00Z`, end: `2026-12-${day}T11:00:00Z` }))).id);
      }
      const window = 'from=2026-12-01T00:00:00Z&to=2026-12-10T00:00:00Z';
      const first = (await (await on.call('GET', `/api/v1/members/${ada.id}/busy?${window}&limit=2`)).json()) as { busy: Array<{ id: string }>; nextCursor: string };
      expect(first.busy.map((b) => b.id)).toEqual(made.slice(0, 2));
      const rest = (await (await on.call('GET', `/api/v1/members/${ada.id}/busy?${window}&limit=2&cursor=${encodeURIComponent(first.nextCursor)}`)).json()) as { busy: Array<{ id: string }>; nextCursor: string | null };
      expect(rest.busy.map((b) => b.id)).toEqual(made.slice(2));
      expect(rest.nextCursor).toBeNull();
    });
  });
}

describe('a wrong method on a known path', () => {
  it('is 405 with an Allow header and a problem document; an unknown path stays 404', async () => {
    const ada = await created(server.call('POST', '/api/v1/members', member()));
    const cases: Array<[string, string, string[]]> = [
      ['DELETE', '/api/v1/organization', ['GET', 'HEAD', 'PATCH']],
      ['PUT', `/api/v1/members/${ada.id}`, ['GET', 'HEAD', 'PATCH']],
      ['DELETE', '/api/v1/members', ['GET', 'HEAD', 'POST']],
      ['GET', `/api/v1/interviews/${ada.id}/cancel`, ['POST']],
      ['POST', '/healthz', ['GET', 'HEAD']],
      ['GET', '/api/v1/candidate/lw_cand_xxxxxxxxxxxxxxxx/cancel', ['POST']],
      ['PUT', '/api/v1/session', ['DELETE', 'GET', 'HEAD', 'POST']],
    ];
    for (const [method, path, allowed] of cases) {
      const response = await server.call(method, path, method === 'GET' ? undefined : {});
      const refused = await problemOf(response, 405);
      expect(refused.code, `${method} ${path}`).toBe('METHOD_NOT_ALLOWED');
      expect(response.headers.get('allow')?.split(', ').sort(), `${method} ${path}`).toEqual(allowed);
    }
    await problemOf(server.call('GET', '/api/v1/nothing-here'), 404);
    await problemOf(server.call('DELETE', '/api/v1/nothing-here'), 404);
    // A known method on a path that only looks like a known one is not a wrong method.
    await problemOf(server.call('GET', '/api/v1/members/'), 404);
    await problemOf(server.call('GET', `/api/v1/members/${ada.id}/busy/x/y`), 404);
    // The method a route answers still works, HEAD included.
    expect((await server.call('HEAD', '/api/v1/organization')).status).toBe(200);
  });
});

describe('idempotent replays', () => {
  it('compare the parsed JSON body: other whitespace or key order is a replay, another value is 409', async () => {
    const email = `${unique('idem')}@acme.test`;
    const headers = { 'idempotency-key': unique('key') };
    const body = { name: 'Ida', email, role: 'interviewer', timezone: 'UTC', workingHours: { mon: [['09:00', '17:00']] } };
    const first = await server.call('POST', '/api/v1/members', JSON.stringify(body), headers);
    expect(first.status).toBe(201);
    const reordered = `{ "workingHours": {"mon": [ ["09:00","17:00"] ]},\n  "timezone":"UTC", "role": "interviewer", "email": "${email}", "name": "Ida" }`;
    const replay = await server.call('POST', '/api/v1/members', reordered, headers);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.json()).toEqual(await first.json());
    const other = await server.call('POST', '/api/v1/members', JSON.stringify({ ...body, name: 'Ida B' }), headers);
    expect(await problemOf(other, 409)).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    const nested = await server.call('POST', '/api/v1/members', JSON.stringify({ ...body, workingHours: { mon: [['09:00', '16:00']] } }), headers);
    await problemOf(nested, 409);
  });

  it('compare a body too deep to walk, or with a number out of range, by its text, never with a 5xx', async () => {
    for (const text of ['['.repeat(50_000) + ']'.repeat(50_000), '{"name":1e400}']) {
      const headers = { 'idempotency-key': unique('deep') };
      const first = await server.call('POST', '/api/v1/openings', text, headers);
      expect(first.status).toBe(400);
      const replay = await server.call('POST', '/api/v1/openings', text, headers);
      expect(replay.status).toBe(400);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect((await server.call('POST', '/api/v1/openings', `${text} `, headers)).status).toBe(409);
    }
  });
});

interface Operation {
  operationId?: string;
  tags?: string[];
  security?: Array<Record<string, string[]>>;
  requestBody?: unknown;
  responses: Record<string, unknown>;
}

describe('the OpenAPI document', () => {
  const load = async () => {
    const response = await server.app.request('/openapi.json');
    expect(response.status).toBe(200);
    return (await response.json()) as {
      servers?: Array<{ url: string }>;
      tags?: Array<{ name: string; description?: string }>;
      paths: Record<string, Record<string, Operation>>;
      components: { securitySchemes: Record<string, Record<string, string>> };
    };
  };
  const operations = (doc: Awaited<ReturnType<typeof load>>) =>
    Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));

  it('gives every operation a unique operationId and names the servers', async () => {
    const doc = await load();
    const ids = operations(doc).map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[A-Za-z][A-Za-z0-9]*$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.servers?.map((s) => s.url)).toEqual([server.ctx.config.publicUrl]);
    expect(operations(doc).find(({ path, method }) => path === '/api/v1/members' && method === 'get')?.op.operationId).toBe('listMembers');
    // Every tag an operation uses is listed once, with a description, whoever added the route.
    const used = new Set(operations(doc).flatMap(({ op }) => op.tags ?? []));
    expect(doc.tags?.map((t) => t.name).sort()).toEqual([...used].sort());
    for (const tag of doc.tags ?? []) expect(tag.description).toBeTruthy();
  });

  it('declares the session cookie and CSRF token and uses them where a session is accepted; public operations say so', async () => {
    const doc = await load();
    expect(doc.components.securitySchemes.SessionCookie).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'leeway_session' });
    expect(doc.components.securitySchemes.CsrfToken).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' });
    const publicOps = new Set(['get /healthz', 'get /openapi.json', 'post /api/v1/session', 'delete /api/v1/session']);
    for (const { path, method, op } of operations(doc)) {
      const label = `${method} ${path}`;
      // Links that carry their own token (candidate, panelist seat) need no employer credential.
      if (label === `post ${INBOUND_EMAIL_PATH}`) {
        // Forwarded calendar replies are no employer operation, yet not public: they carry the organization's inbound secret.
        expect(op.security, label).toEqual([{ InboundSecret: [] }]);
      } else if (publicOps.has(label) || (path.startsWith('/api/v1/') && !isEmployerPath(path))) {
        expect(op.security, label).toEqual([]);
      } else if (method === 'get') {
        expect(op.security, label).toEqual([{ Bearer: [] }, { SessionCookie: [] }]);
      } else {
        expect(op.security, label).toEqual([{ Bearer: [] }, { SessionCookie: [], CsrfToken: [] }]);
        expect(Object.keys(op.responses), label).toContain('403');
      }
    }
    expect(operations(doc).map(({ method, path }) => `${method} ${path}`)).toEqual(expect.arrayContaining([...publicOps]));
    expect(isEmployerPath('/api/v1/candidate/{token}/cancel')).toBe(false);
  });

  it('declares 413 and 415 wherever a body is accepted', async () => {
    const doc = await load();
    const withBodies = operations(doc).filter(({ op }) => op.requestBody);
    expect(withBodies.length).toBeGreaterThan(10);
    for (const { path, method, op } of withBodies) {
      expect(Object.keys(op.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['413', '415']));
    }
  });
});
