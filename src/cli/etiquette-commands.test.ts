import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeCommand, reviewCommand, screenCommand } from './etiquette-commands.ts';
import type { CliIO } from './io.ts';

function fakeIO(stdin = ''): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    readStdin: async () => stdin,
    env: {},
    out: () => out,
    err: () => err,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'leeway-etiquette-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const context = {
  candidateName: 'Jordan Lee',
  recipientName: 'Ms. Rivera',
  companyName: 'Acme',
  roleTitle: 'Data Analyst',
  interviewStart: '2026-12-10T15:00:00Z',
  now: '2026-12-10T08:00:00Z',
  timezone: 'America/New_York',
  reason: 'family_emergency',
  coordinatorPhone: '+1 555 0100',
};

describe('leeway compose', () => {
  it('prints a readable message with the phone script when notice is late', async () => {
    const io = fakeIO();
    expect(await composeCommand(['candidate_cancel', '--context', file('ctx.json', JSON.stringify(context))], io)).toBe(0);
    expect(io.out()).toMatch(/^Subject: Short notice: Cancelling my Data Analyst interview/);
    expect(io.out()).toContain('Channel: phone first');
    expect(io.out()).toContain('Phone script:\n  1. Hello, this is Jordan Lee');
  });

  it('reads the context from standard input and prints JSON', async () => {
    const io = fakeIO(JSON.stringify({ ...context, now: '2026-12-01T08:00:00Z' }));
    expect(await composeCommand(['candidate_cancel', '--tone', 'formal', '--json', '--context', '-'], io)).toBe(0);
    const result = JSON.parse(io.out());
    expect(result).toMatchObject({ channel: 'email', notice: 'ample' });
    expect(result.body).toMatch(/^Dear Ms. Rivera,/);
  });

  it('reports bad input on stderr with exit code 2', async () => {
    const cases: Array<[string[], string, RegExp]> = [
      [['candidate_cancel'], '', /--context/],
      [['not_a_kind', '--context', '-'], '{}', /Unknown kind/],
      [['candidate_cancel', '--context', '-'], 'not json', /not valid JSON/],
      [['candidate_cancel', '--context', '-'], JSON.stringify({ ...context, timezone: 'Nowhere/Else' }), /timezone/],
      [['candidate_cancel', '--context', join(dir, 'missing.json')], '', /Cannot read context/],
      [['candidate_cancel', '--tone', 'snarky', '--context', '-'], '{}', /--tone/],
      [['candidate_cancel', '--bogus'], '', /bogus/],
    ];
    for (const [argv, stdin, message] of cases) {
      const io = fakeIO(stdin);
      expect(await composeCommand(argv, io), argv.join(' ')).toBe(2);
      expect(io.err()).toMatch(message);
      expect(io.out()).toBe('');
    }
  });

  it('refuses a reason from the other side, naming the field', async () => {
    const io = fakeIO(JSON.stringify({ ...context, reason: 'scheduling_error' }));
    expect(await composeCommand(['candidate_cancel', '--context', '-'], io)).toBe(2);
    expect(io.err()).toMatch(/context\.reason/);
    expect(io.err()).toMatch(/scheduling_error/);
    expect(io.out()).toBe('');
  });

  it('says what to do when there is no number to call: send it now', async () => {
    const { coordinatorPhone: _, ...noPhone } = context;
    const io = fakeIO(JSON.stringify(noPhone));
    expect(await composeCommand(['candidate_cancel', '--context', '-'], io)).toBe(0);
    expect(io.out()).toMatch(/^Channel: email/m);
    expect(io.out()).toMatch(/\bsend\b[^.]*\bnow\b/i);
    expect(io.out()).not.toMatch(/call/i);
  });

  it('takes a context with no reason', async () => {
    const { reason: _, ...noReason } = context;
    const io = fakeIO(JSON.stringify({ ...noReason, recipientName: undefined }));
    expect(await composeCommand(['employer_reschedule', '--context', '-'], io)).toBe(0);
    expect(io.out()).not.toMatch(/scheduling error/);
  });

  it('prints help', async () => {
    const io = fakeIO();
    expect(await composeCommand(['--help'], io)).toBe(0);
    expect(io.out()).toContain('Usage: leeway compose KIND');
  });
});

describe('leeway review', () => {
  const draft = 'Thanks for the invite. My last boss was an idiot, so I will skip it.';

  it('marks the flagged words in a readable report', async () => {
    const io = fakeIO();
    expect(await reviewCommand(['--kind', 'candidate_cancel', file('draft.txt', draft)], io)).toBe(0);
    expect(io.out()).toContain('[error] badmouthing');
    expect(io.out()).toContain('>>>idiot<<<');
    expect(io.out()).toMatch(/Score: \d+\/100/);
  });

  it('prints JSON for machines, with notice checks from the context', async () => {
    const io = fakeIO(draft);
    const ctx = file('review-ctx.json', JSON.stringify({ interviewStart: '2026-12-10T15:00:00Z', now: '2026-12-10T08:00:00Z' }));
    expect(await reviewCommand(['--kind', 'candidate_cancel', '--json', '--context', ctx, '-'], io)).toBe(0);
    const review = JSON.parse(io.out());
    expect(review.findings.map((f: { code: string }) => f.code)).toEqual(expect.arrayContaining(['badmouthing', 'call_instead']));
  });

  it('reports bad input with exit code 2', async () => {
    for (const [argv, stdin] of [[['-'], 'x'], [['--kind', 'nope', '-'], 'x'], [['--kind', 'candidate_cancel', '-'], '   '], [['--kind', 'candidate_cancel'], 'x']] as const) {
      const io = fakeIO(stdin);
      expect(await reviewCommand([...argv], io)).toBe(2);
      expect(io.err()).not.toBe('');
    }
  });

  it('refuses an empty or blank draft with a clear message', async () => {
    for (const stdin of ['', '   ', '\n\t\n']) {
      const io = fakeIO(stdin);
      expect(await reviewCommand(['--kind', 'candidate_cancel', '-'], io)).toBe(2);
      expect(io.err()).toMatch(/draft is empty/i);
      expect(io.err()).toMatch(/text/i);
      expect(io.out()).toBe('');
    }
  });

  it('prints help', async () => {
    const io = fakeIO();
    expect(await reviewCommand(['-h'], io)).toBe(0);
    expect(io.out()).toContain('Usage: leeway review');
  });
});

describe('leeway screen', () => {
  it('screens one question a line', async () => {
    const io = fakeIO('Are you a U.S. citizen?\n\nWhy are you interested in this role?\n');
    expect(await screenCommand(['-'], io)).toBe(0);
    expect(io.out()).toContain('[risky] Are you a U.S. citizen?');
    expect(io.out()).toContain('instead: Ask: "Are you authorized to work in the US?"');
    expect(io.out()).toContain('[ok] Why are you interested in this role?');
  });

  it('prints JSON', async () => {
    const io = fakeIO();
    expect(await screenCommand(['--json', file('q.txt', 'How old are you?\n')], io)).toBe(0);
    expect(JSON.parse(io.out()).results[0]).toMatchObject({ verdict: 'risky', topics: ['age'] });
  });

  it('reports bad input with exit code 2', async () => {
    const empty = fakeIO('\n\n');
    expect(await screenCommand(['-'], empty)).toBe(2);
    expect(empty.err()).toMatch(/No questions/);
    const none = fakeIO();
    expect(await screenCommand([], none)).toBe(2);
  });

  it('prints help', async () => {
    const io = fakeIO();
    expect(await screenCommand(['--help'], io)).toBe(0);
    expect(io.out()).toContain('Usage: leeway screen');
  });
});
