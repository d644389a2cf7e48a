import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';
import { messagesAsSent } from '../store/testing/messages-as-sent.ts';

/**
 * A panelist declines their seat, through the employer's API or their own link: a stand-in from their
 * pools takes it, or times are proposed, or the coordinator takes over — read from the answers and from
 * the emails in the outbox, as their readers would get them.
 */

interface Mail {
  id: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  method: string | null;
  ics: string | null;
}

interface InterviewBody {
  id: string;
  status: string;
  start: string;
  sequence: number;
  panel: string[];
  history?: Array<{ action: string; actor: string; details?: Record<string, unknown> | null }>;
}

let server: TestServer;
let counter = 0;
const ALWAYS = { mon: [['00:00', '24:00']], tue: [['00:00', '24:00']], wed: [['00:00', '24:00']], thu: [['00:00', '24:00']], fri: [['00:00', '24:00']], sat: [['00:00', '24:00']], sun: [['00:00', '24:00']] };
const START = '2026-12-09T15:00:00Z'; // a Wednesday

beforeAll(async () => {
  server = await startTestServer({ now: '2026-12-01T12:00:00Z' });
  await server.call('PATCH', '/api/v1/organization', { contactEmail: 'recruiting@acme.test' });
});
afterAll(async () => {
  await server?.close();
});

async function json<T>(response: Response | Promise<Response>, status = 200): Promise<T> {
  const res = await response;
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

async function mailOf(interviewId: string): Promise<Mail[]> {
  const messages = await messagesAsSent(server.ctx, server.organizationId, { interviewId, limit: 500 });
  return messages.map((m) => {
    const email = (m.payload as { email: { subject: string; text: string; to: Array<{ address: string }>; calendar?: { method: string; ics: string } } }).email;
    return { id: m.id, kind: m.kind, to: email.to[0]!.address, subject: email.subject, text: email.text, method: email.calendar?.method ?? null, ics: email.calendar?.ics ?? null };
  });
}

async function newMail(interviewId: string, before: Mail[]): Promise<Mail[]> {
  const seen = new Set(before.map((m) => m.id));
  return (await mailOf(interviewId)).filter((m) => !seen.has(m.id) && m.kind !== 'reminder');
}

const seatTokenIn = (text: string) => /\/seat\/(lw_seat_[A-Za-z0-9_-]+)/.exec(text)?.[1] ?? null;

async function member(name: string, options: { timezone?: string; pools?: string[]; limits?: { perDay?: number; perWeek?: number } } = {}): Promise<{ id: string; email: string }> {
  const email = `${name.toLowerCase().replace(/\W/g, '')}${counter}@acme.test`;
  const body = { name, email, role: 'interviewer', timezone: options.timezone ?? 'UTC', workingHours: ALWAYS, ...(options.pools ? { pools: options.pools } : {}), ...(options.limits ? { limits: options.limits } : {}) };
  const { id } = await json<{ id: string }>(server.call('POST', '/api/v1/members', body), 201);
  return { id, email };
}

async function setting() {
  counter += 1;
  const opening = (await json<{ id: string }>(server.call('POST', '/api/v1/openings', { title: 'Platform Engineer' }), 201)).id;
  const candidate = (await json<{ id: string }>(server.call('POST', '/api/v1/candidates', { name: 'Jordan Lee', email: `jordan${counter}@example.com`, timezone: 'Europe/Berlin' }), 201)).id;
  const other = (await json<{ id: string }>(server.call('POST', '/api/v1/candidates', { name: 'Sam Other', email: `sam${counter}@example.com`, timezone: 'Europe/Berlin' }), 201)).id;
  const book = (panel: string[], start: string, candidateId = candidate) =>
    json<InterviewBody>(server.call('POST', '/api/v1/interviews', { openingId: opening, candidateId, title: 'Round 2 with CTO', durationMinutes: 60, panel, start }), 201);
  return { opening, candidate, other, book, pool: `pool-${counter}` };
}

const decline = (interviewId: string, memberId: string, body: unknown = { reason: 'Off sick' }, key?: string) =>
  server.call('POST', `/api/v1/interviews/${interviewId}/panel/${memberId}/decline`, body, key ? { authorization: `Bearer ${key}` } : {});

const seatCall = (token: string, path = '', body?: unknown) =>
  Promise.resolve(
    server.app.request(`/api/v1/seat/${token}${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  );

describe('a stand-in takes the seat', () => {
  it('from the decliner’s pool, free and under their limits, ranked by the week’s load; only that seat changes', async () => {
    const s = await setting();
    const grace = await member('Grace', { timezone: 'America/New_York', pools: [s.pool] });
    const alan = await member('Alan', { timezone: 'Europe/London', pools: [s.pool, 'x'] });
    const cleo = await member('Cleo', { pools: [s.pool], limits: { perDay: 1 } }); // one interview that day already
    const dora = await member('Dora', { pools: [s.pool] }); // one that week
    const emil = await member('Emil', { timezone: 'Asia/Kolkata', pools: [s.pool] }); // none that week
    const finn = await member('Finn', { pools: ['frontend'] }); // other pool, idle
    const gus = await member('Gus', { pools: [s.pool] }); // busy then
    const hana = await member('Hana', { pools: [s.pool], limits: { perWeek: 1 } }); // at her weekly limit
    await s.book([cleo.id], '2026-12-09T09:00:00Z', s.other);
    await s.book([dora.id], '2026-12-07T10:00:00Z', s.other);
    await s.book([emil.id], '2026-12-14T10:00:00Z', s.other);
    await s.book([hana.id], '2026-12-10T10:00:00Z', s.other);
    await json(server.call('POST', `/api/v1/members/${gus.id}/busy`, { start: '2026-12-09T14:00:00Z', end: '2026-12-09T17:00:00Z' }), 201);
    void finn;

    const interview = await s.book([grace.id, alan.id], START);
    const booked = await mailOf(interview.id);
    const alanToken = seatTokenIn(booked.find((m) => m.to === alan.email && m.kind === 'panel_invitation')!.text)!;
    expect(alanToken).toBeTruthy();

    const outcome = await json<{ outcome: string; replacement: { id: string; name: string } }>(decline(interview.id, alan.id));
    expect(outcome).toEqual({ outcome: 'replaced', replacement: { id: emil.id, name: 'Emil' } });

    const after = await json<InterviewBody>(server.call('GET', `/api/v1/interviews/${interview.id}`));
    expect(after.panel).toEqual([grace.id, emil.id]);
    expect(after.start).toBe('2026-12-09T15:00:00.000Z');
    expect(after.sequence).toBe(interview.sequence + 1);
    const lines = after.history!.filter((h) => h.action.startsWith('panel_'));
    expect(lines.map((h) => [h.action, h.actor])).toEqual([['panel_declined', 'employer'], ['panel_replaced', 'employer']]);
    expect(lines[0]!.details).toMatchObject({ memberId: alan.id, reason: 'Off sick' });
    expect(lines[1]!.details).toMatchObject({ from: alan.id, to: emil.id });

    const mail = await newMail(interview.id, booked);
    const byTo = (address: string) => mail.filter((m) => m.to === address);
    expect(byTo(emil.email).map((m) => [m.kind, m.method])).toEqual([['panel_seat_offered', 'REQUEST']]);
    expect(byTo(alan.email).map((m) => [m.kind, m.method])).toEqual([['panel_seat_released', 'CANCEL']]);
    expect(byTo(grace.email).map((m) => [m.kind, m.method])).toEqual([['panel_updated', 'REQUEST']]);
    const candidateMail = mail.filter((m) => m.to.startsWith('jordan'));
    expect(candidateMail.map((m) => [m.kind, m.method])).toEqual([['panel_change_candidate', 'REQUEST']]);
    expect(candidateMail[0]!.text).toContain('Emil will be one of your interviewers.');
    expect(candidateMail[0]!.text).not.toMatch(/Alan|cancel|declin|sick/i);
    expect(candidateMail[0]!.ics).toContain('lw_cand_');
    expect(candidateMail[0]!.ics).toContain(emil.email);
    expect(mail.map((m) => m.text).join('\n')).not.toContain('Off sick');
    // The decliner's CANCEL is about their own attendance; the others' REQUEST lists the new panel.
    expect(byTo(alan.email)[0]!.ics).toContain(alan.email);
    expect(byTo(grace.email)[0]!.ics).toContain(emil.email);
    expect(byTo(grace.email)[0]!.ics).not.toContain(alan.email);
    // Each panelist's invitation carries their own link and no one else's.
    const emilToken = seatTokenIn(byTo(emil.email)[0]!.text)!;
    const graceToken = seatTokenIn(byTo(grace.email)[0]!.text)!;
    expect(byTo(emil.email)[0]!.text).toContain("Can't make it? Decline your seat here: ");
    expect(new Set([emilToken, graceToken, alanToken]).size).toBe(3);
    expect(seatTokenIn(byTo(alan.email)[0]!.text)).toBeNull();
    expect(seatTokenIn(candidateMail[0]!.text)).toBeNull();

    // Bookings: Alan is free at that time again, Emil is not.
    await s.book([alan.id], START, s.other);
    await json(server.call('POST', '/api/v1/interviews', { openingId: s.opening, candidateId: s.other, title: 'x', durationMinutes: 60, panel: [emil.id], start: '2026-12-09T15:30:00Z' }), 409);

    // The released seat's link no longer opens anything; the stand-in's opens their own seat.
    await json(seatCall(alanToken), 404);
    const view = await json<{ member: { id: string }; interview: { id: string }; canDecline: boolean }>(seatCall(emilToken));
    expect(view).toMatchObject({ member: { id: emil.id }, interview: { id: interview.id }, canDecline: true });
  });

  it('ties in load go to the least recently booked, then by id; a decliner stands in for nobody then; after three replacements the coordinator takes over', async () => {
    const s = await setting();
    const grace = await member('Grace', { pools: [s.pool] });
    const alan = await member('Alan', { pools: [s.pool] });
    const y = await member('Yuri', { pools: [s.pool] });
    const x = await member('Xena', { pools: [s.pool] });
    const z = await member('Zoe', { pools: [s.pool] });
    // Each has one interview next week (none in the seat's week), booked in this order: Yuri first.
    await s.book([y.id], '2026-12-15T10:00:00Z', s.other);
    await s.book([x.id], '2026-12-16T10:00:00Z', s.other);
    await s.book([z.id], '2026-12-17T10:00:00Z', s.other);
    const interview = await s.book([grace.id, alan.id], START);
    const first = await json<{ outcome: string; replacement?: { id: string } }>(decline(interview.id, alan.id));
    expect(first.replacement?.id).toBe(y.id);
    // Yuri declines too: Alan is free again but said he cannot make it, so Xena, booked less recently than Zoe.
    const second = await json<{ outcome: string; replacement?: { id: string } }>(decline(interview.id, y.id));
    expect(second.replacement?.id).toBe(x.id);
    const third = await json<{ outcome: string; replacement?: { id: string } }>(decline(interview.id, x.id));
    expect(third.replacement?.id).toBe(z.id);
    const before = await mailOf(interview.id);
    const fourth = await json<{ outcome: string }>(decline(interview.id, z.id));
    expect(fourth).toEqual({ outcome: 'coordinator' });
    const mail = await newMail(interview.id, before);
    expect(mail.map((m) => m.kind).sort()).toEqual(['coordinator_seat_handover', 'panel_decline_received']);
    expect(mail.find((m) => m.kind === 'coordinator_seat_handover')!.text).toContain('Its panel has already changed three times');
    const detail = await json<InterviewBody>(server.call('GET', `/api/v1/interviews/${interview.id}`));
    expect(detail.history!.filter((h) => h.action === 'panel_replaced')).toHaveLength(3);
    expect(detail.history!.at(-1)).toMatchObject({ action: 'panel_handed_over', details: { because: 'too_many_replacements' } });
  });
});

describe('two seats declined at once', () => {
  it('one stand-in takes one seat only (a decliner stands in for nobody at that time); the other gets proposals or the coordinator; nobody is double-booked', async () => {
    const s = await setting();
    const [a1, b1, a2, b2] = [await member('Ann', { pools: [s.pool] }), await member('Ben', { pools: [s.pool] }), await member('Cat', { pools: [s.pool] }), await member('Dan', { pools: [s.pool] })];
    const only = await member('Solo', { pools: [s.pool] });
    const first = await s.book([a1.id, b1.id], START);
    const second = await s.book([a2.id, b2.id], START, s.other);
    const answers = await Promise.all([decline(first.id, b1.id), decline(second.id, b2.id)]);
    const outcomes = await Promise.all(answers.map((r) => r.json() as Promise<{ outcome: string; replacement?: { id: string } }>));
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect(outcomes.filter((o) => o.outcome === 'replaced').map((o) => o.replacement!.id)).toEqual([only.id]);
    expect(outcomes.filter((o) => o.outcome !== 'replaced')).toHaveLength(1);
    const bookings = await server.ctx.store.interviews.listBookings(server.organizationId, [only.id], new Date(START), new Date('2026-12-09T16:00:00Z'));
    expect(bookings).toHaveLength(1);
  });
});

describe('nobody can take the seat', () => {
  it('proposes the nearest times the rest of the panel, a stand-in and the candidate are free, to the coordinator; nothing moves', async () => {
    const s = await setting();
    const grace = await member('Grace', { pools: [s.pool] });
    const alan = await member('Alan', { pools: [s.pool] });
    const cleo = await member('Cleo', { pools: [s.pool] });
    await s.book([cleo.id], START, s.other); // the only stand-in is taken at that time
    const interview = await s.book([grace.id, alan.id], START);
    const before = await mailOf(interview.id);
    const alanToken = seatTokenIn(before.find((m) => m.to === alan.email)!.text)!;
    const viaLink = () =>
      Promise.resolve(
        server.app.request(`/api/v1/seat/${alanToken}/decline`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'k1' }, body: JSON.stringify({ reason: 'Off sick' }) }),
      );
    const outcome = await json<{ outcome: string; proposals: Array<{ start: string; end: string; standIn: { id: string } }> }>(viaLink());
    // A retry with the same key is answered as the first time, with no second round of emails.
    expect(await json(viaLink())).toEqual(outcome);
    expect(outcome.outcome).toBe('proposed');
    expect(outcome.proposals.map((p) => p.start)).toEqual(['2026-12-09T13:45:00.000Z', '2026-12-09T14:00:00.000Z', '2026-12-09T16:00:00.000Z']);
    expect(outcome.proposals.every((p) => p.standIn.id === cleo.id)).toBe(true);
    const mail = await newMail(interview.id, before);
    expect(mail.map((m) => [m.kind, m.to, m.method])).toEqual(
      expect.arrayContaining([
        ['panel_decline_received', alan.email, null],
        ['coordinator_seat_proposals', 'recruiting@acme.test', null],
      ]),
    );
    expect(mail).toHaveLength(2);
    expect(mail.find((m) => m.kind === 'coordinator_seat_proposals')!.text).toContain('Wednesday, December 9 at 8:45 AM EST (New York time), with Cleo in the seat');
    const after = await json<InterviewBody>(server.call('GET', `/api/v1/interviews/${interview.id}`));
    expect([after.panel, after.sequence, after.start]).toEqual([[grace.id, alan.id], interview.sequence, interview.start]);
    expect(after.history!.at(-1)).toMatchObject({ action: 'panel_declined', details: { memberId: alan.id, reason: 'Off sick' } });
  });

  it('close to the start, goes to the coordinator by email', async () => {
    const s = await setting();
    const grace = await member('Grace');
    const alan = await member('Alan', { pools: [s.pool] });
    // Someone who may stand in for Alan, but not then: she has another interview.
    const stella = await member('Stella', { pools: [s.pool] });
    await s.book([stella.id], START, s.other);
    const interview = await s.book([grace.id, alan.id], START);
    const before = await mailOf(interview.id);
    server.setNow('2026-12-09T05:00:00Z');
    try {
      expect(await json(decline(interview.id, alan.id, {}))).toEqual({ outcome: 'coordinator' });
    } finally {
      server.setNow('2026-12-01T12:00:00Z');
    }
    const mail = await newMail(interview.id, before);
    expect(mail.map((m) => m.kind).sort()).toEqual(['coordinator_seat_handover', 'panel_decline_received']);
    expect(mail.find((m) => m.kind === 'coordinator_seat_handover')!.text).toContain('too close to the start');
    const detail = await json<InterviewBody>(server.call('GET', `/api/v1/interviews/${interview.id}`));
    expect(detail.history!.slice(-2).map((h) => h.action)).toEqual(['panel_declined', 'panel_handed_over']);
  });

  it('tells the coordinator when nobody may stand in at all, and passes on what the panelist wrote', async () => {
    const s = await setting();
    const grace = await member('Grace');
    const alan = await member('Alan');
    const interview = await s.book([grace.id, alan.id], START);
    const before = await mailOf(interview.id);
    expect(await json(decline(interview.id, alan.id, { reason: 'Jury duty that week' }))).toEqual({ outcome: 'coordinator' });
    const handover = (await newMail(interview.id, before)).find((m) => m.kind === 'coordinator_seat_handover')!;
    expect(handover.text).toContain('No colleague outside this panel shares an interview pool with them');
    expect(handover.text).not.toContain('next two weeks');
    expect(handover.text).toContain('Alan');
    expect(handover.text).toContain('wrote: “Jury duty that week”');
  });
});

describe('organization isolation and the seat link', () => {
  it('another organization’s key cannot decline a seat; a panel token reaches only its own seat', async () => {
    const s = await setting();
    const grace = await member('Grace', { pools: [s.pool] });
    const alan = await member('Alan', { pools: ['solo'] });
    const stand = await member('Stella', { pools: [s.pool] });
    const interview = await s.book([grace.id, alan.id], START);
    const mail = await mailOf(interview.id);
    const graceToken = seatTokenIn(mail.find((m) => m.to === grace.email)!.text)!;
    const alanToken = seatTokenIn(mail.find((m) => m.to === alan.email)!.text)!;

    const other = await server.newOrganization('Globex');
    const refused = await server.call('POST', `/api/v1/interviews/${interview.id}/panel/${alan.id}/decline`, { reason: 'x' }, { authorization: `Bearer ${other.apiKey}` });
    expect(refused.status).toBe(404);
    await json(decline(interview.id, stand.id), 404); // not on this panel
    await json(seatCall('lw_seat_notarealtokenatallxxxxxxxxxxxx'), 404);
    await json(seatCall(graceToken, '/decline', { reason: 'no key needed' }), 200);
    const after = await json<InterviewBody>(server.call('GET', `/api/v1/interviews/${interview.id}`));
    expect(after.panel).toEqual([stand.id, alan.id]);
    // Alan's link still opens Alan's seat, and only his.
    const view = await json<{ member: { id: string }; interview: { id: string } }>(seatCall(alanToken));
    expect(view).toMatchObject({ member: { id: alan.id }, interview: { id: interview.id } });
    await json(seatCall(graceToken, '/decline', {}), 404);

    // The page behind the link is a plain form over the same use case.
    const page = await server.app.request(`/seat/${alanToken}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Decline my seat');
    expect(html).not.toContain(graceToken);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const posted = await server.app.request(`/seat/${alanToken}/decline`, { method: 'POST', body: new URLSearchParams({ reason: 'conflict' }) });
    expect(posted.status).toBe(200);
    expect(await posted.text()).toContain('The recruiting team will sort out your seat');
  });
});
