import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANDIDATE_REASONS, EMPLOYER_REASONS } from '../core/reasons.ts';
import { NINE_TO_FIVE, startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

/** Analytics through the API: both sides counted alike, window and zone checks, and one organization's figures kept from another. */

let server: TestServer;
let ids: { a: string; b: string; opening: string };
const NOW = '2026-12-01T12:00:00Z';
const WINDOW = 'from=2026-11-30T00:00:00Z&to=2026-12-07T00:00:00Z';

async function json<T>(response: Response | Promise<Response>, status = 200): Promise<T> {
  const res = await response;
  const text = await res.text();
  expect(res.status, text).toBe(status);
  if (status >= 400) expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return JSON.parse(text) as T;
}

const post = async (path: string, body: unknown) => (await json<{ id: string }>(server.call('POST', path, body), 201)).id;

async function book(name: string, start: string) {
  const candidate = await post('/api/v1/candidates', { name, email: `${name.toLowerCase()}@example.com`, timezone: 'UTC' });
  return json<{ id: string; candidateLink: string }>(
    server.call('POST', '/api/v1/interviews', { openingId: ids.opening, candidateId: candidate, title: 'Onsite', durationMinutes: 60, panel: [ids.a, ids.b], start }),
    201,
  );
}

interface Side {
  scheduled: number;
  cancelled: Record<'ample' | 'adequate' | 'late' | 'missed' | 'none' | 'total', number>;
  lateCancelRate: number | null;
  noShows: number;
  noShowRate: number | null;
  lateMarks: number;
  rescheduled: number;
  reschedulesPerInterview: number | null;
}
interface Summary {
  from: string;
  to: string;
  timezone: string;
  candidate: Side;
  employer: Side;
  heldOrMissed: number;
  interviewers: Array<{ memberId: string; name: string; scheduled: number; completed: number }>;
  backfill: { freed: number; offered: number; filled: number; medianMinutesToFill: number | null };
  panel: { declines: number; replacements: number; handedOver: number };
}
interface Groups {
  groups: Array<{ key: string | null; count: number }>;
  total: number;
  timezone: string;
}

beforeAll(async () => {
  server = await startTestServer({ now: NOW });
  ids = {
    a: await post('/api/v1/members', { name: 'Ann Lee', email: 'ann@acme.test', role: 'interviewer', timezone: 'UTC', workingHours: NINE_TO_FIVE }),
    b: await post('/api/v1/members', { name: 'Bo Park', email: 'bo@acme.test', role: 'interviewer', timezone: 'UTC', workingHours: NINE_TO_FIVE }),
    opening: await post('/api/v1/openings', { title: 'Engineer' }),
  };
  // Employer cancels with ample notice, the candidate with adequate notice, the employer late; a panelist misses one.
  const ample = await book('Ava', '2026-12-10T15:00:00Z');
  const adequate = await book('Ben', '2026-12-02T15:00:00Z');
  const late = await book('Cal', '2026-12-01T16:00:00Z');
  const missed = await book('Dee', '2026-12-03T10:00:00Z');
  await json(server.call('POST', `/api/v1/interviews/${ample.id}/cancel`, { reason: EMPLOYER_REASONS[0] }));
  const token = adequate.candidateLink.slice(adequate.candidateLink.lastIndexOf('/') + 1);
  await json(server.call('POST', `/api/v1/candidate/${token}/cancel`, { reason: CANDIDATE_REASONS[0] }));
  await json(server.call('POST', `/api/v1/interviews/${late.id}/cancel`, { reason: EMPLOYER_REASONS[0] }));
  server.setNow('2026-12-03T10:20:00Z');
  await json(server.call('POST', `/api/v1/interviews/${missed.id}/no-show`, { party: 'interviewer', memberId: ids.a }));
  server.setNow(NOW);
  // Interviewer load: one still scheduled, one completed.
  await book('Eve', '2026-12-02T14:00:00Z');
  const held = await book('Fay', '2026-12-02T16:00:00Z');
  server.setNow('2026-12-02T17:30:00Z');
  await json(server.call('POST', `/api/v1/interviews/${held.id}/complete`));
  server.setNow(NOW);
});
afterAll(async () => {
  await server?.close();
});

describe('analytics over HTTP', () => {
  it('counts the employer\'s late cancellations and interviewer no-shows exactly like the candidate\'s', async () => {
    const summary = await json<Summary>(server.call('GET', `/api/v1/analytics/summary?${WINDOW}`));
    expect(summary.timezone).toBe('America/New_York');
    expect(summary.employer.cancelled).toEqual({ ample: 1, adequate: 0, late: 1, missed: 0, none: 0, total: 2 });
    expect(summary.employer.lateCancelRate).toBe(0.5);
    expect(summary.candidate.cancelled).toEqual({ ample: 0, adequate: 1, late: 0, missed: 0, none: 0, total: 1 });
    expect(summary.candidate.lateCancelRate).toBe(0);
    expect(summary.employer.scheduled).toBe(6);
    expect(summary.heldOrMissed).toBe(2);
    expect(summary.employer.noShows).toBe(1);
    expect(summary.employer.noShowRate).toBe(0.5);
    expect(summary.candidate.noShows).toBe(0);
    expect(summary.candidate.noShowRate).toBe(0);
    expect(summary.backfill).toMatchObject({ filled: 0, medianMinutesToFill: null });
    expect(summary.panel).toEqual({ declines: 0, replacements: 0, handedOver: 0 });
    // The interview still scheduled and the completed one; the missed and cancelled ones are neither.
    expect([...summary.interviewers].sort((x, y) => x.name.localeCompare(y.name))).toEqual([
      { memberId: ids.a, name: 'Ann Lee', scheduled: 1, completed: 1 },
      { memberId: ids.b, name: 'Bo Park', scheduled: 1, completed: 1 },
    ]);
  });

  it('groups cancellations by notice, side, reason, local week and local slot hour', async () => {
    const by = async (groupBy: string, extra = '') => json<Groups>(server.call('GET', `/api/v1/analytics/cancellations?${WINDOW}&groupBy=${groupBy}${extra}`));
    expect((await by('noticeClass')).groups).toEqual([
      { key: 'ample', count: 1 },
      { key: 'adequate', count: 1 },
      { key: 'late', count: 1 },
    ]);
    expect((await by('side')).groups).toEqual([
      { key: 'employer', count: 2 },
      { key: 'candidate', count: 1 },
    ]);
    expect((await by('reason')).total).toBe(3);
    expect((await by('week')).groups).toEqual([{ key: '2026-11-30', count: 3 }]);
    // 10:00, 15:00 and 16:00 UTC are 05, 10 and 11 in New York, 15, 16 in London.
    expect((await by('slotHour')).groups).toEqual([
      { key: '10', count: 2 },
      { key: '11', count: 1 },
    ]);
    const london = await by('slotHour', '&timezone=europe/london');
    expect(london.timezone).toBe('Europe/London');
    expect(london.groups).toEqual([
      { key: '15', count: 2 },
      { key: '16', count: 1 },
    ]);
    // The window is half-open: the cancellations at 12:00 fall outside a window ending then.
    expect((await json<Groups>(server.call('GET', '/api/v1/analytics/cancellations?from=2026-11-30T00:00:00Z&to=2026-12-01T12:00:00Z'))).total).toBe(0);
    expect((await json<Groups>(server.call('GET', '/api/v1/analytics/cancellations?from=2026-12-01T12:00:00Z&to=2026-12-01T12:00:00.001Z'))).total).toBe(3);
  });

  it('defaults to the last 30 days in the organization\'s zone', async () => {
    const report = await json<Groups & { from: string; to: string }>(server.call('GET', '/api/v1/analytics/cancellations'));
    expect(report).toMatchObject({ from: '2026-11-01T12:00:00.000Z', to: NOW.replace('Z', '.000Z'), timezone: 'America/New_York' });
  });

  it('refuses a bad instant, a reversed or too long window, an unknown zone and grouping, every field at once', async () => {
    const bad = await json<{ code: string; errors: Array<{ path: string }> }>(
      server.call('GET', '/api/v1/analytics/cancellations?from=yesterday&to=2026-02-30T00:00:00Z&timezone=Mars/Olympus&groupBy=mood'),
      400,
    );
    expect(bad.code).toBe('VALIDATION');
    expect(bad.errors.map((e) => e.path).sort()).toEqual(['from', 'groupBy', 'timezone', 'to']);
    const reversed = await json<{ errors: Array<{ path: string; message: string }> }>(
      server.call('GET', '/api/v1/analytics/summary?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z'),
      400,
    );
    expect(reversed.errors).toEqual([{ path: 'to', message: 'The window must not end before it starts.' }]);
    const long = await json<{ errors: Array<{ path: string; message: string }> }>(
      server.call('GET', '/api/v1/analytics/summary?from=2025-01-01T00:00:00Z&to=2026-02-05T00:00:00.001Z'),
      400,
    );
    expect(long.errors[0]?.message).toMatch(/400 days/);
    await json(server.call('GET', '/api/v1/analytics/summary?from=2025-01-01T00:00:00Z&to=2026-02-05T00:00:00Z'));
    const zone = await json<{ errors: Array<{ path: string }> }>(server.call('GET', '/api/v1/analytics/summary?timezone=Nowhere/Land'), 400);
    expect(zone.errors.map((e) => e.path)).toEqual(['timezone']);
  });

  it('shows another organization none of it', async () => {
    const other = await server.newOrganization('Globex');
    const headers = { authorization: `Bearer ${other.apiKey}` };
    const groups = await json<Groups>(server.call('GET', `/api/v1/analytics/cancellations?${WINDOW}&groupBy=side`, undefined, headers));
    expect(groups).toMatchObject({ groups: [], total: 0, timezone: 'Europe/London' });
    const summary = await json<Summary>(server.call('GET', `/api/v1/analytics/summary?${WINDOW}`, undefined, headers));
    expect(summary.employer.cancelled.total + summary.candidate.cancelled.total + summary.employer.scheduled + summary.heldOrMissed).toBe(0);
    expect(summary.interviewers).toEqual([]);
    expect(summary.employer.lateCancelRate).toBeNull();
    const anonymous = await server.app.request(`/api/v1/analytics/summary?${WINDOW}`);
    expect(anonymous.status).toBe(401);
  });

  it('describes both operations in the OpenAPI document', async () => {
    const doc = await json<{ paths: Record<string, { get?: { operationId?: string; security?: unknown[]; responses: Record<string, unknown> } }> }>(server.call('GET', '/openapi.json'));
    expect(doc.paths['/api/v1/analytics/cancellations']?.get).toMatchObject({ operationId: 'getCancellationAnalytics' });
    expect(doc.paths['/api/v1/analytics/summary']?.get).toMatchObject({ operationId: 'getAnalyticsSummary' });
    expect(Object.keys(doc.paths['/api/v1/analytics/summary']!.get!.responses).sort()).toEqual(['200', '400', '401', '429', '503']);
  });
});
