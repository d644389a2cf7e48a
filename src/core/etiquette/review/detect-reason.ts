import type { AnalysedText, TextSentence } from '../nlp/analyse-text.ts';
import { findPhrases, findPhrasesInText } from '../nlp/match-phrases.ts';
import type { PhraseMatch } from '../nlp/match-phrases.ts';
import { ALTERNATIVE, CANCEL_VERBS, CAUSAL_LINKS, OVERSHARING, REASON_CATEGORIES, SOFT_REASONS, TIME_WORDS, VAGUE_REASONS } from './lexicon.ts';

export interface ReasonDetection {
  present: boolean;
  /** Categories recognised in the text (`medical`, `offer`, `fit`, `closed`...). */
  categories: Set<string>;
  /** "Something came up" and the like, when the text gives nothing better. */
  vague: PhraseMatch[];
  /** "Personal reasons": a reason, but one a reader can do little with. */
  soft: PhraseMatch[];
}

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM']);
/** Words a causal clause can be made of without saying anything ("because I have to"). */
const EMPTY_WORDS = new Set(['be', 'have', 'do', 'get', 'need', 'must', 'can', 'will', 'would', 'go', 'make', 'able', 'thing', 'reason', 'stuff', 'ask', 'want', 'like', 'wish', 'interview', 'meeting']);

/**
 * Words of a sentence that say nothing about the cause: the calling-off itself ("move our interview"),
 * the times ("on Thursday") and a soft reason ("personal reasons"), which must not pass for a cause.
 */
function notCause(sentence: TextSentence): Set<number> {
  const skip = new Set<number>();
  for (const phrases of [CANCEL_VERBS, ALTERNATIVE, TIME_WORDS, SOFT_REASONS]) {
    for (const m of findPhrases(sentence, phrases)) for (let i = m.first; i <= m.last; i++) skip.add(i);
  }
  return skip;
}

function contentWords(sentence: TextSentence, from: number, to: number): number {
  const skip = notCause(sentence);
  let count = 0;
  for (let i = Math.max(0, from); i < Math.min(sentence.words.length, to); i++) {
    const word = sentence.words[i];
    if (word && !skip.has(i) && CONTENT_POS.has(word.pos) && !EMPTY_WORDS.has(word.lemma)) count++;
  }
  return count;
}

/**
 * A sentence that calls something off *and* says why ("I'm cancelling because the process is too long",
 * "the invitation had the wrong date, so I have to cancel") gives a reason even when its words are in no
 * category. The cause must carry at least two content words, and must not be a vague one.
 */
function hasCausalReason(sentence: TextSentence): boolean {
  if (findPhrases(sentence, CANCEL_VERBS).length === 0) return false;
  if (findPhrases(sentence, VAGUE_REASONS).length > 0) return false;
  return findPhrases(sentence, CAUSAL_LINKS).some((link) => {
    const linkWord = sentence.words[link.first]?.normal;
    // "…, so I cancel" puts the cause before the link; "because …" after it.
    const causeBefore = linkWord === 'so' || linkWord === 'which';
    return causeBefore ? contentWords(sentence, 0, link.first) >= 2 : contentWords(sentence, link.last + 1, sentence.words.length) >= 2;
  });
}

/**
 * Finds whether a draft gives a reason, and of which category.
 *
 * @example
 * detectReason(analyseText('Because of a family emergency I cannot attend.')).categories // Set { 'family', ... }
 */
export function detectReason(text: AnalysedText): ReasonDetection {
  const categories = new Set<string>();
  const soft = findPhrasesInText(text.sentences, SOFT_REASONS);
  const insideSoft = (m: PhraseMatch): boolean => soft.some((s) => m.start >= s.start && m.end <= s.end);
  for (const [category, phrases] of Object.entries(REASON_CATEGORIES)) {
    const matches = findPhrasesInText(text.sentences, phrases).filter((m) => !insideSoft(m));
    if (matches.length > 0) categories.add(category);
  }
  // Oversharing is a reason given with too much detail: still a reason.
  if (findPhrasesInText(text.sentences, OVERSHARING).length > 0) categories.add('private_detail');
  const causal = text.sentences.some(hasCausalReason);
  const concrete = categories.size > 0 || causal;
  const vague = concrete || soft.length > 0 ? [] : findPhrasesInText(text.sentences, VAGUE_REASONS);
  return { present: concrete || soft.length > 0, categories, vague, soft: concrete ? [] : soft };
}
