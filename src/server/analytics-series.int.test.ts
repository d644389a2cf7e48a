import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../store/testing/engines.ts';
import { dashboardFixture, readJson, tokenOf } from './testing/dashboard-fixture.ts';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

interface SeriesSide {
  cancelled: number;
  lateCancelled: number;
  lateCancelRate: number | null;
  rescheduled: number;
  noShows: number;
  noShowRate: number | null;
}
interface Point {
  start: string;
  cancellations: {
    total: number;
    byNoticeClass: Record<string, number>;
    bySide: Record<string, number>;
    byReason: Array<{ reason: string; count: number }>;
  };
  candidate: SeriesSide;
  employer: SeriesSide;
  heldOrMissed: number;
  backfill: { freed: number; filled: number; medianMinutesToFill: number | null };
}
interface Series {
  timezone: string;
  bucket: string;
  points: Point[];
}

describe.each(testEngines())('GET /api/v1/analytics/series on $name', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    // The organization is in New York: days and weeks are New York's.
    server = await startTestServer({ now: '2026-11-30T14:00:00Z', opened: await engine.open() });
    const fx = dashboardFixture(server);
    const ann = await fx.member('Ann Series');
    const opening = await fx.opening('Series Role');
    const book = async (name: string, start: string) =>
      fx.interview({ openingId: opening, candidateId: await fx.candidate(name, 'UTC'), panel: [ann], start });
    const ample = await book('Ava Series', '2026-12-10T15:00:00Z');
    const late = await book('Ben Series', '2026-12-01T15:00:00Z');
    const candidates = await book('Cal Series', '2026-12-04T15:00:00Z');
    const missed = await book('Dee Series', '2026-12-02T15:00:00Z');
    // Monday 30 Nov (New York): the employer cancels one with ample notice.
    await readJson(server.call('POST', `/api/v1/interviews/${ample.id}/cancel`, { reason: 'scheduling_error' }));
    // Tuesday 1 Dec 03:00 UTC is still Monday evening in New York: a late employer cancellation.
    server.setNow('2026-12-01T03:00:00Z');
    await readJson(server.call('POST', `/api/v1/interviews/${late.id}/cancel`, { reason: 'interviewer_unavailable' }));
    // Tuesday in New York: the candidate cancels with ample notice (three days).
    server.setNow('2026-12-01T15:00:00Z');
    await readJson(
      server.app.request(`/api/v1/candidate/${tokenOf(candidates.candidateLink)}/cancel`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reason: 'accepted_offer' }),
      }),
    );
    // Wednesday: the panelist does not come.
    server.setNow('2026-12-02T15:20:00Z');
    await readJson(server.call('POST', `/api/v1/interviews/${missed.id}/no-show`, { party: 'interviewer', memberId: ann }));
    server.setNow('2026-12-08T12:00:00Z');
  });
  afterAll(async () => {
    await server?.close();
  });

  it("buckets by the organization's local day, every day listed, with each side's rates", async () => {
    const series = await readJson<Series>(server.call('GET', '/api/v1/analytics/series?bucket=day&from=2026-11-30T05:00:00Z&to=2026-12-03T05:00:00Z'));
    expect(series.timezone).toBe('America/New_York');
    expect(series.points.map((p) => p.start)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02']);
    const [monday, tuesday, wednesday] = series.points;
    expect(monday!.cancellations).toEqual({
      total: 2,
      byNoticeClass: { ample: 1, adequate: 0, late: 1, missed: 0, none: 0 },
      bySide: { candidate: 0, employer: 2, system: 0 },
      byReason: [
        { reason: 'interviewer_unavailable', count: 1 },
        { reason: 'scheduling_error', count: 1 },
      ],
    });
    expect(monday!.employer).toMatchObject({ cancelled: 2, lateCancelled: 1, lateCancelRate: 0.5, noShowRate: null });
    expect(tuesday!.cancellations).toMatchObject({ total: 1, bySide: { candidate: 1, employer: 0, system: 0 }, byReason: [{ reason: 'accepted_offer', count: 1 }] });
    expect(tuesday!.candidate).toMatchObject({ cancelled: 1, lateCancelled: 0, lateCancelRate: 0 });
    expect(tuesday!.employer.lateCancelRate).toBeNull();
    expect(wednesday!.cancellations.total).toBe(0);
    expect(wednesday!.heldOrMissed).toBe(1);
    expect(wednesday!.employer).toMatchObject({ noShows: 1, noShowRate: 1 });
    expect(wednesday!.candidate).toMatchObject({ noShows: 0, noShowRate: 0 });
    expect(wednesday!.backfill).toEqual({ freed: 0, filled: 0, medianMinutesToFill: null });
  });

  it('adds up, week by week, to the summary of the same window', async () => {
    const window = 'from=2026-11-23T05:00:00Z&to=2026-12-14T05:00:00Z';
    const series = await readJson<Series>(server.call('GET', `/api/v1/analytics/series?${window}`));
    expect(series.bucket).toBe('week');
    expect(series.points.map((p) => p.start)).toEqual(['2026-11-23', '2026-11-30', '2026-12-07']);
    const summary = await readJson<{
      candidate: { cancelled: { total: number; late: number; missed: number }; noShows: number; rescheduled: number };
      employer: { cancelled: { total: number; late: number; missed: number }; noShows: number; rescheduled: number };
      heldOrMissed: number;
      backfill: { freed: number; filled: number };
    }>(server.call('GET', `/api/v1/analytics/summary?${window}`));
    const total = (pick: (p: Point) => number) => series.points.reduce((sum, p) => sum + pick(p), 0);
    for (const side of ['candidate', 'employer'] as const) {
      expect(total((p) => p[side].cancelled)).toBe(summary[side].cancelled.total);
      expect(total((p) => p[side].lateCancelled)).toBe(summary[side].cancelled.late + summary[side].cancelled.missed);
      expect(total((p) => p[side].noShows)).toBe(summary[side].noShows);
      expect(total((p) => p[side].rescheduled)).toBe(summary[side].rescheduled);
    }
    expect(total((p) => p.heldOrMissed)).toBe(summary.heldOrMissed);
    expect(total((p) => p.backfill.freed)).toBe(summary.backfill.freed);
    expect(total((p) => p.cancellations.total)).toBe(3);
  });

  it('reports every bad parameter at once', async () => {
    const response = await server.call('GET', '/api/v1/analytics/series?bucket=month&from=never&timezone=Nowhere/Land');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ path: string }> };
    expect(body.errors.map((e) => e.path).sort()).toEqual(['bucket', 'from', 'timezone']);
  });
});
