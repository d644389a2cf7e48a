// Measures the etiquette engine against the labelled corpus (../shared/corpus beside the repository, or
// LEEWAY_CORPUS_DIR): element accuracy, findings recall, the share of drafts with no forbidden finding,
// question verdict accuracy and topic recall. Run: node --import tsx scripts/corpus-report.ts [--markdown]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reviewDraft, screenQuestions } from '../src/core/etiquette/index.ts';
import type { ComposeKind, ElementPresence, FindingCode, ProtectedTopic, Verdict } from '../src/core/etiquette/index.ts';

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

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = process.env.LEEWAY_CORPUS_DIR ? resolve(process.env.LEEWAY_CORPUS_DIR) : resolve(repoRoot, '..', 'shared', 'corpus');
const markdown = process.argv.includes('--markdown');

function readJsonl<T>(name: string): T[] {
  const path = join(corpusDir, name);
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

function measureMessages(items: MessageItem[]) {
  const elements: Ratio = { hit: 0, total: 0 };
  const recall: Ratio = { hit: 0, total: 0 };
  const clean: Ratio = { hit: 0, total: 0 };
  const misses: string[] = [];
  for (const item of items) {
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
  return { elements, recall, clean, misses };
}

function measureQuestions(items: QuestionItem[]) {
  const verdicts: Ratio = { hit: 0, total: 0 };
  const topics: Ratio = { hit: 0, total: 0 };
  const misses: string[] = [];
  const { results } = screenQuestions(items.map((q) => q.question));
  items.forEach((item, i) => {
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
  return { verdicts, topics, misses };
}

const percent = (r: Ratio): string => (r.total === 0 ? 'n/a' : `${((100 * r.hit) / r.total).toFixed(1)} %`);

if (!existsSync(corpusDir)) {
  console.log(`No etiquette corpus at ${corpusDir}: nothing to measure. Set LEEWAY_CORPUS_DIR to a folder with messages.jsonl and questions.jsonl.`);
  process.exit(0);
}

const messages = readJsonl<MessageItem>('messages.jsonl');
const questions = readJsonl<QuestionItem>('questions.jsonl');
const m = measureMessages(messages);
const q = measureQuestions(questions);
const rows: Array<[string, Ratio, string]> = [
  ['Element accuracy', m.elements, `${m.elements.hit}/${m.elements.total} element booleans`],
  ['Findings recall', m.recall, `${m.recall.hit}/${m.recall.total} expected findings`],
  ['No forbidden finding', m.clean, `${m.clean.hit}/${m.clean.total} drafts`],
  ['Question verdict accuracy', q.verdicts, `${q.verdicts.hit}/${q.verdicts.total} questions`],
  ['Topic recall', q.topics, `${q.topics.hit}/${q.topics.total} expected topics`],
];

console.log(`Etiquette corpus: ${corpusDir} (${messages.length} drafts, ${questions.length} questions)\n`);
if (markdown) {
  console.log('| measure | result | counted over |');
  console.log('|---|---:|---|');
  for (const [name, ratio, detail] of rows) console.log(`| ${name} | ${percent(ratio)} | ${detail} |`);
} else {
  const width = Math.max(...rows.map(([name]) => name.length));
  for (const [name, ratio, detail] of rows) console.log(`${name.padEnd(width)}  ${percent(ratio).padStart(7)}  (${detail})`);
}
const misses = [...m.misses, ...q.misses];
if (misses.length > 0) console.log(`\nMisses:\n${misses.map((line) => `  - ${line}`).join('\n')}`);
