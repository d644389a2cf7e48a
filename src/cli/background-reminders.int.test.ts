import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NINE_TO_FIVE, startTestServer } from '../server/testing/test-server.ts';
import type { TestServer } from '../server/testing/test-server.ts';
import { startReminders } from './background-reminders.ts';
import { recordingIo } from './testing/recording-io.ts';


describe('the reminders of a serving process', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ now: '2026-12-01T12:00:00Z' });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('writes a reminder once it falls due, wakes delivery, and stops cleanly', async () => {
    const call = async (path: string, body: unknown) => (await server.call('POST', path, body)).json() as Promise<{ id: string }>;
    const member = await call('/api/v1/members', { name: 'Ada', email: 'ada@acme.test', role: 'interviewer', timezone: 'UTC', workingHours: NINE_TO_FIVE });
    const opening = await call('/api/v1/openings', { title: 'Platform Engineer' });
    const candidate = await call('/api/v1/candidates', { name: 'Jo', email: 'jo@example.test', timezone: 'UTC' });
    const interview = await call('/api/v1/interviews', { openingId: opening.id, candidateId: candidate.id, title: 'Onsite', durationMinutes: 60, panel: [member.id], start: '2026-12-10T10:00:00Z' });
    const io = recordingIo();
    let woken = 0;
    const reminders = startReminders(server.ctx, io, () => (woken += 1), 20);
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(woken).toBe(0);
      server.setNow('2026-12-08T10:00:01Z');
      for (let waited = 0; woken === 0 && waited < 5000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await reminders.stop();
      server.setNow('2026-12-01T12:00:00Z');
    }
    expect(woken).toBe(1);
    const messages = await server.ctx.store.outbox.list(server.organizationId, { interviewId: interview.id, kind: 'reminder' });
    expect(messages).toHaveLength(1);
    expect(io.err).toEqual([]);
  });

  it('says once that the database is away and once that it is back, and carries on', async () => {
    const io = recordingIo();
    let away = 3;
    const store = new Proxy(server.ctx.store, {
      get(target, property, receiver) {
        if (property === 'transaction' && away > 0) {
          return async () => {
            away -= 1;
            throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
          };
        }
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    const reminders = startReminders({ ...server.ctx, store }, io, () => undefined, 10);
    try {
      for (let waited = 0; io.err.length < 2 && waited < 5000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      await reminders.stop();
    }
    expect(io.err.map((line) => (JSON.parse(line) as { event: string }).event)).toEqual(['reminders.database-unavailable', 'reminders.database-back']);
  });
});
