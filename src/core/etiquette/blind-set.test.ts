/**
 * The blind set: drafts and questions written before looking at the engine's answers
 * (`fixtures/blind-*.jsonl`). Unlike the per-example fixture tests, this one measures the set as a whole
 * and fails when a figure drops below its threshold, so the set keeps guarding against regressions
 * without requiring every single check to pass. Set LEEWAY_BLIND_REPORT=1 to print the figures and misses,
 * and LEEWAY_BLIND_BATCH=b3- to measure one batch alone (ids starting with that prefix).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { measureLabelled, shareOf as share } from './measure-labelled.ts';
import type { LabelledMessage, LabelledQuestion, Ratio } from './measure-labelled.ts';

function load<T>(name: string): T[] {
  const text = readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as T);
}

/** The whole set, or only the batch whose ids start with `prefix` (batch 3: `b3-`). */
function measure(prefix?: string) {
  const inBatch = (id: string | undefined) => prefix === undefined || (id ?? '').startsWith(prefix);
  return measureLabelled(
    load<LabelledMessage>('blind-messages.jsonl').filter((m) => inBatch(m.id)),
    load<LabelledQuestion>('blind-questions.jsonl').filter((q) => inBatch(q.id)),
  );
}

describe('the blind set', () => {
  const figures = measure(process.env.LEEWAY_BLIND_BATCH);
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
