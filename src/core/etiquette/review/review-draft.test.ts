import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../errors.ts';
import type { ComposeKind, ElementPresence, FindingCode } from '../types.ts';
import { reviewDraft } from './review-draft.ts';
import { SEVERITY_DEDUCTIONS } from './score-findings.ts';

interface MessageExample {
  id: string;
  kind: ComposeKind;
  context: { interviewStart: string; now: string; timezone: string };
  text: string;
  expected: { elements: ElementPresence; findingsInclude: FindingCode[]; findingsExclude: FindingCode[] };
}

/** One labelled draft a line, in the corpus's format. */
function loadMessageExamples(name: string): MessageExample[] {
  const text = readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as MessageExample);
}

const examples = [
  ...loadMessageExamples('corpus-messages.jsonl'),
  // Our own phrasings: British spelling, lower case, no punctuation, slang, negations, other synonyms.
  ...loadMessageExamples('own-messages.jsonl'),
];

describe('reviewDraft on labelled examples', () => {
  it.each(examples.map((e) => [e.id, e] as const))('%s', (_id, example) => {
    const review = reviewDraft({ kind: example.kind, text: example.text, context: example.context });
    expect(review.elements).toEqual(example.expected.elements);
    const codes = new Set(review.findings.map((f) => f.code));
    for (const code of example.expected.findingsInclude) expect(codes, `should report ${code}`).toContain(code);
    for (const code of example.expected.findingsExclude) expect(codes, `should not report ${code}`).not.toContain(code);
  });
});

const AMPLE = { interviewStart: '2026-12-10T15:00:00Z', now: '2026-12-06T15:00:00Z', timezone: 'UTC' };

describe('reviewDraft', () => {
  it('points its spans at the words it flags', () => {
    const text = 'Thank you for the invite. My last boss was an idiot, sorry. Could we try Monday?';
    const review = reviewDraft({ kind: 'candidate_cancel', text, context: AMPLE });
    const finding = review.findings.find((f) => f.code === 'badmouthing');
    expect(text.slice(finding?.start, finding?.end)).toBe('idiot');
  });

  it('spans the private details, not the whole message', () => {
    const text = 'Thanks. I need to cancel: my biopsy is that morning. Sorry. Could we do Friday?';
    const finding = reviewDraft({ kind: 'candidate_cancel', text }).findings.find((f) => f.code === 'oversharing');
    expect(text.slice(finding?.start, finding?.end)).toBe('biopsy');
  });

  it('does not count a negated thanks or apology', () => {
    const review = reviewDraft({ kind: 'candidate_cancel', text: "I'm not sorry and I'm not grateful either." });
    expect(review.elements.gratitude).toBe(false);
    expect(review.elements.apology).toBe(false);
  });

  it('keeps "sorry to hear" apart from an apology', () => {
    expect(reviewDraft({ kind: 'employer_cancel', text: 'We were sorry to hear about your delay.' }).elements.apology).toBe(false);
  });

  it('reads a withdrawal that frees its interview slot as offering no alternative, and "I\'m free on Monday" as one', () => {
    const withdrawal = [
      'Thank you for the time you and your team have given my application for the Data Analyst role.',
      "I'd like to withdraw my application. This frees the interview on Thursday, December 10 at 10:00 AM EST (New York time) for another candidate.",
    ].join(' ');
    expect(reviewDraft({ kind: 'candidate_withdraw', text: withdrawal }).elements.alternative).toBe(false);
    expect(reviewDraft({ kind: 'candidate_reschedule', text: "I can't make Thursday. I'm free on Monday afternoon." }).elements.alternative).toBe(true);
  });

  it('explains every lost point with a finding', () => {
    const review = reviewDraft({ kind: 'candidate_cancel', text: "hi, can't make it today. something came up. jordan" });
    const lost = review.findings.reduce((sum, f) => sum + SEVERITY_DEDUCTIONS[f.severity], 0);
    expect(review.score).toBe(Math.max(0, 100 - lost));
    expect(review.findings.map((f) => f.code)).toContain('vague_reason');
  });

  it('scores a complete, courteous message 100', () => {
    const text =
      'Dear Ms. Rivera, thank you for the invitation. Because of a family emergency I must cancel Thursday. ' +
      'I apologise for the inconvenience. Would Monday at 10 AM work instead?';
    expect(reviewDraft({ kind: 'candidate_cancel', text, context: AMPLE })).toMatchObject({ score: 100, findings: [] });
  });

  it('makes arriving after the start without an apology an error', () => {
    const context = { ...AMPLE, now: '2026-12-10T15:05:00Z' };
    const review = reviewDraft({ kind: 'candidate_cancel', text: 'Thank you. My train was cancelled. Can we do Friday?', context });
    expect(review.findings).toContainEqual(expect.objectContaining({ code: 'after_start', severity: 'error' }));
  });

  it('accepts the written note when the sender says they have called', () => {
    const context = { ...AMPLE, now: '2026-12-10T09:00:00Z' };
    const text = 'Thanks for the invite. Because of a fever I must cancel today, sorry. Could we do next week?';
    expect(reviewDraft({ kind: 'candidate_cancel', text, context }).findings.map((f) => f.code)).toContain('call_instead');
    expect(reviewDraft({ kind: 'candidate_cancel', text, context: { ...context, calledAhead: true } }).findings.map((f) => f.code)).not.toContain('call_instead');
    expect(reviewDraft({ kind: 'candidate_cancel', text: `${text} I tried to call you as well.`, context }).findings.map((f) => f.code)).not.toContain('call_instead');
  });

  it('ties a reason to the calling-off, not to small talk or a postscript', () => {
    const aside = 'Thanks! My wife says hi, by the way. I need to cancel Thursday, sorry. Could we do Monday?';
    expect(reviewDraft({ kind: 'candidate_cancel', text: aside, context: AMPLE }).elements.reason).toBe(false);
    const ps = 'I must cancel Thursday, sorry. Could we do Monday? Thanks! P.S. My kids loved your booth at the school fair.';
    expect(reviewDraft({ kind: 'candidate_cancel', text: ps, context: AMPLE }).elements.reason).toBe(false);
    const trouble = "Thanks. My car won't start. I'm sorry but I can't make it on Thursday. Could we do Monday?";
    expect(reviewDraft({ kind: 'candidate_cancel', text: trouble, context: AMPLE }).elements.reason).toBe(true);
  });

  it('reads sarcasm as running the reader down, and its thanks as no thanks', () => {
    const review = reviewDraft({ kind: 'candidate_withdraw', text: "Thanks for nothing. I'm withdrawing.", context: AMPLE });
    expect(review.elements.gratitude).toBe(false);
    expect(review.findings.map((f) => f.code)).toContain('badmouthing');
    const sincere = 'Thank you, it shows how much you value good engineering. I would love to stay in touch.';
    expect(reviewDraft({ kind: 'candidate_keep_in_touch', text: sincere }).findings.map((f) => f.code)).not.toContain('badmouthing');
  });

  it('lets a negation govern the word after it, not an apology after that', () => {
    expect(reviewDraft({ kind: 'candidate_cancel', text: 'thursday wont work sorry' }).elements.apology).toBe(true);
    expect(reviewDraft({ kind: 'candidate_cancel', text: "I'm not really sorry." }).elements.apology).toBe(false);
    expect(reviewDraft({ kind: 'candidate_cancel', text: "Can't make Thursday." }).elements.alternative).toBe(false);
  });

  it('reads blaming the other side\'s people for slowness, disorder or incompetence as blame', () => {
    const blamed = [
      'your recruiter is slow too',
      'Thanks for the invite. I need to cancel Thursday because of a family emergency. Your recruiter is slow too.',
      'Your scheduling team is really slow to reply.',
      'HR took ages to get back to me.',
      'The coordinator has been unresponsive all week.',
      'Your team is so disorganised.',
      'Your recruiters are incompetent.',
      'The interviewer was unprepared and clearly had not read my CV.',
      'Your hiring manager keeps dragging his feet.',
    ];
    for (const text of blamed) {
      expect(reviewDraft({ kind: 'candidate_cancel', text }).findings.map((f) => f.code), text).toContain('blame');
    }
    const fine = [
      'Sorry I was slow to reply.',
      'I am slow to reply, sorry.',
      'The traffic was slow this morning, so I could not make it.',
      'My train was slow and I missed the start.',
      'Thank you for being so quick to reply.',
      'I know the recruiter was not slow at all.',
    ];
    for (const text of fine) {
      expect(reviewDraft({ kind: 'candidate_cancel', text }).findings.map((f) => f.code), text).not.toContain('blame');
    }
  });

  it('refuses an empty or blank draft with a field error at text', () => {
    for (const text of ['', '   ', '\n\t ']) {
      try {
        reviewDraft({ kind: 'candidate_cancel', text });
        expect.unreachable();
      } catch (error) {
        expect(isDomainError(error, 'VALIDATION')).toBe(true);
        expect((error as { details?: { errors?: Array<{ path: string }> } }).details?.errors?.[0]?.path).toBe('text');
      }
    }
  });

  it('judges notice by the organization\'s policy and states the hours left', () => {
    const text = 'Thanks for the invite. Because of a family emergency I must cancel, sorry. Could we do next week?';
    const context = { interviewStart: '2026-12-10T15:00:00Z', now: '2026-12-09T12:00:00Z' };
    expect(reviewDraft({ kind: 'candidate_cancel', text, context }).findings.map((f) => f.code)).not.toContain('call_instead');
    const strict = reviewDraft({ kind: 'candidate_cancel', text, context: { ...context, noticePolicy: { ampleHours: 72, adequateHours: 48 } } });
    const finding = strict.findings.find((f) => f.code === 'call_instead');
    expect(finding?.message).toContain('27 hours');
    expect(finding?.message).not.toMatch(/24 hours|a day/);
  });

  it('is deterministic', () => {
    const input = { kind: 'candidate_decline' as const, text: 'No thanks.', context: AMPLE };
    expect(reviewDraft(input)).toEqual(reviewDraft(input));
  });

  it('refuses an unknown kind and a bad instant with a validation error', () => {
    expect(() => reviewDraft({ kind: 'nope' as never, text: 'hi' })).toThrow(/Unknown kind/);
    try {
      reviewDraft({ kind: 'candidate_cancel', text: 'hi', context: { now: 'yesterday', interviewStart: AMPLE.interviewStart } });
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error, 'VALIDATION')).toBe(true);
    }
  });
});
