/**
 * What a composed message may say: only the reason that was given, from the right side; the tense of a
 * move that is done; the notice under the organization's policy; a call only when there is a number to
 * call; nothing after the signature; the user's own casing and sound grammar wherever a phrase is embedded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.ts';
import { CANDIDATE_REASONS, EMPLOYER_REASONS, REASONS } from '../../reasons.ts';
import { reviewDraft } from '../review/review-draft.ts';
import { COMPOSE_KINDS, TONES } from '../types.ts';
import type { ComposeContext, ComposeKind, ComposeResult, Tone } from '../types.ts';
import { EARLY_END_REASONS, composeMessage, reasonsFor } from './compose-message.ts';

const START = '2026-12-10T15:00:00Z';
const NOW = {
  ample: '2026-12-06T15:00:00Z',
  adequate: '2026-12-09T09:00:00Z',
  late: '2026-12-10T08:00:00Z',
  missed: '2026-12-10T15:40:00Z',
} as const;
type Notice = keyof typeof NOW;
const NOTICES = Object.keys(NOW) as Notice[];
const LINK = 'https://leeway.example/c/abc/reschedule';

const isCandidateKind = (kind: ComposeKind): boolean => kind.startsWith('candidate_');

/** The kinds a message can be written for at this notice: a no-show follow-up only after the start. */
function possible(kind: ComposeKind, notice: Notice): boolean {
  return kind !== 'no_show_followup' || notice === 'missed';
}

function base(kind: ComposeKind, notice: Notice, extra: Partial<ComposeContext> = {}): ComposeContext {
  return {
    candidateName: 'Jordan Lee',
    ...(isCandidateKind(kind) ? { recipientName: 'Ms. Rivera' } : {}),
    companyName: 'Acme',
    roleTitle: 'Data Analyst',
    interviewStart: START,
    now: NOW[notice],
    timezone: 'America/New_York',
    ...extra,
  };
}

function validationPath(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION');
    const errors = (error as DomainError).details?.errors as Array<{ path: string }> | undefined;
    return errors?.[0]?.path;
  }
  return undefined;
}

function everything(result: ComposeResult): string {
  return [result.subject, result.body, ...(result.phoneScript ?? [])].join('\n');
}

describe('a reason belongs to one side', () => {
  it('refuses an employer reason in a candidate message and a candidate reason in an employer message', () => {
    expect(validationPath(() => composeMessage('candidate_cancel', base('candidate_cancel', 'ample', { reason: 'scheduling_error' })))).toBe('context.reason');
    expect(validationPath(() => composeMessage('candidate_reschedule', base('candidate_reschedule', 'ample', { reason: 'interviewer_unavailable' })))).toBe('context.reason');
    expect(validationPath(() => composeMessage('employer_cancel', base('employer_cancel', 'ample', { reason: 'family_emergency' })))).toBe('context.reason');
    expect(validationPath(() => composeMessage('employer_reschedule', base('employer_reschedule', 'ample', { reason: 'accepted_offer' })))).toBe('context.reason');
    expect(validationPath(() => composeMessage('candidate_cancel', base('candidate_cancel', 'ample', { reason: 'inappropriate_questions' })))).toBe('context.reason');
  });

  it('keeps the early-end reasons for the early-end follow-up, and "other" for both sides', () => {
    for (const reason of EARLY_END_REASONS) {
      expect(composeMessage('candidate_end_early_followup', base('candidate_end_early_followup', 'ample', { reason })).elements).toContain('reason');
    }
    expect(() => composeMessage('candidate_cancel', base('candidate_cancel', 'ample', { reason: 'other' }))).not.toThrow();
    expect(() => composeMessage('employer_cancel', base('employer_cancel', 'ample', { reason: 'other' }))).not.toThrow();
  });

  it('lists the reasons a kind accepts from the one reasons table', () => {
    expect(reasonsFor('candidate_cancel')).toEqual(CANDIDATE_REASONS);
    expect(reasonsFor('employer_cancel')).toEqual(EMPLOYER_REASONS);
    expect(reasonsFor('candidate_end_early_followup')).toEqual(expect.arrayContaining([...EARLY_END_REASONS]));
  });
});

describe('the composer keeps no copy of the reasons table', () => {
  it('has no list of reason codes of its own outside the table', () => {
    const codes = Object.keys(REASONS);
    const root = new URL('../', import.meta.url);
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const copies: string[] = [];
    for (const file of files) {
      const source = readFileSync(new URL(file, root), 'utf8');
      // A literal set or array naming two or more reason codes is a copy of the table.
      for (const literal of source.match(/(new Set(<[^>]*>)?\(\[|=\s*\[)[^\]]*\]/g) ?? []) {
        const named = codes.filter((code) => literal.includes(`'${code}'`));
        if (named.length >= 2) copies.push(`${file}: ${literal.slice(0, 80)}`);
      }
    }
    expect(copies).toEqual([]);
  });
});

describe('no reason is invented', () => {
  const kinds: ComposeKind[] = ['candidate_cancel', 'candidate_reschedule', 'candidate_decline', 'candidate_withdraw', 'employer_cancel', 'employer_reschedule'];
  const grid = kinds.flatMap((kind) => NOTICES.flatMap((notice) => TONES.map((tone) => [kind, notice, tone] as const)));

  it.each(grid)('%s with %s notice (%s) and no reason states none', (kind, notice, tone: Tone) => {
    const result = composeMessage(kind, base(kind, notice, { coordinatorPhone: '+1 555 0100', proposedTimes: ['2026-12-14T15:00:00Z'] }), { tone });
    expect(result.elements).not.toContain('reason');
    expect(everything(result)).not.toMatch(/because|owing to|due to|scheduling error|unavoidable|conflict|on our side|emergency|another offer|right fit/i);
  });

  it('an employer reschedule with no reason does not confess a scheduling error', () => {
    const result = composeMessage('employer_reschedule', base('employer_reschedule', 'ample', { proposedTimes: ['2026-12-14T15:00:00Z'] }));
    expect(result.body).not.toMatch(/scheduling error/);
    expect(result.body).toMatch(/sorry/);
  });

  it('refuses a reason that contradicts the message: a move after leaving the process or after the opening ended', () => {
    expect(validationPath(() => composeMessage('candidate_reschedule', base('candidate_reschedule', 'ample', { reason: 'accepted_offer' })))).toBe('context.reason');
    expect(validationPath(() => composeMessage('employer_reschedule', base('employer_reschedule', 'ample', { reason: 'position_filled' })))).toBe('context.reason');
  });
});

describe('an employer reschedule that is already done', () => {
  const done = (extra: Partial<ComposeContext> = {}, notice: Notice = 'ample', tone: Tone = 'warm'): ComposeResult =>
    composeMessage(
      'employer_reschedule',
      base('employer_reschedule', notice, { newStart: '2026-12-14T15:00:00Z', teamTimezone: 'Europe/Berlin', links: { reschedule: LINK }, ...extra }),
      { tone },
    );

  it('says the interview is now at the new time, in the candidate\'s zone and the team\'s', () => {
    const result = done();
    expect(result.body).toContain('Monday, December 14 at 10:00 AM EST (New York time)');
    expect(result.body).toContain('4:00 PM GMT+1 (Berlin time)');
    expect(result.body).toMatch(/now (on|at) Monday, December 14/);
    expect(result.body).toContain('Thursday, December 10 at 10:00 AM EST');
    expect(result.subject).toMatch(/Monday, December 14/);
  });

  it('apologises, thanks and offers to move it again through the link, without asking whether a time works', () => {
    for (const tone of TONES) {
      const result = done({}, 'ample', tone);
      expect(result.body).not.toMatch(/Would one of|times work|\?/);
      expect(result.body).toContain(LINK);
      expect(result.elements).toEqual(expect.arrayContaining(['apology', 'gratitude', 'alternative']));
      const review = reviewDraft({ kind: 'employer_reschedule', text: result.body, context: { interviewStart: START, now: NOW.ample } });
      // No reason was given, so at most the reviewer may miss one.
      expect(review.findings.filter((f) => f.severity !== 'info' && f.code !== 'missing_reason')).toEqual([]);
      for (const element of result.elements) expect(review.elements[element], element).toBe(true);
    }
  });

  it('states the reason when one is given, and only then', () => {
    expect(done({ reason: 'interviewer_unavailable' }).elements).toContain('reason');
    expect(done().elements).not.toContain('reason');
  });

  it('writes the new time once when the team shares the candidate\'s zone, or when the team\'s zone is not given', () => {
    const same = done({ teamTimezone: 'America/New_York' }).body;
    expect(same.match(/10:00 AM EST/g)?.length).toBe(2);
    expect(same).not.toMatch(/for the team/);
    expect(composeMessage('employer_reschedule', base('employer_reschedule', 'ample', { newStart: '2026-12-14T15:00:00Z' })).body).not.toMatch(/Berlin|for the team/);
  });

  it('names the team\'s day when it differs', () => {
    const body = done({ teamTimezone: 'Asia/Tokyo' }).body;
    expect(body).toContain('Tuesday, December 15 at 12:00 AM GMT+9 (Tokyo time)');
  });

  it('refuses a move to the same time and an unknown team zone', () => {
    expect(validationPath(() => done({ newStart: START }))).toBe('context.newStart');
    expect(validationPath(() => done({ teamTimezone: 'Moon/Base' }))).toBe('context.teamTimezone');
  });

  it('keeps the proposal mode when no new time is given', () => {
    const result = composeMessage('employer_reschedule', base('employer_reschedule', 'ample', { proposedTimes: ['2026-12-14T15:00:00Z'] }));
    expect(result.body).toMatch(/Would one of these times work for you/);
  });

  it('writes a phone script about the move that is done, at short notice', () => {
    const result = done({ coordinatorPhone: '+1 555 0100' }, 'late');
    expect(result.channel).toBe('phone');
    expect(result.phoneScript?.join(' ')).toMatch(/now (on|at) Monday, December 14/);
    expect(result.phoneScript?.join(' ')).not.toMatch(/Could we offer/);
  });
});

describe('nothing follows the signature', () => {
  const closings = ['Best wishes,', 'Kind regards,', 'Warm regards,'];
  const contexts = (kind: ComposeKind, notice: Notice): ComposeContext[] => [
    base(kind, notice, { reason: reasonsFor(kind)[0] }),
    base(kind, notice, {
      reason: reasonsFor(kind)[reasonsFor(kind).length - 1],
      senderName: 'Dana Kim',
      proposedTimes: ['2026-12-14T15:00:00Z', '2026-12-15T19:30:00Z'],
      keepInTouch: true,
      referral: { name: 'Sam Ortiz', email: 'sam.ortiz@example.com' },
      coordinatorPhone: '+1 555 0100',
      links: { reschedule: LINK, cancel: 'https://leeway.example/c/abc/cancel' },
      location: '12 Main Street, Springfield',
      leaveBy: '2026-12-10T14:15:00Z',
      videoUrl: 'https://meet.example/abc',
    }),
  ];
  const grid = COMPOSE_KINDS.flatMap((kind) => NOTICES.filter((n) => possible(kind, n)).flatMap((notice) => TONES.map((tone) => [kind, notice, tone] as const)));

  it.each(grid)('%s, %s notice, %s tone', (kind, notice, tone: Tone) => {
    for (const context of contexts(kind, notice)) {
      const lines = composeMessage(kind, context, { tone }).body.split('\n');
      const signer = isCandidateKind(kind) ? 'Jordan Lee' : (context.senderName ?? 'The Acme hiring team');
      expect(lines[lines.length - 1]).toBe(signer);
      expect(closings).toContain(lines[lines.length - 2]);
      expect(lines[lines.length - 3]).toBe('');
    }
  });
});

/** Every reason a kind accepts, and none. */
function reasonChoices(kind: ComposeKind): Array<string | undefined> {
  if (kind === 'candidate_end_early_followup') return [...reasonsFor(kind)];
  if (kind === 'candidate_reschedule') return [undefined, ...reasonsFor(kind).filter((r) => !REASONS[r as keyof typeof REASONS]?.leavesProcess)];
  if (kind === 'employer_reschedule') return [undefined, ...reasonsFor(kind).filter((r) => !REASONS[r as keyof typeof REASONS]?.endsOpening)];
  return [undefined, ...reasonsFor(kind)];
}

/** Checks that catch a phrase embedded where it does not fit. */
function grammarProblems(kind: ComposeKind, text: string, companyName: string): string[] {
  const problems: string[] = [];
  const check = (name: string, pattern: RegExp): void => {
    const match = text.match(pattern);
    if (match) problems.push(`${name}: "${match[0]}"`);
  };
  check('doubled word', /\b(\w+)\s+\1\b/i);
  check('doubled article', /\b(a|an|the)\s+(a|an|the|my|your|our|their)\b/i);
  check('a before a vowel', /\ba\s+[aeiou]\w*/i);
  check('space before punctuation', /[ \t][,.;:!?]/);
  check('doubled punctuation', /[,;:]\s*[,;:.]|\.\.(?!\.)|\?\./);
  check('double space', /\S {2,}\S/);
  check('because with a clause that is not a cause', /because (of )?(after|following|I've|I have)\b/i);
  check('missing value', /\b(undefined|null|NaN)\b/);
  check('lower-case title', /data analyst|round 2 with cto/);
  // A first-person phrase hung on a noun phrase, with no "I" to carry it ("the role no longer being the right fit for me").
  check('"for me" in a noun phrase', /\b(being|been)\b[^.?!\n]*\bfor me\b/);
  for (const sentence of text.split(/(?<=[.!?])\s+|\n/)) {
    const first = sentence.replace(/^[-\s(]+/, '')[0];
    const userCased = sentence.trim().startsWith(companyName) || /^https?:/.test(sentence.trim());
    if (first && /[a-z]/.test(first) && !userCased) problems.push(`lower-case sentence start: "${sentence}"`);
  }
  if (!isCandidateKind(kind)) check('first person in an employer message', /\b(I|I'm|I've|I'd|me|my|mine)\b/);
  else check('the employer\'s voice in a candidate message', /\bour side\b|\bwe made\b/i);
  return problems;
}

describe('grammar wherever a reason phrase is embedded', () => {
  const grid = COMPOSE_KINDS.flatMap((kind) =>
    NOTICES.filter((n) => possible(kind, n)).flatMap((notice) => TONES.flatMap((tone) => reasonChoices(kind).map((reason) => [kind, notice, tone, reason ?? '(none)'] as const))),
  );

  it.each(grid)('%s, %s notice, %s tone, reason %s', (kind, notice, tone: Tone, reason) => {
    for (const extra of [
      {},
      { coordinatorPhone: '+1 555 0100', proposedTimes: ['2026-12-14T15:00:00Z'], keepInTouch: true, referral: { name: 'Sam Ortiz', email: 'sam@example.com' }, links: { reschedule: LINK } },
      { roleTitle: 'Round 2 with CTO', companyName: 'eBay', newStart: kind === 'employer_reschedule' ? '2026-12-14T15:00:00Z' : undefined, teamTimezone: 'Europe/Berlin' },
    ] as Array<Partial<ComposeContext>>) {
      const context = base(kind, notice, { ...(reason === '(none)' ? {} : { reason }), ...extra });
      const result = composeMessage(kind, context, { tone });
      const text = [result.subject, result.body, ...(result.phoneScript ?? [])].join('\n');
      expect(grammarProblems(kind, text, context.companyName)).toEqual([]);
      if (context.roleTitle === 'Round 2 with CTO') {
        // Whenever the title or the company is written, it is written as the user wrote it.
        for (const match of text.match(/round 2 with cto|ebay/gi) ?? []) expect(['Round 2 with CTO', 'eBay']).toContain(match);
      }
    }
  });
});

describe('a reminder prepares the candidate', () => {
  const reminder = (extra: Partial<ComposeContext> = {}, tone: Tone = 'warm'): string =>
    composeMessage('reminder', base('reminder', 'adequate', { links: { reschedule: LINK }, ...extra }), { tone }).body;

  it('gives the leave-by time for an interview in person', () => {
    for (const tone of TONES) {
      expect(reminder({ location: '12 Main Street, Springfield', leaveBy: '2026-12-10T13:15:00Z' }, tone)).toMatch(/leav(e|ing) by 8:15 AM to arrive with time to spare/);
    }
    expect(reminder({ location: '12 Main Street, Springfield' })).not.toMatch(/leave by/i);
  });

  it('has a short preparation checklist: on time, the company researched, questions and materials', () => {
    const body = reminder({ location: '12 Main Street, Springfield' });
    expect(body).toMatch(/on time|a few minutes early/i);
    expect(body).toMatch(/Acme/);
    expect(body).toMatch(/research|read up/i);
    expect(body).toMatch(/questions/);
    expect(body).toMatch(/CV|résumé|portfolio|materials/);
  });

  it('tells a video candidate to test the link a few minutes early', () => {
    const body = reminder({ videoUrl: 'https://meet.example/abc' });
    expect(body).toContain('https://meet.example/abc');
    expect(body).toMatch(/test the link a few minutes early/i);
    expect(reminder({ location: '12 Main Street, Springfield' })).not.toMatch(/video|test the link/i);
  });

  it('says how to change it through the link if they cannot make it', () => {
    const paragraph = reminder().split('\n\n').find((p) => /can(no|')t make it/.test(p));
    expect(paragraph).toContain(LINK);
  });

  it('refuses a leave-by time after the start', () => {
    expect(validationPath(() => reminder({ leaveBy: '2026-12-10T15:30:00Z' }))).toBe('context.leaveBy');
  });
});

describe('notice follows the organization\'s policy', () => {
  const at = (hoursBefore: number): string => new Date(Date.parse(START) - hoursBefore * 3_600_000).toISOString();

  it('classifies with the policy given, and with the default otherwise', () => {
    const policy = { ampleHours: 72, adequateHours: 48 };
    expect(composeMessage('candidate_cancel', base('candidate_cancel', 'ample', { now: at(60), reason: 'other' })).notice).toBe('ample');
    expect(composeMessage('candidate_cancel', base('candidate_cancel', 'ample', { now: at(60), reason: 'other', noticePolicy: policy })).notice).toBe('adequate');
    expect(composeMessage('candidate_cancel', base('candidate_cancel', 'ample', { now: at(27), reason: 'other', noticePolicy: policy })).notice).toBe('late');
  });

  it('never speaks of "a day" and states the real time left in the advice', () => {
    const cases = [
      [{ ampleHours: 72, adequateHours: 48 }, 27, '27 hours'],
      [{ ampleHours: 300, adequateHours: 250 }, 245, '10 days'],
    ] as const;
    for (const [policy, hours, left] of cases) {
      for (const kind of ['candidate_cancel', 'employer_cancel'] as const) {
        const result = composeMessage(kind, base(kind, 'ample', { now: at(hours), noticePolicy: policy, coordinatorPhone: '+1 555 0100' }));
        expect(result.notice).toBe('late');
        expect(everything(result)).not.toMatch(/a day|24 hours/);
        expect(result.body).toMatch(/short notice/);
        expect(result.advice).toContain(`${left} away`);
        expect(result.advice).not.toMatch(/a day/);
      }
    }
  });

  it('refuses a policy whose thresholds are not positive or out of order', () => {
    expect(validationPath(() => composeMessage('candidate_cancel', base('candidate_cancel', 'ample', { noticePolicy: { ampleHours: 24, adequateHours: 48 } })))).toBe('context.noticePolicy');
    expect(validationPath(() => composeMessage('candidate_cancel', base('candidate_cancel', 'ample', { noticePolicy: { ampleHours: 48, adequateHours: -1 } })))).toBe('context.noticePolicy');
  });

  it('never mentions a call without a number: the channel is email and the note goes now', () => {
    for (const kind of ['candidate_cancel', 'candidate_reschedule', 'candidate_decline', 'candidate_withdraw', 'employer_cancel', 'employer_reschedule', 'position_filled'] as const) {
      for (const notice of ['late', 'missed'] as const) {
        for (const tone of TONES) {
          const result = composeMessage(kind, base(kind, notice), { tone });
          expect(result.channel, `${kind} ${notice}`).toBe('email');
          expect(result.phoneScript).toBeUndefined();
          expect(everything(result), `${kind} ${notice}`).not.toMatch(/\bcall|\bphon|telephon|\bring\b/i);
          expect(result.advice).toMatch(/\bsend\b[^.]*\bnow\b/i);
          expect(result.advice).not.toMatch(/\bcall/i);
        }
      }
    }
  });

  it('asks for the call first when there is a number', () => {
    const result = composeMessage('candidate_cancel', base('candidate_cancel', 'late', { coordinatorPhone: '+1 555 0100' }));
    expect(result.channel).toBe('phone');
    expect(result.advice).toMatch(/call \+1 555 0100/i);
    expect(result.advice).toMatch(/7 hours/);
  });
});

describe('a no-show follow-up', () => {
  const followup = (extra: Partial<ComposeContext> = {}, tone: Tone = 'warm'): ComposeResult =>
    composeMessage('no_show_followup', base('no_show_followup', 'missed', { now: '2026-12-10T16:30:00Z', ...extra }), { tone });

  it('asks kindly whether all is well, accuses no one, and offers the link to a new time', () => {
    for (const tone of TONES) {
      const result = followup({ links: { reschedule: LINK } }, tone);
      expect(result.body).toMatch(/(all|everything) (is )?(well|all right|okay)\?/i);
      expect(result.body).not.toMatch(/no-show|didn't show|did not show|failed to|you missed|did not attend|didn't attend|absence|you were absent|no explanation/i);
      expect(result.body).toContain(LINK);
      expect(result.elements).toContain('alternative');
      const review = reviewDraft({ kind: 'no_show_followup', text: result.body });
      expect(review.findings.map((f) => f.code)).not.toContain('blame');
      expect(review.findings.filter((f) => f.severity === 'error')).toEqual([]);
    }
  });

  it('offers a reply instead when there is no link', () => {
    expect(followup().body).toMatch(/reply/);
  });

  it('is refused before the interview has started', () => {
    expect(validationPath(() => composeMessage('no_show_followup', base('no_show_followup', 'ample')))).toBe('context.now');
  });
});
