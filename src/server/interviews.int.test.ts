import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizeCalendar } from '../core/ical/testing/summarize-calendar.ts';
import { writeDueReminders } from '../app/interviews/write-due-reminders.ts';
import { createOutboxWorker } from '../notify/outbox-worker.ts';
import { createSmtpSender } from '../notify/smtp-sender.ts';
import { startSmtpTestServer } from '../notify/testing/smtp-test-server.ts';
import type { SmtpTestServer } from '../notify/testing/smtp-test-server.ts';
import { NINE_TO_FIVE, startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

interface InterviewBody {
  id: string;
  status: string;
  start: string | null;
  uid: string;
  sequence: number;
  offeredSlots: Array<{ start: string }>;
  candidateLink: string;
  history?: Array<Record<string, unknown>>;
}

let server: TestServer;
let smtp: SmtpTestServer;

beforeAll(async () => {
  server = await startTestServer({ now: '2026-12-01T12:00:00Z' });
  smtp = await startSmtpTestServer();
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

async function json<T>(response: Response | Promise<Response>, status = 200): Promise<T> {
  const res = await response;
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);

async function deliverAll(): Promise<void> {
  const sender = createSmtpSender({ url: smtp.url });
  try {
    const worker = createOutboxWorker({ store: server.ctx.store, send: (email) => sender.send(email), clock: server.ctx.clock, secrets: server.ctx.secrets });
    for (let i = 0; i < 10; i += 1) {
      const result = await worker.runOnce();
      if (result.sent + result.retried + result.failed === 0) break;
    }
  } finally {
    sender.close();
  }
}

async function setup(names: { a: string; b: string; candidate: string }) {
  const a = await json<{ id: string }>(
    server.call('POST', '/api/v1/members', { name: names.a, email: `${names.a.toLowerCase()}@acme.test`, role: 'interviewer', timezone: 'America/New_York', workingHours: NINE_TO_FIVE }),
    201,
  );
  const b = await json<{ id: string }>(
    server.call('POST', '/api/v1/members', { name: names.b, email: `${names.b.toLowerCase()}@acme.test`, role: 'interviewer', timezone: 'Europe/London', workingHours: NINE_TO_FIVE, bufferMinutes: 15 }),
    201,
  );
  const opening = await json<{ id: string }>(server.call('POST', '/api/v1/openings', { title: 'Platform Engineer' }), 201);
  const candidate = await json<{ id: string }>(
    server.call('POST', '/api/v1/candidates', { name: names.candidate, email: `${names.candidate.toLowerCase().replace(/ /g, '.')}@example.com`, timezone: 'Europe/Berlin' }),
    201,
  );
  return { a: a.id, b: b.id, opening: opening.id, candidate: candidate.id };
}

describe('the change-an-interview flow, end to end over HTTP and SMTP', () => {
  it('invites, accepts, reschedules and cancels late with the right calendars', async () => {
    await server.call('PATCH', '/api/v1/organization', { contactEmail: 'recruiting@acme.test', contactPhone: '+1 555 0100' });
    const ids = await setup({ a: 'Grace', b: 'Alan', candidate: 'Jordan Lee' });

    // Invitation with offered times.
    const invited = await json<InterviewBody>(
      server.call('POST', '/api/v1/interviews', {
        openingId: ids.opening,
        candidateId: ids.candidate,
        title: 'Technical interview',
        durationMinutes: 60,
        panel: [ids.a, ids.b],
        offer: { from: '2026-12-03T00:00:00Z', to: '2026-12-10T00:00:00Z', count: 3 },
      }),
      201,
    );
    expect(invited.status).toBe('invited');
    expect(invited.offeredSlots).toHaveLength(3);
    const token = tokenOf(invited.candidateLink);

    const view = await json<{ actions: string[]; offeredSlots: Array<{ start: string; startLocal: string }>; interview: { candidateTimezone: string } }>(
      server.app.request(`/api/v1/candidate/${token}`),
    );
    expect(view.actions).toContain('accept');
    expect(view.interview.candidateTimezone).toBe('Europe/Berlin');
    expect(view.offeredSlots[0]?.startLocal).toMatch(/\+01:00$/);

    // Accept: REQUEST, SEQUENCE 0, to the candidate and both panelists.
    const pick = view.offeredSlots[0]!.start;
    const accepted = await json<{ interview: { status: string; start: string } }>(
      server.app.request(`/api/v1/candidate/${token}/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ start: pick }) }),
    );
    expect(accepted.interview.status).toBe('scheduled');
    smtp.reset();
    await deliverAll();
    // Delivered messages keep no usable link token in the database.
    const stored = await server.ctx.store.outbox.list(server.organizationId, { interviewId: invited.id });
    for (const message of stored.filter((m) => m.status === 'sent')) {
      expect(JSON.stringify(message.payload)).not.toMatch(/lw_cand_(?!\[redacted\])/);
    }
    expect(smtp.messages.some((m) => (m.parsed.text ?? '').includes(token.slice(0, 20)) || /lw_cand_[A-Za-z0-9_-]{20,}/.test(m.parsed.text ?? ''))).toBe(true);
    const requests = smtp.messages.filter((m) => m.calendar?.method === 'REQUEST');
    expect(requests.map((m) => m.envelope.to[0]).sort()).toEqual(['alan@acme.test', 'grace@acme.test', 'jordan.lee@example.com']);
    for (const mail of requests) {
      const cal = summarizeCalendar(mail.calendar!.ics);
      expect(cal).toMatchObject({ method: 'REQUEST', uid: invited.uid, sequence: 0, start: new Date(pick).toISOString() });
      expect(cal.attendees.map((a) => a.email?.replace(/^mailto:/i, '')).sort()).toEqual(['alan@acme.test', 'grace@acme.test', 'jordan.lee@example.com']);
      expect(mail.parsed.attachments.some((a) => a.filename?.endsWith('.ics'))).toBe(true);
    }

    // Reschedule by the candidate to another panel-free slot: REQUEST, SEQUENCE 1.
    const slots = await json<{ slots: Array<{ start: string }> }>(
      server.call('GET', `/api/v1/slots?members=${ids.a},${ids.b}&durationMinutes=60&from=2026-12-03T00:00:00Z&to=2026-12-10T00:00:00Z&stepMinutes=30`),
    );
    const next = slots.slots.find((s) => Math.abs(new Date(s.start).getTime() - new Date(pick).getTime()) >= 3 * 3_600_000)!;
    const moved = await json<{ interview: { start: string }; actionNotice: { class: string } }>(
      server.app.request(`/api/v1/candidate/${token}/reschedule`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ start: next.start, reason: 'schedule_conflict', note: 'my private reason' }) }),
    );
    expect(moved.interview.start).toBe(new Date(next.start).toISOString());
    expect(moved.actionNotice.class).toBe('ample');
    smtp.reset();
    await deliverAll();
    const rescheduled = smtp.messages.filter((m) => m.calendar?.method === 'REQUEST');
    expect(rescheduled).toHaveLength(3);
    for (const mail of rescheduled) expect(summarizeCalendar(mail.calendar!.ics)).toMatchObject({ uid: invited.uid, sequence: 1 });

    // Three hours before the start: a late cancellation. Phone advice with the number and a script; it
    // still goes through; CANCEL, SEQUENCE 2, to every attendee.
    server.setNow(new Date(new Date(next.start).getTime() - 3 * 3_600_000));
    const cancelled = await json<{ interview: { status: string }; actionNotice: { class: string; advice: { channel: string; phone: string; text: string } }; phoneScript: string[] }>(
      server.app.request(`/api/v1/candidate/${token}/cancel`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reason: 'family_emergency', note: 'my father is in hospital', calledAhead: false }),
      }),
    );
    expect(cancelled.interview.status).toBe('cancelled');
    expect(cancelled.actionNotice).toMatchObject({ class: 'late', advice: { channel: 'phone', phone: '+15550100' } });
    // Told as done: the written notice has been written, so it is not asked for again.
    expect(cancelled.actionNotice.advice.text).toBe(
      'You gave only 3 hours of notice, less than the 24 hours this organization asks for: if you have not called +15550100 yet, a quick call now helps.',
    );
    expect(cancelled.phoneScript.length).toBeGreaterThanOrEqual(3);
    expect(cancelled.phoneScript.length).toBeLessThanOrEqual(5);
    smtp.reset();
    await deliverAll();
    const cancels = smtp.messages.filter((m) => m.calendar?.method === 'CANCEL');
    expect(cancels.map((m) => m.envelope.to[0]).sort()).toEqual(['alan@acme.test', 'grace@acme.test', 'jordan.lee@example.com']);
    for (const mail of cancels) {
      expect(summarizeCalendar(mail.calendar!.ics)).toMatchObject({ method: 'CANCEL', uid: invited.uid, sequence: 2, status: 'CANCELLED' });
    }
    // The private note never leaves the candidate: not in any email, not in the employer's view.
    for (const mail of smtp.messages) expect(mail.parsed.text ?? '').not.toContain('hospital');
    const detail = await json<InterviewBody>(server.call('GET', `/api/v1/interviews/${invited.id}`));
    expect(JSON.stringify(detail)).not.toContain('hospital');
    expect(JSON.stringify(detail)).not.toContain('private reason');
    expect(detail.history?.map((h) => h.action)).toEqual(['invited', 'accepted', 'rescheduled', 'cancelled']);
    expect(detail.history?.[3]).toMatchObject({ actor: 'candidate', noticeClass: 'late', noticeHours: 3, reason: 'family_emergency' });
    expect(detail.history?.[3]?.details).toMatchObject({ calledAhead: false });

    // The outbox is the audit of what was said.
    const messages = await json<{ messages: Array<{ kind: string; status: string; icsMethod: string | null; sequence: number | null }> }>(
      server.call('GET', `/api/v1/messages?interviewId=${invited.id}`),
    );
    expect(messages.messages.filter((m) => m.icsMethod === 'CANCEL').map((m) => m.sequence)).toEqual([2, 2, 2]);
    expect(messages.messages.filter((m) => m.kind !== 'reminder').every((m) => m.status === 'sent')).toBe(true);
    server.setNow('2026-12-01T12:00:00Z');
  });

  it('refuses a cancellation after the start unless it is an emergency, and offers the apology path', async () => {
    const ids = await setup({ a: 'Ada', b: 'Edsger', candidate: 'Sam Park' });
    const created = await json<InterviewBody>(
      server.call('POST', '/api/v1/interviews', { openingId: ids.opening, candidateId: ids.candidate, title: 'Onsite', durationMinutes: 60, panel: [ids.a], start: '2026-12-02T15:00:00Z' }),
      201,
    );
    const token = tokenOf(created.candidateLink);
    server.setNow('2026-12-02T15:10:00Z');
    const view = await json<{ notice: { class: string }; apologyPath: { phone: string } }>(server.app.request(`/api/v1/candidate/${token}`));
    expect(view.notice.class).toBe('missed');
    expect(view.apologyPath).toBeTruthy();
    const refused = await server.app.request(`/api/v1/candidate/${token}/cancel`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reason: 'schedule_conflict' }) });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'AFTER_START' });
    const emergency = await json<{ interview: { status: string }; actionNotice: { class: string } }>(
      server.app.request(`/api/v1/candidate/${token}/cancel`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reason: 'medical_emergency' }) }),
    );
    expect(emergency).toMatchObject({ interview: { status: 'cancelled' }, actionNotice: { class: 'missed' } });
    server.setNow('2026-12-01T12:00:00Z');
  });

  it('answers 404 for a wrong token and reveals nothing', async () => {
    for (const token of ['lw_cand_nope', 'x'.repeat(40), 'lw_cand_' + 'A'.repeat(43)]) {
      const response = await server.app.request(`/api/v1/candidate/${token}`);
      expect(response.status).toBe(404);
      const text = await response.text();
      expect(text).not.toMatch(/Platform Engineer|Jordan/);
    }
  });

  it('employer reschedule into a taken slot is 409 SLOT_TAKEN with nothing changed', async () => {
    const ids = await setup({ a: 'Barbara', b: 'Donald', candidate: 'Kim Doe' });
    const other = await json<{ id: string }>(server.call('POST', '/api/v1/candidates', { name: 'Lee Roe', email: 'lee.roe@example.com', timezone: 'UTC' }), 201);
    const first = await json<InterviewBody>(
      server.call('POST', '/api/v1/interviews', { openingId: ids.opening, candidateId: ids.candidate, title: 'Screen', durationMinutes: 60, panel: [ids.a, ids.b], start: '2026-12-07T15:00:00Z' }),
      201,
    );
    const second = await json<InterviewBody>(
      server.call('POST', '/api/v1/interviews', { openingId: ids.opening, candidateId: other.id, title: 'Screen', durationMinutes: 60, panel: [ids.a], start: '2026-12-07T17:00:00Z' }),
      201,
    );
    const clash = await server.call('POST', '/api/v1/interviews', { openingId: ids.opening, candidateId: other.id, title: 'Screen', durationMinutes: 60, panel: [ids.b, ids.a], start: '2026-12-07T15:30:00Z' });
    expect(clash.status).toBe(409);
    expect(await clash.json()).toMatchObject({ code: 'SLOT_TAKEN' });

    const taken = await server.call('POST', `/api/v1/interviews/${second.id}/reschedule`, { start: '2026-12-07T15:00:00Z' });
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({ code: 'SLOT_TAKEN' });
    const unchanged = await json<InterviewBody>(server.call('GET', `/api/v1/interviews/${second.id}`));
    expect(unchanged).toMatchObject({ start: '2026-12-07T17:00:00.000Z', sequence: 0, status: 'scheduled' });

    const outside = await server.call('POST', `/api/v1/interviews/${second.id}/reschedule`, { start: '2026-12-07T03:00:00Z' });
    expect(outside.status).toBe(422);
    // Who is out of hours, by name and id, as SLOT_TAKEN names who is busy.
    expect(await outside.json()).toMatchObject({
      code: 'OUTSIDE_AVAILABILITY',
      detail: 'That time is outside the working hours of Barbara.',
      outsidePanelists: [{ memberId: ids.a }],
    });

    // A move "because the position has been filled" would be untrue twice over: refused, nothing changed.
    for (const reason of ['position_filled', 'position_closed']) {
      const contradicting = await server.call('POST', `/api/v1/interviews/${first.id}/reschedule`, { start: '2026-12-08T15:00:00Z', reason });
      expect(contradicting.status, reason).toBe(400);
    }
    expect(await json<InterviewBody>(server.call('GET', `/api/v1/interviews/${first.id}`))).toMatchObject({ start: '2026-12-07T15:00:00.000Z', sequence: 0 });

    const ok = await json<InterviewBody>(server.call('POST', `/api/v1/interviews/${first.id}/reschedule`, { start: '2026-12-08T15:00:00Z' }));
    expect(ok).toMatchObject({ id: first.id, uid: first.uid, sequence: 1, start: '2026-12-08T15:00:00.000Z' });
    const ics = await server.call('GET', `/api/v1/interviews/${first.id}/calendar.ics`);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    const stored = await ics.text();
    // A calendar object to import, not an invitation: no METHOD (RFC 4791 §4.1).
    expect(stored).not.toMatch(/^METHOD:/m);
    expect(summarizeCalendar(stored)).toMatchObject({ uid: first.uid, sequence: 1, status: 'CONFIRMED' });

    const cancelled = await json<InterviewBody>(server.call('POST', `/api/v1/interviews/${first.id}/cancel`, { reason: 'interviewer_unavailable', note: 'internal only' }));
    expect(cancelled).toMatchObject({ status: 'cancelled', sequence: 2 });
    const cancelledIcs = await (await server.call('GET', `/api/v1/interviews/${first.id}/calendar.ics`)).text();
    expect(cancelledIcs).not.toMatch(/^METHOD:/m);
    expect(summarizeCalendar(cancelledIcs)).toMatchObject({ uid: first.uid, sequence: 2, status: 'CANCELLED' });
    const again = await server.call('POST', `/api/v1/interviews/${first.id}/cancel`, { reason: 'interviewer_unavailable' });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'INVALID_STATE' });
    // Its time is free again.
    const rebooked = await server.call('POST', `/api/v1/interviews/${second.id}/reschedule`, { start: '2026-12-08T15:00:00Z' });
    expect(rebooked.status).toBe(200);
  });

  it('lets exactly one of many concurrent candidate reschedules into the same time through', async () => {
    const ids = await setup({ a: 'Frances', b: 'John', candidate: 'Pat One' });
    const tokens: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const candidate = await json<{ id: string }>(server.call('POST', '/api/v1/candidates', { name: `Racer ${i}`, email: `racer${i}@example.com`, timezone: 'UTC' }), 201);
      const created = await json<InterviewBody>(
        server.call('POST', '/api/v1/interviews', { openingId: ids.opening, candidateId: candidate.id, title: 'Screen', durationMinutes: 30, panel: [ids.a], start: `2026-12-09T${String(14 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 === 0 ? '00' : '30'}:00Z` }),
        201,
      );
      tokens.push(tokenOf(created.candidateLink));
    }
    const target = '2026-12-10T15:00:00Z';
    const results = await Promise.all(
      tokens.map((token) =>
        server.app.request(`/api/v1/candidate/${token}/reschedule`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ start: target }) }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(tokens.length - 1);
    const booked = await json<{ interviews: Array<{ start: string }> }>(server.call('GET', `/api/v1/interviews?memberId=${ids.a}&status=scheduled`));
    expect(booked.interviews.filter((i) => i.start === '2026-12-10T15:00:00.000Z')).toHaveLength(1);
  });

  it('declines and withdraws through the link, and keeps tokens to their own candidate', async () => {
    const ids = await setup({ a: 'Radia', b: 'Vint', candidate: 'Alex Kay' });
    const invited = await json<InterviewBody>(
      server.call('POST', '/api/v1/interviews', { openingId: ids.opening, candidateId: ids.candidate, title: 'Intro call', durationMinutes: 30, panel: [ids.a], offer: { count: 2 } }),
      201,
    );
    const declined = await json<{ interview: { status: string } }>(
      server.app.request(`/api/v1/candidate/${tokenOf(invited.candidateLink)}/decline`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reason: 'accepted_offer', keepInTouch: true, referral: { name: 'Robin Vale', email: 'robin@example.com' } }),
      }),
    );
    expect(declined.interview.status).toBe('declined');

    const first = await json<InterviewBody>(
      server.call('POST', '/api/v1/interviews', { openingId: ids.opening, candidateId: ids.candidate, title: 'Round 1', durationMinutes: 60, panel: [ids.a], start: '2026-12-14T15:00:00Z' }),
      201,
    );
    const second = await json<InterviewBody>(
      server.call('POST', '/api/v1/interviews', { openingId: ids.opening, candidateId: ids.candidate, title: 'Round 2', durationMinutes: 60, panel: [ids.b], start: '2026-12-15T10:00:00Z' }),
      201,
    );
    await json(
      server.app.request(`/api/v1/candidate/${tokenOf(first.candidateLink)}/withdraw`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reason: 'accepted_offer' }) }),
    );
    const after = await json<InterviewBody>(server.call('GET', `/api/v1/interviews/${second.id}`));
    expect(after.status).toBe('withdrawn');
    expect(after.history?.at(-1)).toMatchObject({ action: 'withdrawn', actor: 'candidate' });
  });

  it('validates candidate actions with field errors', async () => {
    const response = await server.app.request('/api/v1/candidate/lw_cand_whatever/cancel', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'bored' }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: Array<{ path: string }> }).errors[0]?.path).toBe('reason');
  });
});

describe('notice through the API across the New York DST change', () => {
  it('cancelling at 09:30 on Oct 31 for 09:00 on Nov 2 (New York) is 48.5 hours, ample', async () => {
    const dst = await startTestServer({ now: '2026-10-29T12:00:00Z' });
    try {
      const member = await json<{ id: string }>(
        dst.call('POST', '/api/v1/members', { name: 'Ny', email: 'ny@acme.test', role: 'interviewer', timezone: 'America/New_York', workingHours: NINE_TO_FIVE }),
        201,
      );
      const opening = await json<{ id: string }>(dst.call('POST', '/api/v1/openings', { title: 'Analyst' }), 201);
      const candidate = await json<{ id: string }>(dst.call('POST', '/api/v1/candidates', { name: 'Dee', email: 'dee@example.com', timezone: 'America/New_York' }), 201);
      const created = await json<InterviewBody>(
        dst.call('POST', '/api/v1/interviews', { openingId: opening.id, candidateId: candidate.id, title: 'Interview', durationMinutes: 60, panel: [member.id], start: '2026-11-02T09:00:00-05:00' }),
        201,
      );
      dst.setNow('2026-10-31T09:30:00-04:00');
      const token = tokenOf(created.candidateLink);
      const view = await json<{ notice: { hoursUntilStart: number; class: string }; interview: { startLocal: string } }>(dst.app.request(`/api/v1/candidate/${token}`));
      expect(view.notice).toMatchObject({ hoursUntilStart: 48.5, class: 'ample' });
      expect(view.interview.startLocal).toBe('2026-11-02T09:00:00-05:00');
      const cancelled = await json<{ actionNotice: { hoursUntilStart: number; class: string } }>(
        dst.app.request(`/api/v1/candidate/${token}/cancel`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reason: 'schedule_conflict' }) }),
      );
      expect(cancelled.actionNotice).toMatchObject({ hoursUntilStart: 48.5, class: 'ample' });
    } finally {
      await dst.close();
    }
  });
});

describe('idempotency on candidate links', () => {
  it('replays a candidate cancellation sent twice with the same key', async () => {
    const ids = await setup({ a: 'Hedy', b: 'Claude', candidate: 'Twice Sent' });
    const created = await json<InterviewBody>(
      server.call('POST', '/api/v1/interviews', { openingId: ids.opening, candidateId: ids.candidate, title: 'Screen', durationMinutes: 30, panel: [ids.a], start: '2026-12-16T15:00:00Z' }),
      201,
    );
    const request = () =>
      server.app.request(`/api/v1/candidate/${tokenOf(created.candidateLink)}/cancel`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'cancel-once' },
        body: JSON.stringify({ reason: 'schedule_conflict' }),
      });
    const first = await request();
    const second = await request();
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const detail = await json<InterviewBody>(server.call('GET', `/api/v1/interviews/${created.id}`));
    expect(detail.history?.filter((h) => h.action === 'cancelled')).toHaveLength(1);
  });
});

describe('where an interview is held', () => {
  it("takes the opening's place for an interview held there, and no place for a video call", async () => {
    server.setNow('2026-12-01T12:00:00Z');
    const ids = await setup({ a: 'Vera', b: 'Otto', candidate: 'Remy Remote' });
    const opening = await json<{ id: string }>(server.call('POST', '/api/v1/openings', { title: 'Site engineer', location: 'Boston office' }), 201);
    const book = (start: string, extra: Record<string, unknown>) =>
      json<InterviewBody & { location: string | null }>(
        server.call('POST', '/api/v1/interviews', { openingId: opening.id, candidateId: ids.candidate, title: 'Screen', durationMinutes: 60, panel: [ids.a], start, ...extra }),
        201,
      );
    const onSite = await book('2026-12-09T15:00:00Z', {});
    const video = await book('2026-12-10T15:00:00Z', { videoUrl: 'https://meet.example.com/remy' });
    expect([onSite.location, video.location]).toEqual(['Boston office', null]);

    const before = smtp.messages.length;
    await deliverAll();
    const toCandidate = smtp.messages.slice(before).filter((m) => m.envelope.to.includes('remy.remote@example.com')).map((m) => m.parsed.text ?? '');
    expect(toCandidate).toHaveLength(2);
    const [first, second] = toCandidate;
    const videoMail = first!.includes('meet.example.com') ? first! : second!;
    const onSiteMail = videoMail === first ? second! : first!;
    expect(videoMail).toContain('https://meet.example.com/remy');
    expect(videoMail).not.toContain('Boston office');
    expect(onSiteMail).toContain('Boston office');
  });
});

describe('reminders', () => {
  it('writes each reminder when it falls due, from the interview as it is then, and none for a cancelled one', async () => {
    const ids = await setup({ a: 'Mary', b: 'Dennis', candidate: 'Rem Inder' });
    server.setNow('2026-12-01T12:00:00Z');
    const created = await json<InterviewBody>(
      server.call('POST', '/api/v1/interviews', { openingId: ids.opening, candidateId: ids.candidate, title: 'Onsite', durationMinutes: 60, panel: [ids.a], start: '2026-12-17T15:00:00Z', location: '1 Main St, New York' }),
      201,
    );
    type Reminder = { kind: string; scheduledFor: string; status: string; subject: string };
    const reminders = async () =>
      (await json<{ messages: Reminder[] }>(server.call('GET', `/api/v1/messages?interviewId=${created.id}&kind=reminder`))).messages.sort((x, y) => x.scheduledFor.localeCompare(y.scheduledFor));
    const remindAt = async (instant: string) => {
      server.setNow(instant);
      return writeDueReminders(server.ctx);
    };
    // Nothing is written ahead: a booking queues its own emails only.
    expect(await reminders()).toEqual([]);
    expect((await remindAt('2026-12-15T14:59:00Z')).written).toBe(0);

    // 48 hours before: one reminder, at once, and not again on the next run.
    await remindAt('2026-12-15T15:00:20Z');
    expect(await reminders()).toMatchObject([{ scheduledFor: '2026-12-15T15:00:20.000Z', subject: expect.stringContaining('Thursday, December 17 at 4:00 PM') }]);
    expect((await remindAt('2026-12-15T15:05:00Z')).written).toBe(0);
    // It goes out (here the keeper stands in for delivery): a reminder still waiting would be dropped by the move.
    await server.ctx.store.outbox.keepDue({ at: server.ctx.clock(), limit: 1000, channel: 'email' });

    // Moved a day later: the 24-hour reminder of the old time never comes, the 48-hour one of the new time does.
    server.setNow('2026-12-15T16:00:00Z');
    await json(server.call('POST', `/api/v1/interviews/${created.id}/reschedule`, { start: '2026-12-18T15:00:00Z' }));
    expect((await remindAt('2026-12-16T15:00:10Z')).written).toBe(1);
    expect((await reminders()).map((m) => m.subject)).toEqual([expect.stringContaining('December 17'), expect.stringContaining('Friday, December 18 at 4:00 PM')]);

    // Cancelled: its last reminder is never written.
    await server.ctx.store.outbox.keepDue({ at: server.ctx.clock(), limit: 1000, channel: 'email' });
    await json(server.call('POST', `/api/v1/interviews/${created.id}/cancel`, { reason: 'position_closed' }));
    expect((await remindAt('2026-12-17T15:00:10Z')).written).toBe(0);
    expect(await reminders()).toHaveLength(2);

    // Each reminder is a line of the history, said by Leeway with the message it sent.
    const detail = await json<InterviewBody>(server.call('GET', `/api/v1/interviews/${created.id}`));
    const reminded = detail.history?.filter((line) => line.action === 'reminded') ?? [];
    expect(reminded).toHaveLength(2);
    expect(reminded.every((line) => line.actor === 'system' && typeof line.messageId === 'string')).toBe(true);
    server.setNow('2026-12-01T12:00:00Z');
  });
});

describe('what Leeway says', () => {
  it('every message sent in these scenarios passes the etiquette reviewer with no error-level finding', async () => {
    // Employer-side changes at each notice class, to cover the composed apologies too.
    const ids = await setup({ a: 'Lynn', b: 'Ken', candidate: 'Noel Vance' });
    for (const [start, now] of [
      ['2026-12-21T15:00:00Z', '2026-12-01T12:00:00Z'],
      ['2026-12-22T15:00:00Z', '2026-12-21T10:00:00Z'],
      ['2026-12-23T15:00:00Z', '2026-12-23T09:00:00Z'],
    ] as const) {
      server.setNow(now);
      const created = await json<InterviewBody>(
        server.call('POST', '/api/v1/interviews', { openingId: ids.opening, candidateId: ids.candidate, title: 'Screen', durationMinutes: 30, panel: [ids.a], start }),
        201,
      );
      await json(server.call('POST', `/api/v1/interviews/${created.id}/reschedule`, { start: start.replace('15:00', '16:00') }));
      await json(server.call('POST', `/api/v1/interviews/${created.id}/cancel`, { reason: 'interviewer_unavailable' }));
    }
    server.setNow('2026-12-01T12:00:00Z');

    const { reviewDraft } = await import('../core/etiquette/index.ts');
    const reviewKind: Record<string, 'employer_cancel' | 'employer_reschedule' | 'reminder'> = {
      employer_cancellation: 'employer_cancel',
      invitation_withdrawn: 'employer_cancel',
      moved_by_employer: 'employer_reschedule',
    };
    const messages = await server.ctx.store.outbox.list(server.organizationId, { limit: 2000 });
    expect(messages.length).toBeGreaterThan(40);
    let reviewed = 0;
    for (const message of messages) {
      // A concern carries the candidate's own words to HR; it is theirs, not ours.
      if (message.kind === 'concern') continue;
      const email = (message.payload as { email: { text: string } }).email;
      const review = reviewDraft({ kind: reviewKind[message.kind] ?? 'reminder', text: email.text });
      const errors = review.findings.filter((f) => f.severity === 'error');
      expect(errors, `${message.kind} to ${message.recipient}:\n${email.text}`).toEqual([]);
      reviewed += 1;
    }
    expect(reviewed).toBeGreaterThan(40);
  });
});
