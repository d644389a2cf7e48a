import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { googleCalendar, googleReplyMail, outlookCalendar, outlookReplyMail } from '../core/inbound/testing/reply-mails.ts';
import type { ReplyShape } from '../core/inbound/testing/reply-mails.ts';
import { testEngines } from '../store/testing/engines.ts';
import { startInboundSmtp } from './inbound-smtp.ts';
import type { InboundSmtpListener } from './inbound-smtp.ts';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

/**
 * Calendar replies end to end: invitations go out from the server, replies shaped like Outlook's and
 * Google's come back over a real SMTP connection (nodemailer as the sending client) to the server's
 * listener, or by HTTP as a mail provider's forwarding; what they did is read from the API and the outbox.
 */

interface Mail { id: string; kind: string; to: string; subject: string; text: string; ics: string | null }
interface Reply { id: string; outcome: string; effect: string | null; ignoredBecause: string | null; via: string; partstat: string | null; attendee: { email: string; role: string; memberId: string | null } | null; interviewId: string | null; uid?: string | null; proposedStart: string | null }
interface InterviewBody { id: string; status: string; start: string; sequence: number; panel: string[]; history?: Array<{ action: string; actor: string; details?: Record<string, unknown> | null }> }

const ALWAYS = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]));
const START = '2026-12-09T15:00:00Z';
const NOW = new Date('2026-12-01T12:00:00Z');

async function json<T>(response: Response | Promise<Response>, status = 200): Promise<T> {
  const res = await response;
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

function harness(getServer: () => TestServer) {
  let counter = 0;
  const call = (...args: Parameters<TestServer['call']>) => getServer().call(...args);

  async function mailOf(interviewId: string, organizationId = getServer().organizationId): Promise<Mail[]> {
    const messages = await getServer().ctx.store.outbox.list(organizationId, { interviewId, limit: 500 });
    return messages.map((m) => {
      const email = (m.payload as { email: { subject: string; text: string; to: Array<{ address: string }>; calendar?: { ics: string } } }).email;
      return { id: m.id, kind: m.kind, to: email.to[0]!.address, subject: email.subject, text: email.text, ics: email.calendar?.ics ?? null };
    });
  }

  async function member(name: string, pools: string[] = []): Promise<{ id: string; email: string; name: string }> {
    const email = `${name.toLowerCase().replace(/\W/g, '')}${counter}@acme.test`;
    const { id } = await json<{ id: string }>(call('POST', '/api/v1/members', { name, email, role: 'interviewer', timezone: 'UTC', workingHours: ALWAYS, pools }), 201);
    return { id, email, name };
  }

  /** An interview booked by the employer for START, with two panelists who share a pool with a third. */
  async function booked(key?: string) {
    counter += 1;
    const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
    const pool = `pool-${counter}`;
    const grace = await member('Grace Hopper', [pool]);
    const alan = await member('Alan Turing');
    const ada = await member('Ada Lovelace', [pool]);
    const opening = (await json<{ id: string }>(call('POST', '/api/v1/openings', { title: 'Platform Engineer' }, headers), 201)).id;
    const candidate = { name: 'Jordan Lee', email: `jordan${counter}@example.com` };
    const candidateId = (await json<{ id: string }>(call('POST', '/api/v1/candidates', { ...candidate, timezone: 'Europe/Berlin' }, headers), 201)).id;
    const interview = await json<InterviewBody>(
      call('POST', '/api/v1/interviews', { openingId: opening, candidateId, title: 'Round 2 with CTO', durationMinutes: 60, panel: [grace.id, alan.id], start: START }, headers),
      201,
    );
    return { interview, grace, alan, ada, candidate };
  }

  /** The event as the attendee's calendar holds it: UID, SEQUENCE and ORGANIZER from the invitation they were sent. */
  async function invitationOf(interviewId: string, to: string) {
    const ics = (await mailOf(interviewId)).filter((m) => m.to === to && m.ics?.includes('METHOD:REQUEST')).pop()!.ics!;
    const unfolded = ics.replace(/\r\n[ \t]/g, '');
    return {
      ics: unfolded,
      uid: /^UID:(.+)$/m.exec(unfolded)![1]!.trim(),
      sequence: Number(/^SEQUENCE:(\d+)/m.exec(unfolded)![1]),
      organizer: /^ORGANIZER[^:]*:mailto:(.+)$/m.exec(unfolded)![1]!.trim(),
    };
  }

  const interview = (id: string) => json<InterviewBody>(call('GET', `/api/v1/interviews/${id}`));
  const replies = (interviewId: string, headers: Record<string, string> = {}) => json<{ replies: Reply[] }>(call('GET', `/api/v1/inbound/replies?interviewId=${interviewId}`, undefined, headers));

  return { mailOf, booked, invitationOf, interview, replies };
}

function shapeFor(event: { uid: string; sequence: number; organizer: string }, attendee: { name: string; email: string }, over: Partial<ReplyShape> = {}): ReplyShape {
  return { uid: event.uid, sequence: event.sequence, organizer: event.organizer, attendee, start: new Date(START), end: new Date('2026-12-09T16:00:00Z'), dtstamp: NOW, ...over };
}

let messageCounter = 0;
const messageId = () => `<reply-${++messageCounter}-${Date.now()}@mail.example.test>`;

describe.each(testEngines())('calendar replies over SMTP (%s)', (engine) => {
  let server: TestServer;
  let listener: InboundSmtpListener;
  let transport: Transporter;
  const h = harness(() => server);

  beforeAll(async () => {
    server = await startTestServer({ now: NOW.toISOString(), opened: await engine.open() });
    await server.call('PATCH', '/api/v1/organization', { contactEmail: 'recruiting@acme.test' });
    listener = await startInboundSmtp({ ctx: server.ctx, port: 0, maxMessageBytes: 64 * 1024, log: () => {} });
    transport = nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true, connectionTimeout: 5000 });
  });
  afterAll(async () => {
    transport?.close();
    await listener?.close();
    await server?.close();
  });

  /** Sends raw MIME the way a mail server relays it: envelope from the attendee to the ORGANIZER. */
  const send = (from: string, to: string, raw: string) => transport.sendMail({ envelope: { from, to: [to] }, raw });
  const lastReply = async (interviewId: string) => (await h.replies(interviewId)).replies[0]!;

  it('invitations name the scheduling address as ORGANIZER and ask every attendee to reply', async () => {
    const { interview, grace, candidate } = await h.booked();
    const invitation = await h.invitationOf(interview.id, grace.email);
    expect(invitation.organizer).toBe(server.ctx.config.mailFrom.address);
    expect(invitation.ics).toMatch(new RegExp(`ATTENDEE;CN=Grace Hopper;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:${grace.email}`));
    // The recruiter chose the time: the candidate has not answered it, in their copy or the panel's.
    const theirs = await h.invitationOf(interview.id, candidate.email);
    expect(theirs.ics).toMatch(new RegExp(`ATTENDEE;CN=Jordan Lee;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:${candidate.email}`));
    expect(invitation.ics).toMatch(new RegExp(`ATTENDEE;CN=Jordan Lee;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:${candidate.email}`));
  });

  it("the candidate's answer is what every later invitation states for them, until the recruiter sets another time", async () => {
    const { interview, grace, alan, ada, candidate } = await h.booked();
    const candidateLine = (ics: string) => /^ATTENDEE;CN=Jordan Lee;[^\r\n]*$/m.exec(ics)![0];
    const attendeesNow = async () =>
      (await json<{ attendees: Array<{ role: string; partstat: string; repliedAt: string | null }> }>(server.call('GET', `/api/v1/interviews/${interview.id}/attendees`))).attendees.find((a) => a.role === 'candidate')!;
    expect(await attendeesNow()).toMatchObject({ partstat: 'needs-action', repliedAt: null });

    // Jordan accepts in Google Calendar: their answer is recorded and the interview keeps it.
    const event = await h.invitationOf(interview.id, candidate.email);
    await send(candidate.email, event.organizer, googleReplyMail({ from: { name: candidate.name, email: candidate.email }, to: event.organizer, messageId: messageId() }, googleCalendar(shapeFor(event, candidate))));
    expect(await attendeesNow()).toMatchObject({ partstat: 'accepted', repliedAt: NOW.toISOString() });

    // Grace declines her seat and Ada stands in: the update everyone gets states Jordan's answer as given.
    const graceEvent = await h.invitationOf(interview.id, grace.email);
    await send(grace.email, graceEvent.organizer, outlookReplyMail({ from: { name: grace.name, email: grace.email }, to: graceEvent.organizer, messageId: messageId(), subject: 'Declined' }, outlookCalendar({ ...shapeFor(graceEvent, grace), partstat: 'DECLINED' })));
    const update = await h.invitationOf(interview.id, ada.email);
    expect(update.sequence).toBe(event.sequence + 1);
    expect(candidateLine(update.ics)).toContain('PARTSTAT=ACCEPTED');
    expect(candidateLine((await h.invitationOf(interview.id, candidate.email)).ics)).toContain('PARTSTAT=ACCEPTED');
    expect(candidateLine((await h.invitationOf(interview.id, alan.email)).ics)).toContain('PARTSTAT=ACCEPTED');

    // The recruiter moves it: a time Jordan has not answered.
    await json(server.call('POST', `/api/v1/interviews/${interview.id}/reschedule`, { start: '2026-12-10T15:00:00Z', reason: 'interviewer_unavailable' }));
    expect(candidateLine((await h.invitationOf(interview.id, candidate.email)).ics)).toContain('PARTSTAT=NEEDS-ACTION');
    expect(candidateLine((await h.invitationOf(interview.id, alan.email)).ics)).toContain('PARTSTAT=NEEDS-ACTION');
    expect(await attendeesNow()).toMatchObject({ partstat: 'needs-action', repliedAt: null });
    const download = await server.call('GET', `/api/v1/interviews/${interview.id}/calendar.ics`);
    expect(candidateLine((await download.text()).replace(/\r\n[ \t]/g, ''))).toContain('PARTSTAT=NEEDS-ACTION');
  });

  it("a panelist's Decline in Outlook: a stand-in from their pool is booked and everyone's mail is in the outbox", async () => {
    const { interview, grace, ada } = await h.booked();
    const event = await h.invitationOf(interview.id, grace.email);
    const before = new Set((await h.mailOf(interview.id)).map((m) => m.id));
    const info = await send(grace.email, event.organizer, outlookReplyMail({ from: { name: grace.name, email: grace.email.toUpperCase() }, to: event.organizer, messageId: messageId(), subject: 'Declined: Round 2 with CTO' }, outlookCalendar({ ...shapeFor(event, { name: grace.name, email: grace.email }), partstat: 'DECLINED' })));
    expect(info.response).toMatch(/^250 .*Reply recorded \(applied\)/);

    const after = await h.interview(interview.id);
    expect(after.panel).toContain(ada.id);
    expect(after.panel).not.toContain(grace.id);
    expect(after.sequence).toBe(interview.sequence + 1);
    const fresh = (await h.mailOf(interview.id)).filter((m) => !before.has(m.id) && m.kind !== 'reminder');
    expect(fresh.map((m) => `${m.kind}→${m.to}`).sort()).toEqual(expect.arrayContaining([`panel_seat_offered→${ada.email}`, `panel_seat_released→${grace.email}`]));
    expect(await lastReply(interview.id)).toMatchObject({ via: 'smtp', outcome: 'applied', effect: 'seat_replaced', partstat: 'declined', attendee: { email: grace.email, role: 'panelist', memberId: grace.id } });
  });

  it('a Decline from a panelist nobody can stand in for hands the seat to the coordinator, as the API does', async () => {
    const { interview, alan } = await h.booked();
    const event = await h.invitationOf(interview.id, alan.email);
    await send(alan.email, event.organizer, googleReplyMail({ from: { name: alan.name, email: alan.email }, to: event.organizer, messageId: messageId() }, googleCalendar({ ...shapeFor(event, alan), partstat: 'DECLINED' })));
    expect(await lastReply(interview.id)).toMatchObject({ outcome: 'applied', effect: 'seat_coordinator', attendee: { memberId: alan.id } });
    const after = await h.interview(interview.id);
    expect(after.panel).toEqual(interview.panel);
    // No COMMENT: nothing is said in their name; the line says where the decline came from.
    expect(after.history!.find((line) => line.action === 'panel_declined')).toMatchObject({ details: { memberId: alan.id, reason: null, via: 'calendar', forStart: START.replace('Z', '.000Z') } });
    expect((await h.mailOf(interview.id)).some((m) => m.kind === 'coordinator_seat_handover' && m.to === 'recruiting@acme.test')).toBe(true);

    // Declined again (another Message-ID, as a calendar sends after an update): recorded, nothing handed over twice.
    const mailBefore = (await h.mailOf(interview.id)).length;
    await send(alan.email, event.organizer, outlookReplyMail({ from: { name: alan.name, email: alan.email }, to: event.organizer, messageId: messageId() }, outlookCalendar({ ...shapeFor(event, alan), partstat: 'DECLINED', dtstamp: new Date(NOW.getTime() + 60_000) })));
    // Both arrive at the test clock's one instant, so the list's order between them is not theirs: look at both.
    const both = (await h.replies(interview.id)).replies;
    expect(both.map((r) => [r.outcome, r.effect, r.partstat]).sort()).toEqual([['applied', 'recorded', 'declined'], ['applied', 'seat_coordinator', 'declined']]);
    expect((await h.mailOf(interview.id)).length).toBe(mailBefore);
    expect((await h.interview(interview.id)).history!.filter((line) => line.action === 'panel_declined')).toHaveLength(1);
  });

  it('a seat declined through the API is declined everywhere: the attendees, a second API decline, a calendar decline and a proposed time', async () => {
    const { interview, alan, grace, candidate } = await h.booked();
    const first = await json<{ outcome: string }>(server.call('POST', `/api/v1/interviews/${interview.id}/panel/${alan.id}/decline`, { reason: 'On leave' }));
    expect(first).toEqual({ outcome: 'coordinator' });
    const mailAfterFirst = (await h.mailOf(interview.id)).length;

    const { attendees } = await json<{ attendees: Array<{ memberId: string | null; partstat: string; repliedAt: string | null }> }>(server.call('GET', `/api/v1/interviews/${interview.id}/attendees`));
    expect(attendees.find((a) => a.memberId === alan.id)).toMatchObject({ partstat: 'declined', repliedAt: NOW.toISOString() });
    expect(attendees.find((a) => a.memberId === grace.id)).toMatchObject({ partstat: 'needs-action', repliedAt: null });

    // The same decline again answers what was decided, and does nothing again.
    expect(await json(server.call('POST', `/api/v1/interviews/${interview.id}/panel/${alan.id}/decline`, {}))).toEqual(first);
    const event = await h.invitationOf(interview.id, alan.email);
    await send(alan.email, event.organizer, googleReplyMail({ from: { name: alan.name, email: alan.email }, to: event.organizer, messageId: messageId() }, googleCalendar({ ...shapeFor(event, alan), partstat: 'DECLINED' })));
    expect(await lastReply(interview.id)).toMatchObject({ outcome: 'applied', effect: 'recorded', partstat: 'declined' });
    expect((await h.mailOf(interview.id)).length).toBe(mailAfterFirst);
    expect((await h.interview(interview.id)).history!.filter((line) => line.action === 'panel_declined')).toHaveLength(1);

    // The candidate proposes another time: Alan is not counted as attending.
    const counter = outlookCalendar({ ...shapeFor(event, candidate), method: 'COUNTER', start: new Date('2026-12-10T16:00:00Z'), end: new Date('2026-12-10T17:00:00Z') });
    await send(candidate.email, event.organizer, outlookReplyMail({ from: { name: candidate.name, email: candidate.email }, to: event.organizer, messageId: messageId() }, counter));
    const request = (await h.mailOf(interview.id)).find((m) => m.kind === 'coordinator_reschedule_request')!;
    expect(request.text).toContain(`${alan.name}: declined their seat, which is open`);
    expect(request.text).toContain(`${grace.name}: free`);
    expect(request.text).not.toContain('Everyone is free');
  });

  it("a calendar COMMENT is passed on as the person's own words; none is invented", async () => {
    const { interview, alan, candidate } = await h.booked();
    const event = await h.invitationOf(interview.id, alan.email);
    await send(alan.email, event.organizer, outlookReplyMail({ from: { name: alan.name, email: alan.email }, to: event.organizer, messageId: messageId() }, outlookCalendar({ ...shapeFor(event, alan), partstat: 'DECLINED', comment: 'Off sick this week' })));
    expect((await h.interview(interview.id)).history!.find((line) => line.action === 'panel_declined')).toMatchObject({ details: { reason: 'Off sick this week', via: 'calendar' } });

    await send(candidate.email, event.organizer, googleReplyMail({ from: { name: candidate.name, email: candidate.email }, to: event.organizer, messageId: messageId() }, googleCalendar({ ...shapeFor(event, candidate), partstat: 'DECLINED', comment: 'I took another offer' })));
    const recruiter = (await h.mailOf(interview.id)).find((m) => m.kind === 'coordinator_cancellation')!;
    expect(recruiter.text).toContain('I took another offer');
    expect(recruiter.text).toContain('with the note below');
    expect(recruiter.text).not.toContain('No reason comes');
  });

  it('a reply with a floating time is recorded against its interview, in its organization, with why', async () => {
    const { interview, grace } = await h.booked();
    const event = await h.invitationOf(interview.id, grace.email);
    const floating = googleCalendar({ ...shapeFor(event, grace), partstat: 'DECLINED' }).replace(/^(DTSTART|DTEND):(\d{8}T\d{6})Z/gm, '$1:$2');
    expect(floating).toMatch(/^DTSTART:\d{8}T\d{6}\r?$/m);
    await send(grace.email, event.organizer, googleReplyMail({ from: { name: grace.name, email: grace.email }, to: event.organizer, messageId: messageId() }, floating));
    expect(await lastReply(interview.id)).toMatchObject({ outcome: 'ignored', uid: event.uid, interviewId: interview.id, ignoredBecause: 'DTSTART is a floating time (no zone)', attendee: { memberId: grace.id } });
    expect((await h.interview(interview.id)).panel).toEqual(interview.panel);
  });

  it('a message that names no interview of any organization is accepted but not kept', async () => {
    const { interview, grace } = await h.booked();
    const event = await h.invitationOf(interview.id, grace.email);
    const uid = `nowhere-${messageCounter}@elsewhere.test`;
    const info = await send(grace.email, event.organizer, googleReplyMail({ from: { name: grace.name, email: grace.email }, to: event.organizer, messageId: messageId() }, googleCalendar({ ...shapeFor({ ...event, uid }, grace), partstat: 'DECLINED' })));
    expect(info.response).toContain('it matches no interview here, so it was not kept');
    expect(await server.ctx.store.inboundReplies.findByUid(uid, null)).toBeNull();
  });

  it("the candidate's Decline in Google Calendar cancels; the recruiter's email and the history say it came from the calendar", async () => {
    const { interview, candidate } = await h.booked();
    const event = await h.invitationOf(interview.id, candidate.email);
    await send(candidate.email, event.organizer, googleReplyMail({ from: { name: candidate.name, email: candidate.email }, to: event.organizer, messageId: messageId(), subject: `Declined: Round 2 with CTO (${candidate.email})` }, googleCalendar({ ...shapeFor(event, candidate), partstat: 'DECLINED' })));

    const after = await h.interview(interview.id);
    expect(after.status).toBe('cancelled');
    const cancelled = after.history!.find((line) => line.action === 'cancelled')!;
    expect(cancelled).toMatchObject({ actor: 'candidate', details: { via: 'calendar' } });
    const recruiter = (await h.mailOf(interview.id)).find((m) => m.kind === 'coordinator_cancellation')!;
    expect(recruiter.to).toBe('recruiting@acme.test');
    expect(recruiter.subject).toContain("Declined in the candidate's calendar");
    expect(recruiter.text).toContain('This came from their calendar');
    expect(await lastReply(interview.id)).toMatchObject({ outcome: 'applied', effect: 'cancelled', attendee: { role: 'candidate' } });
  });

  it('Accepted and Tentative are shown per attendee; the same Message-ID again acts once', async () => {
    const { interview, grace, alan } = await h.booked();
    const event = await h.invitationOf(interview.id, grace.email);
    const id = messageId();
    const accepted = googleReplyMail({ from: { name: grace.name, email: grace.email }, to: event.organizer, messageId: id }, googleCalendar(shapeFor(event, grace)));
    await send(grace.email, event.organizer, accepted);
    await send(alan.email, event.organizer, outlookReplyMail({ from: { name: alan.name, email: alan.email }, to: event.organizer, messageId: messageId(), subject: 'Tentative: Round 2 with CTO' }, outlookCalendar({ ...shapeFor(event, alan), partstat: 'TENTATIVE' })));
    await send(grace.email, event.organizer, accepted);

    const { attendees } = await json<{ attendees: Array<{ email: string; role: string; partstat: string; repliedAt: string | null; memberId: string | null }> }>(server.call('GET', `/api/v1/interviews/${interview.id}/attendees`));
    expect(attendees.map((a) => [a.role, a.email, a.partstat])).toEqual([
      // Booked by the recruiter and not answered by the candidate's calendar: still asked.
      ['candidate', expect.stringContaining('@example.com'), 'needs-action'],
      ['panelist', grace.email, 'accepted'],
      ['panelist', alan.email, 'tentative'],
    ]);
    expect(attendees[1]!.repliedAt).toBe(NOW.toISOString());
    const graces = (await h.replies(interview.id)).replies.filter((r) => r.attendee?.email === grace.email);
    expect(graces.map((r) => r.outcome).sort()).toEqual(['applied', 'ignored']);
    expect(graces.find((r) => r.outcome === 'ignored')!.ignoredBecause).toContain('same Message-ID');
  });

  it('a COUNTER from Outlook becomes a request to the recruiter with the time in their zone and who is free; nothing moves', async () => {
    const { interview, candidate, grace, alan } = await h.booked();
    // Alan is busy at the proposed time with another interview.
    const event = await h.invitationOf(interview.id, candidate.email);
    await json(server.call('POST', `/api/v1/members/${alan.id}/busy`, { start: '2026-12-10T16:00:00Z', end: '2026-12-10T17:00:00Z', title: 'Dentist' }), 201);
    const counter = outlookCalendar({ ...shapeFor(event, candidate), method: 'COUNTER', start: new Date('2026-12-10T16:00:00Z'), end: new Date('2026-12-10T17:00:00Z'), comment: 'Could we do Thursday?' });
    await send(candidate.email, event.organizer, outlookReplyMail({ from: { name: candidate.name, email: candidate.email }, to: event.organizer, messageId: messageId(), subject: 'New Time Proposed: Round 2 with CTO' }, counter));

    const request = (await h.mailOf(interview.id)).find((m) => m.kind === 'coordinator_reschedule_request')!;
    expect(request.to).toBe('recruiting@acme.test');
    expect(request.text).toContain('Proposed: Thursday, December 10 at 11:00 AM EST (New York time) to 12:00 PM');
    expect(request.text).toContain(`${grace.name}: free`);
    expect(request.text).toContain('Could we do Thursday?');
    const after = await h.interview(interview.id);
    expect(after.start).toBe(interview.start);
    expect(after.history!.some((line) => line.action === 'reschedule_requested' && line.details?.via === 'calendar')).toBe(true);
    expect(await lastReply(interview.id)).toMatchObject({ outcome: 'applied', effect: 'reschedule_requested', proposedStart: '2026-12-10T16:00:00.000Z' });
    expect(request.text).toContain(`${alan.name}: busy`);
    expect(request.text).toContain('Nothing has been moved');
  });

  it('forged, future-versioned and unknown replies are recorded as ignored and change nothing', async () => {
    const { interview, grace } = await h.booked();
    const event = await h.invitationOf(interview.id, grace.email);
    const declined = (shape: ReplyShape, from: string) => send(from, event.organizer, outlookReplyMail({ from: { name: 'Someone', email: from }, to: event.organizer, messageId: messageId() }, outlookCalendar({ ...shape, partstat: 'DECLINED' })));
    await declined(shapeFor(event, { name: 'Mallory', email: 'mallory@evil.test' }), 'mallory@evil.test');
    // Someone else's decline, sent from another address: the From header is what counts.
    await declined(shapeFor(event, grace), 'mallory@evil.test');
    // A SEQUENCE Leeway never sent.
    await declined(shapeFor(event, grace, { sequence: event.sequence + 7 }), grace.email);
    await declined(shapeFor({ ...event, uid: `unknown-${messageCounter}@elsewhere.test` }, grace), grace.email);

    const after = await h.interview(interview.id);
    expect(after.panel).toEqual(interview.panel);
    expect(after.status).toBe('scheduled');
    const { replies } = await h.replies(interview.id);
    const reasons = replies.map((r) => r.ignoredBecause);
    expect(replies.every((r) => r.outcome === 'ignored')).toBe(true);
    expect(reasons).toEqual(expect.arrayContaining([expect.stringMatching(/mallory@evil.test is not an attendee/)]));
    expect(reasons).toEqual(expect.arrayContaining([expect.stringMatching(/newer than any version Leeway sent/)]));
    expect(replies).toHaveLength(3);
    // The unknown UID names no organization: recorded, but in no organization's list.
    const rows = await server.ctx.store.inboundReplies.list(server.organizationId, { limit: 500 });
    expect(rows.some((r) => r.uid?.startsWith('unknown-'))).toBe(false);
  });

  it('a stale reply (answering the time before a move) changes nothing', async () => {
    const { interview, grace } = await h.booked();
    const old = await h.invitationOf(interview.id, grace.email);
    await json(server.call('POST', `/api/v1/interviews/${interview.id}/reschedule`, { start: '2026-12-11T15:00:00Z' }));
    const moved = await h.interview(interview.id);
    expect(moved.sequence).toBeGreaterThan(old.sequence);
    await send(grace.email, old.organizer, googleReplyMail({ from: { name: grace.name, email: grace.email }, to: old.organizer, messageId: messageId() }, googleCalendar({ ...shapeFor(old, grace), partstat: 'DECLINED' })));
    expect((await h.interview(interview.id)).panel).toEqual(moved.panel);
    expect(await lastReply(interview.id)).toMatchObject({ outcome: 'ignored', ignoredBecause: expect.stringContaining(`SEQUENCE ${old.sequence} is older`) });
  });

  it('refuses unknown recipients at RCPT (550) and messages over the size limit (552)', async () => {
    const raw = outlookReplyMail({ from: { name: 'A', email: 'a@example.test' }, to: 'x', messageId: messageId() }, 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    await expect(send('a@example.test', 'someone-else@leeway.localhost', raw)).rejects.toMatchObject({ responseCode: 550 });
    const big = outlookReplyMail({ from: { name: 'A', email: 'a@example.test' }, to: 'x', messageId: messageId() }, 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', { padding: 80 * 1024 });
    await expect(send('a@example.test', server.ctx.config.mailFrom.address, big)).rejects.toMatchObject({ responseCode: 552 });
  });
});

describe('calendar replies forwarded over HTTP', () => {
  let server: TestServer;
  const h = harness(() => server);

  beforeAll(async () => {
    server = await startTestServer({ now: NOW.toISOString() });
    await server.call('PATCH', '/api/v1/organization', { contactEmail: 'recruiting@acme.test' });
  });
  afterAll(async () => {
    await server?.close();
  });

  const forward = (raw: string, secret: string | null, type = 'message/rfc822') =>
    Promise.resolve(server.app.request('/api/v1/inbound/email', { method: 'POST', headers: { 'content-type': type, ...(secret ? { authorization: `Bearer ${secret}` } : {}) }, body: raw }));

  it('the inbound secret is made, shown once, rotated, and the settings say where replies go', async () => {
    const before = await json<{ address: string; secretSet: boolean; smtp: { recipients: string[]; maxMessageBytes: number; howTo: string } }>(server.call('GET', '/api/v1/inbound'));
    expect(before).toMatchObject({ address: server.ctx.config.mailFrom.address, secretSet: false, smtp: { listening: false, host: null, port: null, recipients: [server.ctx.config.mailFrom.address], maxMessageBytes: 1024 * 1024 } });
    expect(before.smtp.howTo).toContain('This server does not listen for mail.');
    const first = await json<{ secret: string; address: string }>(server.call('POST', '/api/v1/inbound/secret'), 201);
    expect(first.secret).toMatch(/^lw_inbound_[A-Za-z0-9_-]{40,}$/);
    const second = await json<{ secret: string }>(server.call('POST', '/api/v1/inbound/secret'), 201);
    expect((await json<{ secretSet: boolean }>(server.call('GET', '/api/v1/inbound'))).secretSet).toBe(true);
    expect(JSON.stringify(await json(server.call('GET', '/api/v1/inbound')))).not.toContain(second.secret);
    expect((await forward('x', first.secret)).status).toBe(401);
    // A replay by Idempotency-Key answers the same, without the secret: it is shown once.
    const made = await json<{ secret: string }>(server.call('POST', '/api/v1/inbound/secret', undefined, { 'idempotency-key': 'inbound-1' }), 201);
    const replayed = await json<{ secret: string }>(server.call('POST', '/api/v1/inbound/secret', undefined, { 'idempotency-key': 'inbound-1' }), 201);
    expect(made.secret).toMatch(/^lw_inbound_/);
    expect(replayed.secret).toBe('lw_inbound_[redacted]');
  });

  it('a forwarded Accept acts with the right secret; a wrong or missing secret is 401, a JSON body 415', async () => {
    const { secret } = await json<{ secret: string }>(server.call('POST', '/api/v1/inbound/secret'), 201);
    const { interview, grace } = await h.booked();
    const event = await h.invitationOf(interview.id, grace.email);
    const raw = googleReplyMail({ from: { name: grace.name, email: grace.email }, to: event.organizer, messageId: messageId() }, googleCalendar(shapeFor(event, grace)));
    expect((await forward(raw, 'lw_inbound_wrong')).status).toBe(401);
    expect((await forward(raw, null)).status).toBe(401);
    expect((await forward(raw, server.apiKey)).status).toBe(401);
    expect((await forward(raw, secret, 'application/json')).status).toBe(415);
    const { reply } = await json<{ reply: Reply }>(forward(raw, secret), 202);
    expect(reply).toMatchObject({ via: 'http', outcome: 'applied', effect: 'recorded', partstat: 'accepted', interviewId: interview.id });
  });

  it("another organization's secret cannot act on this organization's event", async () => {
    const { interview, grace } = await h.booked();
    const event = await h.invitationOf(interview.id, grace.email);
    const other = await server.newOrganization('Globex');
    const { secret } = await json<{ secret: string }>(server.call('POST', '/api/v1/inbound/secret', undefined, { authorization: `Bearer ${other.apiKey}` }), 201);
    const raw = outlookReplyMail({ from: { name: grace.name, email: grace.email }, to: event.organizer, messageId: messageId() }, outlookCalendar({ ...shapeFor(event, grace), partstat: 'DECLINED' }));
    const { reply } = await json<{ reply: Reply }>(forward(raw, secret), 202);
    expect(reply).toMatchObject({ outcome: 'ignored', interviewId: null, ignoredBecause: 'no interview of this organization has that UID' });
    expect((await h.interview(interview.id)).panel).toEqual(interview.panel);
    expect((await h.replies(interview.id)).replies).toEqual([]);
    const theirs = await json<{ replies: Reply[] }>(server.call('GET', '/api/v1/inbound/replies', undefined, { authorization: `Bearer ${other.apiKey}` }));
    expect(theirs.replies.map((r) => r.id)).toEqual([reply.id]);
  });

  it('a forwarded reply with a floating time keeps its UID and interview', async () => {
    const { secret } = await json<{ secret: string }>(server.call('POST', '/api/v1/inbound/secret'), 201);
    const { interview, grace } = await h.booked();
    const event = await h.invitationOf(interview.id, grace.email);
    const floating = googleCalendar({ ...shapeFor(event, grace), partstat: 'DECLINED' }).replace(/^DTSTART:(\d{8}T\d{6})Z/m, 'DTSTART:$1');
    const { reply } = await json<{ reply: Reply }>(forward(googleReplyMail({ from: { name: grace.name, email: grace.email }, to: event.organizer, messageId: messageId() }, floating), secret), 202);
    expect(reply).toMatchObject({ outcome: 'ignored', uid: event.uid, interviewId: interview.id, ignoredBecause: 'DTSTART is a floating time (no zone)' });
    expect((await h.replies(interview.id)).replies.map((r) => r.id)).toEqual([reply.id]);
  });

  it('malformed and mismatched replies are recorded with why; the list pages', async () => {
    const { secret } = await json<{ secret: string }>(server.call('POST', '/api/v1/inbound/secret'), 201);
    const { interview, grace } = await h.booked();
    const event = await h.invitationOf(interview.id, grace.email);
    const mail = { from: { name: grace.name, email: grace.email }, to: event.organizer, messageId: messageId() };
    const mismatched = await json<{ reply: Reply }>(forward(outlookReplyMail(mail, outlookCalendar({ ...shapeFor(event, grace), partstat: 'DECLINED' }), { mimeMethod: 'REQUEST' }), secret), 202);
    expect(mismatched.reply).toMatchObject({ outcome: 'ignored', interviewId: interview.id, ignoredBecause: expect.stringContaining('disagree') });
    const garbage = await json<{ reply: Reply }>(forward('this is not an email at all', secret), 202);
    expect(garbage.reply).toMatchObject({ outcome: 'ignored', ignoredBecause: 'the email has no calendar part' });
    expect((await h.interview(interview.id)).panel).toEqual(interview.panel);

    const first = await json<{ replies: Reply[]; nextCursor: string | null }>(server.call('GET', '/api/v1/inbound/replies?limit=1'));
    expect(first.replies).toHaveLength(1);
    const second = await json<{ replies: Reply[]; nextCursor: string | null }>(server.call('GET', `/api/v1/inbound/replies?limit=1&cursor=${first.nextCursor}`));
    expect(second.replies[0]!.id).not.toBe(first.replies[0]!.id);
    expect((await server.call('GET', '/api/v1/inbound/replies?cursor=nope')).status).toBe(400);
  });
});
