import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDueReminders } from '../app/interviews/write-due-reminders.ts';
import { NINE_TO_FIVE, startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';
import { messagesAsSent } from '../store/testing/messages-as-sent.ts';

/**
 * What Leeway says is true and what it allows is legal: one test per defect found when the service was
 * tried as a new user would, each reading the emails a person would read (from the outbox) or the answer
 * a client gets.
 */

interface InterviewBody {
  id: string;
  status: string;
  start: string | null;
  sequence: number;
  offeredSlots: Array<{ start: string; end: string }>;
  candidateLink: string;
  history?: Array<{ action: string; reason: string | null; actor: string }>;
}

interface Mail {
  id: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  replyTo: string | null;
  method: string | null;
}

let server: TestServer;
let counter = 0;

beforeAll(async () => {
  server = await startTestServer({ now: '2026-12-01T12:00:00Z' });
  await server.call('PATCH', '/api/v1/organization', { contactEmail: 'recruiting@acme.test', contactPhone: '+1 555 0100' });
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

const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);

function candidateCall(token: string, action: string, body: unknown): Promise<Response> {
  return Promise.resolve(
    server.app.request(`/api/v1/candidate/${token}/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  );
}

/** Every email written about an interview, as its reader would get it. */
async function mailOf(interviewId: string): Promise<Mail[]> {
  const messages = await messagesAsSent(server.ctx, server.organizationId, { interviewId, limit: 500 });
  return messages.map((m) => {
    const email = (m.payload as { email: { subject: string; text: string; replyTo?: { address: string }; to: Array<{ address: string }>; calendar?: { method: string } } }).email;
    return { id: m.id, kind: m.kind, to: email.to[0]!.address, subject: email.subject, text: email.text, replyTo: email.replyTo?.address ?? null, method: email.calendar?.method ?? null };
  });
}

async function newMail(interviewId: string, before: Mail[]): Promise<Mail[]> {
  const seen = new Set(before.map((m) => m.id));
  return (await mailOf(interviewId)).filter((m) => !seen.has(m.id) && m.kind !== 'reminder');
}

const ALWAYS = { mon: [['00:00', '24:00']], tue: [['00:00', '24:00']], wed: [['00:00', '24:00']], thu: [['00:00', '24:00']], fri: [['00:00', '24:00']], sat: [['00:00', '24:00']], sun: [['00:00', '24:00']] };

async function people(options: { candidateZone?: string; hours?: typeof NINE_TO_FIVE | typeof ALWAYS } = {}) {
  counter += 1;
  const member = async (name: string, timezone: string) =>
    (
      await json<{ id: string }>(
        server.call('POST', '/api/v1/members', { name, email: `${name.toLowerCase().replace(/\W/g, '')}${counter}@acme.test`, role: 'interviewer', timezone, workingHours: options.hours ?? NINE_TO_FIVE }),
        201,
      )
    ).id;
  const a = await member(`Grace ${counter}`, 'America/New_York');
  const b = await member(`Alan ${counter}`, 'Europe/London');
  const opening = (await json<{ id: string }>(server.call('POST', '/api/v1/openings', { title: 'Platform Engineer' }), 201)).id;
  const candidate = (
    await json<{ id: string }>(server.call('POST', '/api/v1/candidates', { name: `Jordan Lee`, email: `jordan${counter}@example.com`, timezone: options.candidateZone ?? 'Europe/Berlin' }), 201)
  ).id;
  return { a, b, opening, candidate };
}

async function book(ids: { a: string; b: string; opening: string; candidate: string }, start: string, extra: Record<string, unknown> = {}) {
  return json<InterviewBody>(
    server.call('POST', '/api/v1/interviews', { openingId: ids.opening, candidateId: ids.candidate, title: 'Round 2 with CTO', durationMinutes: 60, panel: [ids.a, ids.b], start, ...extra }),
    201,
  );
}

async function invite(ids: { a: string; b: string; opening: string; candidate: string }, offer: Record<string, unknown> = { from: '2026-12-07T00:00:00Z', to: '2026-12-12T00:00:00Z', count: 3 }) {
  return json<InterviewBody>(
    server.call('POST', '/api/v1/interviews', { openingId: ids.opening, candidateId: ids.candidate, title: 'Round 2 with CTO', durationMinutes: 60, panel: [ids.a, ids.b], offer }),
    201,
  );
}

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);

describe('no invented facts', () => {
  it('a candidate move or request for times with no reason states and stores no reason', async () => {
    const ids = await people();
    const interview = await book(ids, '2026-12-08T15:00:00Z');
    const token = tokenOf(interview.candidateLink);
    const before = await mailOf(interview.id);
    await json(candidateCall(token, 'reschedule', { start: '2026-12-09T15:00:00Z' }));
    await json(candidateCall(token, 'reschedule', { requestNewTimes: true }));
    const detail = await json<InterviewBody>(server.call('GET', `/api/v1/interviews/${interview.id}`));
    expect(detail.history!.filter((h) => h.action === 'rescheduled' || h.action === 'new_times_requested').map((h) => h.reason)).toEqual([null, null]);
    for (const mail of await newMail(interview.id, before)) {
      expect(mail.text, mail.kind).not.toMatch(/scheduling conflict|Reason given|because of/i);
    }
  });

  it('an employer move with no reason gives none, and says the move is done, in both zones, with a way to move again', async () => {
    const ids = await people();
    const interview = await book(ids, '2026-12-08T15:00:00Z');
    const before = await mailOf(interview.id);
    await json(server.call('POST', `/api/v1/interviews/${interview.id}/reschedule`, { start: '2026-12-09T14:00:00Z' }));
    const mail = (await newMail(interview.id, before)).find((m) => m.kind === 'moved_by_employer')!;
    expect(mail.text).not.toMatch(/scheduling error|Would one of these times work/);
    expect(mail.text).toContain('It is now on Wednesday, December 9 at 3:00 PM GMT+1 (Berlin time), instead of Tuesday, December 8 at 4:00 PM GMT+1 (Berlin time).');
    expect(mail.text).toContain('For Acme, that is Wednesday, December 9 at 9:00 AM EST (New York time).');
    expect(mail.text).toMatch(/sorry/i);
    expect(mail.text).toMatch(/move it to another time .* through your link: http/);
    expect(lastLine(mail.text)).toBe('Acme recruiting');
    expect(mail.method).toBe('REQUEST');
  });

  it('taking back an invitation speaks of the invitation, not of an interview that "was due", and sends no CANCEL', async () => {
    const ids = await people();
    const interview = await invite(ids);
    const before = await mailOf(interview.id);
    await json(server.call('POST', `/api/v1/interviews/${interview.id}/cancel`, { reason: 'interviewer_unavailable' }));
    const sent = await newMail(interview.id, before);
    expect(sent.map((m) => m.to)).toEqual([`jordan${counter}@example.com`]);
    const [mail] = sent;
    expect(mail!.text).toMatch(/withdrawn our invitation to interview/);
    expect(mail!.text).not.toMatch(/was due|short notice|calling you|call you/i);
    expect(mail!.method).toBeNull();
  });

  it('a withdrawal is announced as one, and nobody invites the candidate to rebook', async () => {
    const ids = await people();
    const interview = await book(ids, '2026-12-08T15:00:00Z');
    const before = await mailOf(interview.id);
    await json(candidateCall(tokenOf(interview.candidateLink), 'withdraw', { reason: 'accepted_offer' }));
    const sent = await newMail(interview.id, before);
    const recruiter = sent.find((m) => m.to === 'recruiting@acme.test')!;
    expect(recruiter.subject).toMatch(/^Withdrew from the process/);
    expect(recruiter.text).toContain('withdrew from the Platform Engineer process');
    expect(recruiter.text).not.toMatch(/Cancelled by the candidate/);
    const candidate = sent.find((m) => m.to.startsWith('jordan'))!;
    expect(candidate.text).toMatch(/withdrawing from the Platform Engineer process/);
    expect(candidate.text).not.toMatch(/another time|rebook|reschedule/i);
  });

  it('a confirmation says who booked it, lists only possible actions, keeps titles as written and puts the employer words after the greeting', async () => {
    const ids = await people();
    const interview = await book(ids, '2026-12-08T15:00:00Z');
    const confirmation = (await mailOf(interview.id)).find((m) => m.to.startsWith('jordan'))!;
    expect(confirmation.text).not.toMatch(/for choosing a time/);
    expect(confirmation.text).toContain('“Round 2 with CTO”');
    expect(confirmation.text).not.toMatch(/round 2 with cto/);
    expect(confirmation.text).toMatch(/To reschedule, cancel or withdraw: /);
    expect(confirmation.text).not.toMatch(/decline/i);

    const before = await mailOf(interview.id);
    await json(server.call('POST', `/api/v1/interviews/${interview.id}/cancel`, { reason: 'scheduling_error', message: 'Our apologies for the mix-up.' }));
    const cancel = (await newMail(interview.id, before)).find((m) => m.to.startsWith('jordan'))!;
    expect(cancel.text.startsWith('Dear Jordan,')).toBe(true);
    expect(cancel.text.indexOf('Our apologies for the mix-up.')).toBeGreaterThan(cancel.text.indexOf('Dear Jordan,'));
  });

  it('no template writes broken grammar for a reason', async () => {
    const ids = await people();
    const interview = await invite(ids);
    const before = await mailOf(interview.id);
    await json(candidateCall(tokenOf(interview.candidateLink), 'decline', { reason: 'not_a_fit' }));
    for (const mail of await newMail(interview.id, before)) expect(mail.text).not.toMatch(/no longer being the right fit for me/);
  });

  it('every message carries a Reply-To, and none promises a reply channel that does not exist', async () => {
    const other = await server.newOrganization('Quiet Co');
    const call = (method: string, path: string, body?: unknown) =>
      server.app.request(path, { method, headers: { authorization: `Bearer ${other.apiKey}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    const member = await json<{ id: string }>(call('POST', '/api/v1/members', { name: 'Ada', email: 'ada@quiet.test', role: 'interviewer', timezone: 'Europe/London', workingHours: NINE_TO_FIVE }), 201);
    const opening = await json<{ id: string }>(call('POST', '/api/v1/openings', { title: 'Analyst' }), 201);
    const candidate = await json<{ id: string }>(call('POST', '/api/v1/candidates', { name: 'Kim Park', email: 'kim@example.com', timezone: 'Europe/London' }), 201);
    const interview = await json<InterviewBody>(
      call('POST', '/api/v1/interviews', { openingId: opening.id, candidateId: candidate.id, title: 'Intro', durationMinutes: 30, panel: [member.id], start: '2026-12-08T10:00:00Z' }),
      201,
    );
    await json(server.app.request(`/api/v1/candidate/${tokenOf(interview.candidateLink)}/cancel`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reason: 'schedule_conflict' }) }));
    const messages = await server.ctx.store.outbox.list(other.organizationId, { interviewId: interview.id, limit: 50 });
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      const email = (message.payload as { email: { text: string; replyTo?: { address: string } } }).email;
      expect(email.replyTo?.address, message.kind).toMatch(/@/);
      // This organization has no contact and no recruiter: nothing may ask for a reply.
      expect(email.text).not.toMatch(/reply to this (email|message)/i);
    }
  });

  it('late-notice advice follows the policy and never says "call" without a number', async () => {
    const other = await server.newOrganization('Policy Co');
    const call = (method: string, path: string, body?: unknown) =>
      server.app.request(path, { method, headers: { authorization: `Bearer ${other.apiKey}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    await json(call('PATCH', '/api/v1/organization', { noticePolicy: { ampleHours: 72, adequateHours: 48 } }));
    const member = await json<{ id: string }>(call('POST', '/api/v1/members', { name: 'Ada', email: 'ada@policy.test', role: 'interviewer', timezone: 'UTC', workingHours: ALWAYS }), 201);
    const opening = await json<{ id: string }>(call('POST', '/api/v1/openings', { title: 'Analyst' }), 201);
    const candidate = await json<{ id: string }>(call('POST', '/api/v1/candidates', { name: 'Kim Park', email: 'kim@example.com', timezone: 'UTC' }), 201);
    // 27 hours before the start: late under a 72/48 policy.
    const interview = await json<InterviewBody>(
      call('POST', '/api/v1/interviews', { openingId: opening.id, candidateId: candidate.id, title: 'Intro', durationMinutes: 30, panel: [member.id], start: '2026-12-02T15:00:00Z' }),
      201,
    );
    const view = await json<{ notice: { class: string; advice: { channel: string; text: string; phone?: string } } }>(server.app.request(`/api/v1/candidate/${tokenOf(interview.candidateLink)}`));
    expect(view.notice.class).toBe('late');
    expect(view.notice.advice.text).toContain('27 hours away, less than the 48 hours');
    expect(view.notice.advice.text).not.toMatch(/a day|call/i);
    expect(view.notice.advice.channel).toBe('email');
  });

  it('reminders carry a leave-by time and a preparation line', async () => {
    const ids = await people();
    const interview = await book(ids, '2026-12-08T15:00:00Z', { location: '1 Market St, Floor 3' });
    // Written when they fall due, 48 and 24 hours before.
    for (const due of ['2026-12-06T15:00:05Z', '2026-12-07T15:00:05Z']) {
      server.setNow(due);
      await writeDueReminders(server.ctx);
    }
    server.setNow('2026-12-01T12:00:00Z');
    const reminders = (await mailOf(interview.id)).filter((m) => m.kind === 'reminder');
    expect(reminders).toHaveLength(2);
    for (const reminder of reminders) {
      expect(reminder.text).toContain('Leave by 3:15 PM to arrive with time to spare.');
      expect(reminder.text).toMatch(/To prepare: /);
      // Its link is the candidate's own and works.
      const link = /\/c\/(lw_cand_[A-Za-z0-9_-]+)/.exec(reminder.text)?.[1];
      expect((await server.app.request(`/api/v1/candidate/${link}`)).status).toBe(200);
    }
  });
});

describe('only legal changes, and none silent', () => {
  it('a candidate cannot cancel an invitation (they decline it); actions say so', async () => {
    const ids = await people();
    const interview = await invite(ids);
    const token = tokenOf(interview.candidateLink);
    const view = await json<{ actions: string[] }>(server.app.request(`/api/v1/candidate/${token}`));
    expect(view.actions).not.toContain('cancel');
    expect(view.actions).toContain('decline');
    const refused = await json<{ code: string }>(candidateCall(token, 'cancel', { reason: 'schedule_conflict' }), 409);
    expect(refused.code).toBe('INVALID_STATE');
    const after = await json<InterviewBody>(server.call('GET', `/api/v1/interviews/${interview.id}`));
    expect(after.status).toBe('invited');
  });

  it('rescheduling to the same start changes nothing and sends nothing', async () => {
    const ids = await people();
    const interview = await book(ids, '2026-12-08T15:00:00Z');
    const before = await mailOf(interview.id);
    const same = await json<InterviewBody>(server.call('POST', `/api/v1/interviews/${interview.id}/reschedule`, { start: '2026-12-08T15:00:00Z' }));
    expect(same.sequence).toBe(interview.sequence);
    await json(candidateCall(tokenOf(interview.candidateLink), 'reschedule', { start: '2026-12-08T15:00:00Z' }));
    expect(await newMail(interview.id, before)).toEqual([]);
  });

  it('one candidate is never in two overlapping interviews, whatever the panels', async () => {
    const ids = await people();
    await book(ids, '2026-12-08T15:00:00Z');
    const second = await people();
    const refused = await json<{ code: string }>(
      server.call('POST', '/api/v1/interviews', {
        openingId: ids.opening,
        candidateId: ids.candidate,
        title: 'Round 3',
        durationMinutes: 60,
        panel: [second.a],
        start: '2026-12-08T15:30:00Z',
      }),
      409,
    );
    expect(refused.code).toBe('CANDIDATE_BUSY');
  });

  it('an interviewer no-show brings the candidate an apology and new times; a candidate no-show a kind follow-up', async () => {
    const ids = await people();
    const first = await book(ids, '2026-12-08T15:00:00Z');
    const second = await book(ids, '2026-12-09T15:00:00Z');
    server.setNow('2026-12-09T16:30:00Z');
    try {
      await json(server.call('POST', `/api/v1/interviews/${first.id}/no-show`, { party: 'interviewer', memberId: ids.b }));
      await json(server.call('POST', `/api/v1/interviews/${second.id}/no-show`, { party: 'candidate' }));
    } finally {
      server.setNow('2026-12-01T12:00:00Z');
    }
    const apology = (await mailOf(first.id)).find((m) => m.kind === 'interviewer_no_show_apology')!;
    expect(apology.text).toMatch(/sorry that our interviewer did not join/);
    expect(apology.text).toMatch(/The panel is free at these times:\n  • /);
    expect(apology.text).toMatch(/Choose one here: http\S+\/c\/lw_cand_/);
    // The link in the apology leads to a fresh invitation with those times, not to the missed interview.
    const token = /\/c\/(lw_cand_[A-Za-z0-9_-]+)/.exec(apology.text)![1]!;
    const view = await json<{ interview: { status: string }; actions: string[]; offeredSlots: unknown[]; notice: unknown }>(server.app.request(`/api/v1/candidate/${token}`));
    expect(view.interview.status).toBe('invited');
    expect(view.actions).toContain('accept');
    expect(view.offeredSlots.length).toBeGreaterThan(0);
    const missed = await json<{ notice: unknown; actions: string[] }>(server.app.request(`/api/v1/candidate/${tokenOf(first.candidateLink)}`));
    expect(missed).toMatchObject({ notice: null, actions: ['concern'] });
    const followup = (await mailOf(second.id)).find((m) => m.kind === 'no_show_followup')!;
    expect(followup.text).toMatch(/hope everything is all right/);
  });

  it('offers go stale no more: a time another candidate took is neither shown nor accepted', async () => {
    const ids = await people();
    const invited = await invite(ids, { from: '2026-12-07T00:00:00Z', to: '2026-12-12T00:00:00Z', count: 3 });
    const taken = invited.offeredSlots[0]!.start;
    const rival = await json<{ id: string }>(server.call('POST', '/api/v1/candidates', { name: 'Riley Fox', email: `riley${counter}@example.com`, timezone: 'UTC' }), 201);
    await json(
      server.call('POST', '/api/v1/interviews', { openingId: ids.opening, candidateId: rival.id, title: 'Round 2 with CTO', durationMinutes: 60, panel: [ids.a, ids.b], start: taken }),
      201,
    );
    const token = tokenOf(invited.candidateLink);
    const view = await json<{ offeredSlots: Array<{ start: string }> }>(server.app.request(`/api/v1/candidate/${token}`));
    expect(view.offeredSlots.map((s) => s.start)).not.toContain(taken);
    expect(view.offeredSlots).toHaveLength(2);
    const refused = await json<{ code: string }>(candidateCall(token, 'accept', { start: taken }), 409);
    expect(refused.code).toBe('SLOT_TAKEN');
  });

  it('offers respect the candidate: reasonable hours in their zone, on the quarter hour, and hours they state', async () => {
    const ids = await people({ candidateZone: 'Asia/Tokyo', hours: ALWAYS });
    const invited = await invite(ids, { from: '2026-12-03T10:58:12Z', to: '2026-12-10T00:00:00Z', count: 5 });
    const local = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', weekday: 'short', hourCycle: 'h23' }).format(new Date(iso));
    for (const slot of invited.offeredSlots) {
      const [weekday, time] = local(slot.start).split(' ');
      expect(['Sat', 'Sun']).not.toContain(weekday);
      expect(time! >= '08:00' && time! <= '19:00', `${slot.start} is ${weekday} ${time} in Tokyo`).toBe(true);
      expect(new Date(slot.start).getTime() % (15 * 60_000)).toBe(0);
    }
    // The candidate states mornings only; the reschedule picker follows.
    const token = tokenOf(invited.candidateLink);
    const mornings = { mon: [['08:00', '11:00']], tue: [['08:00', '11:00']], wed: [['08:00', '11:00']], thu: [['08:00', '11:00']], fri: [['08:00', '11:00']], sat: [], sun: [] };
    const stated = await json<{ reasonableHours: { stated: boolean } }>(
      server.app.request(`/api/v1/candidate/${token}/hours`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hours: mornings }) }),
    );
    expect(stated.reasonableHours.stated).toBe(true);
    const picker = await json<{ times: Array<{ start: string }> }>(server.app.request(`/api/v1/candidate/${token}/times`));
    expect(picker.times.length).toBeGreaterThan(0);
    for (const time of picker.times) expect(local(time.start).split(' ')[1]! < '10:01').toBe(true);
  });

  it("the organization sets the default hours offers respect in each candidate's zone", async () => {
    const other = await server.newOrganization('Afternoon Co');
    const call = (method: string, path: string, body?: unknown) =>
      server.app.request(path, { method, headers: { authorization: `Bearer ${other.apiKey}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    const afternoons = { mon: [['13:00', '17:00']], tue: [['13:00', '17:00']], wed: [['13:00', '17:00']], thu: [['13:00', '17:00']], fri: [['13:00', '17:00']] };
    const updated = await json<{ candidateHours: Record<string, unknown> }>(call('PATCH', '/api/v1/organization', { candidateHours: afternoons }));
    expect(updated.candidateHours).toMatchObject({ ...afternoons, sat: [], sun: [] });
    const member = await json<{ id: string }>(call('POST', '/api/v1/members', { name: 'Ada', email: 'ada@afternoon.test', role: 'interviewer', timezone: 'UTC', workingHours: ALWAYS }), 201);
    const opening = await json<{ id: string }>(call('POST', '/api/v1/openings', { title: 'Analyst' }), 201);
    const candidate = await json<{ id: string }>(call('POST', '/api/v1/candidates', { name: 'Kim Park', email: 'kim@example.com', timezone: 'America/Los_Angeles' }), 201);
    const invited = await json<InterviewBody>(
      call('POST', '/api/v1/interviews', { openingId: opening.id, candidateId: candidate.id, title: 'Intro', durationMinutes: 60, panel: [member.id], offer: { count: 5 } }),
      201,
    );
    expect(invited.offeredSlots.length).toBeGreaterThan(0);
    for (const slot of invited.offeredSlots) {
      const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/Los_Angeles', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(slot.start));
      expect(time >= '13:00' && time <= '16:00', `${slot.start} is ${time} in Los Angeles`).toBe(true);
    }
    const refused = await json<{ errors: Array<{ path: string }> }>(call('PATCH', '/api/v1/organization', { candidateHours: { mon: [['17:00', '09:00']] } }), 400);
    expect(refused.errors[0]!.path).toMatch(/^candidateHours/);
  });

  it('asking twice for other times never offers the times just turned down', async () => {
    const ids = await people({ hours: ALWAYS });
    const invited = await invite(ids, { count: 3 });
    const token = tokenOf(invited.candidateLink);
    const first = await json<{ offeredSlots: Array<{ start: string }> }>(candidateCall(token, 'reschedule', { requestNewTimes: true }));
    const second = await json<{ offeredSlots: Array<{ start: string }> }>(candidateCall(token, 'reschedule', { requestNewTimes: true }));
    const before = new Set([...invited.offeredSlots, ...first.offeredSlots].map((s) => s.start));
    expect(first.offeredSlots.some((s) => invited.offeredSlots.some((o) => o.start === s.start))).toBe(false);
    expect(second.offeredSlots.filter((s) => first.offeredSlots.some((o) => o.start === s.start))).toEqual([]);
    expect(before.size).toBeGreaterThan(3);
  });

  it('an employer cancellation brings an apology and new times, unless the opening is over', async () => {
    const ids = await people();
    const interview = await book(ids, '2026-12-08T15:00:00Z');
    const before = await mailOf(interview.id);
    await json(server.call('POST', `/api/v1/interviews/${interview.id}/cancel`, { reason: 'interviewer_unavailable' }));
    const mail = (await newMail(interview.id, before)).find((m) => m.kind === 'employer_cancellation')!;
    expect(mail.text).toContain('This is because one of the interviewers is no longer available.');
    expect(mail.text).toMatch(/The panel is free at these times:\n  • /);
    expect(mail.text).toMatch(/Choose one here: http\S+\/c\/lw_cand_/);
    const other = await book(ids, '2026-12-09T15:00:00Z');
    const seen = await mailOf(other.id);
    await json(server.call('POST', `/api/v1/interviews/${other.id}/cancel`, { reason: 'position_filled' }));
    const filled = (await newMail(other.id, seen)).find((m) => m.kind === 'employer_cancellation')!;
    expect(filled.text).not.toMatch(/free at these times/);
  });

  it("a candidate's note when asking for other times reaches the recruiter", async () => {
    const ids = await people();
    const interview = await book(ids, '2026-12-08T15:00:00Z');
    const before = await mailOf(interview.id);
    await json(candidateCall(tokenOf(interview.candidateLink), 'reschedule', { requestNewTimes: true, note: 'Mornings I have school pickup.' }));
    const recruiter = (await newMail(interview.id, before)).find((m) => m.to === 'recruiting@acme.test')!;
    expect(recruiter.text).toContain('Mornings I have school pickup.');
  });

  it('books and moves nothing for an opening that has been filled, even before its cascade reaches an interview', async () => {
    const ids = await people();
    const invited = await invite(ids);
    const booked = await book(ids, '2026-12-08T15:00:00Z');
    await server.ctx.store.openings.setStatus(server.organizationId, ids.opening, 'filled');
    const pick = await json<{ code: string }>(candidateCall(tokenOf(invited.candidateLink), 'accept', { start: invited.offeredSlots[0]!.start }), 409);
    expect(pick.code).toBe('OPENING_NOT_OPEN');
    const move = await json<{ code: string }>(server.call('POST', `/api/v1/interviews/${booked.id}/reschedule`, { start: '2026-12-09T15:00:00Z' }), 409);
    expect(move.code).toBe('OPENING_NOT_OPEN');
  });

  it('an offer window that ends too soon names offer.to and says why', async () => {
    const ids = await people();
    const problem = await json<{ errors: Array<{ path: string; message: string }> }>(
      server.call('POST', '/api/v1/interviews', {
        openingId: ids.opening,
        candidateId: ids.candidate,
        title: 'Intro',
        durationMinutes: 30,
        panel: [ids.a],
        offer: { from: '2026-12-01T13:00:00Z', to: '2026-12-01T20:00:00Z' },
      }),
      400,
    );
    expect(problem.errors).toEqual([{ path: 'offer.to', message: expect.stringMatching(/24 hours ahead/) }]);
  });
});
