// Measures the etiquette engine against the labelled corpus (../shared/corpus beside the repository, or
// LEEWAY_CORPUS_DIR): element accuracy, findings recall, the share of drafts with no forbidden finding,
// question verdict accuracy and topic recall. Run: node --import tsx scripts/corpus-report.ts [--markdown]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureLabelled } from '../src/core/etiquette/measure-labelled.ts';
import type { LabelledMessage, LabelledQuestion, Ratio } from '../src/core/etiquette/measure-labelled.ts';

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

const percent = (r: Ratio): string => (r.total === 0 ? 'n/a' : `${((100 * r.hit) / r.total).toFixed(1)} %`);

if (!existsSync(corpusDir)) {
  console.log(`No etiquette corpus at ${corpusDir}: nothing to measure. Set LEEWAY_CORPUS_DIR to a folder with messages.jsonl and questions.jsonl.`);
  process.exit(0);
}

const messages = readJsonl<LabelledMessage>('messages.jsonl');
const questions = readJsonl<LabelledQuestion>('questions.jsonl');
const figures = measureLabelled(messages, questions);
const rows: Array<[string, Ratio, string]> = [
  ['Element accuracy', figures.elements, `${figures.elements.hit}/${figures.elements.total} element booleans`],
  ['Findings recall', figures.recall, `${figures.recall.hit}/${figures.recall.total} expected findings`],
  ['No forbidden finding', figures.clean, `${figures.clean.hit}/${figures.clean.total} drafts`],
  ['Question verdict accuracy', figures.verdicts, `${figures.verdicts.hit}/${figures.verdicts.total} questions`],
  ['Topic recall', figures.topics, `${figures.topics.hit}/${figures.topics.total} expected topics`],
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
const misses = figures.misses;
if (misses.length > 0) console.log(`\nMisses:\n${misses.map((line) => `  - ${line}`).join('\n')}`);
