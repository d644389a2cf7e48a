import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../store/testing/engines.ts';
import { dashboardFixture, readJson } from './testing/dashboard-fixture.ts';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

interface Preview {
  told: Array<{ role: string; name: string; address: string; kind: string; calendar: string | null; newTimes?: Array<{ start: string; end: string }> }>;
  notice?: { class: string; callFirst: boolean; phone: string | null; text: string } | null;
}
interface Messages {
  messages: Array<{ to: string; kind: string; icsMethod: string | null; createdAt: string }>;
}

describe.each(testEngines())('previews of who an action tells on $name', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ now: '2026-12-01T12:00:00Z', opened: await engine.open() });
  });
  afterAll(async () => {
    await server?.close();
  });

  async function written(interviewId: string, at: string) {
    const page = await readJson<Messages>(server.call('GET', `/api/v1/messages?interviewId=${interviewId}&limit=200`));
    return page.messages.filter((m) => m.createdAt === at).map((m) => [m.to, m.kind, m.icsMethod]).sort();
  }

  it('names exactly whom a cancellation then emails, and changes nothing', async () => {
    const fx = dashboardFixture(server);
    const grace = await fx.member('Grace Preview');
    const alan = await fx.member('Alan Preview', { timezone: 'Europe/London' });
    const opening = await fx.opening('Preview Engineer');
    const ada = await fx.candidate('Ada Preview');
    const booked = await fx.interview({ openingId: opening, candidateId: ada, panel: [grace, alan], start: '2026-12-08T15:00:00Z' });

    const preview = await readJson<Preview>(server.call('POST', `/api/v1/interviews/${booked.id}/cancel/preview`, { reason: 'scheduling_error' }));
    expect(preview.told.map((t) => [t.role, t.name, t.calendar])).toEqual([
      ['candidate', 'Ada Preview', 'CANCEL'],
      ['panelist', 'Grace Preview', 'CANCEL'],
      ['panelist', 'Alan Preview', 'CANCEL'],
    ]);
    const still = await readJson<{ status: string; history: unknown[] }>(server.call('GET', `/api/v1/interviews/${booked.id}`));
    expect(still.status).toBe('scheduled');
    expect(still.history).toHaveLength(1);

    server.setNow('2026-12-02T09:00:00Z');
    await readJson(server.call('POST', `/api/v1/interviews/${booked.id}/cancel`, { reason: 'scheduling_error' }));
    expect(await written(booked.id, '2026-12-02T09:00:00.000Z')).toEqual(preview.told.map((t) => [t.address, t.kind, t.calendar]).sort());

    const again = await server.call('POST', `/api/v1/interviews/${booked.id}/cancel/preview`, { reason: 'scheduling_error' });
    expect(again.status).toBe(409);
  });

  it('says how much notice a cancellation gives, and to call the candidate first when it is late and their number is known', async () => {
    const fx = dashboardFixture(server);
    const grace = await fx.member('Grace Notice');
    const opening = await fx.opening('Notice Engineer');
    const withPhone = await readJson<{ id: string }>(
      server.call('POST', '/api/v1/candidates', { name: 'Noa Phone', email: 'noa.phone@example.com', timezone: 'Europe/Berlin', phone: '+1 555 0142' }),
      201,
    );
    const withoutPhone = await fx.candidate('Sam Nophone');
    const soon = await fx.interview({ openingId: opening, candidateId: withPhone.id, panel: [grace], start: '2026-12-09T15:00:00Z' });
    const also = await fx.interview({ openingId: opening, candidateId: withoutPhone, panel: [grace], start: '2026-12-09T17:00:00Z' });
    server.setNow('2026-12-09T06:00:00Z');
    try {
      const called = await readJson<Preview>(server.call('POST', `/api/v1/interviews/${soon.id}/cancel/preview`, { reason: 'interviewer_unavailable' }));
      expect(called.notice).toEqual({
        class: 'late',
        hoursUntilStart: 9,
        callFirst: true,
        phone: '+15550142',
        text: 'Noa Phone gets only 9 hours of notice, less than the 24 hours this organization asks for: call them at +15550142 first, then send this.',
      });
      const written = await readJson<Preview>(server.call('POST', `/api/v1/interviews/${also.id}/cancel/preview`, { reason: 'interviewer_unavailable' }));
      expect(written.notice).toMatchObject({ class: 'late', callFirst: false, phone: null });
      expect(written.notice!.text).toContain('No phone number is on file');
    } finally {
      server.setNow('2026-12-01T12:00:00Z');
    }
  });

  it('names the new times a cancellation offers, exactly those of the fresh invitation it makes, and makes none itself', async () => {
    server.setNow('2026-12-01T12:00:00Z');
    const fx = dashboardFixture(server);
    const grace = await fx.member('Grace Again');
    const opening = await fx.opening('Again Engineer');
    const ada = await fx.candidate('Ada Again');
    const booked = await fx.interview({ openingId: opening, candidateId: ada, panel: [grace], start: '2026-12-08T15:00:00Z' });
    const invitations = async () =>
      (await readJson<{ interviews: Array<{ id: string; status: string; offeredSlots: Array<{ start: string; end: string }> }> }>(server.call('GET', `/api/v1/interviews?candidateId=${ada}`))).interviews.filter(
        (i) => i.status === 'invited',
      );

    server.setNow('2026-12-01T12:30:00Z');
    const preview = await readJson<Preview>(server.call('POST', `/api/v1/interviews/${booked.id}/cancel/preview`, { reason: 'interviewer_unavailable' }));
    const toCandidate = preview.told.find((t) => t.role === 'candidate')!;
    expect(toCandidate).toMatchObject({ kind: 'employer_cancellation', calendar: 'CANCEL' });
    expect(toCandidate.newTimes?.length).toBeGreaterThan(0);
    expect(preview.told.filter((t) => t.role !== 'candidate').every((t) => t.newTimes === undefined)).toBe(true);
    // The rehearsal left nothing behind: no invitation, no email, the interview still booked.
    expect(await invitations()).toEqual([]);
    expect(await written(booked.id, '2026-12-01T12:30:00.000Z')).toEqual([]);
    expect((await readJson<{ status: string }>(server.call('GET', `/api/v1/interviews/${booked.id}`))).status).toBe('scheduled');

    await readJson(server.call('POST', `/api/v1/interviews/${booked.id}/cancel`, { reason: 'interviewer_unavailable' }));
    const [invitation] = await invitations();
    expect(invitation!.offeredSlots).toEqual(toCandidate.newTimes);
    expect(await written(booked.id, '2026-12-01T12:30:00.000Z')).toEqual(preview.told.map((t) => [t.address, t.kind, t.calendar]).sort());
  });

  it('names whom a no-show tells, for either side, and refuses before the start', async () => {
    server.setNow('2026-12-01T12:00:00Z');
    const fx = dashboardFixture(server);
    const grace = await fx.member('Grace Absent');
    const opening = await fx.opening('Absent Role');
    const lin = await fx.candidate('Lin Absent');
    const booked = await fx.interview({ openingId: opening, candidateId: lin, panel: [grace], start: '2026-12-03T15:00:00Z' });
    const early = await server.call('POST', `/api/v1/interviews/${booked.id}/no-show/preview`, { party: 'candidate' });
    expect(early.status).toBe(409);

    server.setNow('2026-12-03T15:30:00Z');
    const candidate = await readJson<Preview>(server.call('POST', `/api/v1/interviews/${booked.id}/no-show/preview`, { party: 'candidate' }));
    expect(candidate.told.map((t) => [t.role, t.kind])).toEqual([['candidate', 'no_show_followup']]);
    const panelist = await readJson<Preview>(server.call('POST', `/api/v1/interviews/${booked.id}/no-show/preview`, { party: 'interviewer', memberId: grace }));
    expect(panelist.told.map((t) => [t.role, t.kind])).toEqual(expect.arrayContaining([['candidate', 'interviewer_no_show_apology']]));

    await readJson(server.call('POST', `/api/v1/interviews/${booked.id}/no-show`, { party: 'candidate' }));
    expect(await written(booked.id, '2026-12-03T15:30:00.000Z')).toEqual(candidate.told.map((t) => [t.address, t.kind, t.calendar]).sort());
  });

  it('names the new times a panelist no-show apology offers, exactly those of the invitation it makes', async () => {
    server.setNow('2026-12-01T12:00:00Z');
    const fx = dashboardFixture(server);
    const grace = await fx.member('Grace Missing');
    const opening = await fx.opening('Missing Role');
    const lin = await fx.candidate('Lin Missing');
    const booked = await fx.interview({ openingId: opening, candidateId: lin, panel: [grace], start: '2026-12-03T15:00:00Z' });
    server.setNow('2026-12-03T15:30:00Z');
    const preview = await readJson<Preview>(server.call('POST', `/api/v1/interviews/${booked.id}/no-show/preview`, { party: 'interviewer', memberId: grace }));
    const toCandidate = preview.told.find((t) => t.role === 'candidate')!;
    expect(toCandidate.kind).toBe('interviewer_no_show_apology');
    expect(toCandidate.newTimes?.length).toBeGreaterThan(0);
    expect(await written(booked.id, '2026-12-03T15:30:00.000Z')).toEqual([]);

    await readJson(server.call('POST', `/api/v1/interviews/${booked.id}/no-show`, { party: 'interviewer', memberId: grace }));
    const listed = await readJson<{ interviews: Array<{ status: string; offeredSlots: Array<{ start: string; end: string }> }> }>(server.call('GET', `/api/v1/interviews?candidateId=${lin}`));
    expect(listed.interviews.find((i) => i.status === 'invited')!.offeredSlots).toEqual(toCandidate.newTimes);
    expect(await written(booked.id, '2026-12-03T15:30:00.000Z')).toEqual(preview.told.map((t) => [t.address, t.kind, t.calendar]).sort());
  });
});
