/**
 * The blind set: drafts and questions written before looking at the engine's answers
 * (`fixtures/blind-*.jsonl`). Unlike the per-example fixture tests, this one measures the set as a whole
 * and fails when a figure drops below its threshold, so the set keeps guarding against regressions
 * without requiring every single check to pass. Set LEEWAY_BLIND_REPORT=1 to print the figures and misses.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reviewDraft } from './review/review-draft.ts';
import { screenQuestions } from './screen/screen-questions.ts';
import type { ComposeKind, ElementPresence, FindingCode, ProtectedTopic, Verdict } from './types.ts';

interface MessageItem {
  id: string;
  kind: ComposeKind;
  context: { interviewStart: string; now: string; timezone: string };
  text: string;
  expected: { elements: ElementPresence; findingsInclude: FindingCode[]; findingsExclude: FindingCode[] };
}
interface QuestionItem {
  question: string;
  acceptableVerdicts: Verdict[];
  topics: ProtectedTopic[];
}
interface Ratio {
  hit: number;
  total: number;
}

function load<T>(name: string): T[] {
  const text = readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as T);
}

const share = (r: Ratio): number => (r.total === 0 ? 1 : r.hit / r.total);

function measure() {
  const elements: Ratio = { hit: 0, total: 0 };
  const recall: Ratio = { hit: 0, total: 0 };
  const clean: Ratio = { hit: 0, total: 0 };
  const verdicts: Ratio = { hit: 0, total: 0 };
  const topics: Ratio = { hit: 0, total: 0 };
  const misses: string[] = [];
  for (const item of load<MessageItem>('blind-messages.jsonl')) {
    const review = reviewDraft({ kind: item.kind, text: item.text, context: item.context });
    const codes = new Set(review.findings.map((f) => f.code));
    for (const [name, expected] of Object.entries(item.expected.elements) as Array<[keyof ElementPresence, boolean]>) {
      elements.total++;
      if (review.elements[name] === expected) elements.hit++;
      else misses.push(`${item.id}: element ${name} should be ${expected}`);
    }
    for (const code of item.expected.findingsInclude) {
      recall.total++;
      if (codes.has(code)) recall.hit++;
      else misses.push(`${item.id}: missed finding ${code}`);
    }
    clean.total++;
    const forbidden = item.expected.findingsExclude.filter((code) => codes.has(code));
    if (forbidden.length === 0) clean.hit++;
    else misses.push(`${item.id}: reported forbidden ${forbidden.join(', ')}`);
  }
  const questions = load<QuestionItem>('blind-questions.jsonl');
  const { results } = screenQuestions(questions.map((q) => q.question));
  questions.forEach((item, i) => {
    const result = results[i];
    verdicts.total++;
    if (result && item.acceptableVerdicts.includes(result.verdict)) verdicts.hit++;
    else misses.push(`"${item.question}": verdict ${result?.verdict}, expected ${item.acceptableVerdicts.join('/')}`);
    for (const topic of item.topics) {
      topics.total++;
      if (result?.topics.includes(topic)) topics.hit++;
      else misses.push(`"${item.question}": missed topic ${topic}`);
    }
  });
  return { elements, recall, clean, verdicts, topics, misses };
}

describe('the blind set', () => {
  const figures = measure();
  if (process.env.LEEWAY_BLIND_REPORT) {
    const line = (name: string, r: Ratio) => `${name}: ${(100 * share(r)).toFixed(1)} % (${r.hit}/${r.total})`;
    console.log(
      [
        line('elements', figures.elements),
        line('findings recall', figures.recall),
        line('no forbidden finding', figures.clean),
        line('question verdicts', figures.verdicts),
        line('topic recall', figures.topics),
        ...figures.misses.map((m) => `  - ${m}`),
      ].join('\n'),
    );
  }

  it('finds the elements of the drafts (≥ 95 %)', () => expect(share(figures.elements)).toBeGreaterThanOrEqual(0.95));
  it('reports the expected findings (≥ 90 %)', () => expect(share(figures.recall)).toBeGreaterThanOrEqual(0.9));
  it('reports no forbidden finding on most drafts (≥ 95 %)', () => expect(share(figures.clean)).toBeGreaterThanOrEqual(0.95));
  it('gives most questions an acceptable verdict (≥ 95 %)', () => expect(share(figures.verdicts)).toBeGreaterThanOrEqual(0.95));
  it('names the protected topics of the questions (≥ 90 %)', () => expect(share(figures.topics)).toBeGreaterThanOrEqual(0.9));
});
