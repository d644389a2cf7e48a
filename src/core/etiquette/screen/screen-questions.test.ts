import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROTECTED_TOPICS } from '../types.ts';
import type { ProtectedTopic, Verdict } from '../types.ts';
import { screenQuestions } from './screen-questions.ts';
import { TOPIC_RULES } from './topic-rules.ts';

interface QuestionExample {
  question: string;
  acceptableVerdicts: Verdict[];
  topics: ProtectedTopic[];
}

/** One labelled question a line, in the corpus's format. */
function loadQuestionExamples(name: string): QuestionExample[] {
  const text = readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as QuestionExample);
}

const examples = [...loadQuestionExamples('corpus-questions.jsonl'), ...loadQuestionExamples('own-questions.jsonl')];

describe('screenQuestions on labelled questions', () => {
  it.each(examples.map((e) => [e.question, e] as const))('%s', (question, example) => {
    const [result] = screenQuestions([question]).results;
    expect(example.acceptableVerdicts).toContain(result?.verdict);
    for (const topic of example.topics) expect(result?.topics).toContain(topic);
  });
});

describe('screenQuestions', () => {
  it('offers the lawful form of a citizenship question', () => {
    const [result] = screenQuestions(['Are you a citizen?']).results;
    expect(result).toMatchObject({ verdict: 'risky', topics: ['citizenship'] });
    expect(result?.suggestion).toContain('Are you authorized to work in the US?');
  });

  it('lets job-related questions pass, with an explanation', () => {
    const { results } = screenQuestions([
      'Can you perform the essential functions of this job with or without accommodation?',
      'Are you authorized to work in the US?',
      'Are you over 18?',
    ]);
    for (const result of results) {
      expect(result.verdict).toBe('ok');
      expect(result.explanation.length).toBeGreaterThan(10);
    }
  });

  it('gives every flagged question an explanation and a suggestion', () => {
    for (const result of screenQuestions(['How old are you?', 'Are you gay?', 'What church do you attend?']).results) {
      expect(result.verdict).not.toBe('ok');
      expect(result.explanation).not.toBe('');
      expect(result.suggestion).toBeTruthy();
    }
  });

  it('has a rule for every protected topic', () => {
    const covered = new Set(TOPIC_RULES.map((r) => r.topic));
    expect(PROTECTED_TOPICS.filter((t) => !covered.has(t))).toEqual([]);
  });

  it('refuses an unsupported jurisdiction', () => {
    expect(() => screenQuestions(['Why this role?'], { jurisdiction: 'FR' as never })).toThrow(/jurisdiction/);
  });
});
