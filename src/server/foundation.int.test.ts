import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NINE_TO_FIVE, startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';
import { IdempotencyRepository } from '../store/repositories/idempotency.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const member = (overrides: Record<string, unknown> = {}) => ({
  name: 'Ada Lovelace',
  email: `ada-${Math.random().toString(36).slice(2)}@example.com`,
  role: 'interviewer',
  timezone: 'Europe/London',
  workingHours: NINE_TO_FIVE,
  ...overrides,
});

describe('health and documentation', () => {
  it('answers /healthz with the engine', async () => {
    const response = await server.app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, database: 'pglite' });
  });

  it('serves an OpenAPI 3.1 document with the routes and the bearer scheme', async () => {
    const response = await server.app.request('/openapi.json');
    const doc = (await response.json()) as { openapi: string; paths: Record<string, unknown>; components: { securitySchemes: object } };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/healthz', '/api/v1/organization', '/api/v1/members', '/api/v1/members/{id}/busy/{busyId}']),
    );
    expect(doc.components.securitySchemes).toHaveProperty('Bearer');
  });

  it('answers unknown routes with a problem document', async () => {
    const response = await server.call('GET', '/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('authentication', () => {
  it('refuses a missing or wrong key with 401', async () => {
    expect((await server.app.request('/api/v1/members')).status).toBe(401);
    const wrong = await server.app.request('/api/v1/members', { headers: { authorization: 'Bearer lw_key_nope' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('organization', () => {
  it('reads and patches the key holder organization', async () => {
    const got = await server.call('GET', '/api/v1/organization');
    expect(await got.json()).toMatchObject({ name: 'Acme', noticePolicy: { ampleHours: 48, adequateHours: 24 }, reminders: [48, 24] });
    const patched = await server.call('PATCH', '/api/v1/organization', {
      contactEmail: 'talent@acme.test',
      noticePolicy: { ampleHours: 72, adequateHours: 24 },
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ contactEmail: 'talent@acme.test', noticePolicy: { ampleHours: 72 } });
    await server.call('PATCH', '/api/v1/organization', { noticePolicy: { ampleHours: 48, adequateHours: 24 } });
  });

  it('reports every invalid field at once', async () => {
    const response = await server.call('PATCH', '/api/v1/organization', {
      timezone: 'Nowhere/Land',
      contactEmail: 'not-an-email',
      reminders: [-1],
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; errors: Array<{ path: string }> };
    expect(body.code).toBe('VALIDATION');
    expect(body.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['contactEmail', 'reminders.0']));
    const zone = await server.call('PATCH', '/api/v1/organization', { timezone: 'Nowhere/Land' });
    expect(zone.status).toBe(400);
    expect(((await zone.json()) as { errors: Array<{ path: string }> }).errors[0]?.path).toBe('timezone');
  });

  it('refuses unknown fields and malformed JSON with 400', async () => {
    expect((await server.call('PATCH', '/api/v1/organization', { id: 'x' })).status).toBe(400);
    const malformed = await server.call('PATCH', '/api/v1/organization', '{"name": ');
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('members and busy blocks', () => {
  it('creates, lists, reads and patches members', async () => {
    const created = await server.call('POST', '/api/v1/members', member({ bufferMinutes: 10, phone: '+44 20 0000' }));
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string; workingHours: Record<string, unknown>; bufferMinutes: number };
    expect(body.workingHours.sat).toEqual([]);
    expect(body.bufferMinutes).toBe(10);
    const list = (await (await server.call('GET', '/api/v1/members')).json()) as { members: Array<{ id: string }> };
    expect(list.members.map((m) => m.id)).toContain(body.id);
    const patched = await server.call('PATCH', `/api/v1/members/${body.id}`, { timezone: 'Asia/Kolkata' });
    expect(await patched.json()).toMatchObject({ id: body.id, timezone: 'Asia/Kolkata', bufferMinutes: 10 });
    expect((await server.call('GET', `/api/v1/members/${body.id}`)).status).toBe(200);
  });

  it('refuses invalid members with every field error', async () => {
    const response = await server.call(
      'POST',
      '/api/v1/members',
      member({ email: 'nope', role: 'boss', timezone: 'UTC', workingHours: { mon: [['17:00', '09:00']] } }),
    );
    expect(response.status).toBe(400);
    const paths = ((await response.json()) as { errors: Array<{ path: string }> }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'role']));
    const hours = await server.call('POST', '/api/v1/members', member({ workingHours: { mon: [['17:00', '09:00']], tue: [['9', '10']] } }));
    expect(hours.status).toBe(400);
    expect(((await hours.json()) as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).toEqual([
      'workingHours.mon.0',
      'workingHours.tue.0',
    ]);
  });

  it('refuses a duplicate email with 409', async () => {
    const input = member();
    expect((await server.call('POST', '/api/v1/members', input)).status).toBe(201);
    const again = await server.call('POST', '/api/v1/members', input);
    expect(again.status).toBe(409);
  });

  it('adds, lists and deletes busy blocks', async () => {
    const { id } = (await (await server.call('POST', '/api/v1/members', member())).json()) as { id: string };
    const added = await server.call('POST', `/api/v1/members/${id}/busy`, {
      start: '2026-12-02T10:00:00+01:00',
      end: '2026-12-02T11:00:00+01:00',
      title: 'Focus',
    });
    expect(added.status).toBe(201);
    const busy = (await added.json()) as { id: string; start: string };
    expect(busy.start).toBe('2026-12-02T09:00:00.000Z');
    const listed = await server.call('GET', `/api/v1/members/${id}/busy?from=2026-12-02T00:00:00Z&to=2026-12-03T00:00:00Z`);
    expect(((await listed.json()) as { busy: unknown[] }).busy).toHaveLength(1);
    const backwards = await server.call('POST', `/api/v1/members/${id}/busy`, { start: '2026-12-02T11:00:00Z', end: '2026-12-02T10:00:00Z' });
    expect(backwards.status).toBe(400);
    expect((await server.call('DELETE', `/api/v1/members/${id}/busy/${busy.id}`)).status).toBe(204);
    expect((await server.call('DELETE', `/api/v1/members/${id}/busy/${busy.id}`)).status).toBe(404);
  });

  it('answers 404, not 500, for ids that are not uuids', async () => {
    const response = await server.call('GET', '/api/v1/members/123');
    expect([400, 404]).toContain(response.status);
  });
});

describe('isolation between organizations', () => {
  it('never lets one organization read or change another one\'s data', async () => {
    const { id } = (await (await server.call('POST', '/api/v1/members', member())).json()) as { id: string };
    const busy = (await (
      await server.call('POST', `/api/v1/members/${id}/busy`, { start: '2026-12-02T09:00:00Z', end: '2026-12-02T10:00:00Z' })
    ).json()) as { id: string };
    const other = await server.newOrganization('Rival');
    const as = { authorization: `Bearer ${other.apiKey}` };
    expect((await server.call('GET', `/api/v1/members/${id}`, undefined, as)).status).toBe(404);
    expect((await server.call('PATCH', `/api/v1/members/${id}`, { name: 'Hacked' }, as)).status).toBe(404);
    expect((await server.call('POST', `/api/v1/members/${id}/busy`, { start: '2026-12-03T09:00:00Z', end: '2026-12-03T10:00:00Z' }, as)).status).toBe(404);
    expect((await server.call('DELETE', `/api/v1/members/${id}/busy/${busy.id}`, undefined, as)).status).toBe(404);
    const theirList = (await (await server.call('GET', '/api/v1/members', undefined, as)).json()) as { members: unknown[] };
    expect(theirList.members).toEqual([]);
    expect(await (await server.call('GET', '/api/v1/organization', undefined, as)).json()).toMatchObject({ name: 'Rival' });
    expect(await (await server.call('GET', `/api/v1/members/${id}`)).json()).toMatchObject({ name: 'Ada Lovelace' });
  });
});

describe('idempotency keys', () => {
  it('replays the stored response for the same key and body', async () => {
    const input = member();
    const headers = { 'idempotency-key': 'create-ada-1' };
    const first = await server.call('POST', '/api/v1/members', input, headers);
    const second = await server.call('POST', '/api/v1/members', input, headers);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await second.json()).toEqual(await first.json());
    const list = (await (await server.call('GET', '/api/v1/members')).json()) as { members: Array<{ email: string }> };
    expect(list.members.filter((m) => m.email === input.email)).toHaveLength(1);
  });

  it('keeps the answer of a request run in steps through a database restart once it has committed, so the retry replays it', async () => {
    // Closing an opening cancels its interviews in transactions of their own: its key is answered after them.
    const opening = (await (await server.call('POST', '/api/v1/openings', { title: 'Closed through a restart' })).json()) as { id: string };
    const headers = { 'idempotency-key': 'close-restart' };
    const idempotency = server.ctx.store.idempotency;
    const complete = idempotency.complete.bind(idempotency);
    let refused = 0;
    // The database goes away right after the change committed, and is back a moment later.
    idempotency.complete = async (...args) => {
      if (refused < 2) {
        refused += 1;
        throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
      }
      return complete(...args);
    };
    try {
      const first = await server.call('POST', `/api/v1/openings/${opening.id}/close`, {}, headers);
      expect(first.status).toBe(200);
      expect(refused).toBe(2);
      const again = await server.call('POST', `/api/v1/openings/${opening.id}/close`, {}, headers);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await again.json()).toEqual(await first.json());
    } finally {
      idempotency.complete = complete;
    }
  });

  it('undoes a change whose answer could not be kept with it, so the retry runs it once', async () => {
    const input = member();
    const headers = { 'idempotency-key': 'create-ada-unanswered' };
    const complete = IdempotencyRepository.prototype.complete;
    IdempotencyRepository.prototype.complete = async () => {
      throw new Error('the answer could not be written');
    };
    try {
      const first = await server.call('POST', '/api/v1/members', input, headers);
      expect(first.status).toBe(500);
    } finally {
      IdempotencyRepository.prototype.complete = complete;
    }
    const listed = async () => ((await (await server.call('GET', '/api/v1/members')).json()) as { members: Array<{ email: string }> }).members.filter((m) => m.email === input.email);
    expect(await listed()).toHaveLength(0);
    const retry = await server.call('POST', '/api/v1/members', input, headers);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await listed()).toHaveLength(1);
  });

  it('answers two requests sent at once with one key from one run: the second waits for the first', async () => {
    const input = member();
    const headers = { 'idempotency-key': 'create-ada-twice-at-once' };
    const [a, b] = await Promise.all([server.call('POST', '/api/v1/members', input, headers), server.call('POST', '/api/v1/members', input, headers)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect([a.headers.get('idempotent-replayed'), b.headers.get('idempotent-replayed')].sort()).toEqual([null, 'true'].sort());
    expect(await a.json()).toEqual(await b.json());
    const list = (await (await server.call('GET', '/api/v1/members')).json()) as { members: Array<{ email: string }> };
    expect(list.members.filter((m) => m.email === input.email)).toHaveLength(1);
  });

  it('answers two requests sent at once with one key with one refusal: the second waits and is told the same', async () => {
    const input = member();
    expect((await server.call('POST', '/api/v1/members', input)).status).toBe(201);
    const headers = { 'idempotency-key': 'create-ada-duplicate-twice-at-once' };
    const [a, b] = await Promise.all([server.call('POST', '/api/v1/members', input, headers), server.call('POST', '/api/v1/members', input, headers)]);
    expect([a.status, b.status]).toEqual([409, 409]);
    expect([a.headers.get('idempotent-replayed'), b.headers.get('idempotent-replayed')].sort()).toEqual([null, 'true'].sort());
    expect(await a.json()).toEqual(await b.json());
  });

  it('refuses the same key with another body with 409', async () => {
    const headers = { 'idempotency-key': 'create-ada-2' };
    expect((await server.call('POST', '/api/v1/members', member(), headers)).status).toBe(201);
    const reused = await server.call('POST', '/api/v1/members', member(), headers);
    expect(reused.status).toBe(409);
    expect(await reused.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('replays stored errors too, and keeps keys per organization', async () => {
    const headers = { 'idempotency-key': 'bad-1' };
    const bad = member({ email: 'nope' });
    expect((await server.call('POST', '/api/v1/members', bad, headers)).status).toBe(400);
    const replay = await server.call('POST', '/api/v1/members', bad, headers);
    expect(replay.status).toBe(400);
    expect(replay.headers.get('content-type')).toContain('application/problem+json');
    const other = await server.newOrganization('Keyed');
    const theirs = await server.call('POST', '/api/v1/members', member(), { ...headers, authorization: `Bearer ${other.apiKey}` });
    expect(theirs.status).toBe(201);
  });
});

describe('unexpected failures', () => {
  it('answer 500 with a request id and no stack trace, and log the stack', async () => {
    const broken = await startTestServer();
    await broken.opened.close();
    const response = await broken.call('GET', '/api/v1/organization');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/at \w+ \(|\.ts:\d+/);
    const body = JSON.parse(text) as { requestId: string; code: string };
    expect(body.code).toBe('INTERNAL');
    expect(body.requestId).toBeTruthy();
    expect(broken.logged[0]).toMatchObject({ requestId: body.requestId });
  });
});

describe('after a change', () => {
  it('wakes background delivery after successful changes only', async () => {
    let changes = 0;
    const watched = await startTestServer({ afterChange: () => (changes += 1) });
    try {
      await watched.call('GET', '/api/v1/members');
      expect(changes).toBe(0);
      await watched.call('POST', '/api/v1/members', member());
      expect(changes).toBe(1);
      await watched.call('POST', '/api/v1/members', member({ email: 'bad' }));
      expect(changes).toBe(1);
    } finally {
      await watched.close();
    }
  });
});

describe('request bodies', () => {
  it('refuses a body that is not JSON with 415 instead of ignoring it', async () => {
    const response = await server.call('PATCH', '/api/v1/organization', undefined, { 'content-type': 'text/plain' });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    const plain = await server.app.request('/api/v1/organization', {
      method: 'PATCH',
      headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'text/plain' },
      body: '{"name":"Plain"}',
    });
    expect(plain.status).toBe(415);
    expect(await plain.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(await (await server.call('GET', '/api/v1/organization')).json()).not.toMatchObject({ name: 'Plain' });
  });
});
