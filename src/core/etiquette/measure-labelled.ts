import { reviewDraft } from './review/review-draft.ts';
import { screenQuestions } from './screen/screen-questions.ts';
import type { ComposeKind, ElementPresence, FindingCode, ProtectedTopic, Verdict } from './types.ts';

/** One labelled draft, as in the etiquette corpus (`messages.jsonl`). */
export interface LabelledMessage {
  id: string;
  kind: ComposeKind;
  context: { interviewStart: string; now: string; timezone: string };
  text: string;
  expected: { elements: ElementPresence; findingsInclude: FindingCode[]; findingsExclude: FindingCode[] };
}

/** One labelled interview question, as in the etiquette corpus (`questions.jsonl`). */
export interface LabelledQuestion {
  /** Optional label, so a batch of questions can be told apart (`b3-q01`). */
  id?: string;
  question: string;
  acceptableVerdicts: Verdict[];
  topics: ProtectedTopic[];
}

export interface Ratio {
  hit: number;
  total: number;
}

export interface LabelledFigures {
  /** Element booleans right. */
  elements: Ratio;
  /** Expected findings reported. */
  recall: Ratio;
  /** Drafts with none of their forbidden findings. */
  clean: Ratio;
  /** Questions with an acceptable verdict. */
  verdicts: Ratio;
  /** Expected topics named. */
  topics: Ratio;
  misses: string[];
}

/** The share a ratio stands for; an empty ratio counts as all right. */
export function shareOf(ratio: Ratio): number {
  return ratio.total === 0 ? 1 : ratio.hit / ratio.total;
}

/**
 * Measures the reviewer and the question screen against labelled examples: the figures of the accuracy
 * report and of the regression tests, computed one way.
 *
 * @example
 * measureLabelled(messages, questions).elements // { hit: 180, total: 180 }
 */
export function measureLabelled(messages: readonly LabelledMessage[], questions: readonly LabelledQuestion[]): LabelledFigures {
  const figures: LabelledFigures = {
    elements: { hit: 0, total: 0 },
    recall: { hit: 0, total: 0 },
    clean: { hit: 0, total: 0 },
    verdicts: { hit: 0, total: 0 },
    topics: { hit: 0, total: 0 },
    misses: [],
  };
  const count = (ratio: Ratio, ok: boolean, miss: string) => {
    ratio.total += 1;
    if (ok) ratio.hit += 1;
    else figures.misses.push(miss);
  };
  for (const item of messages) {
    const review = reviewDraft({ kind: item.kind, text: item.text, context: item.context });
    const codes = new Set(review.findings.map((f) => f.code));
    for (const [name, expected] of Object.entries(item.expected.elements) as Array<[keyof ElementPresence, boolean]>) {
      count(figures.elements, review.elements[name] === expected, `${item.id}: element ${name} should be ${expected}`);
    }
    for (const code of item.expected.findingsInclude) count(figures.recall, codes.has(code), `${item.id}: missed finding ${code}`);
    const forbidden = item.expected.findingsExclude.filter((code) => codes.has(code));
    count(figures.clean, forbidden.length === 0, `${item.id}: reported forbidden ${forbidden.join(', ')}`);
  }
  const { results } = screenQuestions(questions.map((q) => q.question));
  questions.forEach((item, i) => {
    const result = results[i];
    count(
      figures.verdicts,
      result !== undefined && item.acceptableVerdicts.includes(result.verdict),
      `${item.id ? `${item.id} ` : ''}"${item.question}": verdict ${result?.verdict}, expected ${item.acceptableVerdicts.join('/')}`,
    );
    for (const topic of item.topics) count(
        figures.topics,
        result?.topics.includes(topic) ?? false,
        `${item.id ? `${item.id} ` : ''}"${item.question}": missed topic ${topic}`,
      );
  });
  return figures;
}
