import type { ItemSentence, ItsFunction } from 'wink-nlp';
import { loadNlp } from './load-model.ts';

export interface TextToken {
  /** As written. */
  value: string;
  /** Lower case, contractions expanded, British spelling mapped to American (`apologise` → `apologize`). */
  normal: string;
  lemma: string;
  pos: string;
  /** wink's token type: `word`, `number`, `punctuation`, `email`, `url`, `tabCRLF`... */
  type: string;
  /** Character offsets into the analysed text, end exclusive. */
  start: number;
  end: number;
  /** True when wink puts the token inside the scope of a negation (which ends at punctuation or "but"). */
  inNegationScope: boolean;
}

export interface TextSentence {
  start: number;
  end: number;
  text: string;
  tokens: TextToken[];
  /** Only the tokens that carry words (no punctuation or line breaks): the ones phrases are matched on. */
  words: TextToken[];
}

export interface AnalysedText {
  text: string;
  sentences: TextSentence[];
  /** Words as a reader counts them: contraction halves such as `n't` are not separate words. */
  wordCount: number;
}

const WORD_TYPES = new Set(['word', 'number', 'email', 'url', 'hashtag', 'mention', 'emoji', 'emoticon', 'currency', 'time', 'ordinal']);

/** Lower case, with typographic apostrophes made straight so "don’t" and "don't" read the same. */
function straighten(form: string): string {
  return form.toLowerCase().replace(/[\u2018\u2019]/g, "'");
}

/**
 * wink keeps "I'm" (and the texting "im") as one token, unlike "I've" or "we're"; splitting it into
 * "I" + "am" lets phrases about the writer ("i ... free") see the pronoun.
 */
function splitFirstPerson(token: TextToken): TextToken[] {
  if (!/^i(['\u2019]?m)$/i.test(token.value)) return [token];
  return [
    { ...token, value: token.value.slice(0, 1), normal: 'i', lemma: 'i', pos: 'PRON', end: token.start + 1 },
    { ...token, value: token.value.slice(1), normal: 'am', lemma: 'be', pos: 'AUX', start: token.start + 1 },
  ];
}

/**
 * Splits a text into sentences and tokens with wink-nlp, keeping character offsets into the original
 * text so findings can point at the exact words.
 *
 * @example
 * analyseText('Thank you. I apologise.').sentences[1]?.words[1]?.normal // 'apologize'
 */
export function analyseText(text: string): AnalysedText {
  const nlp = loadNlp();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const sentences: TextSentence[] = [];
  let cursor = 0;
  let wordCount = 0;
  doc.sentences().each((sentence: ItemSentence) => {
    const tokens = sentence.tokens();
    const values = tokens.out(its.value) as string[];
    const normals = tokens.out(its.normal) as string[];
    // wink's typings declare `its.lemma` with a third parameter `out` does not pass through; it works as an its-function.
    const lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>) as string[];
    const tags = tokens.out(its.pos) as string[];
    const types = tokens.out(its.type) as string[];
    const negations = tokens.out(its.negationFlag) as unknown as boolean[];
    const list: TextToken[] = values.map((value, i) => {
      // wink keeps every character of a token, so searching forward from the previous token finds it.
      const found = text.indexOf(value, cursor);
      const start = found < 0 ? cursor : found;
      const end = found < 0 ? cursor : found + value.length;
      cursor = end;
      return {
        value,
        normal: straighten(normals[i] ?? value),
        lemma: straighten(lemmas[i] ?? value),
        pos: tags[i] ?? 'X',
        type: types[i] ?? 'word',
        start,
        end,
        inNegationScope: negations[i] === true,
      };
    });
    const words = list.flatMap(splitFirstPerson).filter((t) => WORD_TYPES.has(t.type) && /[\p{L}\p{N}@]/u.test(t.value));
    wordCount += words.filter((t) => !/^'|^n't$/i.test(t.value)).length;
    if (list.length === 0) return;
    const start = list[0]?.start ?? 0;
    const end = list[list.length - 1]?.end ?? start;
    sentences.push({ start, end, text: text.slice(start, end), tokens: list, words });
  });
  return { text, sentences, wordCount };
}
