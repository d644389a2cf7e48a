import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../store/testing/engines.ts';
import { dashboardFixture, readJson, tokenOf } from './testing/dashboard-fixture.ts';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe.each(testEngines())('the times a candidate is shown on $name', (engine) => {
  let server: TestServer;
  const api = (token: string, path = '') => `/api/v1/candidate/${token}${path}`;
  const get = (path: string) => server.app.request(path);
  const post = (path: string, body: unknown) => server.app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    server = await startTestServer({ now: '2026-12-01T12:00:00Z', opened: await engine.open() });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lists only offered times the candidate can still accept, and offers other times when none is left', async () => {
    server.setNow('2026-12-01T12:00:00Z');
    const fx = dashboardFixture(server);
    const grace = await fx.member('Grace Offers');
    const opening = await fx.opening('Offers Role');
    const candidate = await fx.candidate('Kim Offers');
    const invited = await readJson<{ candidateLink: string; offeredSlots: Array<{ start: string }> }>(
      server.call('POST', '/api/v1/interviews', { openingId: opening, candidateId: candidate, title: 'Screen', durationMinutes: 30, panel: [grace], offer: { count: 3 } }),
      201,
    );
    const token = tokenOf(invited.candidateLink);
    const offered = ((await readJson<Json>(get(api(token)))).offeredSlots as Json[]).map((s) => s.start as string);
    expect(offered.length).toBe(3);

    // The first offered time is 23 h 57 min away: accepting it is refused, so it is not listed.
    const first = Date.parse(offered[0]!);
    server.setNow(new Date(first - 23 * HOUR - 57 * MINUTE).toISOString());
    const refused = await readJson<Json>(post(api(token, '/accept'), { start: offered[0] }), 400);
    expect(refused.detail ?? refused.title).toMatch(/hours ahead/);
    const view = await readJson<Json>(get(api(token)));
    expect(view.offeredSlots.map((s: Json) => s.start)).toEqual(offered.slice(1));
    expect(view.actions).toContain('accept');
    const times = (await readJson<Json>(get(api(token, '/times')))).times as Json[];
    expect(times.length).toBeGreaterThan(0);
    const now = first - 23 * HOUR - 57 * MINUTE;
    for (const time of times) expect(Date.parse(time.start)).toBeGreaterThanOrEqual(now + 24 * HOUR);

    // Every offer inside the lead: none is listed, and the candidate is pointed to other times instead.
    const last = Date.parse(offered.at(-1)!);
    server.setNow(new Date(last - 23 * HOUR).toISOString());
    const stale = await readJson<Json>(get(api(token)));
    expect(stale.offeredSlots).toEqual([]);
    expect(stale.actions).not.toContain('accept');
    expect(stale.actions).toContain('reschedule');
    expect(stale.interview.status).toBe('invited');
  });

  it('offers a move to times clear of the interview being moved, not overlapping it', async () => {
    server.setNow('2026-12-01T12:00:00Z');
    const fx = dashboardFixture(server);
    const grace = await fx.member('Grace Nearest');
    const opening = await fx.opening('Nearest Role');
    const candidate = await fx.candidate('Ode Nearest');
    // 09:00–10:00 in New York, the first time a candidate could move to from ten to two the day before.
    const booked = await fx.interview({ openingId: opening, candidateId: candidate, panel: [grace], start: '2026-12-08T14:00:00Z' });
    server.setNow('2026-12-07T13:50:00Z');
    const times = (await readJson<Json>(get(api(tokenOf(booked.candidateLink), '/times?order=nearest&count=4')))).times as Json[];
    expect(times).toHaveLength(4);
    for (const time of times) expect(Date.parse(time.start) >= Date.parse(booked.end) || Date.parse(time.start) + HOUR <= Date.parse(booked.start)).toBe(true);
    expect(times[0]!.start).toBe('2026-12-08T15:00:00.000Z');
  });
});
