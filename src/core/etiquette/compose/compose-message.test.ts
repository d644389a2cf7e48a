import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../errors.ts';
import { analyseText } from '../nlp/analyse-text.ts';
import { reviewDraft } from '../review/review-draft.ts';
import { COMPOSE_KINDS, TONES } from '../types.ts';
import type { ComposeContext, ComposeKind, ComposeResult, Tone } from '../types.ts';
import { composeMessage, reasonsFor } from './compose-message.ts';

const START = '2026-12-10T15:00:00Z';
/** One `now` per notice class for an interview at START. */
const NOW = {
  ample: '2026-12-06T15:00:00Z',
  adequate: '2026-12-09T09:00:00Z',
  late: '2026-12-10T08:00:00Z',
  missed: '2026-12-10T15:40:00Z',
} as const;
type Notice = keyof typeof NOW;

const REASON: Record<ComposeKind, string> = {
  candidate_cancel: 'family_emergency',
  candidate_reschedule: 'schedule_conflict',
  candidate_decline: 'accepted_offer',
  candidate_withdraw: 'not_a_fit',
  candidate_end_early_followup: 'inappropriate_questions',
  candidate_keep_in_touch: 'other',
  employer_cancel: 'interviewer_unavailable',
  employer_reschedule: 'scheduling_error',
  position_filled: 'position_filled',
  no_show_followup: 'other',
  reminder: 'other',
};

/** A no-show follow-up is written only after the start. */
function possible(kind: ComposeKind, notice: Notice): boolean {
  return kind !== 'no_show_followup' || notice === 'missed';
}

/** The notice a kind is shown at when any will do. */
function usual(kind: ComposeKind): Notice {
  return possible(kind, 'ample') ? 'ample' : 'missed';
}

function contextFor(kind: ComposeKind, notice: Notice, extra: Partial<ComposeContext> = {}): ComposeContext {
  return {
    candidateName: 'Jordan Lee',
    recipientName: kind.startsWith('candidate_') ? 'Ms. Rivera' : undefined,
    companyName: 'Acme',
    roleTitle: 'Data Analyst',
    interviewStart: START,
    now: NOW[notice],
    timezone: 'America/New_York',
    reason: REASON[kind],
    proposedTimes: ['2026-12-14T15:00:00Z', '2026-12-15T19:30:00Z'],
    keepInTouch: true,
    referral: { name: 'Sam Ortiz', email: 'sam.ortiz@example.com' },
    coordinatorPhone: '+1 555 0100',
    links: { reschedule: 'https://leeway.example/c/abc/reschedule', cancel: 'https://leeway.example/c/abc/cancel' },
    location: '12 Main Street, Springfield',
    leaveBy: '2026-12-10T14:15:00Z',
    ...extra,
  };
}

function render(result: ComposeResult): string {
  const phone = result.phoneScript ? `\n--- phone script ---\n${result.phoneScript.join('\n')}` : '';
  return `channel: ${result.channel}\nsubject: ${result.subject}\nelements: ${result.elements.join(', ')}\nadvice: ${result.advice}\n\n${result.body}${phone}\n`;
}

const NOTICES = Object.keys(NOW) as Notice[];
const CASES = COMPOSE_KINDS.flatMap((kind) => NOTICES.filter((notice) => possible(kind, notice)).map((notice) => [kind, notice] as const));

/** Variants worth reading whole: no reason given, no number to call, a move already done, a video interview. */
const VARIANTS: Array<[name: string, kind: ComposeKind, notice: Notice, change: Partial<ComposeContext>, tone?: Tone]> = [
  ['no-reason', 'employer_reschedule', 'ample', { reason: undefined }],
  ['no-reason', 'candidate_reschedule', 'adequate', { reason: undefined }],
  ['no-reason', 'employer_cancel', 'late', { reason: undefined }],
  ['no-phone', 'candidate_cancel', 'late', { coordinatorPhone: undefined }],
  ['called-ahead', 'candidate_cancel', 'late', { calledAhead: true }],
  ['called-ahead', 'candidate_withdraw', 'missed', { calledAhead: true }, 'formal'],
  ['no-phone', 'employer_cancel', 'missed', { coordinatorPhone: undefined }],
  ['done', 'employer_reschedule', 'ample', { reason: undefined, newStart: '2026-12-14T15:00:00Z', teamTimezone: 'Europe/Berlin', proposedTimes: [] }],
  ['done-late', 'employer_reschedule', 'late', { reason: 'interviewer_unavailable', newStart: '2026-12-11T14:00:00Z', teamTimezone: 'Asia/Tokyo', proposedTimes: [] }],
  ['done-formal', 'employer_reschedule', 'adequate', { newStart: '2026-12-14T15:00:00Z', teamTimezone: 'Europe/Berlin', proposedTimes: [], links: {} }, 'formal'],
  ['video', 'reminder', 'adequate', { location: undefined, leaveBy: undefined, videoUrl: 'https://meet.example/abc-defg-hij' }],
  ['closed', 'position_filled', 'ample', { reason: 'position_closed' }],
  ['no-link', 'no_show_followup', 'missed', { links: undefined }],
  ['policy-72-48', 'candidate_cancel', 'ample', { now: '2026-12-09T12:00:00Z', noticePolicy: { ampleHours: 72, adequateHours: 48 } }],
];

describe('composeMessage golden texts', () => {
  it.each(CASES)('%s with %s notice', async (kind, notice) => {
    const result = composeMessage(kind, contextFor(kind, notice), { tone: 'warm' });
    await expect(render(result)).toMatchFileSnapshot(`./__golden__/${kind}.${notice}.txt`);
  });

  it.each(COMPOSE_KINDS)('%s in the formal tone', async (kind) => {
    await expect(render(composeMessage(kind, contextFor(kind, usual(kind)), { tone: 'formal' }))).toMatchFileSnapshot(`./__golden__/${kind}.formal.txt`);
  });

  it.each(VARIANTS)('%s: %s with %s notice', async (name, kind, notice, change, tone = 'warm') => {
    await expect(render(composeMessage(kind, contextFor(kind, notice, change), { tone }))).toMatchFileSnapshot(`./__golden__/${kind}.${name}.txt`);
  });
});

describe('every composed message passes the reviewer', () => {
  const grid = CASES.flatMap(([kind, notice]) => TONES.map((tone) => [kind, notice, tone] as const));
  it.each(grid)('%s, %s notice, %s tone', (kind, notice, tone: Tone) => {
    const context = contextFor(kind, notice);
    const result = composeMessage(kind, context, { tone });
    const review = reviewDraft({ kind, text: result.body, context: { ...context, reason: context.reason } });
    expect(review.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // What the composer says it wrote, the reviewer must find.
    for (const element of result.elements) expect(review.elements[element], element).toBe(true);
    expect(analyseText(result.body).wordCount).toBeLessThan(180);
  });

  it('holds for any names, roles, zones, reasons and times (property)', () => {
    const word = fc.stringMatching(/^[A-Z][a-z]{1,11}$/);
    fc.assert(
      fc.property(
        fc.constantFrom(...COMPOSE_KINDS),
        fc.constantFrom(...TONES),
        fc.record({
          first: word,
          last: word,
          company: word,
          role: fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
          timezone: fc.constantFrom('UTC', 'America/Los_Angeles', 'Europe/London', 'Asia/Kolkata', 'Pacific/Chatham', 'Australia/Lord_Howe'),
          minutesBefore: fc.integer({ min: -120, max: 10 * 24 * 60 }),
          reasonPick: fc.nat(),
          withReason: fc.boolean(),
          phone: fc.boolean(),
          policy: fc.constantFrom(undefined, { ampleHours: 72, adequateHours: 48 }, { ampleHours: 300, adequateHours: 250 }),
          times: fc.integer({ min: 0, max: 5 }),
          keepInTouch: fc.boolean(),
          referral: fc.boolean(),
        }),
        (kind, tone, r) => {
          const start = Date.parse(START);
          if (kind === 'no_show_followup' && r.minutesBefore > 0) return;
          const reasons = reasonsFor(kind);
          const reason = r.withReason || kind === 'candidate_end_early_followup' ? reasons[r.reasonPick % Math.max(1, reasons.length)] : undefined;
          const context: ComposeContext = {
            candidateName: `${r.first} ${r.last}`,
            companyName: r.company,
            roleTitle: r.role,
            interviewStart: START,
            now: new Date(start - r.minutesBefore * 60_000).toISOString(),
            timezone: r.timezone,
            ...(reason ? { reason } : {}),
            ...(r.phone ? { coordinatorPhone: '+44 20 7946 0000' } : {}),
            ...(r.policy ? { noticePolicy: r.policy } : {}),
            proposedTimes: Array.from({ length: r.times }, (_, i) => new Date(start + (i + 3) * 86_400_000).toISOString()),
            keepInTouch: r.keepInTouch,
            ...(r.referral ? { referral: { name: `${r.last} ${r.first}`, email: 'ref@example.com' } } : {}),
          };
          const result = composeMessage(kind, context, { tone });
          const review = reviewDraft({ kind, text: result.body, context: { ...context, referral: context.referral } });
          expect(review.findings.filter((f) => f.severity === 'error')).toEqual([]);
          expect(analyseText(result.body).wordCount).toBeLessThan(180);
          if (!reason && kind !== 'position_filled') expect(result.elements).not.toContain('reason');
          if (!r.phone) expect(result.channel).toBe('email');
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });
});

describe('composeMessage', () => {
  it('asks for a phone call first, with a short script, under 24 hours', () => {
    const late = composeMessage('candidate_cancel', contextFor('candidate_cancel', 'late'));
    expect(late.channel).toBe('phone');
    expect(late.phoneScript?.length).toBeGreaterThanOrEqual(3);
    expect(late.phoneScript?.length).toBeLessThanOrEqual(5);
    expect(late.body).toMatch(/short notice/);
    // The email claims no call the candidate may not make: only one who says they have phoned says so.
    expect(late.body).not.toMatch(/\bcall|telephon/i);
    const called = composeMessage('candidate_cancel', contextFor('candidate_cancel', 'late', { calledAhead: true }));
    expect(called.body).toContain('I have also called you at +1 555 0100.');
    // The reviewer still asks for the call when the candidate has not said they made it.
    const review = (text: string, calledAhead?: boolean) =>
      reviewDraft({ kind: 'candidate_cancel', text, context: { interviewStart: START, now: NOW.late, calledAhead } }).findings.map((f) => f.code);
    expect(review(late.body)).toContain('call_instead');
    expect(review(called.body, true)).not.toContain('call_instead');
    const ample = composeMessage('candidate_cancel', contextFor('candidate_cancel', 'ample'));
    expect(ample.channel).toBe('email');
    expect(ample.phoneScript).toBeUndefined();
  });

  it('apologises for missing the start when written after it', () => {
    const missed = composeMessage('candidate_cancel', contextFor('candidate_cancel', 'missed'));
    expect(missed.notice).toBe('missed');
    expect(missed.body).toMatch(/sorry that I missed/);
  });

  it('writes times in the reader\'s zone and names it, whatever the host zone', () => {
    const result = composeMessage('employer_reschedule', contextFor('employer_reschedule', 'ample', { timezone: 'Asia/Kolkata' }));
    expect(result.body).toContain('Thursday, December 10 at 8:30 PM GMT+5:30 (Kolkata time)');
    expect(result.body).toContain('Monday, December 14 at 8:30 PM GMT+5:30');
  });

  it('keeps the private details out: only the category of the reason is shared', () => {
    const result = composeMessage('candidate_cancel', contextFor('candidate_cancel', 'ample', { reason: 'medical_emergency' }));
    expect(result.body).toContain('a medical emergency');
  });

  it('offers no new time when the candidate is leaving the process', () => {
    const result = composeMessage('candidate_cancel', contextFor('candidate_cancel', 'ample', { reason: 'accepted_offer' }));
    expect(result.elements).not.toContain('alternative');
  });

  it('adds the open door and the referral only when asked', () => {
    const without = composeMessage('candidate_decline', contextFor('candidate_decline', 'ample', { keepInTouch: false, referral: undefined }));
    expect(without.elements).toEqual(['gratitude', 'reason']);
    const withBoth = composeMessage('candidate_decline', contextFor('candidate_decline', 'ample'));
    expect(withBoth.elements).toEqual(expect.arrayContaining(['keepDoorOpen', 'referral']));
    expect(withBoth.body).toContain('sam.ortiz@example.com');
  });

  it('varies its openings across kinds', () => {
    for (const tone of TONES) {
      const openings = COMPOSE_KINDS.map((kind) => {
        const body = composeMessage(kind, contextFor(kind, usual(kind)), { tone }).body;
        return (body.split('\n\n')[1] ?? '').split(/\s+/).slice(0, 2).join(' ');
      });
      expect(new Set(openings).size, openings.join(' | ')).toBeGreaterThanOrEqual(9);
    }
  });

  it('uses no empty phrases', () => {
    const empty = /hope this (email|message) finds you|do not hesitate|don't hesitate|at your earliest convenience|per my last|as per|needless to say|going forward/i;
    for (const [kind, notice] of CASES) {
      for (const tone of TONES) expect(composeMessage(kind, contextFor(kind, notice), { tone }).body).not.toMatch(empty);
    }
  });

  it('is deterministic', () => {
    const context = contextFor('candidate_reschedule', 'adequate');
    expect(composeMessage('candidate_reschedule', context)).toEqual(composeMessage('candidate_reschedule', context));
  });

  it('accepts Date instants as well as ISO strings', () => {
    const context = contextFor('reminder', 'adequate');
    const dates = { ...context, interviewStart: new Date(START), now: new Date(NOW.adequate), leaveBy: new Date('2026-12-10T14:15:00Z') };
    expect(composeMessage('reminder', dates)).toEqual(composeMessage('reminder', context));
  });

  it('refuses bad input with a validation error that says what is wrong', () => {
    const bad: Array<[ComposeKind, Partial<ComposeContext>, RegExp]> = [
      ['candidate_cancel', { timezone: 'Mars/Olympus' }, /timezone/],
      ['candidate_cancel', { interviewStart: '2026-12-10 10:00' }, /interviewStart/],
      ['candidate_cancel', { reason: 'felt like it' }, /reason/],
      ['candidate_cancel', { candidateName: '' }, /candidateName/],
      // Only a decline may be written about no time at all.
      ['candidate_cancel', { interviewStart: undefined }, /interviewStart/],
      ['candidate_withdraw', { interviewStart: undefined }, /interviewStart/],
    ];
    for (const [kind, change, message] of bad) {
      try {
        composeMessage(kind, contextFor(kind, 'ample', change));
        expect.unreachable();
      } catch (error) {
        expect(isDomainError(error, 'VALIDATION')).toBe(true);
        expect((error as Error).message).toMatch(message);
      }
    }
    expect(() => composeMessage('nope' as never, contextFor('reminder', 'ample'))).toThrow(/Unknown kind/);
  });

  it('declines an invitation with no time picked without naming a time or claiming one is freed', () => {
    const result = composeMessage('candidate_decline', contextFor('candidate_decline', 'ample', { interviewStart: undefined, leaveBy: undefined }));
    expect(result.notice).toBe('ample');
    expect(result.channel).toBe('email');
    expect(result.body).toContain('decline the interview');
    expect(result.body).toContain('Sam Ortiz');
    expect(result.body).not.toMatch(/frees|December|\b(AM|PM)\b/);
    expect(result.elements).toEqual(expect.arrayContaining(['gratitude', 'reason']));
    // The same decline with a time picked says whose calendar it frees.
    const booked = composeMessage('candidate_decline', contextFor('candidate_decline', 'ample'));
    expect(booked.body).toMatch(/frees the interview on/);
  });
});

