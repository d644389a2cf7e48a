import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../store/testing/engines.ts';
import { dashboardFixture, readJson, tokenOf } from './testing/dashboard-fixture.ts';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

interface Change {
  id: string;
  at: string;
  action: string;
  side: string;
  noticeClass: string | null;
  noticeHours: number | null;
  reason: string | null;
  interview: { id: string; title: string; status: string; start: string | null; end: string | null };
  candidate: { id: string; name: string };
  opening: { id: string; title: string };
}
interface ChangePage {
  changes: Change[];
  nextCursor: string | null;
}

describe.each(testEngines())('GET /api/v1/changes on $name', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ now: '2026-12-01T12:00:00Z', opened: await engine.open() });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lists who changed what, newest first, with notice and reason category but no private note', async () => {
    const fx = dashboardFixture(server);
    const grace = await fx.member('Grace Feed');
    const opening = await fx.opening('Feed Engineer');
    const ada = await fx.candidate('Ada Feed');
    const bob = await fx.candidate('Bob Feed');
    const first = await fx.interview({ openingId: opening, candidateId: ada, panel: [grace], start: '2026-12-02T15:00:00Z' });
    server.setNow('2026-12-01T13:00:00Z');
    const second = await fx.interview({ openingId: opening, candidateId: bob, panel: [grace], start: '2026-12-04T15:00:00Z' });
    server.setNow('2026-12-01T14:00:00Z');
    await readJson(server.call('POST', `/api/v1/interviews/${second.id}/reschedule`, { start: '2026-12-04T17:00:00Z', reason: 'scheduling_error' }));
    server.setNow('2026-12-01T20:00:00Z');
    await readJson(
      server.app.request(`/api/v1/candidate/${tokenOf(first.candidateLink)}/cancel`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reason: 'family_emergency', note: 'My grandmother is in hospital', calledAhead: true }),
      }),
    );

    const page = await readJson<ChangePage>(server.call('GET', '/api/v1/changes?since=2026-12-01T00:00:00Z'));
    expect(page.nextCursor).toBeNull();
    expect(page.changes.map((c) => [c.action, c.side, c.candidate.name])).toEqual([
      ['cancelled', 'candidate', 'Ada Feed'],
      ['rescheduled', 'employer', 'Bob Feed'],
      ['scheduled', 'employer', 'Bob Feed'],
      ['scheduled', 'employer', 'Ada Feed'],
    ]);
    const [cancelled, moved] = page.changes;
    expect(cancelled).toEqual({
      id: expect.any(String),
      at: '2026-12-01T20:00:00.000Z',
      action: 'cancelled',
      side: 'candidate',
      noticeClass: 'late',
      noticeHours: 19,
      reason: 'family_emergency',
      interview: { id: first.id, title: 'Interview', status: 'cancelled', start: '2026-12-02T15:00:00.000Z', end: '2026-12-02T16:00:00.000Z' },
      candidate: { id: ada, name: 'Ada Feed' },
      opening: { id: opening, title: 'Feed Engineer' },
    });
    expect(JSON.stringify(page)).not.toContain('grandmother');
    expect(moved).toMatchObject({ reason: 'scheduling_error', noticeClass: 'ample', interview: { start: '2026-12-04T17:00:00.000Z' } });

    // since: only what happened at or after it.
    const recent = await readJson<ChangePage>(server.call('GET', '/api/v1/changes?since=2026-12-01T14:00:00Z'));
    expect(recent.changes.map((c) => c.action)).toEqual(['cancelled', 'rescheduled']);
  });

  it('pages without gaps or repeats, and keeps organizations apart', async () => {
    const fx = dashboardFixture(server);
    const member = await fx.member('Pager');
    const opening = await fx.opening('Paged');
    const candidate = await fx.candidate('Paula Page');
    server.setNow('2026-12-05T09:00:00Z');
    // Several entries at one instant: the order between them is still total.
    for (let day = 7; day <= 11; day += 1) {
      await fx.interview({ openingId: opening, candidateId: candidate, panel: [member], start: `2026-12-${String(day).padStart(2, '0')}T15:00:00Z` });
    }
    const all = await readJson<ChangePage>(server.call('GET', '/api/v1/changes?limit=200'));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ChangePage = await readJson<ChangePage>(server.call('GET', `/api/v1/changes?limit=2${cursor ? `&cursor=${cursor}` : ''}`));
      expect(page.changes.length).toBeLessThanOrEqual(2);
      seen.push(...page.changes.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.changes.map((c) => c.id));
    expect(new Set(seen).size).toBe(seen.length);
    const times = all.changes.map((c) => c.at);
    expect([...times].sort().reverse()).toEqual(times);

    const other = await server.newOrganization('Elsewhere');
    const theirs = await readJson<ChangePage>(server.call('GET', '/api/v1/changes', undefined, { authorization: `Bearer ${other.apiKey}` }));
    expect(theirs.changes).toEqual([]);
  });

  it('refuses a bad since or cursor with a field error, and needs a credential', async () => {
    const bad = await server.call('GET', '/api/v1/changes?since=yesterday&cursor=nope');
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { errors: Array<{ path: string }> };
    expect([...new Set(body.errors.map((e) => e.path))].sort()).toEqual(['cursor', 'since']);
    expect((await server.app.request('/api/v1/changes')).status).toBe(401);
  });
});
