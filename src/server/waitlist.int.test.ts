import { writeDueReminders } from '../app/interviews/write-due-reminders.ts';
import { describe, expect, it } from 'vitest';
import { createJobRunner } from '../app/jobs/job-runner.ts';
import { defaultJobRegistry } from '../app/jobs/registry.ts';
import { closeWaitlistForOpening } from '../app/waitlist/close-waitlist.ts';
import { testEngines } from '../store/testing/engines.ts';
import { NINE_TO_FIVE, startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';
import { messagesAsSent } from '../store/testing/messages-as-sent.ts';

type Json = Record<string, unknown> & { id: string };

async function json(response: Response | Promise<Response>): Promise<Json> {
  return (await response).json() as Promise<Json>;
}

/** Two panelists, an opening, and one scheduled interview on Thursday 10 December 10:00–11:00 UTC. */
async function setUp(server: TestServer) {
  const a = await json(server.call('POST', '/api/v1/members', { name: 'Ada A', email: 'a@acme.test', role: 'interviewer', timezone: 'UTC', workingHours: NINE_TO_FIVE }));
  const b = await json(server.call('POST', '/api/v1/members', { name: 'Bo B', email: 'b@acme.test', role: 'interviewer', timezone: 'UTC', workingHours: NINE_TO_FIVE }));
  const opening = await json(server.call('POST', '/api/v1/openings', { title: 'Platform Engineer' }));
  const holder = await json(server.call('POST', '/api/v1/candidates', { name: 'Holder One', email: 'holder@example.com', timezone: 'UTC' }));
  const interview = await json(
    server.call('POST', '/api/v1/interviews', { openingId: opening.id, candidateId: holder.id, title: 'Panel', durationMinutes: 60, panel: [a.id, b.id], start: '2026-12-10T10:00:00Z' }),
  );
  expect(interview.status).toBe('scheduled');
  return { a, b, opening, interview };
}

let joined = 0;

async function waiter(server: TestServer, openingId: string, panel: string[], name: string, extra: { timezone?: string; earliest?: string; latest?: string } = {}) {
  // Each joins a minute after the one before, so the order is the order of joining.
  joined += 1;
  server.setNow(new Date(Date.parse('2026-12-01T11:00:00Z') + joined * 60_000));
  const candidate = await json(server.call('POST', '/api/v1/candidates', { name, email: `${name.split(' ')[0]!.toLowerCase()}@example.com`, timezone: extra.timezone ?? 'UTC' }));
  const response = await server.call('POST', `/api/v1/openings/${openingId}/waitlist`, {
    candidateId: candidate.id,
    panel,
    durationMinutes: 60,
    ...(extra.earliest ? { earliest: extra.earliest } : {}),
    ...(extra.latest ? { latest: extra.latest } : {}),
  });
  expect(response.status).toBe(201);
  return { candidate, entry: await json(response) };
}

/** The offer tokens sent so far, by recipient address. */
async function offerTokens(server: TestServer): Promise<Map<string, string[]>> {
  const sent = await messagesAsSent(server.ctx, server.organizationId, { kind: 'waitlist_offer' });
  const tokens = new Map<string, string[]>();
  for (const message of sent) {
    const text = (message.payload as { email: { text: string } }).email.text;
    const token = /\/c\/(lw_offer_[A-Za-z0-9_-]+)/.exec(text)![1]!;
    tokens.set(message.recipient, [...(tokens.get(message.recipient) ?? []), token]);
  }
  return tokens;
}

function runner(server: TestServer) {
  return createJobRunner({ ctx: server.ctx, registry: defaultJobRegistry() });
}

const post = (server: TestServer, path: string, headers: Record<string, string> = {}) => server.app.request(path, { method: 'POST', headers });

describe('waitlist and backfill over HTTP', () => {
  it('offers freed time to the first matching entry, passes it on when declined or expired, and books the claim', async () => {
    const server = await startTestServer({ now: '2026-12-01T12:00:00Z' });
    try {
      const { a, b, opening, interview } = await setUp(server);
      const panel = [a.id, b.id];
      await waiter(server, opening.id, panel, 'Wendy First');
      await waiter(server, opening.id, panel, 'Nina Window', { latest: '2026-12-05T00:00:00Z' }); // window ends before
      await waiter(server, opening.id, panel, 'Kiri Late', { timezone: 'Pacific/Auckland' }); // 23:00 for her
      await waiter(server, opening.id, panel, 'Sam Second');
      await waiter(server, opening.id, panel, 'Theo Third');
      const listed = await json(server.call('GET', `/api/v1/openings/${opening.id}/waitlist?limit=2`));
      expect((listed.entries as unknown[]).length).toBe(2);
      expect(listed.nextCursor).toEqual(expect.any(String));

      server.setNow('2026-12-01T12:00:00Z');
    const cancelled = await server.call('POST', `/api/v1/interviews/${interview.id}/cancel`, { reason: 'interviewer_unavailable' });
      expect(cancelled.status).toBe(200);
      let tokens = await offerTokens(server);
      expect([...tokens.keys()]).toEqual(['wendy@example.com']);
      const offerEmail = (await messagesAsSent(server.ctx, server.organizationId, { kind: 'waitlist_offer' }))[0]!;
      const sent = (offerEmail.payload as { email: { replyTo?: { address: string }; text: string } }).email;
      expect(sent.replyTo).toBeDefined();
      expect(sent.text).toContain('Thursday, December 10 at 10:00 AM UTC');

      const wendy = tokens.get('wendy@example.com')![0]!;
      const view = await json(server.app.request(`/api/v1/candidate/${wendy}`));
      expect(view.offer).toMatchObject({ state: 'open', start: '2026-12-10T10:00:00.000Z', actions: ['claim', 'decline-offer'] });

      // Wendy passes it on: the background offers it to the next who fits (Sam), not Nina or Kiri.
      expect((await post(server, `/api/v1/candidate/${wendy}/decline-offer`)).status).toBe(200);
      expect(await runner(server).runOnce()).toMatchObject({ done: 1 });
      tokens = await offerTokens(server);
      expect([...tokens.keys()].sort()).toEqual(['sam@example.com', 'wendy@example.com']);

      // Sam lets it expire: it goes to Theo.
      server.setNow('2026-12-01T14:01:00Z');
      // Wendy's offer's expiry finds it declined and does nothing; Sam's expires and passes on.
      expect(await runner(server).runOnce()).toMatchObject({ claimed: 2, done: 2 });
      tokens = await offerTokens(server);
      expect([...tokens.keys()].sort()).toEqual(['sam@example.com', 'theo@example.com', 'wendy@example.com']);
      const sam = tokens.get('sam@example.com')![0]!;
      const late = await post(server, `/api/v1/candidate/${sam}/claim`);
      expect(late.status).toBe(409);
      expect(((await late.json()) as { code: string }).code).toBe('OFFER_EXPIRED');

      server.setNow('2026-12-01T14:30:00Z');
      const theo = tokens.get('theo@example.com')![0]!;
      const claimed = await post(server, `/api/v1/candidate/${theo}/claim`, { 'idempotency-key': 'theo-claim' });
      expect(claimed.status).toBe(201);
      const booked = (await claimed.json()) as Json;
      // A retried claim with its key is answered as the first was; without one it is refused as taken.
      const replay = await post(server, `/api/v1/candidate/${theo}/claim`, { 'idempotency-key': 'theo-claim' });
      expect(replay.status).toBe(201);
      expect(((await replay.json()) as Json).id).toBe(booked.id);
      expect((await post(server, `/api/v1/candidate/${theo}/claim`)).status).toBe(409);
      expect(booked).toMatchObject({ status: 'scheduled', start: '2026-12-10T10:00:00.000Z', candidateLink: expect.stringContaining('/c/lw_cand_') });
      const full = await json(server.call('GET', `/api/v1/interviews/${booked.id}`));
      const history = full.history as Array<{ action: string; details: Record<string, unknown> | null }>;
      expect(history.map((h) => h.action)).toContain('filled_from_waitlist');
      expect(history.find((h) => h.action === 'filled_from_waitlist')!.details).toEqual({ freedSlotId: expect.any(String), entryId: expect.any(String) });
      // The feed shows the claim once, as the booking it is; the interview's own history keeps both lines.
      expect(history.map((h) => h.action)).toContain('accepted');
      const feed = await json(server.call('GET', `/api/v1/changes?limit=200`));
      expect((feed.changes as Array<{ interview: { id: string }; action: string }>).filter((c) => c.interview.id === booked.id).map((c) => c.action)).toEqual(['accepted']);
      const [slot] = await server.ctx.store.waitlist.listFreedSlots(server.organizationId);
      expect(slot).toMatchObject({ status: 'filled', freedAt: new Date('2026-12-01T12:00:00Z'), filledAt: new Date('2026-12-01T14:30:00Z') });
      const offers = await server.ctx.store.waitlist.offersOfSlot(server.organizationId, slot!.id);
      expect(offers.map((o) => o.status).sort()).toEqual(['claimed', 'declined', 'expired']);
      const confirmations = await messagesAsSent(server.ctx, server.organizationId, { kind: 'confirmation', to: 'theo@example.com' });
      expect(confirmations).toHaveLength(1);
      const entries = await json(server.call('GET', `/api/v1/openings/${opening.id}/waitlist`));
      expect((entries.entries as Array<{ status: string; interviewId: string | null }>).find((e) => e.interviewId === booked.id)?.status).toBe('filled');
    } finally {
      await server.close();
    }
  });

  it('serves the offer as a page behind its link, whose claim leads to the page of the new interview', async () => {
    const server = await startTestServer({ now: '2026-12-01T12:00:00Z' });
    try {
      const { a, b, opening, interview } = await setUp(server);
      await waiter(server, opening.id, [a.id, b.id], 'Wendy First');
      server.setNow('2026-12-01T12:00:00Z');
      await server.call('POST', `/api/v1/interviews/${interview.id}/cancel`, { reason: 'interviewer_unavailable' });
      const token = (await offerTokens(server)).get('wendy@example.com')![0]!;
      const shown = await server.app.request(`/c/${token}`);
      expect(shown.status).toBe(200);
      expect(shown.headers.get('referrer-policy')).toBe('no-referrer');
      const html = await shown.text();
      expect(html).toContain('Thursday, December 10 at 10:00 AM UTC');
      expect(html).toContain(`action="/c/${token}/claim"`);
      const claimed = await server.app.request(`/c/${token}/claim`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
      expect(claimed.status).toBe(303);
      expect(claimed.headers.get('location')).toMatch(/^\/c\/lw_cand_/);
      expect((await server.app.request(claimed.headers.get('location')!)).status).toBe(200);
      expect(await (await server.app.request(`/c/${token}`)).text()).toContain('your interview is booked');
      // Once the claimed interview is cancelled, the offer's link says so instead of "booked".
      const candidateToken = claimed.headers.get('location')!.slice('/c/'.length);
      const booked = await json(server.app.request(`/api/v1/candidate/${candidateToken}`));
      expect((await json(server.app.request(`/api/v1/candidate/${token}`))).offer).toMatchObject({ state: 'claimed', interviewStatus: 'scheduled' });
      await json(server.call('POST', `/api/v1/interviews/${(booked.interview as Json).id}/cancel`, { reason: 'scheduling_error' }));
      expect((await json(server.app.request(`/api/v1/candidate/${token}`))).offer).toMatchObject({ state: 'claimed', interviewStatus: 'cancelled' });
      const after = await (await server.app.request(`/c/${token}`)).text();
      expect(after).toContain('that interview has since been cancelled');
      expect(after).not.toContain('is booked');
      expect((await server.app.request('/c/lw_offer_nothing-here')).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('refuses an entry whose window has already ended', async () => {
    const server = await startTestServer({ now: '2026-12-01T12:00:00Z' });
    try {
      const { a, opening } = await setUp(server);
      const candidate = await json(server.call('POST', '/api/v1/candidates', { name: 'Past Window', email: 'past@example.com', timezone: 'UTC' }));
      const response = await server.call('POST', `/api/v1/openings/${opening.id}/waitlist`, {
        candidateId: candidate.id,
        panel: [a.id],
        durationMinutes: 60,
        earliest: '2026-11-20T09:00:00Z',
        latest: '2026-11-21T09:00:00Z',
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).toEqual(['latest']);
    } finally {
      await server.close();
    }
  });

  it('keeps each organization to its own waitlist', async () => {
    const server = await startTestServer({ now: '2026-12-01T12:00:00Z' });
    try {
      const { a, opening } = await setUp(server);
      const { entry } = await waiter(server, opening.id, [a.id], 'Wendy First');
      const other = await server.newOrganization('Other');
      const as = { authorization: `Bearer ${other.apiKey}` };
      expect((await server.app.request(`/api/v1/openings/${opening.id}/waitlist`, { headers: as })).status).toBe(404);
      expect((await server.app.request(`/api/v1/openings/${opening.id}/waitlist/${entry.id}`, { method: 'DELETE', headers: as })).status).toBe(404);
      expect((await server.call('DELETE', `/api/v1/openings/${opening.id}/waitlist/${entry.id}`)).status).toBe(204);
      expect((await server.call('DELETE', `/api/v1/openings/${opening.id}/waitlist/${entry.id}`)).status).toBe(409);
    } finally {
      await server.close();
    }
  });

  it('closes the waitlist with a kind note when the opening ends, and withdraws standing offers', async () => {
    const server = await startTestServer({ now: '2026-12-01T12:00:00Z' });
    try {
      const { a, b, opening, interview } = await setUp(server);
      await waiter(server, opening.id, [a.id, b.id], 'Wendy First');
      await waiter(server, opening.id, [a.id, b.id], 'Sam Second');
      server.setNow('2026-12-01T12:00:00Z');
      await server.call('POST', `/api/v1/interviews/${interview.id}/cancel`, { reason: 'interviewer_unavailable' });
      const closed = await server.ctx.store.transaction((store) =>
        closeWaitlistForOpening(server.ctx, store, { organizationId: server.organizationId, openingId: opening.id, how: 'filled', at: server.ctx.clock() }),
      );
      expect(closed).toBe(2);
      const notes = await messagesAsSent(server.ctx, server.organizationId, { kind: 'waitlist_closed' });
      expect(notes.map((n) => n.recipient).sort()).toEqual(['sam@example.com', 'wendy@example.com']);
      expect((notes[0]!.payload as { email: { text: string } }).email.text).not.toMatch(/not (been )?selected/i);
      const token = (await offerTokens(server)).get('wendy@example.com')![0]!;
      const claim = await post(server, `/api/v1/candidate/${token}/claim`);
      expect(claim.status).toBe(409);
      expect(((await json(server.app.request(`/api/v1/candidate/${token}`))).offer as { state: string; actions: string[] })).toMatchObject({ state: 'ended', actions: [] });
    } finally {
      await server.close();
    }
  });
});

describe.each(testEngines())('concurrent claims of one freed slot on $name', (engine) => {
  it('gives the time to exactly one of five candidates claiming at the same instant', async () => {
    const server = await startTestServer({ now: '2026-12-01T12:00:00Z', opened: await engine.open() });
    try {
      expect((await server.call('PATCH', '/api/v1/organization', { offerFanout: 5 })).status).toBe(200);
      const { a, b, opening, interview } = await setUp(server);
      for (const name of ['Ann One', 'Ben Two', 'Cy Three', 'Di Four', 'Ed Five']) await waiter(server, opening.id, [a.id, b.id], name);
      server.setNow('2026-12-01T12:00:00Z');
      await server.call('POST', `/api/v1/interviews/${interview.id}/cancel`, { reason: 'interviewer_unavailable' });
      const tokens = [...(await offerTokens(server)).values()].flat();
      expect(tokens).toHaveLength(5);
      const responses = await Promise.all(tokens.map((token) => post(server, `/api/v1/candidate/${token}/claim`)));
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(4);
      for (const response of responses.filter((r) => r.status === 409)) {
        expect(((await response.json()) as { code: string }).code).toBe('OFFER_TAKEN');
      }
      const listed = await json(server.call('GET', '/api/v1/interviews?status=scheduled&from=2026-12-10T00:00:00Z&to=2026-12-11T00:00:00Z'));
      expect((listed.interviews as unknown[]).length).toBe(1);
      const [slot] = await server.ctx.store.waitlist.listFreedSlots(server.organizationId);
      const offers = await server.ctx.store.waitlist.offersOfSlot(server.organizationId, slot!.id);
      expect(offers.filter((o) => o.status === 'claimed')).toHaveLength(1);
      expect(offers.filter((o) => o.status === 'withdrawn')).toHaveLength(4);
      expect(await messagesAsSent(server.ctx, server.organizationId, { kind: 'waitlist_offer_withdrawn' })).toHaveLength(4);
    } finally {
      await server.close();
    }
  });
});

describe.each(testEngines())('what a claimed offer books on $name', (engine) => {
  it('keeps a freed video interview a video interview with its own title, says so before the claim, and never says when to leave', async () => {
    const server = await startTestServer({ now: '2026-12-01T12:00:00Z', opened: await engine.open() });
    try {
      const a = await json(server.call('POST', '/api/v1/members', { name: 'Ada A', email: 'a@acme.test', role: 'interviewer', timezone: 'UTC', workingHours: NINE_TO_FIVE }));
      const opening = await json(server.call('POST', '/api/v1/openings', { title: 'Robotics Software Engineer', location: '350 Fifth Avenue, New York' }));
      const holder = await json(server.call('POST', '/api/v1/candidates', { name: 'Holder One', email: 'holder@example.com', timezone: 'UTC' }));
      const freed = await json(
        server.call('POST', '/api/v1/interviews', {
          openingId: opening.id,
          candidateId: holder.id,
          title: 'Technical interview',
          durationMinutes: 60,
          panel: [a.id],
          start: '2026-12-10T10:00:00Z',
          videoUrl: 'https://meet.example/tech-1',
        }),
      );
      expect(freed).toMatchObject({ status: 'scheduled', videoUrl: 'https://meet.example/tech-1' });
      const { candidate } = await waiter(server, opening.id, [a.id], 'Lena London', { timezone: 'Europe/London' });
      server.setNow('2026-12-01T12:00:00Z');
      expect((await server.call('POST', `/api/v1/interviews/${freed.id}/cancel`, { reason: 'interviewer_unavailable' })).status).toBe(200);

      // Before claiming, the email, the page and the offer's JSON say what kind of interview it is.
      const [offerEmail] = await messagesAsSent(server.ctx, server.organizationId, { kind: 'waitlist_offer' });
      expect((offerEmail!.payload as { email: { text: string } }).email.text).toContain('The interview: “Technical interview”, by video call');
      const token = (await offerTokens(server)).get('lena@example.com')![0]!;
      const view = await json(server.app.request(`/api/v1/candidate/${token}`));
      // A video call takes no place from its opening.
      expect((view.offer as Json).interview).toEqual({ title: 'Technical interview', format: 'video', location: null });
      expect(await (await server.app.request(`/c/${token}`)).text()).toContain('by video call');

      const claim = await post(server, `/api/v1/candidate/${token}/claim`);
      expect(claim.status).toBe(201);
      const booked = (await server.ctx.store.interviews.list(server.organizationId, { candidateId: candidate.id }))[0]!;
      expect(booked).toMatchObject({ title: 'Technical interview', durationMinutes: 60, videoUrl: 'https://meet.example/tech-1', status: 'scheduled' });
      server.setNow('2026-12-09T10:00:05Z');
      await writeDueReminders(server.ctx);
      const sent = await messagesAsSent(server.ctx, server.organizationId, { interviewId: booked.id });
      const toHer = sent.filter((m) => m.recipient === 'lena@example.com').map((m) => (m.payload as { email: { text: string } }).email.text);
      expect(sent.filter((m) => m.kind === 'reminder').length).toBeGreaterThan(0);
      for (const text of toHer) {
        expect(text).not.toMatch(/leave by/i);
        expect(text).not.toContain('“Robotics Software Engineer”');
        expect(text).toContain('Video link: https://meet.example/tech-1');
      }
    } finally {
      await server.close();
    }
  }, 120_000);
});
