import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../store/testing/engines.ts';
import { dashboardFixture, readJson, tokenOf } from './testing/dashboard-fixture.ts';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

interface Person {
  id: string;
  name: string;
  timezone: string;
}
interface InterviewBody {
  id: string;
  status: string;
  start: string | null;
  end: string | null;
  panel: string[];
  candidate: Person;
  opening: { id: string; title: string };
  panelMembers: Person[];
  seats?: Array<Person & { status: string }>;
  history?: Array<{ action: string; actor: string; noticeClass: string | null; noticeHours: number | null; reason: string | null; privateNote: string | null }>;
}
interface Page {
  interviews: InterviewBody[];
  nextCursor: string | null;
}

describe.each(testEngines())('interviews for the dashboard on $name', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ now: '2026-12-01T12:00:00Z', opened: await engine.open() });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('draws a week per interviewer or per opening from one request, names included', async () => {
    const fx = dashboardFixture(server);
    const grace = await fx.member('Grace Week');
    const alan = await fx.member('Alan Week', { timezone: 'Europe/London' });
    const backend = await fx.opening('Backend Week');
    const frontend = await fx.opening('Frontend Week');
    const ada = await fx.candidate('Ada Week', 'Asia/Tokyo');
    const bob = await fx.candidate('Bob Week');
    const mon = await fx.interview({ openingId: backend, candidateId: ada, panel: [grace, alan], start: '2026-12-07T15:00:00Z' });
    const wed = await fx.interview({ openingId: frontend, candidateId: bob, panel: [alan], start: '2026-12-09T15:00:00Z' });
    const nextWeek = await fx.interview({ openingId: backend, candidateId: bob, panel: [grace], start: '2026-12-14T15:00:00Z' });

    const week = '&from=2026-12-07T00:00:00Z&to=2026-12-14T00:00:00Z';
    const graces = await readJson<Page>(server.call('GET', `/api/v1/interviews?memberId=${grace}${week}`));
    expect(graces.interviews.map((i) => i.id)).toEqual([mon.id]);
    expect(graces.interviews[0]).toMatchObject({
      start: '2026-12-07T15:00:00.000Z',
      end: '2026-12-07T16:00:00.000Z',
      status: 'scheduled',
      candidate: { id: ada, name: 'Ada Week', timezone: 'Asia/Tokyo' },
      opening: { id: backend, title: 'Backend Week' },
      panelMembers: [
        { id: grace, name: 'Grace Week', timezone: 'America/New_York' },
        { id: alan, name: 'Alan Week', timezone: 'Europe/London' },
      ],
    });
    const alans = await readJson<Page>(server.call('GET', `/api/v1/interviews?memberId=${alan}${week}`));
    expect(alans.interviews.map((i) => [i.id, i.opening.title])).toEqual([
      [mon.id, 'Backend Week'],
      [wed.id, 'Frontend Week'],
    ]);
    const backendAll = await readJson<Page>(server.call('GET', `/api/v1/interviews?openingId=${backend}`));
    expect(backendAll.interviews.map((i) => i.id)).toEqual([mon.id, nextWeek.id]);
    const backendWeek = await readJson<Page>(server.call('GET', `/api/v1/interviews?openingId=${backend}${week}`));
    expect(backendWeek.interviews.map((i) => i.id)).toEqual([mon.id]);
    // Paging still walks the same order.
    const first = await readJson<Page>(server.call('GET', `/api/v1/interviews?memberId=${alan}&limit=1`));
    expect(first.interviews.map((i) => i.id)).toEqual([mon.id]);
    const second = await readJson<Page>(server.call('GET', `/api/v1/interviews?memberId=${alan}&limit=1&cursor=${first.nextCursor}`));
    expect(second.interviews.map((i) => i.id)).toEqual([wed.id]);
  });

  it("shows one interview's history with side, notice and reason, its people by name and each seat's standing", async () => {
    const fx = dashboardFixture(server);
    const pool = `pool-${Date.now()}`;
    const lead = await fx.member('Lena Seat', { pools: [pool] });
    const standIn = await fx.member('Sam Seat', { pools: [pool] });
    const solo = await fx.member('Olga Seat');
    const opening = await fx.opening('Seats Engineer');
    const candidate = await fx.candidate('Cara Seat', 'Europe/Paris');
    const booked = await fx.interview({ openingId: opening, candidateId: candidate, panel: [lead, solo], start: '2026-12-10T15:00:00Z' });

    await readJson(server.call('POST', `/api/v1/interviews/${booked.id}/panel/${lead}/decline`, { reason: 'Out sick' }));
    await readJson(server.call('POST', `/api/v1/interviews/${booked.id}/panel/${solo}/decline`, { reason: 'Conflict' }));
    const page = await readJson<InterviewBody>(server.call('GET', `/api/v1/interviews/${booked.id}`));
    expect(page.candidate).toEqual({ id: candidate, name: 'Cara Seat', timezone: 'Europe/Paris' });
    expect(page.opening).toEqual({ id: opening, title: 'Seats Engineer' });
    expect(page.seats).toEqual([
      { id: standIn, name: 'Sam Seat', timezone: 'America/New_York', status: 'booked' },
      { id: solo, name: 'Olga Seat', timezone: 'America/New_York', status: 'declined' },
      { id: lead, name: 'Lena Seat', timezone: 'America/New_York', status: 'replaced' },
    ]);

    server.setNow('2026-12-02T12:00:00Z');
    const answer = await readJson(server.call('POST', `/api/v1/interviews/${booked.id}/cancel`, { reason: 'interviewer_unavailable', note: 'internal only' }));
    const cancelled = await readJson<InterviewBody>(server.call('GET', `/api/v1/interviews/${booked.id}`));
    expect(cancelled.seats!.map((s) => s.status)).toEqual(['not_booked', 'not_booked', 'replaced']);
    // The employer's own note is kept in their history, and nowhere the candidate or a feed reads.
    expect(cancelled.history!.at(-1)).toMatchObject({
      action: 'cancelled',
      actor: 'employer',
      noticeClass: 'ample',
      noticeHours: 195,
      reason: 'interviewer_unavailable',
      privateNote: 'internal only',
    });
    expect(JSON.stringify(answer)).not.toContain('internal only');
    expect(await (await server.call('GET', '/api/v1/changes?limit=200')).text()).not.toContain('internal only');
    expect(await (await server.call('GET', `/api/v1/messages?interviewId=${booked.id}&limit=200`)).text()).not.toContain('internal only');
    // Lists carry names but leave the seats to the interview's own page.
    const listed = await readJson<Page>(server.call('GET', `/api/v1/interviews?openingId=${opening}`));
    expect(listed.interviews[0]!.seats).toBeUndefined();
    expect(listed.interviews[0]!.panelMembers.map((m) => m.name)).toEqual(['Sam Seat', 'Olga Seat']);
  });

  it("never shows the candidate's private note in the employer's history", async () => {
    server.setNow('2026-12-01T12:00:00Z');
    const fx = dashboardFixture(server);
    const grace = await fx.member('Grace Private');
    const opening = await fx.opening('Private Role');
    const candidate = await fx.candidate('Pia Private');
    const booked = await fx.interview({ openingId: opening, candidateId: candidate, panel: [grace], start: '2026-12-10T15:00:00Z' });
    await readJson(server.app.request(`/api/v1/candidate/${tokenOf(booked.candidateLink)}/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'schedule_conflict', note: 'my own secret' }),
    }));
    const page = await readJson<InterviewBody>(server.call('GET', `/api/v1/interviews/${booked.id}`));
    expect(page.history!.at(-1)).toMatchObject({ action: 'cancelled', actor: 'candidate', privateNote: null });
    expect(JSON.stringify(page)).not.toContain('my own secret');
  });
});
