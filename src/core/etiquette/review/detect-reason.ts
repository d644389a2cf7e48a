import type { AnalysedText, TextSentence } from '../nlp/analyse-text.ts';
import { findPhrases, findPhrasesInText } from '../nlp/match-phrases.ts';
import type { PhraseMatch } from '../nlp/match-phrases.ts';
import { ALTERNATIVE, CANCEL_VERBS, CAUSAL_LINKS, OVERSHARING, REASON_CATEGORIES, SOFT_REASONS, TIME_WORDS, VAGUE_REASONS } from './lexicon.ts';

/**
 * Words that name a person or a thing a reason is *about* (my wife, the doctor, the car, work) without
 * saying anything happened. Alone they make a reason only in the sentence that calls the interview off
 * ("my kids are off school so I can't come"), or next to it when that sentence says something went
 * wrong; "My wife says hi" beside "I need to cancel" is small talk, not a reason.
 */
const WEAK_CUE_WORDS = new Set([
  'my', 'our', 'the', 'a', 'family', 'kid', 'kids', 'child', 'children', 'son', 'daughter', 'baby', 'wife', 'husband', 'partner',
  'mother', 'father', 'mum', 'mom', 'dad', 'parent', 'parents', 'doctor', 'dentist', 'health', 'medical', 'car', 'train', 'bus',
  'flight', 'ride', 'taxi', 'work', 'job', 'office', 'meeting', 'call', 'event', 'travel', 'moving', 'move', 'budget', 'panel',
  'manager', 'interviewer', 'interviewers', 'thing', 'things', 'employer', 'company', 'team', 'role', 'current', 'present',
  'university', 'college', 'school', 'degree', 'masters', 'studies', 'education',
]);

/** What turns a neighbouring sentence about a person or thing into trouble: "my car won't start". */
const TROUBLE_WORDS = new Set([
  'not', 'no', 'never', 'need', 'needs', 'needed', 'problem', 'problems', 'trouble', 'issue', 'broke', 'broken', 'stuck',
  'cancel', 'canceled', 'cancelled', 'delay', 'delayed', 'late', 'emergency', 'urgent', 'rush', 'rushed', 'help', 'start',
  'due', 'ill', 'sick', 'unwell', 'hurt', 'fell', 'collapse', 'collapsed', 'away', 'off', 'visit', 'visiting', 'arrive',
  'arriving', 'born', 'labor', 'require', 'requires', 'required', 'ask', 'asked', 'have', 'has', 'had', 'must', 'got',
]);

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
const EMPTY_WORDS = new Set([
  'be', 'have', 'do', 'get', 'need', 'must', 'can', 'will', 'would', 'go', 'make', 'able', 'thing', 'reason', 'stuff', 'ask',
  'want', 'like', 'wish', 'interview', 'meeting',
  // Deliberation is not a cause: "after a lot of back and forth", "after much thought".
  'lot', 'thought', 'consideration', 'deliberation', 'back', 'forth', 'head', 'mind', 'careful', 'much', 'long', 'hard',
]);

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
    if (causeBefore) return contentWords(sentence, 0, link.first) >= 2;
    // "After X, I decided…": the cause runs up to the writer's main clause, not to the end.
    const main = linkWord === 'after' ? sentence.words.findIndex((w, i) => i > link.last && (w.normal === 'i' || w.normal === 'we')) : -1;
    return contentWords(sentence, link.last + 1, main > 0 ? main : sentence.words.length) >= 2;
  });
}

/** Sentences that call off, move or leave the interview (indices into `text.sentences`). */
export function callingOffSentences(text: AnalysedText): number[] {
  return text.sentences.flatMap((s, i) => (findPhrases(s, CANCEL_VERBS).length > 0 ? [i] : []));
}

function isWeakCue(match: PhraseMatch): boolean {
  return match.sentence.words.slice(match.first, match.last + 1).every((w) => WEAK_CUE_WORDS.has(w.normal) || WEAK_CUE_WORDS.has(w.lemma));
}

function speaksOfTrouble(sentence: TextSentence): boolean {
  return sentence.words.some((w) => TROUBLE_WORDS.has(w.normal) || TROUBLE_WORDS.has(w.lemma) || w.inNegationScope);
}

/**
 * Finds whether a draft gives a reason, and of which category. A category counts where it explains the
 * calling-off: in the sentence that cancels or moves the interview, or in the sentences around it
 * ("My son is ill. I can't come on Thursday."). A category three sentences away, in a
 * postscript or in small talk, is not a reason for this cancellation. A draft that never says it is
 * calling anything off (a decline that only says "I have accepted another offer") is read whole.
 *
 * @example
 * detectReason(analyseText('Because of a family emergency I cannot attend.')).categories // Set { 'family', ... }
 */
export function detectReason(text: AnalysedText): ReasonDetection {
  const categories = new Set<string>();
  const soft = findPhrasesInText(text.sentences, SOFT_REASONS);
  const insideSoft = (m: PhraseMatch): boolean => soft.some((s) => m.start >= s.start && m.end <= s.end);
  const offs = callingOffSentences(text);
  const indexOf = new Map(text.sentences.map((s, i) => [s, i]));
  const explains = (m: PhraseMatch): boolean => {
    if (offs.length === 0) return true;
    const at = indexOf.get(m.sentence) ?? -1;
    if (offs.includes(at)) return true;
    const distance = Math.min(...offs.map((o) => Math.abs(o - at)));
    // An event ("I'm in hospital") explains a calling-off up to two sentences away; a bare person or
    // thing ("my wife") only next to it, and only when something is said to be wrong.
    if (isWeakCue(m)) return distance === 1 && speaksOfTrouble(m.sentence);
    return distance <= 2;
  };
  for (const [category, phrases] of Object.entries(REASON_CATEGORIES)) {
    const matches = findPhrasesInText(text.sentences, phrases).filter((m) => !insideSoft(m) && explains(m));
    if (matches.length > 0) categories.add(category);
  }
  // Oversharing is a reason given with too much detail: still a reason.
  if (findPhrasesInText(text.sentences, OVERSHARING).some(explains)) categories.add('private_detail');
  const causal = text.sentences.some(hasCausalReason);
  const concrete = categories.size > 0 || causal;
  const vague = concrete || soft.length > 0 ? [] : findPhrasesInText(text.sentences, VAGUE_REASONS);
  return { present: concrete || soft.length > 0, categories, vague, soft: concrete ? [] : soft };
}
