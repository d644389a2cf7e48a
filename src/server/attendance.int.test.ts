import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NINE_TO_FIVE, startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

/** No-shows and lateness on both sides, and a candidate's emergency after a missed interview. */

let server: TestServer;
let ids: { a: string; b: string; opening: string; candidate: string };

beforeAll(async () => {
  server = await startTestServer({ now: '2026-12-01T12:00:00Z' });
  const post = async (path: string, body: unknown) => ((await (await server.call('POST', path, body)).json()) as { id: string }).id;
  ids = {
    a: await post('/api/v1/members', { name: 'Ann Lee', email: 'ann@acme.test', role: 'interviewer', timezone: 'UTC', workingHours: NINE_TO_FIVE }),
    b: await post('/api/v1/members', { name: 'Bo Park', email: 'bo@acme.test', role: 'interviewer', timezone: 'UTC', workingHours: NINE_TO_FIVE }),
    opening: await post('/api/v1/openings', { title: 'Engineer' }),
    candidate: await post('/api/v1/candidates', { name: 'Cy Diaz', email: 'cy@example.com', timezone: 'UTC' }),
  };
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

async function book(start: string) {
  return json<{ id: string; candidateLink: string }>(
    server.call('POST', '/api/v1/interviews', { openingId: ids.opening, candidateId: ids.candidate, title: 'Onsite', durationMinutes: 60, panel: [ids.a, ids.b], start }),
    201,
  );
}

describe('attendance on both sides', () => {
  it('records lateness of a panelist and of the candidate alike, only once the interview has started', async () => {
    const interview = await book('2026-12-03T10:00:00Z');
    const early = await json<{ code: string }>(server.call('POST', `/api/v1/interviews/${interview.id}/late`, { party: 'candidate', minutes: 5 }), 409);
    expect(early.code).toBe('INVALID_STATE');
    server.setNow('2026-12-03T10:20:00Z');
    try {
      await json(server.call('POST', `/api/v1/interviews/${interview.id}/late`, { party: 'interviewer', memberId: ids.b, minutes: 12 }));
      await json(server.call('POST', `/api/v1/interviews/${interview.id}/late`, { party: 'candidate', minutes: 4 }));
      const bad = await json<{ errors: Array<{ path: string }> }>(server.call('POST', `/api/v1/interviews/${interview.id}/late`, { party: 'interviewer', memberId: ids.candidate, minutes: 4 }), 400);
      expect(bad.errors.map((e) => e.path)).toContain('memberId');
    } finally {
      server.setNow('2026-12-01T12:00:00Z');
    }
    const detail = await json<{ history: Array<{ action: string; details: Record<string, unknown> | null }> }>(server.call('GET', `/api/v1/interviews/${interview.id}`));
    expect(detail.history.filter((h) => h.action === 'late').map((h) => h.details)).toEqual([
      { party: 'interviewer', memberId: ids.b, minutes: 12 },
      { party: 'candidate', minutes: 4 },
    ]);
  });

  it('records on the fresh invitation owed to the candidate which interview it follows and why: a call-off or a panelist who did not come', async () => {
    type Listed = { id: string; history?: Array<{ action: string; details: Record<string, unknown> | null }> };
    const invitationsAfter = async (closedId: string) => {
      const { interviews } = await json<{ interviews: Listed[] }>(server.call('GET', `/api/v1/interviews?candidateId=${ids.candidate}&status=invited`));
      const details = await Promise.all(
        interviews.map(async ({ id }) => (await json<Listed>(server.call('GET', `/api/v1/interviews/${id}`))).history!.find((h) => h.action === 'invited')?.details ?? null),
      );
      return details.filter((d) => d?.follows === closedId);
    };

    const calledOff = await book('2026-12-09T13:00:00Z');
    await json(server.call('POST', `/api/v1/interviews/${calledOff.id}/cancel`, { reason: 'scheduling_error' }));
    const afterCallOff = await invitationsAfter(calledOff.id);
    expect(afterCallOff).toHaveLength(1);
    expect(afterCallOff[0]!.after).toBe('employer_cancellation');
    expect(afterCallOff[0]).not.toHaveProperty('afterInterviewerNoShow');

    const missed = await book('2026-12-10T13:00:00Z');
    server.setNow('2026-12-10T13:20:00Z');
    try {
      await json(server.call('POST', `/api/v1/interviews/${missed.id}/no-show`, { party: 'interviewer', memberId: ids.a }));
    } finally {
      server.setNow('2026-12-01T12:00:00Z');
    }
    const afterNoShow = await invitationsAfter(missed.id);
    expect(afterNoShow).toHaveLength(1);
    expect(afterNoShow[0]!.after).toBe('interviewer_no_show');
  });

  it('lets a candidate marked absent say an emergency kept them away, within 48 hours and once', async () => {
    const interview = await book('2026-12-04T10:00:00Z');
    const token = interview.candidateLink.slice(interview.candidateLink.lastIndexOf('/') + 1);
    server.setNow('2026-12-04T10:30:00Z');
    try {
      await json(server.call('POST', `/api/v1/interviews/${interview.id}/no-show`, { party: 'candidate' }));
      const view = await json<{ actions: string[] }>(server.app.request(`/api/v1/candidate/${token}`));
      expect(view.actions).toEqual(['excuse_no_show', 'concern']);
      const post = (body: unknown) =>
        server.app.request(`/api/v1/candidate/${token}/excuse-no-show`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect((await post({ reason: 'schedule_conflict' })).status).toBe(400);
      server.setNow('2026-12-05T09:00:00Z');
      const excused = await json<{ actions: string[] }>(post({ reason: 'medical_emergency', note: 'Hospital visit.' }));
      expect(excused.actions).toEqual(['concern']);
      expect((await post({ reason: 'medical_emergency' })).status).toBe(409);
    } finally {
      server.setNow('2026-12-01T12:00:00Z');
    }
    const detail = await json<{ status: string; history: Array<{ action: string; actor: string; reason: string | null }> }>(server.call('GET', `/api/v1/interviews/${interview.id}`));
    expect(detail.status).toBe('no_show');
    expect(detail.history.at(-1)).toMatchObject({ action: 'no_show_excused', actor: 'candidate', reason: 'medical_emergency' });
    expect(JSON.stringify(detail)).not.toContain('Hospital visit.');
  });

  it("keeps another organization's key away from an interview's attendance", async () => {
    const interview = await book('2026-12-08T10:00:00Z');
    const other = await server.newOrganization('Other Co');
    server.setNow('2026-12-08T10:20:00Z');
    try {
      for (const [path, body] of [['late', { party: 'candidate', minutes: 5 }], ['no-show', { party: 'candidate' }]] as const) {
        const response = await server.app.request(`/api/v1/interviews/${interview.id}/${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${other.apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        expect(response.status).toBe(404);
      }
    } finally {
      server.setNow('2026-12-01T12:00:00Z');
    }
    const detail = await json<{ status: string; history: Array<{ action: string }> }>(server.call('GET', `/api/v1/interviews/${interview.id}`));
    expect(detail.status).toBe('scheduled');
    expect(detail.history.filter((h) => h.action === 'late' || h.action === 'no_show')).toEqual([]);
  });

  it('closes the window after 48 hours', async () => {
    const interview = await book('2026-12-07T10:00:00Z');
    const token = interview.candidateLink.slice(interview.candidateLink.lastIndexOf('/') + 1);
    server.setNow('2026-12-07T10:30:00Z');
    try {
      await json(server.call('POST', `/api/v1/interviews/${interview.id}/no-show`, { party: 'candidate' }));
      server.setNow('2026-12-09T10:31:00Z');
      const view = await json<{ actions: string[] }>(server.app.request(`/api/v1/candidate/${token}`));
      expect(view.actions).toEqual(['concern']);
    } finally {
      server.setNow('2026-12-01T12:00:00Z');
    }
  });
});
