import { describe, expect, it } from 'vitest';
import { NINE_TO_FIVE, startTestServer } from './testing/test-server.ts';
import { createJobRunner } from '../app/jobs/job-runner.ts';
import { defaultJobRegistry } from '../app/jobs/registry.ts';

type Json = Record<string, unknown> & { id: string };

describe('freed time and the waitlist', () => {
  it('offers time freed by a move away to an entry whose own panel is free then, never to the mover or a busy panel', async () => {
    const server = await startTestServer({ now: '2026-12-01T11:00:00Z' });
    const json = async (response: Promise<Response>) => (await response).json() as Promise<Json>;
    try {
      const member = (name: string) =>
        json(server.call('POST', '/api/v1/members', { name, email: `${name.toLowerCase()}@acme.test`, role: 'interviewer', timezone: 'UTC', workingHours: NINE_TO_FIVE }));
      const [a, b, c] = [await member('Ada'), await member('Bo'), await member('Cy')];
      const opening = await json(server.call('POST', '/api/v1/openings', { title: 'Platform Engineer' }));
      const candidate = (name: string) => json(server.call('POST', '/api/v1/candidates', { name, email: `${name.toLowerCase()}@example.com`, timezone: 'UTC' }));
      const [mover, other, subset, busyPanel] = [await candidate('Mover'), await candidate('Other'), await candidate('Subset'), await candidate('Busy')];
      const moving = await json(
        server.call('POST', '/api/v1/interviews', { openingId: opening.id, candidateId: mover.id, title: 'Panel', durationMinutes: 60, panel: [a.id, b.id], start: '2026-12-10T10:00:00Z' }),
      );
      // Cy is booked at that time with someone else.
      await server.call('POST', '/api/v1/interviews', { openingId: opening.id, candidateId: other.id, title: 'Chat', durationMinutes: 60, panel: [c.id], start: '2026-12-10T10:00:00Z' });
      const join = async (who: Json, panel: string[], minute: number) => {
        server.setNow(`2026-12-01T11:0${minute}:00Z`);
        expect((await server.call('POST', `/api/v1/openings/${opening.id}/waitlist`, { candidateId: who.id, panel, durationMinutes: 30 })).status).toBe(201);
      };
      await join(mover, [a.id], 1); // the mover waits too, but is not offered their own time back
      await join(busyPanel, [a.id, c.id], 2); // Cy is busy
      await join(subset, [a.id], 3); // Ada alone is free once the move frees her
      expect((await server.call('POST', `/api/v1/openings/${opening.id}/waitlist`, { candidateId: subset.id, panel: [a.id], durationMinutes: 30 })).status).toBe(409);

      server.setNow('2026-12-01T12:00:00Z');
      const token = new URL(moving.candidateLink as string).pathname.replace('/c/', '');
      const moved = await server.app.request(`/api/v1/candidate/${token}/reschedule`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ start: '2026-12-11T10:00:00Z' }),
      });
      expect(moved.status).toBe(200);

      const offers = await server.ctx.store.outbox.list(server.organizationId, { kind: 'waitlist_offer' });
      expect(offers.map((m) => m.recipient)).toEqual(['subset@example.com']);
      expect((offers[0]!.payload as { email: { text: string } }).email.text).toContain('a 30-minute interview on Thursday, December 10 at 10:00 AM UTC');
      const [slot] = await server.ctx.store.waitlist.listFreedSlots(server.organizationId);
      expect(slot).toMatchObject({ status: 'open', sourceInterviewId: moving.id, panel: [a.id, b.id], startAt: new Date('2026-12-10T10:00:00Z') });
    } finally {
      await server.close();
    }
  });

  it('asks again about freed time nobody waited for when a candidate joins the waitlist', async () => {
    const server = await startTestServer({ now: '2026-12-01T12:00:00Z' });
    const json = async (response: Promise<Response>) => (await response).json() as Promise<Json>;
    try {
      const a = await json(server.call('POST', '/api/v1/members', { name: 'Ada', email: 'ada@acme.test', role: 'interviewer', timezone: 'UTC', workingHours: NINE_TO_FIVE }));
      const opening = await json(server.call('POST', '/api/v1/openings', { title: 'Platform Engineer' }));
      const holder = await json(server.call('POST', '/api/v1/candidates', { name: 'Holder', email: 'holder@example.com', timezone: 'UTC' }));
      const late = await json(server.call('POST', '/api/v1/candidates', { name: 'Late', email: 'late@example.com', timezone: 'UTC' }));
      const interview = await json(
        server.call('POST', '/api/v1/interviews', { openingId: opening.id, candidateId: holder.id, title: 'Chat', durationMinutes: 60, panel: [a.id], start: '2026-12-10T10:00:00Z' }),
      );
      await server.call('POST', `/api/v1/interviews/${interview.id}/cancel`, { reason: 'interviewer_unavailable' });
      expect((await server.ctx.store.waitlist.listFreedSlots(server.organizationId)).map((s) => s.status)).toEqual(['lapsed']);

      server.setNow('2026-12-01T13:00:00Z');
      expect((await server.call('POST', `/api/v1/openings/${opening.id}/waitlist`, { candidateId: late.id, panel: [a.id], durationMinutes: 60 })).status).toBe(201);
      const runner = createJobRunner({ ctx: server.ctx, registry: defaultJobRegistry() });
      expect(await runner.runOnce()).toMatchObject({ done: 1 });
      const offers = await server.ctx.store.outbox.list(server.organizationId, { kind: 'waitlist_offer' });
      expect(offers.map((m) => m.recipient)).toEqual(['late@example.com']);
      expect((await server.ctx.store.waitlist.listFreedSlots(server.organizationId)).map((s) => s.status)).toEqual(['open']);
    } finally {
      await server.close();
    }
  });

  it('holds one standing offer per entry, and offers nothing to a candidate already interviewing for the opening', async () => {
    const server = await startTestServer({ now: '2026-12-01T12:00:00Z' });
    const json = async (response: Promise<Response>) => (await response).json() as Promise<Json>;
    try {
      const a = await json(server.call('POST', '/api/v1/members', { name: 'Ada', email: 'ada@acme.test', role: 'interviewer', timezone: 'UTC', workingHours: NINE_TO_FIVE }));
      const opening = await json(server.call('POST', '/api/v1/openings', { title: 'Platform Engineer' }));
      const person = (name: string) => json(server.call('POST', '/api/v1/candidates', { name, email: `${name.toLowerCase()}@example.com`, timezone: 'UTC' }));
      const [first, second, waiting, booked] = [await person('First'), await person('Second'), await person('Waiting'), await person('Booked')];
      const book = (who: Json, start: string) =>
        json(server.call('POST', '/api/v1/interviews', { openingId: opening.id, candidateId: who.id, title: 'Chat', durationMinutes: 60, panel: [a.id], start }));
      const one = await book(first, '2026-12-10T10:00:00Z');
      const two = await book(second, '2026-12-11T10:00:00Z');
      await book(booked, '2026-12-14T10:00:00Z');
      for (const who of [booked, waiting]) {
        expect((await server.call('POST', `/api/v1/openings/${opening.id}/waitlist`, { candidateId: who.id, panel: [a.id], durationMinutes: 60 })).status).toBe(201);
      }
      await server.call('POST', `/api/v1/interviews/${one.id}/cancel`, { reason: 'interviewer_unavailable' });
      await server.call('POST', `/api/v1/interviews/${two.id}/cancel`, { reason: 'interviewer_unavailable' });
      const offers = await server.ctx.store.outbox.list(server.organizationId, { kind: 'waitlist_offer' });
      // The booked candidate gets nothing; the waiting one holds the first offer only.
      expect(offers.map((m) => m.recipient)).toEqual(['waiting@example.com']);
    } finally {
      await server.close();
    }
  });
});
