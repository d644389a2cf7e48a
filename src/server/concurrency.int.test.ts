import { describe, expect, it } from 'vitest';
import { testEngines } from '../store/testing/engines.ts';
import { NINE_TO_FIVE, startTestServer } from './testing/test-server.ts';

describe.each(testEngines())('concurrent changes over HTTP on $name', (engine) => {
  it('books exactly one of 12 candidates racing into the same time, and no panelist twice', async () => {
    const server = await startTestServer({ now: '2026-12-01T12:00:00Z', opened: await engine.open() });
    try {
      const json = async (response: Promise<Response>) => (await response).json() as Promise<{ id: string; candidateLink: string }>;
      const a = await json(server.call('POST', '/api/v1/members', { name: 'A', email: 'a@acme.test', role: 'interviewer', timezone: 'UTC', workingHours: NINE_TO_FIVE }));
      const b = await json(server.call('POST', '/api/v1/members', { name: 'B', email: 'b@acme.test', role: 'interviewer', timezone: 'Europe/Paris', workingHours: NINE_TO_FIVE }));
      const opening = await json(server.call('POST', '/api/v1/openings', { title: 'Role' }));
      const links: string[] = [];
      for (let i = 0; i < 12; i += 1) {
        const candidate = await json(server.call('POST', '/api/v1/candidates', { name: `C${i}`, email: `c${i}@example.com`, timezone: 'UTC' }));
        const day = 7 + Math.floor(i / 6);
        const created = await json(
          server.call('POST', '/api/v1/interviews', {
            openingId: opening.id,
            candidateId: candidate.id,
            title: 'Panel',
            durationMinutes: 30,
            panel: i % 2 === 0 ? [a.id, b.id] : [b.id, a.id],
            start: `2026-12-${String(day).padStart(2, '0')}T${String(9 + (i % 6)).padStart(2, '0')}:00:00Z`,
          }),
        );
        links.push(new URL(created.candidateLink).pathname.replace('/c/', ''));
      }
      const responses = await Promise.all(
        links.map((token) =>
          server.app.request(`/api/v1/candidate/${token}/reschedule`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ start: '2026-12-10T10:00:00Z' }),
          }),
        ),
      );
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(11);
      for (const response of responses.filter((r) => r.status === 409)) {
        expect(((await response.json()) as { code: string }).code).toBe('SLOT_TAKEN');
      }
      const listed = (await (await server.call('GET', '/api/v1/interviews?status=scheduled&from=2026-12-10T00:00:00Z&to=2026-12-11T00:00:00Z')).json()) as {
        interviews: Array<{ start: string }>;
      };
      expect(listed.interviews.map((i) => i.start)).toEqual(['2026-12-10T10:00:00.000Z']);
    } finally {
      await server.close();
    }
  });
});
