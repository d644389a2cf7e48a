import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../app/organizations.ts';
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
      ['PUT', '/api/v1/session', ['DELETE', 'POST']],
    ];
    for (const [method, path, allowed] of cases) {
      const response = await server.call(method, path, method === 'GET' ? undefined : {});
      const refused = await problemOf(response, 405);
      expect(refused.code, `${method} ${path}`).toBe('METHOD_NOT_ALLOWED');
      expect(response.headers.get('allow')?.split(', ').sort(), `${method} ${path}`).toEqual(allowed);
    }
    await problemOf(server.call('GET', '/api/v1/nothing-here'), 404);
    await problemOf(server.call('DELETE', '/api/v1/nothing-here'), 404);
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
});

