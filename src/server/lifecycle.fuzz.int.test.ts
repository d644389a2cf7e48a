import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERVIEW_STATUSES } from '../core/types.ts';
import { assertSane, seen, tokenOf } from './testing/fuzz-helpers.ts';
import { NINE_TO_FIVE, startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

/**
 * A random sequence of candidate and employer actions on a few interviews, with the clock moving:
 * no 5xx, no member double-booked, only legal transitions in history, sequence never decreases.
 */

let server: TestServer;
let members: string[];
let opening: string;
let candidate: string;
const T0 = Date.parse('2026-12-01T12:00:00Z');

beforeAll(async () => {
  server = await startTestServer({ now: '2026-12-01T12:00:00Z' });
  const post = async (path: string, body: unknown) => ((await (await server.call('POST', path, body)).json()) as { id: string }).id;
  members = [
    await post('/api/v1/members', { name: 'Ann', email: 'ann@acme.test', role: 'interviewer', timezone: 'UTC', workingHours: NINE_TO_FIVE }),
    await post('/api/v1/members', { name: 'Bob', email: 'bob@acme.test', role: 'interviewer', timezone: 'UTC', workingHours: NINE_TO_FIVE, bufferMinutes: 15 }),
    await post('/api/v1/members', { name: 'Cat', email: 'cat@acme.test', role: 'interviewer', timezone: 'Asia/Tokyo', workingHours: NINE_TO_FIVE }),
  ];
  opening = await post('/api/v1/openings', { title: 'Engineer' });
  candidate = await post('/api/v1/candidates', { name: 'Cy', email: 'cy@example.com', timezone: 'UTC' });
});
afterAll(async () => {
  await server?.close();
});

/** From → legal next statuses, by history action (the API's lifecycle). */
const LEGAL: Record<string, Array<[string, string]>> = {
  scheduled: [['invited', 'scheduled']],
  invited: [],
  accepted: [['invited', 'scheduled']],
  rescheduled: [['scheduled', 'scheduled']],
  new_times_requested: [['invited', 'invited'], ['scheduled', 'invited']],
  cancelled: [['invited', 'cancelled'], ['scheduled', 'cancelled']],
  withdrawn: [['invited', 'withdrawn'], ['scheduled', 'withdrawn']],
  declined: [['invited', 'declined']],
  completed: [['scheduled', 'completed']],
  no_show: [['scheduled', 'no_show']],
  ended_early: [['scheduled', 'ended_early']],
  concern_raised: [],
};

// A random time: on the half-hour grid in the next two weeks (some inside working hours), or junk.
const when = fc.oneof(
  fc.integer({ min: -4, max: 14 * 48 }).map((h) => new Date(T0 + h * 30 * 60_000).toISOString()),
  fc.tuple(fc.integer({ min: 1, max: 14 }), fc.integer({ min: 18, max: 33 })).map(([d, half]) => new Date(Date.parse('2026-12-01T00:00:00Z') + d * 86_400_000 + half * 1_800_000).toISOString()),
  fc.tuple(fc.integer({ min: 1, max: 14 }), fc.integer({ min: 18, max: 33 })).map(([d, half]) => new Date(Date.parse('2026-12-01T00:00:00Z') + d * 86_400_000 + half * 1_800_000).toISOString()),
  fc.constantFrom('2026-12-02T10:00:00Z', '2026-12-02T10:30:00Z', '2026-12-03T14:00:00Z', '2026-12-02T10:07:00Z'),
);
const candReason = fc.constantFrom('schedule_conflict', 'medical_emergency', 'other');
const createStep = fc.record({ kind: fc.constant('create' as const), panel: fc.subarray([0, 1], { minLength: 1 }), start: fc.option(when, { nil: undefined }), duration: fc.constantFrom(30, 60, 90) });
const step = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), panel: fc.subarray([0, 1, 2], { minLength: 1 }), start: fc.option(when, { nil: undefined }), duration: fc.constantFrom(30, 60, 90) }),
  fc.record({ kind: fc.constant('candidate' as const), i: fc.nat(4), action: fc.constantFrom('accept', 'reschedule', 'request', 'cancel', 'decline', 'withdraw'), start: when, offered: fc.nat(5), reason: candReason }),
  fc.record({ kind: fc.constant('employer' as const), i: fc.nat(4), action: fc.constantFrom('cancel', 'reschedule', 'complete', 'no-show', 'end-early'), start: when }),
  fc.record({ kind: fc.constant('clock' as const), hours: fc.integer({ min: 0, max: 72 }) }),
);

interface Tracked { id: string; token: string; lastSequence: number }

async function checkInvariants(tracked: Tracked[]): Promise<void> {
  const bookings = await server.ctx.store.interviews.listBookings(server.organizationId, members, new Date('2000-01-01T00:00:00Z'), new Date('2199-01-01T00:00:00Z'));
  for (const a of bookings) {
    for (const b of bookings) {
      if (a === b || a.memberId !== b.memberId) continue;
      const overlap = new Date(a.start).getTime() < new Date(b.end).getTime() && new Date(b.start).getTime() < new Date(a.end).getTime();
      expect(overlap, `member ${a.memberId} double-booked: ${JSON.stringify([a, b])}`).toBe(false);
    }
  }
  for (const t of tracked) {
    const detail = (await (await server.call('GET', `/api/v1/interviews/${t.id}`)).json()) as { status: string; sequence: number; start: string | null; history: Array<{ action: string }> };
    expect(INTERVIEW_STATUSES).toContain(detail.status);
    expect(detail.sequence).toBeGreaterThanOrEqual(t.lastSequence);
    t.lastSequence = detail.sequence;
    // Active bookings exist exactly for scheduled interviews, at the interview's time.
    const mine = bookings.filter((b) => b.interviewId === t.id);
    if (detail.status === 'scheduled') {
      expect(mine.length, `scheduled ${t.id} without bookings`).toBeGreaterThan(0);
      for (const b of mine) expect(new Date(b.start).toISOString()).toBe(detail.start);
    } else if (detail.status !== 'completed' && detail.status !== 'no_show' && detail.status !== 'ended_early') {
      expect(mine, `${detail.status} ${t.id} still holds bookings`).toEqual([]);
    }
    // Replay the history through the lifecycle: every action legal from the status before it.
    let status: string | null = null;
    for (const entry of detail.history) {
      if (status === null) {
        expect(['scheduled', 'invited']).toContain(entry.action);
        status = entry.action;
        continue;
      }
      const legal = LEGAL[entry.action];
      expect(legal, `unknown history action ${entry.action}`).toBeDefined();
      if (legal!.length === 0) continue;
      const next = legal!.find(([from]) => from === status);
      expect(next, `illegal ${entry.action} from ${status} in ${JSON.stringify(detail.history.map((h) => h.action))}`).toBeDefined();
      status = next![1];
      if (entry.action === 'withdrawn' && status !== detail.status && legal!.some(([from, to]) => from === status && to === detail.status)) status = detail.status;
    }
    if (status !== null && !(detail.history.at(-1)?.action === 'withdrawn')) expect(status).toBe(detail.status);
  }
}

describe('random candidate and employer action sequences', () => {
  it('keep the invariants after every step', async () => {
    let run = 0;
    const statuses: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 14 }), fc.array(createStep, { minLength: 2, maxLength: 3 }), async (more, creates) => {
        const steps = [...creates, ...more];
        run += 1;
        // Each run starts at a later, fresh week so earlier runs' bookings do not interfere much.
        const base = T0 + run * 21 * 24 * 3_600_000;
        const shift = (iso: string) => new Date(Date.parse(iso) + run * 21 * 24 * 3_600_000).toISOString();
        let now = base;
        server.setNow(new Date(now));
        const tracked: Tracked[] = [];
        for (const s of steps) {
          let r;
          if (s.kind === 'clock') {
            now += s.hours * 3_600_000;
            server.setNow(new Date(now));
            continue;
          } else if (s.kind === 'create') {
            const body = { openingId: opening, candidateId: candidate, title: 'Screen', durationMinutes: s.duration, panel: s.panel.map((i) => members[i]), ...(s.start ? { start: shift(s.start) } : { offer: { count: 5 } }) };
            const response = await server.call('POST', '/api/v1/interviews', body);
            r = await seen('POST', '/api/v1/interviews', response.clone());
            if (response.status === 201) {
              const created = (await response.json()) as { id: string; candidateLink: string; sequence: number };
              tracked.push({ id: created.id, token: tokenOf(created.candidateLink), lastSequence: created.sequence });
            }
          } else if (tracked.length === 0) {
            continue;
          } else if (s.kind === 'candidate') {
            const t = tracked[s.i % tracked.length]!;
            let start = shift(s.start);
            if (s.action === 'accept') {
              const view = (await (await server.app.request(`/api/v1/candidate/${t.token}`)).json()) as { offeredSlots?: Array<{ start: string }> };
              const slots = view.offeredSlots ?? [];
              if (slots.length > 0 && s.offered < slots.length) start = slots[s.offered]!.start;
            }
            const body =
              s.action === 'accept' ? { start }
              : s.action === 'reschedule' ? { start, reason: s.reason }
              : s.action === 'request' ? { requestNewTimes: true }
              : s.action === 'decline' || s.action === 'withdraw' || s.action === 'cancel' ? { reason: s.reason }
              : {};
            const action = s.action === 'request' ? 'reschedule' : s.action;
            const path = `/api/v1/candidate/${t.token}/${action}`;
            r = await seen('POST', path, await server.app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
          } else {
            const t = tracked[s.i % tracked.length]!;
            const body =
              s.action === 'cancel' ? { reason: 'interviewer_unavailable' }
              : s.action === 'reschedule' ? { start: shift(s.start) }
              : s.action === 'no-show' ? { party: 'candidate' }
              : s.action === 'end-early' ? { by: 'interviewer', reason: 'other' }
              : undefined;
            const path = `/api/v1/interviews/${t.id}/${s.action}`;
            r = await seen('POST', path, await server.call('POST', path, body));
          }
          assertSane(r);
          statuses[r.status] = (statuses[r.status] ?? 0) + 1;
          await checkInvariants(tracked);
        }
      }),
      { numRuns: 40 },
    );
    console.info('lifecycle statuses', JSON.stringify(statuses));
    expect(statuses[200] ?? 0, 'some actions should succeed').toBeGreaterThan(10);
    // Forty sequences of up to seventeen HTTP calls each, checked after every step: slow on a busy machine.
  }, 120_000);
});
