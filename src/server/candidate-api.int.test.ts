import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner } from '../app/jobs/job-runner.ts';
import { defaultJobRegistry } from '../app/jobs/registry.ts';
import { CANDIDATE_REASONS } from '../core/reasons.ts';
import { testEngines } from '../store/testing/engines.ts';
import { NINE_TO_FIVE, startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';
import { messagesAsSent } from '../store/testing/messages-as-sent.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function json(response: Response | Promise<Response>, status = 200): Promise<Json> {
  const res = await response;
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as Json;
}

const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);

describe.each(testEngines())('the candidate API behind the link on $name', (engine) => {
  let server: TestServer;
  let ids: { grace: string; alan: string; opening: string; candidate: string };
  const api = (token: string, path = '') => `/api/v1/candidate/${token}${path}`;
  const get = (path: string) => server.app.request(path);
  const post = (path: string, body: unknown) => server.app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    server = await startTestServer({ now: '2026-10-20T12:00:00Z', opened: await engine.open() });
    await server.call('PATCH', '/api/v1/organization', { contactPhone: '+1 555 0100', contactEmail: 'recruiting@acme.test' });
    const member = (name: string) =>
      json(server.call('POST', '/api/v1/members', { name, email: `${name.split(' ')[0]!.toLowerCase()}@acme.test`, role: 'interviewer', timezone: 'America/New_York', workingHours: NINE_TO_FIVE }), 201);
    const grace = await member('Grace Hopper');
    const alan = await member('Alan Turing');
    const opening = await json(server.call('POST', '/api/v1/openings', { title: 'Data Analyst' }), 201);
    const candidate = await json(server.call('POST', '/api/v1/candidates', { name: 'Jo Bloggs', email: 'jo@example.com', timezone: 'Europe/London' }), 201);
    ids = { grace: grace.id, alan: alan.id, opening: opening.id, candidate: candidate.id };
  }, 180_000);
  afterAll(async () => {
    await server?.close();
  });

  async function book(start: string, extra: Record<string, unknown> = {}) {
    const created = await json(
      server.call('POST', '/api/v1/interviews', { openingId: ids.opening, candidateId: ids.candidate, title: 'Panel interview', durationMinutes: 60, panel: [ids.grace, ids.alan], start, ...extra }),
      201,
    );
    return { id: created.id as string, token: tokenOf(created.candidateLink as string) };
  }

  it('shows the panel by name, the format, both clock changes before the interview, the notice meter and the vocabulary', async () => {
    server.setNow('2026-10-20T12:00:00Z');
    // Monday 2 November, 10:00 in New York: London changes on 25 October, New York on 1 November.
    const { token } = await book('2026-11-02T15:00:00Z', { videoUrl: 'https://meet.example/abc' });
    const view = await json(get(api(token)));
    expect(view.interview.panel).toEqual([{ name: 'Grace Hopper' }, { name: 'Alan Turing' }]);
    expect(JSON.stringify(view.interview.panel)).not.toContain('@');
    expect(view.interview.format).toBe('video');
    expect(view.interview.startLocal).toBe('2026-11-02T15:00:00+00:00');
    expect(view.interview.startOrganizationLocal).toBe('2026-11-02T10:00:00-05:00');
    expect(view.clockChanges).toEqual([
      { zone: 'Europe/London', at: '2026-10-25T01:00:00.000Z', offsetBefore: '+01:00', offsetAfter: '+00:00' },
      { zone: 'America/New_York', at: '2026-11-01T06:00:00.000Z', offsetBefore: '-04:00', offsetAfter: '-05:00' },
    ]);
    expect(view.noticeScale.policy).toEqual({ ampleHours: 48, adequateHours: 24 });
    expect(view.noticeScale.bands.map((b: Json) => b.class)).toEqual(['ample', 'adequate', 'late', 'missed']);
    expect(view.notice.class).toBe('ample');
    expect(view.vocabulary.reasons.map((r: Json) => r.value)).toEqual(CANDIDATE_REASONS);
    expect(view.vocabulary.concerns.map((c: Json) => c.value)).toContain('inappropriate_questions');
    expect(view.callFirst).toBeUndefined();

    // A week later both changes are behind: no warning.
    server.setNow('2026-11-01T12:00:00Z');
    expect((await json(get(api(token)))).clockChanges).toEqual([]);
  });

  it('offers the nearest free times first, with labels in the candidate zone', async () => {
    server.setNow('2026-11-20T12:00:00Z');
    const { token } = await book('2026-11-27T15:00:00Z');
    const nearest = (await json(get(api(token, '/times?order=nearest&count=3')))).times as Json[];
    const spread = (await json(get(api(token, '/times')))).times as Json[];
    expect(nearest).toHaveLength(3);
    const starts = nearest.map((t) => Date.parse(t.start));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(starts[0]).toBeLessThanOrEqual(Date.parse(spread[0]!.start));
    expect(starts[2]).toBeLessThan(Date.parse(spread.at(-1)!.start));
    expect(nearest[0]!.label).toMatch(/GMT|UTC/);
    expect((await server.app.request(api(token, '/times?order=sideways'))).status).toBe(400);
  });

  it('asks for a call first at short notice, drafts and reviews the message, and says who was told', async () => {
    server.setNow('2026-12-01T12:00:00Z');
    const { id, token } = await book('2026-12-02T15:00:00Z', { location: '1 Main St, New York' });
    server.setNow('2026-12-02T09:00:00Z');
    const view = await json(get(api(token)));
    expect(view.interview.format).toBe('in_person');
    expect(view.notice.class).toBe('late');
    expect(view.callFirst).toMatchObject({ phone: '+15550100', tel: 'tel:+15550100' });
    expect(view.callFirst.script.length).toBeGreaterThanOrEqual(3);
    expect(view.noticeScale.bands.find((b: Json) => b.class === 'late').meaning).toContain('call the coordinator');

    const draft = await json(post(api(token, '/compose'), { action: 'cancel', reason: 'transportation' }));
    expect(draft.channel).toBe('phone');
    expect(draft.notice).toBe('late');
    expect(draft.phoneScript.length).toBeGreaterThan(0);
    expect(draft.subject).toContain('Data Analyst');
    expect(draft.body).toContain('Acme');
    expect(draft.body).toContain('transportation');
    expect(draft.elements).toContain('gratitude');

    // The candidate's own reasons only; a decline of a booked interview is not possible.
    expect((await post(api(token, '/compose'), { action: 'cancel', reason: 'position_filled' })).status).toBe(400);
    expect((await json(post(api(token, '/compose'), { action: 'decline' }), 409)).code).toBe('INVALID_STATE');
    expect((await post(api(token, '/review'), { action: 'cancel', text: 'x'.repeat(20_001) })).status).toBe(400);

    const text = 'I have to cancel because my doctor says my blood pressure test results came back bad. My last boss was an idiot.';
    const review = await json(post(api(token, '/review'), { action: 'cancel', text }));
    const codes = review.findings.map((f: Json) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['call_instead', 'missing_gratitude']));
    for (const finding of review.findings as Json[]) {
      if (finding.start !== undefined) expect(finding.end).toBeGreaterThan(finding.start);
    }
    const called = await json(post(api(token, '/review'), { action: 'cancel', text, calledAhead: true }));
    expect(called.findings.map((f: Json) => f.code)).not.toContain('call_instead');

    const cancelled = await json(post(api(token, '/cancel'), { reason: 'transportation', message: draft.body, calledAhead: true }));
    expect(cancelled.interview.status).toBe('cancelled');
    expect(cancelled.phoneScript.length).toBeGreaterThan(0);
    expect(cancelled.outcome.recipients).toEqual([
      { audience: 'candidate', kind: 'cancellation_confirmation', count: 1, emails: 1, names: ['Jo Bloggs'], calendar: 'CANCEL' },
      { audience: 'coordinator', kind: 'coordinator_cancellation', count: 1, emails: 1, names: ['Acme recruiting'], calendar: null },
      { audience: 'panelist', kind: 'panel_cancellation', count: 2, emails: 2, names: ['Grace Hopper', 'Alan Turing'], calendar: 'CANCEL' },
    ]);
    expect(cancelled.outcome.text).toBe(
      'You get an email and a calendar cancellation. The recruiting team gets an email. The 2 interviewers get an email each and a calendar cancellation.',
    );
    // What the candidate is told is what the outbox holds.
    const messages = (await json(server.call('GET', `/api/v1/messages?interviewId=${id}`))).messages as Json[];
    const cancellation = messages.filter((m) => ['cancellation_confirmation', 'coordinator_cancellation', 'panel_cancellation'].includes(m.kind));
    expect(cancellation).toHaveLength(4);
    expect(cancellation.filter((m) => m.icsMethod === 'CANCEL')).toHaveLength(3);
    // Nothing left to draft for.
    expect((await post(api(token, '/compose'), { action: 'cancel' })).status).toBe(409);
  });

  it('drafts a reschedule proposing free times, and a decline of an invitation that names no time', async () => {
    server.setNow('2026-12-01T12:00:00Z');
    const { token } = await book('2026-12-09T15:00:00Z');
    const draft = await json(post(api(token, '/compose'), { action: 'reschedule', reason: 'schedule_conflict' }));
    expect(draft.notice).toBe('ample');
    expect(draft.channel).toBe('email');
    expect(draft.elements).toContain('alternative');
    expect((await post(api(token, '/compose'), { action: 'reschedule', reason: 'accepted_offer' })).status).toBe(400);

    const invited = await json(
      server.call('POST', '/api/v1/interviews', { openingId: ids.opening, candidateId: ids.candidate, title: 'Screen', durationMinutes: 30, panel: [ids.grace], offer: { count: 2 } }),
      201,
    );
    const invitedToken = tokenOf(invited.candidateLink);
    // Declining before any time is picked: a draft with the reason and the referral, naming no time,
    // and no withdrawal or cancellation can be drafted for it.
    const declineDraft = await json(
      post(api(invitedToken, '/compose'), { action: 'decline', reason: 'not_a_fit', keepInTouch: true, referral: { name: 'Sam Ortiz', email: 'sam@example.com' } }),
    );
    expect(declineDraft.body).toContain('decline');
    expect(declineDraft.body).toContain('Sam Ortiz');
    expect(declineDraft.body).not.toMatch(/frees the interview|\b(AM|PM)\b/);
    expect(declineDraft.elements).toEqual(expect.arrayContaining(['gratitude', 'reason']));
    expect((await json(post(api(invitedToken, '/compose'), { action: 'withdraw' }), 409)).code).toBe('INVALID_STATE');
    const declined = await json(post(api(invitedToken, '/decline'), { reason: 'not_a_fit', keepInTouch: true }));
    expect(declined.outcome.recipients.map((g: Json) => [g.audience, g.calendar])).toEqual([
      ['candidate', null],
      ['coordinator', null],
    ]);
    expect(declined.outcome.text).not.toContain('calendar');
  });

  it('moves instead of cancelling in one call, and says the panel gets the new invitation', async () => {
    server.setNow('2026-12-01T12:00:00Z');
    const { token } = await book('2026-12-14T15:00:00Z');
    const [first] = (await json(get(api(token, '/times?order=nearest&count=1')))).times as Json[];
    // A reason after which there is nothing to move is refused, and nothing moves.
    const contradicting = await post(api(token, '/reschedule'), { start: first!.start, reason: 'accepted_offer' });
    expect(contradicting.status).toBe(400);
    expect(await contradicting.json()).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'reason', message: expect.stringContaining('schedule_conflict') }] });
    expect((await json(get(api(token, '')))).interview.start).toBe('2026-12-14T15:00:00.000Z');
    const moved = await json(post(api(token, '/reschedule'), { start: first!.start, reason: 'schedule_conflict' }));
    expect(moved.interview.start).toBe(new Date(first!.start).toISOString());
    expect(moved.outcome.recipients.map((g: Json) => [g.audience, g.kind, g.calendar])).toEqual([
      ['candidate', 'moved_by_candidate', 'REQUEST'],
      ['panelist', 'panel_moved', 'REQUEST'],
    ]);
    expect(moved.outcome.text).toContain('The 2 interviewers get an email each and a calendar invitation.');
  });

  it('shows a waitlist offer with its expiry and the time in the candidate zone, passes it on from the page, and claims it as JSON', async () => {
    server.setNow('2026-12-01T12:00:00Z');
    // An opening of its own: time freed in the other tests is not offered here.
    const opening = await json(server.call('POST', '/api/v1/openings', { title: 'Platform Engineer' }), 201);
    const { id } = await book('2026-12-16T15:00:00Z', { openingId: opening.id });
    for (const [name, email] of [['Pat Pass', 'pat@example.com'], ['Wen Wait', 'wen@example.com']] as const) {
      const waiting = await json(server.call('POST', '/api/v1/candidates', { name, email, timezone: 'Europe/Berlin' }), 201);
      await json(server.call('POST', `/api/v1/openings/${opening.id}/waitlist`, { candidateId: waiting.id, panel: [ids.grace, ids.alan], durationMinutes: 60 }), 201);
      server.setNow(new Date(Date.parse('2026-12-01T12:00:00Z') + 60_000));
    }
    await json(server.call('POST', `/api/v1/interviews/${id}/cancel`, { reason: 'scheduling_error' }));
    const offerTo = async (address: string) => {
      const sent = await messagesAsSent(server.ctx, server.organizationId, { kind: 'waitlist_offer' });
      for (const email of sent.filter((m) => m.recipient === address)) {
        const token = /\/c\/(lw_offer_[A-Za-z0-9_-]+)/.exec((email.payload as { email: { text: string } }).email.text)![1]!;
        if ((await json(get(api(token)))).offer.start === '2026-12-16T15:00:00.000Z') return token;
      }
      throw new Error(`No offer of the freed time to ${address}`);
    };

    // Pat passes it on from the plain page: 303 back to the offer's page, which now says so.
    const pat = await offerTo('pat@example.com');
    const passed = await server.app.request(`/c/${pat}/decline-offer`, { method: 'POST' });
    expect(passed.status).toBe(303);
    expect(passed.headers.get('location')).toBe(`/c/${pat}`);
    expect(await (await server.app.request(`/c/${pat}`)).text()).toContain('You passed this time on');
    expect((await json(get(api(pat)))).offer.state).toBe('declined');
    await createJobRunner({ ctx: server.ctx, registry: defaultJobRegistry() }).runOnce();

    const wen = await offerTo('wen@example.com');
    const view = await json(get(api(wen)));
    expect(view.offer).toMatchObject({ state: 'open', start: '2026-12-16T15:00:00.000Z', candidateTimezone: 'Europe/Berlin', actions: ['claim', 'decline-offer'] });
    expect(Date.parse(view.offer.expiresAt)).toBeGreaterThan(Date.parse('2026-12-01T12:00:00Z'));
    expect(view.offer.startLocal).toContain('4:00 PM');
    const claimed = await json(server.app.request(api(wen, '/claim'), { method: 'POST' }), 201);
    expect(claimed.status).toBe('scheduled');
    // The claim says who was told, from the emails it wrote: the candidate and the panel get invitations.
    const written = await server.ctx.store.outbox.page(server.organizationId, { interviewId: claimed.id, after: null, limit: 50 });
    const groups = claimed.outcome.recipients as Json[];
    // (Reminders are written too, for later; they are not the booking's news.)
    const sentNow = written.messages.filter((m) => m.kind !== 'reminder');
    expect(groups.reduce((sum: number, g: Json) => sum + g.emails, 0)).toBe(sentNow.length);
    expect(groups.find((g: Json) => g.audience === 'candidate')).toMatchObject({ calendar: 'REQUEST', emails: 1 });
    expect(groups.find((g: Json) => g.audience === 'panelist')).toMatchObject({ calendar: 'REQUEST' });
    expect(claimed.outcome.text).toMatch(/^You get an email and a calendar invitation/);
    const claimedView = await json(get(api(tokenOf(claimed.candidateLink))));
    expect(claimedView.interview.start).toBe('2026-12-16T15:00:00.000Z');
  });
});
