import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../store/testing/engines.ts';
import { dashboardFixture, readJson } from './testing/dashboard-fixture.ts';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

interface Options {
  candidate: { name: string; timezone: string; zoneLabel: string };
  durationMinutes: number;
  options: Array<{ start: string; end: string; withinCandidateHours: boolean; candidateBusy: boolean; candidateLocal: string; notice: string }>;
  notice: { class: string; callFirst: boolean; phone: string | null; text: string } | null;
  told: Array<{ role: string; name: string; address: string; kind: string; calendar: string | null }>;
}

describe.each(testEngines())('reschedule options on $name', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ now: '2026-12-01T12:00:00Z', opened: await engine.open() });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("offers the panel's free times marked against the candidate's hours, and names who a move tells, as the move then does", async () => {
    const fx = dashboardFixture(server);
    const grace = await fx.member('Grace Move');
    const alan = await fx.member('Alan Move', { timezone: 'Europe/London' });
    const olga = await fx.member('Olga Move');
    const opening = await fx.opening('Move Engineer');
    const other = await fx.opening('Other Role');
    const lee = await fx.candidate('Lee Move', 'America/Los_Angeles');
    const booked = await fx.interview({ openingId: opening, candidateId: lee, panel: [grace, alan], start: '2026-12-08T15:00:00Z' });
    // The candidate's own other interview, with someone else.
    await fx.interview({ openingId: other, candidateId: lee, panel: [olga], start: '2026-12-08T16:00:00Z' });

    const body = await readJson<Options>(
      server.call('GET', `/api/v1/interviews/${booked.id}/reschedule-options?from=2026-12-08T00:00:00Z&to=2026-12-09T00:00:00Z&stepMinutes=60`),
    );
    expect(body.candidate).toEqual({ name: 'Lee Move', timezone: 'America/Los_Angeles', zoneLabel: 'Los Angeles time' });
    expect(body.durationMinutes).toBe(60);
    // New York and London overlap 14:00–17:00 UTC; 15:00 is where it already is.
    expect(body.options).toEqual([
      { start: '2026-12-08T14:00:00.000Z', end: '2026-12-08T15:00:00.000Z', withinCandidateHours: false, candidateBusy: false, candidateLocal: 'Tuesday, December 8 at 6:00 AM PST', notice: 'ample' },
      { start: '2026-12-08T16:00:00.000Z', end: '2026-12-08T17:00:00.000Z', withinCandidateHours: true, candidateBusy: true, candidateLocal: 'Tuesday, December 8 at 8:00 AM PST', notice: 'ample' },
    ]);
    expect(body.notice).toMatchObject({ class: 'ample', callFirst: false, text: 'Lee Move gets 7 days of notice, at least the 48 hours this organization asks for: the email is enough.' });
    expect(body.told.map((t) => [t.role, t.name, t.calendar])).toEqual(
      expect.arrayContaining([
        ['candidate', 'Lee Move', 'REQUEST'],
        ['panelist', 'Grace Move', 'REQUEST'],
        ['panelist', 'Alan Move', 'REQUEST'],
      ]),
    );

    server.setNow('2026-12-02T10:00:00Z');
    await readJson(server.call('POST', `/api/v1/interviews/${booked.id}/reschedule`, { start: '2026-12-08T14:00:00Z' }));
    const messages = await readJson<{ messages: Array<{ to: string; kind: string; icsMethod: string | null; createdAt: string }> }>(
      server.call('GET', `/api/v1/messages?interviewId=${booked.id}&limit=200`),
    );
    const sent = messages.messages.filter((m) => m.createdAt === '2026-12-02T10:00:00.000Z' && m.kind !== 'reminder');
    expect(sent.map((m) => [m.to, m.kind, m.icsMethod]).sort()).toEqual(body.told.map((t) => [t.address, t.kind, t.calendar]).sort());
  });

  it("says, without refusing, when a booking or a move puts the interview outside the candidate's hours", async () => {
    const fx = dashboardFixture(server);
    const ines = await fx.member('Ines Hours', { timezone: 'Europe/London' });
    const opening = await fx.opening('Hours Engineer');
    const ada = await fx.candidate('Ada Hours', 'America/Los_Angeles');
    type Answer = { id: string; start: string; withinCandidateHours?: boolean };
    // 16:00 UTC is 8:00 AM in Los Angeles, the start of her hours; 14:00 UTC is 6:00 AM there, before them.
    const inside = await readJson<Answer>(
      server.call('POST', '/api/v1/interviews', { openingId: opening, candidateId: ada, panel: [ines], title: 'Hours', durationMinutes: 60, start: '2026-12-09T16:00:00Z' }),
      201,
    );
    expect(inside.withinCandidateHours).toBe(true);
    const moved = await readJson<Answer>(server.call('POST', `/api/v1/interviews/${inside.id}/reschedule`, { start: '2026-12-10T14:00:00Z' }));
    expect(moved).toMatchObject({ start: '2026-12-10T14:00:00.000Z', withinCandidateHours: false });
    // The interview itself says nothing of it: only the answer to the booking or the move.
    expect(await readJson<Answer>(server.call('GET', `/api/v1/interviews/${inside.id}`))).not.toHaveProperty('withinCandidateHours');
    const invitation = await readJson<Answer>(
      server.call('POST', '/api/v1/interviews', { openingId: opening, candidateId: ada, panel: [ines], title: 'Pick', durationMinutes: 60, offer: { count: 2 } }),
      201,
    );
    expect(invitation).not.toHaveProperty('withinCandidateHours');
  });

  it('refuses for an interview that cannot move, a bad window, or another organization', async () => {
    const fx = dashboardFixture(server);
    const grace = await fx.member('Grace Stuck');
    const opening = await fx.opening('Stuck Role');
    const candidate = await fx.candidate('Sol Stuck');
    const booked = await fx.interview({ openingId: opening, candidateId: candidate, panel: [grace], start: '2026-12-10T15:00:00Z' });
    const badWindow = await server.call('GET', `/api/v1/interviews/${booked.id}/reschedule-options?from=2026-12-10T00:00:00Z&to=2026-12-09T00:00:00Z`);
    expect(badWindow.status).toBe(400);
    const outsider = await server.newOrganization('Outsiders');
    const foreign = await server.call('GET', `/api/v1/interviews/${booked.id}/reschedule-options`, undefined, { authorization: `Bearer ${outsider.apiKey}` });
    expect(foreign.status).toBe(404);
    await readJson(server.call('POST', `/api/v1/interviews/${booked.id}/cancel`, { reason: 'scheduling_error' }));
    const cancelled = await server.call('GET', `/api/v1/interviews/${booked.id}/reschedule-options`);
    expect(cancelled.status).toBe(409);
  });

  it('starts the window on the grid when now, or the given start, has seconds', async () => {
    server.setNow('2026-12-01T12:00:37.250Z');
    const fx = dashboardFixture(server);
    const grace = await fx.member('Grace Seconds');
    const opening = await fx.opening('Seconds Role');
    const candidate = await fx.candidate('Sam Seconds');
    const booked = await fx.interview({ openingId: opening, candidateId: candidate, panel: [grace], start: '2026-12-10T15:00:00Z' });

    const byDefault = await readJson<Options>(server.call('GET', `/api/v1/interviews/${booked.id}/reschedule-options`));
    expect(byDefault.options.length).toBeGreaterThan(0);
    for (const option of byDefault.options) expect(Date.parse(option.start) % (30 * 60_000)).toBe(0);
    expect(byDefault.told.map((t) => t.role)).toContain('candidate');

    const given = await readJson<Options>(
      server.call('GET', `/api/v1/interviews/${booked.id}/reschedule-options?from=2026-12-08T00:00:05.500Z&to=2026-12-09T00:00:00Z&stepMinutes=60`),
    );
    expect(given.options.length).toBeGreaterThan(0);
    for (const option of given.options) expect(Date.parse(option.start) % (60 * 60_000)).toBe(0);
  });
});
