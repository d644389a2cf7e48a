import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../store/testing/engines.ts';
import { dashboardFixture, readJson } from './testing/dashboard-fixture.ts';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

interface Previewed {
  kind: string;
  role: string;
  to: string;
  subject: string;
  body: string;
  icsMethod: string | null;
  sequence: number | null;
  interviewId: string | null;
}
interface MessageBody {
  kind: string;
  to: string;
  subject: string;
  body: string | null;
  icsMethod: string | null;
  sequence: number | null;
  interviewId: string | null;
  createdAt: string;
}

const comparable = (m: { kind: string; to: string; subject: string; body: string | null; icsMethod: string | null; sequence: number | null; interviewId: string | null }) =>
  JSON.stringify([m.kind, m.to, m.subject, m.body, m.icsMethod, m.sequence, m.interviewId]);

describe.each(testEngines())('previewing a fill or close on $name', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ now: '2026-12-01T12:00:00Z', opened: await engine.open() });
    await server.call('PATCH', '/api/v1/organization', { contactEmail: 'recruiting@acme.test' });
  });
  afterAll(async () => {
    await server?.close();
  });

  async function allMessages(): Promise<MessageBody[]> {
    return (await readJson<{ messages: MessageBody[] }>(server.call('GET', '/api/v1/messages?limit=200'))).messages;
  }
  async function counts() {
    const interviews = await readJson<{ interviews: Array<{ status: string; sequence: number }> }>(server.call('GET', '/api/v1/interviews?limit=200'));
    return { messages: (await allMessages()).length, interviews: interviews.interviews.map((i) => `${i.status}/${i.sequence}`) };
  }

  it('shows exactly the messages the real fill then sends, and changes nothing itself', async () => {
    const fx = dashboardFixture(server);
    const grace = await fx.member('Grace Preview');
    const alan = await fx.member('Alan Preview', { timezone: 'Europe/London' });
    const opening = await fx.opening('Preview Engineer');
    const jordan = await fx.candidate('Jordan Preview');
    const hira = await fx.candidate('Hira Preview');
    const wen = await fx.candidate('Wen Preview');
    const kept = await fx.interview({ openingId: opening, candidateId: jordan, panel: [grace, alan], start: '2026-12-08T15:00:00Z' });
    await fx.interview({ openingId: opening, candidateId: hira, panel: [grace], start: '2026-12-09T15:00:00Z' });
    await readJson(server.call('POST', `/api/v1/openings/${opening}/waitlist`, { candidateId: wen, panel: [grace, alan], durationMinutes: 60 }), 201);

    server.setNow('2026-12-02T09:00:00Z');
    const before = await counts();
    const body = { hiredCandidateId: hira, message: 'It was a pleasure to meet you.' };
    const preview = await readJson<{ messages: Previewed[] }>(server.call('POST', `/api/v1/openings/${opening}/fill/preview`, body));
    // Jordan and the panel of the kept interview hear of its cancellation; Wen that the waitlist closed; Hira nothing.
    expect(preview.messages.map((m) => [m.role, m.kind, m.icsMethod]).sort()).toEqual(
      [
        ['candidate', 'employer_cancellation', 'CANCEL'],
        ['candidate', 'waitlist_closed', null],
        ['panelist', 'panel_cancellation', 'CANCEL'],
        ['panelist', 'panel_cancellation', 'CANCEL'],
      ].sort(),
    );
    expect(preview.messages.find((m) => m.kind === 'employer_cancellation')).toMatchObject({ interviewId: kept.id, sequence: 1 });
    expect(preview.messages.find((m) => m.kind === 'employer_cancellation')!.body).toContain('It was a pleasure to meet you.');
    // A preview twice previews the same: nothing moved.
    const again = await readJson<{ messages: Previewed[] }>(server.call('POST', `/api/v1/openings/${opening}/fill/preview`, body));
    expect(again.messages.map(comparable).sort()).toEqual(preview.messages.map(comparable).sort());
    expect(await counts()).toEqual(before);
    expect((await readJson<{ status: string }>(server.call('GET', `/api/v1/openings/${opening}`))).status).toBe('open');
    const waitlist = await readJson<{ entries: Array<{ status: string }> }>(server.call('GET', `/api/v1/openings/${opening}/waitlist`));
    expect(waitlist.entries.map((e) => e.status)).toEqual(['waiting']);

    const filled = await readJson<{ cancelledInterviews: number }>(server.call('POST', `/api/v1/openings/${opening}/fill`, body));
    expect(filled.cancelledInterviews).toBe(1);
    const sent = (await allMessages()).filter((m) => m.createdAt === '2026-12-02T09:00:00.000Z');
    expect(sent.map(comparable).sort()).toEqual(preview.messages.map(comparable).sort());

    // Filled the same way again, nothing more would go out.
    const after = await readJson<{ messages: Previewed[] }>(server.call('POST', `/api/v1/openings/${opening}/fill/preview`, body));
    expect(after.messages).toEqual([]);
  });

  it('previews a close too, and refuses as close would', async () => {
    const fx = dashboardFixture(server);
    const grace = await fx.member('Grace Close');
    const opening = await fx.opening('Closing Role');
    const candidate = await fx.candidate('Cleo Close');
    await fx.interview({ openingId: opening, candidateId: candidate, panel: [grace], start: '2026-12-10T15:00:00Z' });
    const preview = await readJson<{ messages: Previewed[] }>(server.call('POST', `/api/v1/openings/${opening}/close/preview`, {}));
    expect(preview.messages.map((m) => m.kind).sort()).toEqual(['employer_cancellation', 'panel_cancellation']);
    expect(preview.messages.find((m) => m.role === 'candidate')!.body).toContain('closed');

    await readJson(server.call('POST', `/api/v1/openings/${opening}/close`, {}));
    const refused = await server.call('POST', `/api/v1/openings/${opening}/fill/preview`, {});
    expect(refused.status).toBe(409);
    expect((await server.call('POST', '/api/v1/openings/6f1c2c1e-0a53-4a8e-9d7e-0b4b1d7c2f10/close/preview', {})).status).toBe(404);
  });
});
