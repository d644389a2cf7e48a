import { describe, expect, it } from 'vitest';
import { createJobRunner } from '../app/jobs/job-runner.ts';
import { defaultJobRegistry } from '../app/jobs/registry.ts';
import { createOutboxWorker } from '../notify/outbox-worker.ts';
import { createSmtpSender } from '../notify/smtp-sender.ts';
import { startSmtpTestServer } from '../notify/testing/smtp-test-server.ts';
import { NINE_TO_FIVE, startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

type Json = Record<string, unknown> & { id: string };

async function deliverAll(server: TestServer, url: string): Promise<void> {
  const sender = createSmtpSender({ url });
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

describe('waitlist through a real SMTP peer', () => {
  it('delivers the offer with a working claim link, and the withdrawal to the one who was too late', async () => {
    const server = await startTestServer({ now: '2026-12-01T11:00:00Z' });
    const smtp = await startSmtpTestServer();
    const json = async (response: Promise<Response>) => (await response).json() as Promise<Json>;
    try {
      expect((await server.call('PATCH', '/api/v1/organization', { offerFanout: 2, contactEmail: 'jobs@acme.test' })).status).toBe(200);
      const a = await json(server.call('POST', '/api/v1/members', { name: 'Ada', email: 'ada@acme.test', role: 'interviewer', timezone: 'UTC', workingHours: NINE_TO_FIVE }));
      const opening = await json(server.call('POST', '/api/v1/openings', { title: 'Platform Engineer' }));
      const candidate = (name: string, timezone: string) => json(server.call('POST', '/api/v1/candidates', { name, email: `${name.toLowerCase()}@example.com`, timezone }));
      const holder = await candidate('Holder', 'UTC');
      const first = await candidate('First', 'Europe/Berlin');
      const second = await candidate('Second', 'America/New_York');
      const interview = await json(
        server.call('POST', '/api/v1/interviews', { openingId: opening.id, candidateId: holder.id, title: 'Chat', durationMinutes: 60, panel: [a.id], start: '2026-12-10T15:00:00Z' }),
      );
      server.setNow('2026-12-01T11:01:00Z');
      await server.call('POST', `/api/v1/openings/${opening.id}/waitlist`, { candidateId: first.id, panel: [a.id], durationMinutes: 45 });
      server.setNow('2026-12-01T11:02:00Z');
      await server.call('POST', `/api/v1/openings/${opening.id}/waitlist`, { candidateId: second.id, panel: [a.id], durationMinutes: 60 });
      server.setNow('2026-12-01T12:00:00Z');
      await server.call('POST', `/api/v1/interviews/${interview.id}/cancel`, { reason: 'interviewer_unavailable' });
      await deliverAll(server, smtp.url);

      const offers = smtp.messages.filter((m) => m.parsed.subject?.startsWith('A time has opened up'));
      expect(offers.map((m) => m.parsed.to && 'text' in m.parsed.to ? m.parsed.to.text : '').sort()).toEqual(['"First" <first@example.com>', '"Second" <second@example.com>'].sort());
      const toFirst = offers.find((m) => JSON.stringify(m.parsed.to).includes('first@example.com'))!;
      expect(toFirst.parsed.replyTo?.text).toContain('jobs@acme.test');
      expect(toFirst.parsed.text).toContain('a 45-minute interview on Thursday, December 10 at 4:00 PM GMT+1 (Berlin time)');
      expect(toFirst.parsed.text).toContain('a few people on the waitlist at once');
      const toSecond = offers.find((m) => JSON.stringify(m.parsed.to).includes('second@example.com'))!;
      expect(toSecond.parsed.text).toContain('Thursday, December 10 at 10:00 AM EST (New York time)');

      const link = /https?:\/\/\S+\/c\/(lw_offer_[A-Za-z0-9_-]+)/.exec(toFirst.parsed.text ?? '')!;
      const claimed = await server.app.request(`/c/${link[1]}/claim`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
      expect(claimed.status).toBe(303);
      await createJobRunner({ ctx: server.ctx, registry: defaultJobRegistry() }).runOnce();
      await deliverAll(server, smtp.url);
      const withdrawn = smtp.messages.filter((m) => m.parsed.subject?.startsWith('The time we offered'));
      expect(withdrawn).toHaveLength(1);
      expect(JSON.stringify(withdrawn[0]!.parsed.to)).toContain('second@example.com');
      expect(withdrawn[0]!.parsed.text).toContain('someone else on the waitlist claimed it first');
      const confirmed = smtp.messages.filter((m) => JSON.stringify(m.parsed.to).includes('first@example.com') && m.calendar?.method === 'REQUEST');
      expect(confirmed).toHaveLength(1);
    } finally {
      await smtp.close();
      await server.close();
    }
  });
});
