import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ now: '2026-12-10T08:00:00Z' });
});
afterAll(async () => {
  await server?.close();
});

const context = {
  candidateName: 'Jordan Lee',
  recipientName: 'Ms. Rivera',
  companyName: 'Acme',
  roleTitle: 'Data Analyst',
  interviewStart: '2026-12-10T15:00:00Z',
  timezone: 'America/New_York',
  reason: 'family_emergency',
  coordinatorPhone: '+1 555 0100',
};

describe('POST /api/v1/compose', () => {
  it('composes with the server clock: late notice means phone first with a script', async () => {
    const response = await server.call('POST', '/api/v1/compose', { kind: 'candidate_cancel', context });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { channel: string; phoneScript: string[]; notice: string; body: string; elements: string[] };
    expect(body.notice).toBe('late');
    expect(body.channel).toBe('phone');
    expect(body.phoneScript.length).toBeGreaterThanOrEqual(3);
    expect(body.elements).toEqual(expect.arrayContaining(['gratitude', 'reason', 'apology']));
  });

  it('uses the given clock and tone', async () => {
    const warm = (await (await server.call('POST', '/api/v1/compose', { kind: 'employer_cancel', tone: 'warm', context: { ...context, reason: 'interviewer_unavailable', now: '2026-12-01T12:00:00Z' } })).json()) as { notice: string; body: string };
    const formal = (await (await server.call('POST', '/api/v1/compose', { kind: 'employer_cancel', tone: 'formal', context: { ...context, reason: 'interviewer_unavailable', now: '2026-12-01T12:00:00Z' } })).json()) as { body: string };
    expect(warm.notice).toBe('ample');
    expect(warm.body).not.toBe(formal.body);
  });

  it('refuses unknown kinds, bad zones and missing fields with field errors', async () => {
    const response = await server.call('POST', '/api/v1/compose', { kind: 'rant', context: { ...context, timezone: 'Moon/Base', candidateName: undefined } });
    expect(response.status).toBe(400);
    const paths = ((await response.json()) as { errors: Array<{ path: string }> }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['kind', 'context.candidateName']));
    const zone = await server.call('POST', '/api/v1/compose', { kind: 'candidate_cancel', context: { ...context, timezone: 'Moon/Base' } });
    expect(zone.status).toBe(400);
  });
});

describe('POST /api/v1/compose: what a message may say', () => {
  type Problem = { code: string; errors: Array<{ path: string; message: string }> };
  const compose = (body: unknown) => server.call('POST', '/api/v1/compose', body);

  it('refuses a reason from the other side with a field error at context.reason', async () => {
    for (const [kind, reason] of [['candidate_cancel', 'scheduling_error'], ['employer_cancel', 'family_emergency'], ['employer_reschedule', 'accepted_offer']] as const) {
      const response = await compose({ kind, context: { ...context, reason } });
      expect(response.status, `${kind} ${reason}`).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      const problem = (await response.json()) as Problem;
      expect(problem.code).toBe('VALIDATION');
      expect(problem.errors.map((e) => e.path)).toEqual(['context.reason']);
    }
    expect((await compose({ kind: 'candidate_end_early_followup', context: { ...context, reason: 'inappropriate_questions' } })).status).toBe(200);
  });

  it('takes no reason, and then states none', async () => {
    const { reason: _, ...noReason } = context;
    const response = await compose({ kind: 'employer_reschedule', context: { ...noReason, now: '2026-12-01T12:00:00Z', proposedTimes: ['2026-12-14T15:00:00Z'] } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { body: string; elements: string[] };
    expect(body.body).not.toMatch(/scheduling error/);
    expect(body.elements).not.toContain('reason');
  });

  it('announces a move that is done, in the candidate\'s zone and the team\'s', async () => {
    const response = await compose({
      kind: 'employer_reschedule',
      context: { ...context, reason: undefined, now: '2026-12-01T12:00:00Z', newStart: '2026-12-14T15:00:00Z', teamTimezone: 'Europe/Berlin', links: { reschedule: 'https://leeway.example/c/abc' } },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { body: string; advice: string };
    expect(body.body).toContain('Monday, December 14 at 10:00 AM EST (New York time)');
    expect(body.body).toContain('4:00 PM GMT+1 (Berlin time)');
    expect(body.body).not.toMatch(/Would one of/);
    expect(typeof body.advice).toBe('string');
  });

  it('follows the notice policy given and checks it', async () => {
    const policy = { ampleHours: 72, adequateHours: 48 };
    const ok = (await (await compose({ kind: 'candidate_cancel', context: { ...context, now: '2026-12-09T12:00:00Z', noticePolicy: policy } })).json()) as { notice: string; advice: string };
    expect(ok.notice).toBe('late');
    expect(ok.advice).toContain('27 hours');
    const bad = await compose({ kind: 'candidate_cancel', context: { ...context, noticePolicy: { ampleHours: 24, adequateHours: 48 } } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Problem).errors.map((e) => e.path)).toEqual(['context.noticePolicy']);
  });
});

describe('POST /api/v1/review', () => {
  it('reports elements, findings with spans, and a score', async () => {
    const text = 'hi, cant make it today. something came up. my old boss was an idiot anyway';
    const response = await server.call('POST', '/api/v1/review', {
      kind: 'candidate_cancel',
      text,
      context: { interviewStart: '2026-12-10T15:00:00Z', now: '2026-12-10T08:00:00Z' },
    });
    const body = (await response.json()) as { score: number; elements: Record<string, boolean>; findings: Array<{ code: string; start?: number; end?: number }> };
    expect(response.status).toBe(200);
    const codes = body.findings.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['missing_gratitude', 'call_instead', 'badmouthing']));
    const bad = body.findings.find((f) => f.code === 'badmouthing')!;
    expect(text.slice(bad.start, bad.end)).toMatch(/idiot|boss/);
    expect(body.score).toBeLessThan(60);
    expect(body.elements.gratitude).toBe(false);
  });
});

describe('POST /api/v1/review of nothing', () => {
  it('answers 400 with a field error at text for empty or blank text', async () => {
    for (const text of ['', '   ', '\n\t']) {
      const response = await server.call('POST', '/api/v1/review', { kind: 'candidate_cancel', text });
      expect(response.status, JSON.stringify(text)).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      const problem = (await response.json()) as { code: string; errors: Array<{ path: string }> };
      expect(problem.code).toBe('VALIDATION');
      expect(problem.errors.map((e) => e.path)).toEqual(['text']);
    }
  });
});

describe('POST /api/v1/screen-questions', () => {
  it('flags unlawful questions with a lawful rephrasing and passes job-related ones', async () => {
    const response = await server.call('POST', '/api/v1/screen-questions', {
      questions: ['Are you a US citizen?', 'Can you describe a project where you led a team?'],
    });
    const body = (await response.json()) as { results: Array<{ verdict: string; topics: string[]; suggestion?: string }> };
    expect(body.results[0]).toMatchObject({ topics: ['citizenship'] });
    expect(['unlawful', 'risky']).toContain(body.results[0]?.verdict);
    expect(body.results[0]?.suggestion).toMatch(/authori[sz]ed to work/i);
    expect(body.results[1]?.verdict).toBe('ok');
    expect((await server.call('POST', '/api/v1/screen-questions', { questions: [] })).status).toBe(400);
  });
});
