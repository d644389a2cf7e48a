import { DomainError } from '../../errors.ts';
import { analyseText } from '../nlp/analyse-text.ts';
import { findPhrasesInText } from '../nlp/match-phrases.ts';
import { JURISDICTIONS } from '../types.ts';
import type { ProtectedTopic, QuestionVerdict, ScreenOptions, ScreenResult, Verdict } from '../types.ts';
import { LAWFUL_FORMS, TOPIC_RULES } from './topic-rules.ts';
import type { TopicRule } from './topic-rules.ts';

const RANK: Record<Verdict, number> = { ok: 0, risky: 1, unlawful: 2 };

/**
 * Screens one interview question against the protected topics.
 *
 * @example
 * screenQuestion('Are you a U.S. citizen?')
 * // { verdict: 'risky', topics: ['citizenship'], suggestion: 'Ask: "Are you authorized to work in the US?" ...' }
 */
export function screenQuestion(question: string): QuestionVerdict {
  const text = analyseText(question);
  const lawful = LAWFUL_FORMS.filter((form) => findPhrasesInText(text.sentences, form.phrases).length > 0);
  const cleared = new Set<ProtectedTopic>(lawful.flatMap((form) => form.topics));
  const hits: TopicRule[] = TOPIC_RULES.filter(
    (rule) => !cleared.has(rule.topic) && findPhrasesInText(text.sentences, rule.phrases).length > 0,
  );
  if (hits.length === 0) {
    return {
      question,
      verdict: 'ok',
      topics: [],
      explanation: lawful[0]?.explanation ?? 'Job-related: it touches no protected topic.',
    };
  }
  const topics = [...new Set(hits.map((h) => h.topic))];
  const verdict = hits.reduce<Verdict>((worst, h) => (RANK[h.verdict] > RANK[worst] ? h.verdict : worst), 'ok');
  const explanations = [...new Set(hits.map((h) => h.explanation))];
  const first = hits.find((h) => h.verdict === verdict) ?? hits[0];
  return { question, verdict, topics, explanation: explanations.join(' '), suggestion: first?.suggestion };
}

/**
 * Screens interview questions for protected topics (US federal law and common state law), with a
 * lawful way to ask what the job needs.
 *
 * @example
 * screenQuestions(['How old are you?', 'Why this role?']).results.map((r) => r.verdict) // ['risky', 'ok']
 */
export function screenQuestions(questions: readonly string[], options: ScreenOptions = {}): ScreenResult {
  const jurisdiction = options.jurisdiction ?? 'US';
  if (!(JURISDICTIONS as readonly string[]).includes(jurisdiction)) {
    throw new DomainError('VALIDATION', `Unsupported jurisdiction "${String(jurisdiction)}"; supported: ${JURISDICTIONS.join(', ')}.`);
  }
  if (!Array.isArray(questions) || questions.some((q) => typeof q !== 'string')) {
    throw new DomainError('VALIDATION', 'questions must be an array of strings.');
  }
  return { results: questions.map(screenQuestion) };
}
