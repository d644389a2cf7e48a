import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardFixture, readJson } from './testing/dashboard-fixture.ts';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

interface Offers {
  offers: Array<{ entryId: string; candidate: { name: string }; freedSlot: { start: string; end: string; panel: string[] }; expiresAt: string }>;
}

describe('what is going on in an opening: its counts and its standing offers', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ now: '2026-12-01T12:00:00Z' });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lists the freed time offered to a waitlisted candidate until it is claimed, declined or lapses', async () => {
    const fx = dashboardFixture(server);
    const grace = await fx.member('Grace Offers', { timezone: 'UTC' });
    const opening = await fx.opening('Offered Engineer');
    const holder = await fx.candidate('Holder Offers', 'UTC');
    const wendy = await fx.candidate('Wendy Offers', 'UTC');
    const interview = await fx.interview({ openingId: opening, candidateId: holder, panel: [grace], start: '2026-12-10T10:00:00Z' });
    const entry = await readJson<{ id: string }>(server.call('POST', `/api/v1/openings/${opening}/waitlist`, { candidateId: wendy, panel: [grace], durationMinutes: 60 }), 201);
    expect((await readJson<Offers>(server.call('GET', `/api/v1/openings/${opening}/offers`))).offers).toEqual([]);

    await readJson(server.call('POST', `/api/v1/interviews/${interview.id}/cancel`, { reason: 'interviewer_unavailable' }));
    const { offers } = await readJson<Offers>(server.call('GET', `/api/v1/openings/${opening}/offers`));
    expect(offers).toHaveLength(1);
    expect(offers[0]).toMatchObject({
      entryId: entry.id,
      candidate: { name: 'Wendy Offers' },
      freedSlot: { start: '2026-12-10T10:00:00.000Z', end: '2026-12-10T11:00:00.000Z', panel: [grace] },
    });

    // Past its expiry it is no longer standing, even before the background job settles it.
    server.setNow(new Date(Date.parse(offers[0]!.expiresAt) + 1000));
    expect((await readJson<Offers>(server.call('GET', `/api/v1/openings/${opening}/offers`))).offers).toEqual([]);
    expect((await server.call('GET', '/api/v1/openings/6f1c2c1e-0a53-4a8e-9d7e-0b4b1d7c2f10/offers')).status).toBe(404);
  });

  it('counts each opening’s interviews by status and its waiting candidates, in the list and on one opening', async () => {
    const fx = dashboardFixture(server);
    server.setNow('2026-12-01T12:00:00Z');
    const grace = await fx.member('Grace Counts', { timezone: 'UTC' });
    const busy = await fx.opening('Counted Engineer');
    const quiet = await fx.opening('Quiet Role');
    const [a, b, c] = [await fx.candidate('Ann Counts', 'UTC'), await fx.candidate('Ben Counts', 'UTC'), await fx.candidate('Cy Counts', 'UTC')];
    await fx.interview({ openingId: busy, candidateId: a, panel: [grace], start: '2026-12-14T10:00:00Z' });
    const cancelled = await fx.interview({ openingId: busy, candidateId: b, panel: [grace], start: '2026-12-14T12:00:00Z' });
    await readJson(server.call('POST', `/api/v1/interviews/${cancelled.id}/cancel`, { reason: 'scheduling_error' }));
    await readJson(server.call('POST', `/api/v1/openings/${busy}/waitlist`, { candidateId: c, panel: [grace], durationMinutes: 60 }), 201);

    type WithActivity = { id: string; activity: { interviews: Record<string, number>; waiting: number } };
    const list = await readJson<{ openings: WithActivity[] }>(server.call('GET', '/api/v1/openings?limit=200'));
    const listed = list.openings.find((o) => o.id === busy)!;
    expect(listed.activity.interviews).toMatchObject({ scheduled: 1, cancelled: 1, completed: 0, no_show: 0 });
    expect(listed.activity.waiting).toBeGreaterThanOrEqual(1);
    expect(list.openings.find((o) => o.id === quiet)!.activity).toMatchObject({ interviews: { scheduled: 0, cancelled: 0 }, waiting: 0 });
    const one = await readJson<WithActivity>(server.call('GET', `/api/v1/openings/${busy}`));
    expect(one.activity).toEqual(listed.activity);
  });
});
