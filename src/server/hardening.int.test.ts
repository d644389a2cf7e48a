import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDueReminders } from '../app/interviews/write-due-reminders.ts';
import { summarizeCalendar } from '../core/ical/testing/summarize-calendar.ts';
import { NINE_TO_FIVE, startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

let server: TestServer;
let ids: { a: string; b: string; opening: string; candidate: string };

beforeAll(async () => {
  server = await startTestServer({ now: '2026-12-01T12:00:00Z' });
  await server.call('PATCH', '/api/v1/organization', { contactEmail: 'recruiting@acme.test', contactPhone: '+1 555 0100' });
  const post = async (path: string, body: unknown) => ((await (await server.call('POST', path, body)).json()) as { id: string }).id;
  ids = {
    a: await post('/api/v1/members', { name: 'Ann', email: 'ann@acme.test', role: 'interviewer', timezone: 'UTC', workingHours: NINE_TO_FIVE }),
    b: await post('/api/v1/members', { name: 'Bob', email: 'bob@acme.test', role: 'interviewer', timezone: 'UTC', workingHours: NINE_TO_FIVE }),
    opening: await post('/api/v1/openings', { title: 'Engineer' }),
    candidate: await post('/api/v1/candidates', { name: 'Cy', email: 'cy@example.com', timezone: 'UTC' }),
  };
});
afterAll(async () => {
  await server?.close();
});

const book = async (start: string, extra: Record<string, unknown> = {}) => {
  const response = await server.call('POST', '/api/v1/interviews', { openingId: ids.opening, candidateId: ids.candidate, title: 'Screen', durationMinutes: 60, panel: [ids.a, ids.b], start, ...extra });
  return { status: response.status, body: (await response.json()) as { id: string; candidateLink: string; sequence: number; code?: string } };
};
const candidatePost = (link: string, action: string, body: unknown) =>
  server.app.request(`/api/v1/candidate/${link.slice(link.lastIndexOf('/') + 1)}/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const payloads = async (interviewId: string) =>
  (await server.ctx.store.outbox.list(server.organizationId, { interviewId })).map((m) => ({ ...m, email: (m.payload as { email: { text: string; calendar?: { ics: string } } }).email }));

describe('the candidate link stays with the candidate', () => {
  it('panelists get a calendar and a text without it; only the candidate copy carries it', async () => {
    const { body } = await book('2026-12-03T10:00:00Z');
    const messages = await payloads(body.id);
    const toPanel = messages.filter((m) => m.recipient !== 'cy@example.com');
    expect(toPanel.length).toBeGreaterThanOrEqual(2);
    for (const m of toPanel) {
      expect(m.email.text).not.toContain('lw_cand_');
      expect((m.email.calendar?.ics ?? '').replace(/\r\n[ \t]/g, '')).not.toContain('lw_cand_');
    }
    const toCandidate = messages.find((m) => m.recipient === 'cy@example.com' && m.kind === 'confirmation')!;
    expect(toCandidate.email.calendar?.ics.replace(/\r\n[ \t]/g, '')).toContain('lw_cand_');
  });

  it('an idempotent replay of a created interview does not hand the link out again', async () => {
    const request = () =>
      server.call('POST', '/api/v1/interviews', { openingId: ids.opening, candidateId: ids.candidate, title: 'Screen', durationMinutes: 60, panel: [ids.a], start: '2026-12-03T14:00:00Z' }, { 'idempotency-key': 'create-once' });
    const first = (await (await request()).json()) as { candidateLink: string };
    const replay = (await (await request()).json()) as { candidateLink: string };
    expect(first.candidateLink).toMatch(/lw_cand_[A-Za-z0-9_-]{40,}/);
    expect(replay.candidateLink).toContain('lw_cand_[redacted]');
  });
});

describe('calendar sequences across a request for new times', () => {
  it('CANCEL to everyone when the candidate asks for new times, then a REQUEST with a higher sequence', async () => {
    const { body } = await book('2026-12-04T10:00:00Z');
    const asked = await candidatePost(body.candidateLink, 'reschedule', { requestNewTimes: true, reason: 'schedule_conflict' });
    expect(asked.status).toBe(200);
    const afterAsk = await payloads(body.id);
    const cancels = afterAsk.filter((m) => m.icsMethod === 'CANCEL');
    expect(cancels.map((m) => m.recipient).sort()).toEqual(['ann@acme.test', 'bob@acme.test', 'cy@example.com']);
    for (const m of cancels) expect(summarizeCalendar(m.email.calendar!.ics)).toMatchObject({ sequence: 1, start: '2026-12-04T10:00:00.000Z' });
    const detail = (await (await server.call('GET', `/api/v1/interviews/${body.id}`)).json()) as { status: string; start: string | null };
    expect(detail).toMatchObject({ status: 'invited', start: null });

    const rebooked = (await (await server.call('POST', `/api/v1/interviews/${body.id}/reschedule`, { start: '2026-12-07T10:00:00Z' })).json()) as { sequence: number; status: string };
    expect(rebooked).toMatchObject({ status: 'scheduled', sequence: 2 });
    const requests = (await payloads(body.id)).filter((m) => m.icsMethod === 'REQUEST' && m.sequence === 2);
    expect(requests.map((m) => m.recipient).sort()).toEqual(['ann@acme.test', 'bob@acme.test', 'cy@example.com']);
  });
});

describe('rules that hold for every path', () => {
  it('withdrawing after the start is refused like cancelling, unless it is an emergency', async () => {
    const { body } = await book('2026-12-08T10:00:00Z');
    server.setNow('2026-12-08T10:20:00Z');
    try {
      const refused = await candidatePost(body.candidateLink, 'withdraw', { reason: 'schedule_conflict' });
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as { code: string }).code).toBe('AFTER_START');
    } finally {
      server.setNow('2026-12-01T12:00:00Z');
    }
  });

  it('refuses times in the past for bookings, moves and offers', async () => {
    expect((await book('2026-11-30T10:00:00Z')).status).toBe(400);
    const { body } = await book('2026-12-09T10:00:00Z');
    expect((await server.call('POST', `/api/v1/interviews/${body.id}/reschedule`, { start: '2026-11-30T10:00:00Z' })).status).toBe(400);
    const offered = await server.call('POST', '/api/v1/interviews', {
      openingId: ids.opening, candidateId: ids.candidate, title: 'Screen', durationMinutes: 60, panel: [ids.a],
      offer: { from: '2026-11-01T00:00:00Z', to: '2026-12-05T00:00:00Z' },
    });
    const slots = ((await offered.json()) as { offeredSlots: Array<{ start: string }> }).offeredSlots;
    expect(slots.length).toBeGreaterThan(0);
    for (const slot of slots) expect(new Date(slot.start).getTime()).toBeGreaterThan(Date.parse('2026-12-01T12:00:00Z'));
  });

  it('drops a reminder that a mail server held back when the interview is cancelled', async () => {
    const { body } = await book('2026-12-10T10:00:00Z');
    server.setNow('2026-12-08T10:00:05Z');
    try {
      await writeDueReminders(server.ctx);
      const reminders = (await payloads(body.id)).filter((m) => m.kind === 'reminder');
      expect(reminders).toHaveLength(1);
      // A worker tried it while the mail server was down, and will try again later.
      await server.ctx.store.outbox.claimDue({ at: new Date('2026-12-08T10:00:06Z'), limit: 50, leaseMs: 1000 });
      for (const reminder of reminders) await server.ctx.store.outbox.scheduleRetry(reminder.id, new Date('2026-12-08T11:00:00Z'), 'smtp down');
      expect((await server.call('POST', `/api/v1/interviews/${body.id}/cancel`, { reason: 'position_closed' })).status).toBe(200);
      expect((await payloads(body.id)).filter((m) => m.kind === 'reminder')).toEqual([]);
    } finally {
      server.setNow('2026-12-01T12:00:00Z');
    }
  });
});

describe('input validation answers 400 with every field error, never 500', () => {
  it('lists schema and rule errors together', async () => {
    const response = await server.call('POST', '/api/v1/members', {
      name: '', email: 'nope', role: 'boss', timezone: 'Mars/Olympus', workingHours: { mon: [['17:00', '09:00']] },
    });
    expect(response.status).toBe(400);
    const paths = ((await response.json()) as { errors: Array<{ path: string }> }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'email', 'role', 'timezone', 'workingHours.mon.0']));
  });

  it('merges a partial notice policy and refuses thresholds too small to store', async () => {
    await server.call('PATCH', '/api/v1/organization', { noticePolicy: { ampleHours: 72, adequateHours: 12 } });
    const patched = (await (await server.call('PATCH', '/api/v1/organization', { noticePolicy: { ampleHours: 96 } })).json()) as { noticePolicy: object };
    expect(patched.noticePolicy).toEqual({ ampleHours: 96, adequateHours: 12 });
    expect((await server.call('PATCH', '/api/v1/organization', { noticePolicy: { ampleHours: 0.001, adequateHours: 0.001 } })).status).toBe(400);
    expect((await server.call('PATCH', '/api/v1/organization', { noticePolicy: { adequateHours: 200 } })).status).toBe(400);
    await server.call('PATCH', '/api/v1/organization', { noticePolicy: { ampleHours: 48, adequateHours: 24 } });
  });

  it('refuses non-web video links, far-future instants and a duplicate email on update', async () => {
    const script = await server.call('POST', '/api/v1/interviews', { openingId: ids.opening, candidateId: ids.candidate, title: 'X', durationMinutes: 60, panel: [ids.a], start: '2026-12-11T10:00:00Z', videoUrl: 'javascript:alert(1)' });
    expect(script.status).toBe(400);
    expect((await book('9999-12-31T10:00:00Z')).status).toBe(400);
    const duplicate = await server.call('PATCH', `/api/v1/members/${ids.b}`, { email: 'ann@acme.test' });
    expect(duplicate.status).toBe(409);
  });
});

describe('an organization without contact addresses', () => {
  it('still tells a recruiter about a decline and a concern', async () => {
    const bare = await startTestServer({ now: '2026-12-01T12:00:00Z' });
    try {
      const post = async (path: string, body: unknown) => (await (await bare.call('POST', path, body)).json()) as { id: string; candidateLink: string };
      await post('/api/v1/members', { name: 'Rae', email: 'rae@bare.test', role: 'recruiter', timezone: 'UTC', workingHours: NINE_TO_FIVE });
      const panelist = await post('/api/v1/members', { name: 'Pan', email: 'pan@bare.test', role: 'interviewer', timezone: 'UTC', workingHours: NINE_TO_FIVE });
      const opening = await post('/api/v1/openings', { title: 'Role' });
      const candidate = await post('/api/v1/candidates', { name: 'Dee', email: 'dee@example.com', timezone: 'UTC' });
      const invited = await post('/api/v1/interviews', { openingId: opening.id, candidateId: candidate.id, title: 'Screen', durationMinutes: 30, panel: [panelist.id], offer: { count: 2 } });
      const token = invited.candidateLink.slice(invited.candidateLink.lastIndexOf('/') + 1);
      const send = (action: string, body: unknown) =>
        bare.app.request(`/api/v1/candidate/${token}/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const concern = (await (await send('concern', { category: 'other', details: 'The recruiter asked my age.' })).json()) as { delivered: boolean };
      expect(concern.delivered).toBe(true);
      expect((await send('decline', { reason: 'not_a_fit' })).status).toBe(200);
      const sent = await bare.ctx.store.outbox.list(bare.organizationId, { interviewId: invited.id });
      expect(sent.filter((m) => m.kind === 'concern' || m.kind === 'coordinator_decline').map((m) => m.recipient)).toEqual(['rae@bare.test', 'rae@bare.test']);
      expect(sent.some((m) => m.kind === 'concern' && m.recipient === 'pan@bare.test')).toBe(false);
    } finally {
      await bare.close();
    }
  });
});
