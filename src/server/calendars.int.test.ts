import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshDueCalendarSources } from '../app/calendars/refresh-due-sources.ts';
import { syncCalendarSource } from '../app/calendars/sync-calendar-source.ts';
import { startIcsFeedServer } from '../app/calendars/testing/ics-feed-server.ts';
import type { IcsFeedServer } from '../app/calendars/testing/ics-feed-server.ts';
import { NINE_TO_FIVE, startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

interface Source {
  id: string;
  kind: string;
  url: string;
  label: string | null;
  username: string | null;
  hasPassword: boolean;
  status: string;
  lastSyncAt: string | null;
  lastSuccessAt: string | null;
  error: string | null;
  warning: string | null;
  busyCount: number;
  nextSyncAt: string;
}

async function json<T>(response: Response | Promise<Response>, status = 200): Promise<T> {
  const res = await response;
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return (text === '' ? null : JSON.parse(text)) as T;
}

const cal = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Feed//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');

/** Wednesdays 10:00–11:00 in New York from 28 October, across the end of daylight time on 1 November. */
const WEEKLY_STANDUP = [
  'BEGIN:VEVENT',
  'UID:standup@feed.example',
  'DTSTAMP:20261001T000000Z',
  'DTSTART;TZID=America/New_York:20261028T100000',
  'DTEND;TZID=America/New_York:20261028T110000',
  'RRULE:FREQ=WEEKLY;COUNT=6',
  'SUMMARY:Standup',
  'END:VEVENT',
];

let server: TestServer;
let feed: IcsFeedServer;
let grace: string;

async function slotStarts(memberId: string, from: string, to: string): Promise<string[]> {
  const body = await json<{ slots: Array<{ start: string }> }>(
    server.call('GET', `/api/v1/slots?members=${memberId}&durationMinutes=60&stepMinutes=60&from=${from}&to=${to}`),
  );
  return body.slots.map((s) => s.start);
}

beforeAll(async () => {
  server = await startTestServer({ now: '2026-10-26T12:00:00Z' });
  feed = await startIcsFeedServer();
  feed.publish(cal(...WEEKLY_STANDUP));
  grace = (
    await json<{ id: string }>(
      server.call('POST', '/api/v1/members', { name: 'Grace', email: 'grace@acme.test', role: 'interviewer', timezone: 'America/New_York', workingHours: NINE_TO_FIVE }),
      201,
    )
  ).id;
});
afterAll(async () => {
  await feed?.close();
  await server?.close();
});

describe('an interviewer’s ICS feed, over a real loopback feed server', () => {
  let source: Source;

  it('is added with its secret address masked, and read at once by the background refresh', async () => {
    source = await json<Source>(server.call('POST', `/api/v1/members/${grace}/calendars`, { kind: 'ics', url: feed.url }), 201);
    const port = new URL(feed.url).port;
    expect(source).toMatchObject({ kind: 'ics', label: null, username: null, hasPassword: false, status: 'pending', busyCount: 0, lastSyncAt: null });
    expect(source.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/… #[0-9a-f]{4}$`));
    expect(source.nextSyncAt).toBe('2026-10-26T12:00:00.000Z');
    const listed = await json<{ calendars: Source[] }>(server.call('GET', `/api/v1/members/${grace}/calendars`));
    expect(JSON.stringify(listed)).not.toContain(new URL(feed.url).pathname);
    expect(listed.calendars.map((c) => c.id)).toEqual([source.id]);

    expect(await refreshDueCalendarSources(server.ctx, { limit: 10 })).toEqual({ synced: 1, failed: 0 });
    // Not due again before the refresh interval.
    expect(await refreshDueCalendarSources(server.ctx, { limit: 10 })).toEqual({ synced: 0, failed: 0 });
    const [synced] = (await json<{ calendars: Source[] }>(server.call('GET', `/api/v1/members/${grace}/calendars`))).calendars;
    expect(synced).toMatchObject({ status: 'ok', error: null, warning: null, busyCount: 6, lastSyncAt: '2026-10-26T12:00:00.000Z', nextSyncAt: '2026-10-26T12:05:00.000Z' });
  });

  it('keeps slot search away from the busy times, at 10:00 New York time on both sides of the change', async () => {
    // 28 October, daylight time: 10:00 is 14:00Z. 4 November, standard time: 10:00 is 15:00Z.
    expect(await slotStarts(grace, '2026-10-28T13:00:00Z', '2026-10-28T21:00:00Z')).toEqual([
      '2026-10-28T13:00:00.000Z',
      '2026-10-28T15:00:00.000Z',
      '2026-10-28T16:00:00.000Z',
      '2026-10-28T17:00:00.000Z',
      '2026-10-28T18:00:00.000Z',
      '2026-10-28T19:00:00.000Z',
      '2026-10-28T20:00:00.000Z',
    ]);
    const november = await slotStarts(grace, '2026-11-04T14:00:00Z', '2026-11-04T22:00:00Z');
    expect(november).toContain('2026-11-04T14:00:00.000Z');
    expect(november).not.toContain('2026-11-04T15:00:00.000Z');
    expect(november).toContain('2026-11-04T16:00:00.000Z');
  });

  it('asks with If-None-Match; a 304 keeps the busy times', async () => {
    server.setNow('2026-10-26T12:06:00Z');
    const after = await json<Source>(server.call('POST', `/api/v1/members/${grace}/calendars/${source.id}/sync`));
    expect(feed.requests.at(-1)).toMatchObject({ status: 304 });
    expect(feed.requests.at(-1)!.headers['if-none-match']).toMatch(/^".+"$/);
    expect(after).toMatchObject({ status: 'ok', busyCount: 6, lastSuccessAt: '2026-10-26T12:06:00.000Z' });
    expect(await slotStarts(grace, '2026-11-04T14:00:00Z', '2026-11-04T22:00:00Z')).not.toContain('2026-11-04T15:00:00.000Z');

    // A day after the last whole read the feed is read whole again, so recurrences further out are expanded.
    server.setNow('2026-10-27T12:07:00Z');
    const requests = feed.requests.length;
    expect(await json<Source>(server.call('POST', `/api/v1/members/${grace}/calendars/${source.id}/sync`))).toMatchObject({ status: 'ok', busyCount: 6 });
    expect(feed.requests.slice(requests).map((r) => [r.status, r.headers['if-none-match'] ?? null])).toEqual([[200, null]]);
  });

  it('refuses a booking into the busy time with SLOT_TAKEN, and books beside it', async () => {
    const opening = await json<{ id: string }>(server.call('POST', '/api/v1/openings', { title: 'Engineer' }), 201);
    const candidate = await json<{ id: string }>(server.call('POST', '/api/v1/candidates', { name: 'Jo Park', email: 'jo@example.com', timezone: 'Europe/Berlin' }), 201);
    const base = { openingId: opening.id, candidateId: candidate.id, title: 'Technical interview', durationMinutes: 60, panel: [grace] };
    const refused = await server.call('POST', '/api/v1/interviews', { ...base, start: '2026-11-04T15:30:00Z' });
    expect(refused.status).toBe(409);
    // Who is busy, and that it is their own calendar saying so.
    expect(await refused.json()).toMatchObject({
      code: 'SLOT_TAKEN',
      detail: "Grace's calendar shows them busy then.",
      busyPanelists: [{ memberId: grace, reasons: ['calendar'] }],
    });
    const booked = await json<{ id: string; uid: string }>(server.call('POST', '/api/v1/interviews', { ...base, start: '2026-11-04T17:00:00Z' }), 201);

    // Grace's calendar now holds Leeway's own invitation too: it is recognised by its UID and not counted
    // again, so the interview can move half an hour within its own old time.
    feed.publish(
      cal(
        ...WEEKLY_STANDUP,
        'BEGIN:VEVENT',
        `UID:${booked.uid}`,
        'DTSTAMP:20261026T120000Z',
        'DTSTART:20261104T170000Z',
        'DTEND:20261104T180000Z',
        'SUMMARY:Technical interview',
        'END:VEVENT',
      ),
    );
    expect(await json<Source>(server.call('POST', `/api/v1/members/${grace}/calendars/${source.id}/sync`))).toMatchObject({ status: 'ok', busyCount: 7 });
    await json(server.call('POST', `/api/v1/interviews/${booked.id}/reschedule`, { start: '2026-11-04T17:30:00Z' }));
    // And once moved away, the stale copy in the calendar does not block its old time.
    await json(server.call('POST', `/api/v1/interviews/${booked.id}/reschedule`, { start: '2026-11-04T19:00:00Z' }));
    expect(await slotStarts(grace, '2026-11-04T17:00:00Z', '2026-11-04T18:00:00Z')).toEqual(['2026-11-04T17:00:00.000Z']);
  });

  it('records a failure in words and keeps the last good busy times', async () => {
    feed.failWith(404);
    server.setNow('2026-10-27T13:00:00Z');
    const failed = await json<Source>(server.call('POST', `/api/v1/members/${grace}/calendars/${source.id}/sync`));
    expect(failed).toMatchObject({ status: 'error', busyCount: 7, lastSyncAt: '2026-10-27T13:00:00.000Z', lastSuccessAt: '2026-10-27T12:07:00.000Z' });
    expect(failed.error).toMatch(/^Not found/);
    // Failing for a day: tried again in an hour rather than in five minutes.
    server.setNow('2026-10-28T13:00:00Z');
    expect(await json<Source>(server.call('POST', `/api/v1/members/${grace}/calendars/${source.id}/sync`))).toMatchObject({
      status: 'error',
      nextSyncAt: '2026-10-28T14:00:00.000Z',
    });
    expect(await slotStarts(grace, '2026-11-04T14:00:00Z', '2026-11-04T22:00:00Z')).not.toContain('2026-11-04T15:00:00.000Z');
    feed.failWith(null);
  });

  it('is another organization’s business only as a 404', async () => {
    const other = await server.newOrganization('Other');
    const asOther = (method: string, path: string, body?: unknown) =>
      server.app.request(path, { method, headers: { authorization: `Bearer ${other.apiKey}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    expect((await asOther('GET', `/api/v1/members/${grace}/calendars`)).status).toBe(404);
    expect((await asOther('POST', `/api/v1/members/${grace}/calendars`, { kind: 'ics', url: feed.url })).status).toBe(404);
    expect((await asOther('POST', `/api/v1/members/${grace}/calendars/${source.id}/sync`)).status).toBe(404);
    expect((await asOther('DELETE', `/api/v1/members/${grace}/calendars/${source.id}`)).status).toBe(404);
  });

  it('takes its busy times with it when removed', async () => {
    expect((await server.call('DELETE', `/api/v1/members/${grace}/calendars/${source.id}`)).status).toBe(204);
    expect(await slotStarts(grace, '2026-11-04T14:00:00Z', '2026-11-04T16:00:00Z')).toEqual(['2026-11-04T14:00:00.000Z', '2026-11-04T15:00:00.000Z']);
    expect((await server.call('DELETE', `/api/v1/members/${grace}/calendars/${source.id}`)).status).toBe(404);
  });
});

describe('calendar addresses and credentials', () => {
  it('refuses what is not http(s) and, unless allowed, private addresses', async () => {
    const strict = await startTestServer({ allowPrivateUrls: false });
    try {
      const member = await json<{ id: string }>(
        strict.call('POST', '/api/v1/members', { name: 'Ada', email: 'ada@acme.test', role: 'interviewer', timezone: 'Europe/London', workingHours: NINE_TO_FIVE }),
        201,
      );
      for (const url of [feed.url, 'http://10.1.2.3/cal.ics', 'ftp://calendar.example.com/x.ics', 'https://user:pw@calendar.example.com/x.ics']) {
        const refused = await strict.call('POST', `/api/v1/members/${member.id}/calendars`, { kind: 'ics', url });
        expect(refused.status, url).toBe(400);
        expect(((await refused.json()) as { code: string }).code).toBe('URL_NOT_ALLOWED');
      }
      // Apple's webcal:// is https under another name.
      const webcal = await json<Source>(strict.call('POST', `/api/v1/members/${member.id}/calendars`, { kind: 'ics', url: 'webcal://8.8.8.8/published/2/secret-path' }), 201);
      expect(webcal.url).toMatch(/^https:\/\/8\.8\.8\.8\/… #[0-9a-f]{4}$/);
      const invalid = await strict.call('POST', `/api/v1/members/${member.id}/calendars`, { kind: 'exchange', url: '' });
      expect(invalid.status).toBe(400);
      expect(((await invalid.json()) as { errors: unknown[] }).errors).toHaveLength(2);
    } finally {
      await strict.close();
    }
  });

  it('PATCH replaces the set, keeping an unchanged source and its password; nothing secret is returned', async () => {
    const ada = await json<{ id: string }>(
      server.call('POST', '/api/v1/members', { name: 'Ada', email: 'ada@acme.test', role: 'interviewer', timezone: 'Europe/London', workingHours: NINE_TO_FIVE }),
      201,
    );
    const caldav = { kind: 'caldav', url: `${new URL(feed.url).origin}/dav/ada/work/`, username: 'ada', password: 'hunter2-secret' };
    await json(server.call('PATCH', `/api/v1/members/${ada.id}`, { calendars: [caldav, { kind: 'ics', url: feed.url }] }));
    const first = (await json<{ calendars: Source[] }>(server.call('GET', `/api/v1/members/${ada.id}/calendars`))).calendars;
    expect(first.map((s) => [s.kind, s.username, s.hasPassword])).toEqual([
      ['caldav', 'ada', true],
      ['ics', null, false],
    ]);
    const stored = JSON.stringify(await server.ctx.store.calendarSources.listForMember(server.organizationId, ada.id));
    expect(stored).not.toContain('hunter2-secret');
    expect(stored).not.toContain('/dav/ada/work/');
    expect(JSON.stringify(first)).not.toContain('hunter2-secret');

    // The same CalDAV source without its password is kept (same id, password still there); the feed goes.
    await json(server.call('PATCH', `/api/v1/members/${ada.id}`, { calendars: [{ kind: 'caldav', url: caldav.url, username: 'ada' }] }));
    const second = (await json<{ calendars: Source[] }>(server.call('GET', `/api/v1/members/${ada.id}/calendars`))).calendars;
    expect(second.map((s) => [s.id, s.hasPassword])).toEqual([[first[0]!.id, true]]);

    // A refused address changes nothing.
    const strict = await server.call('PATCH', `/api/v1/members/${ada.id}`, { name: 'Ada L', calendars: [{ kind: 'ics', url: 'file:///etc/passwd' }] });
    expect(strict.status).toBe(400);
    expect((await json<{ name: string }>(server.call('GET', `/api/v1/members/${ada.id}`))).name).toBe('Ada');
    await json(server.call('PATCH', `/api/v1/members/${ada.id}`, { calendars: [] }));
    expect((await json<{ calendars: Source[] }>(server.call('GET', `/api/v1/members/${ada.id}/calendars`))).calendars).toEqual([]);
  });
});

describe('secrets and redirects', () => {
  it('refuses to store a calendar without a secret key (503 SECRET_KEY_REQUIRED)', async () => {
    const secrets = server.ctx.secrets;
    delete server.ctx.secrets;
    try {
      const refused = await server.call('POST', `/api/v1/members/${grace}/calendars`, { kind: 'ics', url: feed.url });
      expect(refused.status).toBe(503);
      expect(((await refused.json()) as { code: string }).code).toBe('SECRET_KEY_REQUIRED');
    } finally {
      server.ctx.secrets = secrets!;
    }
  });

  it('follows a redirect, and sends the password only to the origin it was given for', async () => {
    const seen: Array<{ server: string; authorization: string | null }> = [];
    const target = createServer((request, response) => {
      seen.push({ server: 'target', authorization: request.headers.authorization ?? null });
      response.writeHead(200, { 'content-type': 'text/calendar' });
      response.end(cal('BEGIN:VEVENT', 'UID:moved@feed.example', 'DTSTAMP:20261001T000000Z', 'DTSTART:20261104T190000Z', 'DTEND:20261104T200000Z', 'END:VEVENT'));
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    const targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/new.ics`;
    const origin = createServer((request, response) => {
      seen.push({ server: 'origin', authorization: request.headers.authorization ?? null });
      response.writeHead(request.url === '/old.ics' ? 301 : 302, { location: request.url === '/old.ics' ? '/moved.ics' : targetUrl });
      response.end();
    });
    await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(origin.address() as AddressInfo).port}/old.ics`;
      const added = await json<Source>(server.call('POST', `/api/v1/members/${grace}/calendars`, { kind: 'ics', url, username: 'jo', password: 'feed-password' }), 201);
      const synced = await json<Source>(server.call('POST', `/api/v1/members/${grace}/calendars/${added.id}/sync`));
      expect(synced).toMatchObject({ status: 'ok', busyCount: 1 });
      const basic = `Basic ${Buffer.from('jo:feed-password').toString('base64')}`;
      expect(seen).toEqual([
        { server: 'origin', authorization: basic },
        { server: 'origin', authorization: basic },
        { server: 'target', authorization: null },
      ]);
      expect((await server.call('DELETE', `/api/v1/members/${grace}/calendars/${added.id}`)).status).toBe(204);
    } finally {
      await new Promise((resolve) => origin.close(resolve));
      await new Promise((resolve) => target.close(resolve));
    }
  });
});

describe('limits on a calendar server', () => {
  it('records a timeout and a calendar too large, in words', async () => {
    const slow = createServer((request, response) => {
      if (request.url === '/huge.ics') {
        response.writeHead(200, { 'content-type': 'text/calendar' });
        response.end('X'.repeat(64 * 1024));
      }
      // /slow.ics never answers.
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
    try {
      const member = await json<{ id: string }>(
        server.call('POST', '/api/v1/members', { name: 'Lin', email: 'lin@acme.test', role: 'interviewer', timezone: 'Asia/Tokyo', workingHours: NINE_TO_FIVE }),
        201,
      );
      const limits = { timeoutMs: 300, maxResponseBytes: 16 * 1024 };
      for (const [path, words] of [
        ['/slow.ics', /^Timeout/],
        ['/huge.ics', /^Too large/],
      ] as const) {
        const added = await json<Source>(server.call('POST', `/api/v1/members/${member.id}/calendars`, { kind: 'ics', url: `${origin}${path}` }), 201);
        const record = (await server.ctx.store.calendarSources.get(server.organizationId, member.id, added.id))!;
        const after = await syncCalendarSource(server.ctx, record, limits);
        expect(after).toMatchObject({ status: 'error' });
        expect(after!.error).toMatch(words);
      }
    } finally {
      slow.closeAllConnections();
      await new Promise((resolve) => slow.close(resolve));
    }
  });
});

describe('keeping calendars through PATCH, labels and fingerprints', () => {
  let lin: string;
  const member = async (name: string) =>
    (
      await json<{ id: string }>(
        server.call('POST', '/api/v1/members', { name, email: `${name.toLowerCase()}@acme.test`, role: 'interviewer', timezone: 'Europe/London', workingHours: NINE_TO_FIVE }),
        201,
      )
    ).id;
  const listOf = async (memberId: string) => (await json<{ calendars: Source[] }>(server.call('GET', `/api/v1/members/${memberId}/calendars`))).calendars;

  beforeAll(async () => {
    lin = await member('Linus');
  });

  it('refuses a masked address sent back, naming the field and saying to send the id; the calendar and its busy times stay', async () => {
    const added = await json<Source>(server.call('POST', `/api/v1/members/${lin}/calendars`, { kind: 'ics', url: feed.url }), 201);
    await json<Source>(server.call('POST', `/api/v1/members/${lin}/calendars/${added.id}/sync`));
    const [shown] = await listOf(lin);
    expect(shown).toMatchObject({ id: added.id, status: 'ok' });
    expect(shown!.busyCount).toBeGreaterThan(0);

    const refused = await server.call('PATCH', `/api/v1/members/${lin}`, { calendars: [{ kind: 'ics', url: shown!.url }] });
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { code: string; errors: Array<{ path: string; message: string }> };
    expect(body.code).toBe('VALIDATION');
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]!.path).toBe('calendars.0.url');
    expect(body.errors[0]!.message).toMatch(/send its `id`/);
    // The old display, without a fingerprint, and its percent-encoded form are masked too.
    for (const url of [`${new URL(feed.url).origin}/…`, `${new URL(feed.url).origin}/%E2%80%A6`]) {
      expect((await server.call('PATCH', `/api/v1/members/${lin}`, { calendars: [{ kind: 'ics', url }] })).status, url).toBe(400);
    }
    expect((await server.call('POST', `/api/v1/members/${lin}/calendars`, { kind: 'ics', url: shown!.url })).status).toBe(400);
    expect(await listOf(lin)).toEqual([shown]);
  });

  it('keeps a calendar by its id — sent back as shown, or with only its id — and takes a label or password given with it', async () => {
    const [before] = await listOf(lin);
    // The list as the API showed it, read-only fields left out.
    const asShown = { id: before!.id, kind: before!.kind, url: before!.url, username: before!.username };
    await json(server.call('PATCH', `/api/v1/members/${lin}`, { calendars: [asShown] }));
    expect(await listOf(lin)).toEqual([before]);

    await json(server.call('PATCH', `/api/v1/members/${lin}`, { calendars: [{ id: before!.id, label: 'Work (Google)', password: 'new-secret' }] }));
    const [labelled] = await listOf(lin);
    expect(labelled).toMatchObject({ id: before!.id, label: 'Work (Google)', hasPassword: true, busyCount: before!.busyCount, url: before!.url });
    expect(labelled!.nextSyncAt).toBe(server.ctx.clock().toISOString());
    // Only the id: the label stays; null removes it.
    await json(server.call('PATCH', `/api/v1/members/${lin}`, { calendars: [{ id: before!.id }] }));
    expect((await listOf(lin))[0]!.label).toBe('Work (Google)');
    await json(server.call('PATCH', `/api/v1/members/${lin}`, { calendars: [{ id: before!.id, label: null }] }));
    expect((await listOf(lin))[0]!.label).toBeNull();
  });

  it('changes one calendar in place — its name or password — leaving the member’s other calendars alone', async () => {
    const ada = await member('Augusta');
    const work = await json<Source>(server.call('POST', `/api/v1/members/${ada}/calendars`, { kind: 'caldav', url: `${feed.url}/work/`, username: 'augusta', password: 'old' }), 201);
    const home = await json<Source>(server.call('POST', `/api/v1/members/${ada}/calendars`, { kind: 'ics', url: feed.url, label: 'Home' }), 201);
    const path = `/api/v1/members/${ada}/calendars/${work.id}`;

    const renamed = await json<Source>(server.call('PATCH', path, { label: 'Work' }));
    expect(renamed).toMatchObject({ id: work.id, label: 'Work', hasPassword: true, username: 'augusta' });
    const changed = await json<Source>(server.call('PATCH', path, { password: 'new-secret' }));
    expect(changed).toMatchObject({ label: 'Work', hasPassword: true, nextSyncAt: server.ctx.clock().toISOString() });
    expect(JSON.stringify(changed)).not.toContain('new-secret');
    expect((await json<Source>(server.call('PATCH', path, { password: null }))).hasPassword).toBe(false);
    // The other calendar was not touched.
    expect((await listOf(ada)).find((s) => s.id === home.id)).toEqual(home);

    const refused = await server.call('PATCH', path, { label: '', url: 'https://elsewhere.example/' });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: Array<{ path: string }> }).errors.map((e) => e.path).sort()).toEqual(['(body)', 'label']);
    expect((await server.call('PATCH', `/api/v1/members/${ada}/calendars/${home.id.replace(/.$/, (c) => (c === '0' ? '1' : '0'))}`, { label: 'x' })).status).toBe(404);
    expect((await server.call('PATCH', `/api/v1/members/${lin}/calendars/${work.id}`, { label: 'x' })).status).toBe(404);
    const other = await server.newOrganization('Other');
    const fromOther = await server.app.request(path, { method: 'PATCH', headers: { authorization: `Bearer ${other.apiKey}`, 'content-type': 'application/json' }, body: '{"label":"x"}' });
    expect(fromOther.status).toBe(404);
  });

  it('refuses an unknown or repeated id, another address with an id, and an item with neither id nor address — every error at once', async () => {
    const [kept] = await listOf(lin);
    const other = await member('Olga');
    const olgas = await json<Source>(server.call('POST', `/api/v1/members/${other}/calendars`, { kind: 'ics', url: feed.url }), 201);
    const refused = await server.call('PATCH', `/api/v1/members/${lin}`, {
      calendars: [
        { id: olgas.id },
        { id: kept!.id, url: 'https://calendar.example.com/another.ics' },
        { id: kept!.id, kind: 'caldav' },
        { username: 'x' },
        { id: kept!.id, label: 'x'.repeat(81) },
      ],
    });
    expect(refused.status).toBe(400);
    const { errors } = (await refused.json()) as { errors: Array<{ path: string }> };
    // The schema's errors come first, in one answer; the ids are then checked against the member's calendars.
    expect(errors.map((e) => e.path).sort()).toEqual(['calendars.3.kind', 'calendars.3.url', 'calendars.4.label']);
    const second = await server.call('PATCH', `/api/v1/members/${lin}`, {
      calendars: [{ id: olgas.id }, { id: kept!.id, url: 'https://calendar.example.com/another.ics' }, { id: kept!.id, kind: 'caldav' }],
    });
    expect(second.status).toBe(400);
    expect(((await second.json()) as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).toEqual([
      'calendars.0.id',
      'calendars.1.url',
      'calendars.2.id',
      'calendars.2.kind',
    ]);
    expect(await listOf(lin)).toEqual([kept]);
  });

  it('tells calendars on one host apart by label and by a fingerprint of the whole address, which reveals no path', async () => {
    const tess = await member('Tess');
    const origin = new URL(feed.url).origin;
    const work = await json<Source>(server.call('POST', `/api/v1/members/${tess}/calendars`, { kind: 'ics', url: `${origin}/private-aaaa/work.ics`, label: ' Work (Google) ' }), 201);
    const home = await json<Source>(server.call('POST', `/api/v1/members/${tess}/calendars`, { kind: 'ics', url: `${origin}/private-bbbb/home.ics` }), 201);
    expect(work.label).toBe('Work (Google)');
    expect(home.label).toBeNull();
    expect(work.url).not.toBe(home.url);
    for (const shown of [work.url, home.url]) expect(shown).toMatch(new RegExp(`^${origin.replace(/\./g, '\\.')}/… #[0-9a-f]{4}$`));
    expect(JSON.stringify(await listOf(tess))).not.toMatch(/private-|work\.ics|home\.ics/);
    // The same address always shows the same fingerprint.
    const again = await json<Source>(server.call('POST', `/api/v1/members/${tess}/calendars`, { kind: 'ics', url: `${origin}/private-aaaa/work.ics` }), 201);
    expect(again.url).toBe(work.url);
  });
});

describe('a calendar larger than Leeway reads', () => {
  it('keeps what it read, stays ok, and says in `warning` what was left out; a later full read clears it', async () => {
    const big = await startIcsFeedServer();
    try {
      const ida = (
        await json<{ id: string }>(
          server.call('POST', '/api/v1/members', { name: 'Ida', email: 'ida@acme.test', role: 'interviewer', timezone: 'Europe/London', workingHours: NINE_TO_FIVE }),
          201,
        )
      ).id;
      // A meeting every minute for a year: far more steps than one series is followed for.
      big.publish(cal(...WEEKLY_STANDUP, 'BEGIN:VEVENT', 'UID:tick@feed.example', 'DTSTAMP:20261001T000000Z', 'DTSTART:20260101T000000Z', 'DURATION:PT1M', 'RRULE:FREQ=MINUTELY', 'END:VEVENT'));
      const added = await json<Source>(server.call('POST', `/api/v1/members/${ida}/calendars`, { kind: 'ics', url: big.url }), 201);
      const truncated = await json<Source>(server.call('POST', `/api/v1/members/${ida}/calendars/${added.id}/sync`));
      expect(truncated).toMatchObject({ status: 'ok', error: null });
      expect(truncated.busyCount).toBeGreaterThanOrEqual(6);
      expect(truncated.warning).toMatch(/^A repeating event repeats too often to follow up to 120 days ahead: its later occurrences are missing\.$/);

      big.publish(cal(...WEEKLY_STANDUP));
      const whole = await json<Source>(server.call('POST', `/api/v1/members/${ida}/calendars/${added.id}/sync`));
      expect(whole).toMatchObject({ status: 'ok', warning: null, busyCount: 6 });
    } finally {
      await big.close();
    }
  });
});
