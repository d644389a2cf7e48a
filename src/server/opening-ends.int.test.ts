import { writeDueReminders } from '../app/interviews/write-due-reminders.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeOpening, fillOpening, resumeOpeningEnds } from '../app/openings/end-opening.ts';
import { summarizeCalendar } from '../core/ical/testing/summarize-calendar.ts';
import { createOutboxWorker } from '../notify/outbox-worker.ts';
import { createSmtpSender } from '../notify/smtp-sender.ts';
import { startSmtpTestServer } from '../notify/testing/smtp-test-server.ts';
import type { ReceivedEmail, SmtpTestServer } from '../notify/testing/smtp-test-server.ts';
import { NINE_TO_FIVE, startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

interface InterviewBody {
  id: string;
  status: string;
  uid: string;
  sequence: number;
  history?: Array<{ action: string; actor: string; reason: string | null; details?: Record<string, unknown> | null }>;
}
interface EndBody {
  opening: { id: string; status: string; endedAt: string | null; hiredCandidateId: string | null };
  cancelledInterviews: number;
  notifiedCandidates: number;
  closedWaitlistEntries: number;
}

let server: TestServer;
let smtp: SmtpTestServer;

beforeAll(async () => {
  server = await startTestServer({ now: '2026-12-01T12:00:00Z' });
  smtp = await startSmtpTestServer();
  await server.call('PATCH', '/api/v1/organization', { contactEmail: 'recruiting@acme.test' });
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

async function deliverAll(): Promise<void> {
  const sender = createSmtpSender({ url: smtp.url });
  try {
    const worker = createOutboxWorker({ store: server.ctx.store, send: (email) => sender.send(email), clock: server.ctx.clock, secrets: server.ctx.secrets });
    for (let i = 0; i < 20; i += 1) {
      const result = await worker.runOnce();
      if (result.sent + result.retried + result.failed === 0) break;
    }
  } finally {
    sender.close();
  }
}

let unique = 0;
async function member(name: string, timezone: string): Promise<string> {
  unique += 1;
  const body = { name, email: `${name.toLowerCase()}${unique}@acme.test`, role: 'interviewer', timezone, workingHours: NINE_TO_FIVE };
  return (await json<{ id: string }>(server.call('POST', '/api/v1/members', body), 201)).id;
}
async function candidate(name: string): Promise<{ id: string; email: string }> {
  unique += 1;
  const email = `${name.toLowerCase().replace(/ /g, '.')}${unique}@example.com`;
  const body = await json<{ id: string }>(server.call('POST', '/api/v1/candidates', { name, email, timezone: 'Europe/Berlin' }), 201);
  return { id: body.id, email };
}
async function opening(title: string): Promise<string> {
  return (await json<{ id: string }>(server.call('POST', '/api/v1/openings', { title }), 201)).id;
}
async function interview(openingId: string, candidateId: string, panel: string[], start?: string): Promise<InterviewBody> {
  const body = {
    openingId,
    candidateId,
    title: 'Technical interview',
    durationMinutes: 60,
    panel,
    ...(start ? { start } : { offer: { from: '2026-12-03T00:00:00Z', to: '2026-12-20T00:00:00Z', count: 3 } }),
  };
  return json<InterviewBody>(server.call('POST', '/api/v1/interviews', body), 201);
}
const to = (mail: ReceivedEmail) => mail.envelope.to[0]!;

describe('position filled or closed, over HTTP and SMTP', () => {
  it('fill: every other remaining candidate is told once, kindly; every held event gets CANCEL; the hire hears nothing', async () => {
    const [grace, alan, ada] = [await member('Grace', 'America/New_York'), await member('Alan', 'Europe/London'), await member('Ada', 'America/New_York')];
    const openingId = await opening('Platform Engineer');
    const otherOpening = await opening('Data Engineer');
    const jordan = await candidate('Jordan Lee');
    const sam = await candidate('Sam Park');
    const hira = await candidate('Hira Khan');
    const scheduled = await interview(openingId, jordan.id, [grace, alan, ada], '2026-12-08T15:00:00Z');
    const invited = await interview(openingId, sam.id, [grace, alan]);
    const hired = await interview(openingId, hira.id, [grace, alan, ada], '2026-12-09T15:00:00Z');
    const elsewhere = await interview(otherOpening, jordan.id, [ada], '2026-12-10T15:00:00Z');
    const wen = await candidate('Wen Li');
    await json(server.call('POST', `/api/v1/openings/${openingId}/waitlist`, { candidateId: wen.id, panel: [grace, alan], durationMinutes: 60 }), 201);
    // Jordan waits for an earlier time too: the cascade's email is the only one they get.
    await json(server.call('POST', `/api/v1/openings/${openingId}/waitlist`, { candidateId: jordan.id, panel: [grace, alan], durationMinutes: 60 }), 201);
    await deliverAll();
    smtp.reset();

    const filled = await json<EndBody>(
      server.call('POST', `/api/v1/openings/${openingId}/fill`, { hiredCandidateId: hira.id, message: 'It was a pleasure to meet you.' }),
    );
    expect(filled).toMatchObject({
      opening: { id: openingId, status: 'filled', endedAt: '2026-12-01T12:00:00.000Z', hiredCandidateId: hira.id },
      cancelledInterviews: 2,
      notifiedCandidates: 2,
      closedWaitlistEntries: 2,
    });
    await deliverAll();

    // The candidate whose interview had a time: one kind email, with the CANCEL for their calendar.
    const jordans = smtp.messages.filter((m) => to(m) === jordan.email);
    expect(jordans).toHaveLength(1);
    const jordanText = jordans[0]!.parsed.text ?? '';
    expect(jordans[0]!.parsed.subject).toMatch(/^Cancelled: your Platform Engineer interview on /);
    expect(jordanText).toContain('This is because the position has been filled.');
    expect(jordanText).toContain('It was a pleasure to meet you.');
    expect(jordanText).toMatch(/Thank you for the time you have given to this process; we would be glad to hear from you about future roles\./);
    expect(jordanText).not.toMatch(/not (been )?selected|unsuccessful|another time/i);
    expect(summarizeCalendar(jordans[0]!.calendar!.ics)).toMatchObject({ method: 'CANCEL', uid: scheduled.uid, sequence: 1, status: 'CANCELLED' });

    // The invitation with no time is taken back, with no calendar part at all.
    const sams = smtp.messages.filter((m) => to(m) === sam.email);
    expect(sams).toHaveLength(1);
    expect(sams[0]!.calendar).toBeNull();
    expect(sams[0]!.icsAttachments).toHaveLength(0);
    expect(sams[0]!.parsed.text).toContain('we have withdrawn our invitation to interview');
    expect(sams[0]!.parsed.text).toContain('the position has been filled');
    expect(sams[0]!.parsed.text).toContain('future roles');

    // Every attendee of the event that existed gets its CANCEL; nobody gets one for the invitation.
    const cancels = smtp.messages.filter((m) => m.calendar?.method === 'CANCEL');
    expect(cancels).toHaveLength(4);
    for (const mail of cancels) {
      const cal = summarizeCalendar(mail.calendar!.ics);
      expect(cal).toMatchObject({ uid: scheduled.uid, sequence: 1 });
      expect(cal.attendees.map((a) => a.email?.replace(/^mailto:/i, '')).sort()).toEqual([...cancels.map(to)].sort());
    }
    // The waiting candidate gets the waitlist's closing note, and the freed time is offered to nobody.
    expect(smtp.messages.filter((m) => to(m) === wen.email)).toHaveLength(1);
    expect(smtp.messages).toHaveLength(6);

    // The hired candidate hears nothing and keeps their interview; other openings are untouched.
    expect(smtp.messages.some((m) => to(m) === hira.email)).toBe(false);
    expect((await json<InterviewBody>(server.call('GET', `/api/v1/interviews/${hired.id}`))).status).toBe('scheduled');
    expect((await json<InterviewBody>(server.call('GET', `/api/v1/interviews/${elsewhere.id}`))).status).toBe('scheduled');
    const detail = await json<InterviewBody>(server.call('GET', `/api/v1/interviews/${scheduled.id}`));
    expect(detail.status).toBe('cancelled');
    expect(detail.history?.at(-1)).toMatchObject({ action: 'cancelled', actor: 'employer', reason: 'position_filled' });
    expect((await json<InterviewBody>(server.call('GET', `/api/v1/interviews/${invited.id}`))).status).toBe('cancelled');

    // The panel's time is free again.
    const bookings = await server.ctx.store.interviews.listBookings(server.organizationId, [grace, alan, ada], new Date('2026-12-08T00:00:00Z'), new Date('2026-12-09T00:00:00Z'));
    expect(bookings).toHaveLength(0);

    // Again: the same answer, nothing sent again.
    smtp.reset();
    const again = await json<EndBody>(server.call('POST', `/api/v1/openings/${openingId}/fill`, {}));
    expect(again).toEqual(filled);
    expect(await json<EndBody>(server.call('POST', `/api/v1/openings/${openingId}/fill`, { hiredCandidateId: hira.id }))).toEqual(filled);
    await deliverAll();
    expect(smtp.messages).toHaveLength(0);

    // A different end is a conflict, and nothing new is scheduled on a filled opening.
    expect(await json(server.call('POST', `/api/v1/openings/${openingId}/close`, {}), 409)).toMatchObject({ code: 'OPENING_NOT_OPEN' });
    expect(await json(server.call('POST', `/api/v1/openings/${openingId}/fill`, { hiredCandidateId: jordan.id }), 409)).toMatchObject({ code: 'OPENING_NOT_OPEN' });
    const late = await server.call('POST', '/api/v1/interviews', { openingId, candidateId: jordan.id, title: 'x', durationMinutes: 30, panel: [ada], start: '2026-12-11T15:00:00Z' });
    expect(late.status).toBe(409);
  });

  it('close: the remaining candidates hear that the position was closed, with an apology and the door open', async () => {
    const [grace, alan] = [await member('Grace', 'America/New_York'), await member('Alan', 'Europe/London')];
    const openingId = await opening('Site Reliability Engineer');
    const kim = await candidate('Kim Yu');
    const scheduled = await interview(openingId, kim.id, [grace, alan], '2026-12-14T15:00:00Z');
    await deliverAll();
    smtp.reset();

    const closed = await json<EndBody>(server.call('POST', `/api/v1/openings/${openingId}/close`, {}));
    expect(closed).toMatchObject({ opening: { status: 'closed', hiredCandidateId: null }, cancelledInterviews: 1, notifiedCandidates: 1 });
    await deliverAll();
    const kims = smtp.messages.filter((m) => to(m) === kim.email);
    expect(kims).toHaveLength(1);
    expect(kims[0]!.parsed.text).toContain('This is because the position has been closed.');
    expect(kims[0]!.parsed.text).toContain('We are sorry to tell you');
    expect(kims[0]!.parsed.text).toContain('future roles');
    expect(smtp.messages.filter((m) => m.calendar?.method === 'CANCEL').map(to).sort()).toHaveLength(3);
    for (const mail of smtp.messages) expect(summarizeCalendar(mail.calendar!.ics)).toMatchObject({ uid: scheduled.uid, method: 'CANCEL' });
    expect(await json<EndBody>(server.call('POST', `/api/v1/openings/${openingId}/close`, { message: 'ignored on a replay' }))).toEqual(closed);
    expect(await json(server.call('POST', `/api/v1/openings/${openingId}/fill`, {}), 409)).toMatchObject({ code: 'OPENING_NOT_OPEN' });
  });

  it('another organization cannot fill or close it; unknown and malformed ids are 404 and 400', async () => {
    const grace = await member('Grace', 'America/New_York');
    const openingId = await opening('Security Engineer');
    const lee = await candidate('Lee Chan');
    await interview(openingId, lee.id, [grace], '2026-12-15T15:00:00Z');
    const other = await server.newOrganization('Globex');
    const asOther = { authorization: `Bearer ${other.apiKey}` };
    expect(await json(server.call('POST', `/api/v1/openings/${openingId}/fill`, {}, asOther), 404)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await json(server.call('POST', `/api/v1/openings/${openingId}/close`, {}, asOther), 404)).toMatchObject({ code: 'NOT_FOUND' });
    // Their own candidate is no hire of ours, and ours is unknown to them.
    const theirs = await json<{ id: string }>(server.call('POST', '/api/v1/candidates', { name: 'Their One', email: 'their.one@example.com', timezone: 'UTC' }, asOther), 201);
    expect(await json(server.call('POST', `/api/v1/openings/${openingId}/fill`, { hiredCandidateId: theirs.id }), 404)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await json(server.call('POST', `/api/v1/openings/${openingId}/fill`, { hiredCandidateId: 'nope' }), 400)).toMatchObject({ code: 'VALIDATION' });
    expect(await json(server.call('POST', '/api/v1/openings/not-an-id/close', {}), 400)).toMatchObject({ code: 'VALIDATION' });
    expect(await json(server.call('POST', '/api/v1/openings/6f1c2c1e-0a53-4a8e-9d7e-0b4b1d7c2f10/close', {}), 404)).toMatchObject({ code: 'NOT_FOUND' });
    // Nothing happened to the opening.
    expect((await json<{ status: string }>(server.call('GET', `/api/v1/openings/${openingId}`))).status).toBe('open');
  });

  it('a cascade that fails mid-way is finished by resumeOpeningEnds: every interview cancelled once, every message once', async () => {
    const [grace, alan, ada] = [await member('Grace', 'America/New_York'), await member('Alan', 'Europe/London'), await member('Ada', 'America/New_York')];
    const openingId = await opening('Staff Engineer');
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      const c = await candidate(`Person ${i}`);
      // Scheduled on separate hours so one panel can hold them all; every other one only invited.
      const day = 21 + Math.floor(i / 2);
      ids.push((await interview(openingId, c.id, [grace, alan, ada], i % 2 === 0 ? `2026-12-${day}T15:00:00Z` : undefined)).id);
    }
    await deliverAll();
    smtp.reset();
    // 48 hours before the first: its reminder is written, and waits (nothing delivers it in this test).
    server.setNow('2026-12-19T15:00:05Z');
    expect(await writeDueReminders(server.ctx)).toMatchObject({ written: 1 });
    const all = await server.ctx.store.outbox.list(server.organizationId, { limit: 5000 });
    const before = all.length;
    const droppedReminders = all.filter((m) => m.kind === 'reminder' && m.status === 'pending' && ids.includes(m.interviewId ?? '')).length;
    expect(droppedReminders).toBe(1);

    const crash = new Error('killed after the first batch');
    await expect(
      fillOpening(server.ctx, server.organizationId, openingId, {}, { batchSize: 3, beforeCommit: ({ number }) => { if (number === 2) throw crash; } }),
    ).rejects.toBe(crash);
    const midway = await server.ctx.store.openingEnds.counts(server.organizationId, openingId);
    expect(midway).toMatchObject({ cancelledInterviews: 3, remaining: 4 });

    expect(await resumeOpeningEnds(server.ctx, { batchSize: 3 })).toEqual({ openings: 1, cancelledInterviews: 4 });
    expect(await resumeOpeningEnds(server.ctx)).toEqual({ openings: 0, cancelledInterviews: 0 });
    for (const id of ids) {
      const history = await server.ctx.store.interviews.history(server.organizationId, id);
      expect(history.filter((h) => h.action === 'cancelled')).toHaveLength(1);
      const messages = await server.ctx.store.outbox.list(server.organizationId, { interviewId: id });
      const sent = messages.filter((m) => m.kind !== 'reminder' && m.createdAt >= new Date('2026-12-01T12:00:00Z') && ['employer_cancellation', 'invitation_withdrawn', 'panel_cancellation'].includes(m.kind));
      const interview = await server.ctx.store.interviews.get(server.organizationId, id);
      expect(interview?.status).toBe('cancelled');
      expect(sent.map((m) => m.kind).sort()).toEqual(
        interview?.start ? ['employer_cancellation', 'panel_cancellation', 'panel_cancellation', 'panel_cancellation'] : ['invitation_withdrawn'],
      );
    }
    // Nothing else was written (queued reminders of the cancelled interviews were dropped).
    const after = await server.ctx.store.outbox.list(server.organizationId, { limit: 5000 });
    expect(after.length - before).toBe(4 * 4 + 3 * 1 - droppedReminders);
    expect(after.filter((m) => m.kind === 'reminder' && ids.includes(m.interviewId ?? ''))).toHaveLength(0);
    expect(await closeOpening(server.ctx, server.organizationId, openingId, {}).catch((e: unknown) => (e as { code: string }).code)).toBe('OPENING_NOT_OPEN');
    // And none is written for them later.
    server.setNow('2026-12-23T15:00:05Z');
    expect(await writeDueReminders(server.ctx)).toMatchObject({ written: 0 });
    server.setNow('2026-12-01T12:00:00Z');
  });
});
