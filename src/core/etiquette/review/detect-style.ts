import type { AnalysedText } from '../nlp/analyse-text.ts';
import type { Finding } from '../types.ts';
import { ACRONYMS } from './lexicon.ts';

/** Past this many words a cancellation stops being read; the composer stays under 180. */
export const MAX_WORDS = 200;
/** A sentence longer than this loses its reader halfway. */
export const MAX_SENTENCE_WORDS = 60;

/**
 * Messages and sentences too long to be read.
 *
 * @example
 * findLength(analyseText('word '.repeat(250)))[0]?.code // 'too_long'
 */
export function findLength(text: AnalysedText): Finding[] {
  if (text.wordCount > MAX_WORDS) {
    return [
      {
        code: 'too_long',
        severity: 'warn',
        message: `${text.wordCount} words: a message like this should say what it must in under ${MAX_WORDS}.`,
        suggestion: 'Keep thanks, a one-line reason, the apology and the next step; cut the rest.',
      },
    ];
  }
  return text.sentences
    .filter((s) => s.words.length > MAX_SENTENCE_WORDS)
    .map((s) => ({
      code: 'too_long' as const,
      severity: 'info' as const,
      message: `This sentence runs to ${s.words.length} words.`,
      start: s.start,
      end: s.end,
      suggestion: 'Split it into two or three short sentences.',
    }));
}

function isShouted(value: string): boolean {
  const letters = value.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2 || letters !== letters.toUpperCase() || letters === letters.toLowerCase()) return false;
  return !ACRONYMS.has(letters.toUpperCase());
}

/**
 * Capital letters and stacked punctuation read as a raised voice.
 *
 * @example
 * findShouting(analyseText('I CANNOT COME ON THURSDAY!!!'))[0]?.code // 'shouting'
 */
export function findShouting(text: AnalysedText): Finding[] {
  const findings: Finding[] = [];
  const words = text.sentences.flatMap((s) => s.words);
  const shouted = words.filter((w) => isShouted(w.value));
  // A few capitals can be emphasis or names; a run of them, or a large share, is shouting.
  const share = words.length > 0 ? shouted.length / words.length : 0;
  if (shouted.length >= 3 && share >= 0.2) {
    let runStart: number | undefined;
    let runEnd = 0;
    let runLength = 0;
    const flush = (): void => {
      if (runStart !== undefined && runLength >= 2) {
        findings.push({
          code: 'shouting',
          severity: 'warn',
          message: `"${text.text.slice(runStart, runEnd)}" is in capitals, which reads as shouting.`,
          start: runStart,
          end: runEnd,
          suggestion: 'Write it in sentence case; the words carry the emphasis.',
        });
      }
      runStart = undefined;
      runLength = 0;
    };
    for (const word of words) {
      // "I" and "A" are capitals in any case: they neither start nor break a shouted run.
      if (word.value.replace(/[^\p{L}]/gu, '').length < 2) continue;
      if (isShouted(word.value)) {
        runStart ??= word.start;
        runEnd = word.end;
        runLength++;
      } else {
        flush();
      }
    }
    flush();
  }
  for (const match of text.text.matchAll(/[!?]{2,}/g)) {
    findings.push({
      code: 'shouting',
      severity: 'info',
      message: 'Stacked exclamation or question marks read as agitation.',
      start: match.index,
      end: match.index + match[0].length,
      suggestion: 'One mark is enough.',
    });
  }
  return findings;
}
