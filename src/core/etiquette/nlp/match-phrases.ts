import type { TextSentence, TextToken } from './analyse-text.ts';

/**
 * A tiny phrase language over tokens, so lexicons read like the phrases they catch:
 * - `thank|thanks`   one of the words (compared with the token's normal form and its lemma)
 * - `=moving`        this exact form only, not its lemma (so `=move` does not catch "moved")
 * - `micromanag*`    a word starting with this prefix
 * - `?so`            an optional word
 * - `...`            up to three words of anything
 * - `_`              exactly one word of anything
 * - `#PROPN`         a word with this part of speech; `@email` a token of this type
 */
export type Phrase = readonly Term[];

type Term =
  | { kind: 'word'; words: ReadonlySet<string>; exact: ReadonlySet<string>; prefixes: readonly string[]; optional: boolean }
  | { kind: 'gap'; max: number }
  | { kind: 'any' }
  | { kind: 'pos'; pos: string; optional: boolean }
  | { kind: 'type'; type: string };

export interface PhraseMatch {
  sentence: TextSentence;
  /** Indices into `sentence.words`, inclusive. */
  first: number;
  last: number;
  /** Character offsets into the text, end exclusive. */
  start: number;
  end: number;
  /** Indices of the words a gap consumed. */
  loose: readonly number[];
}

const GAP_WORDS = 3;

/**
 * Compiles a phrase written in the little language above.
 *
 * @example
 * compilePhrase('accept ... offer|position')
 */
export function compilePhrase(source: string): Phrase {
  return source
    .trim()
    .split(/\s+/)
    .map((part): Term => {
      if (part === '...') return { kind: 'gap', max: GAP_WORDS };
      if (part === '_') return { kind: 'any' };
      const optional = part.startsWith('?');
      const body = optional ? part.slice(1) : part;
      if (body.startsWith('#')) return { kind: 'pos', pos: body.slice(1), optional };
      if (body.startsWith('@')) return { kind: 'type', type: body.slice(1) };
      const alternatives = body.toLowerCase().split('|');
      return {
        kind: 'word',
        words: new Set(alternatives.filter((w) => !w.endsWith('*') && !w.startsWith('='))),
        exact: new Set(alternatives.filter((w) => w.startsWith('=')).map((w) => w.slice(1))),
        prefixes: alternatives.filter((w) => w.endsWith('*')).map((w) => w.slice(0, -1)),
        optional,
      };
    });
}

/** Compiles a list of phrases once, at module load, so matching does no parsing. */
export function compilePhrases(sources: readonly string[]): Phrase[] {
  return sources.map(compilePhrase);
}

function wordMatches(term: Extract<Term, { kind: 'word' }>, token: TextToken): boolean {
  if (term.exact.has(token.normal)) return true;
  const forms = [token.normal, token.lemma, token.value.toLowerCase()];
  return forms.some((form) => term.words.has(form) || term.prefixes.some((p) => form.startsWith(p)));
}

interface Ending {
  /** Index after the last consumed word. */
  end: number;
  /** Words consumed by `...` or `_` rather than by a written word: a negation there negates the phrase. */
  loose: number[];
}

/** Every way `terms[t..]` matches from word `w`. */
function matchFrom(terms: Phrase, t: number, words: readonly TextToken[], w: number): Ending[] {
  if (t === terms.length) return [{ end: w, loose: [] }];
  const term = terms[t];
  if (!term) return [];
  const token = words[w];
  const then = (next: number, loose: number[]): Ending[] =>
    matchFrom(terms, t + 1, words, next).map((e) => ({ end: e.end, loose: [...loose, ...e.loose] }));
  switch (term.kind) {
    case 'gap': {
      const ends: Ending[] = [];
      for (let skip = 0; skip <= term.max && w + skip <= words.length; skip++) {
        ends.push(...then(w + skip, Array.from({ length: skip }, (_, k) => w + k)));
      }
      return ends;
    }
    case 'any':
      return token ? then(w + 1, [w]) : [];
    case 'type':
      return token && token.type === term.type ? then(w + 1, []) : [];
    case 'pos':
    case 'word': {
      const here = token !== undefined && (term.kind === 'pos' ? token.pos === term.pos : wordMatches(term, token));
      const ends = here ? then(w + 1, []) : [];
      return term.optional ? [...ends, ...then(w, [])] : ends;
    }
  }
}

/**
 * Every non-overlapping place in a sentence where one of the phrases matches (shortest match per start).
 *
 * @example
 * findPhrases(analyseText('Many thanks!').sentences[0]!, compilePhrases(['thanks']))
 */
export function findPhrases(sentence: TextSentence, phrases: readonly Phrase[]): PhraseMatch[] {
  const words = sentence.words;
  const matches: PhraseMatch[] = [];
  let w = 0;
  while (w < words.length) {
    let best: Ending | undefined;
    for (const phrase of phrases) {
      for (const ending of matchFrom(phrase, 0, words, w)) {
        if (ending.end > w && (best === undefined || ending.end < best.end)) best = ending;
      }
    }
    if (best === undefined) {
      w++;
      continue;
    }
    const firstToken = words[w];
    const lastToken = words[best.end - 1];
    if (firstToken && lastToken) {
      matches.push({ sentence, first: w, last: best.end - 1, start: firstToken.start, end: lastToken.end, loose: best.loose });
    }
    w = best.end;
  }
  return matches;
}

/** How far back a negation reaches by default: "not grateful", "not really sorry". */
const NEAR_WORDS = 2;
const NEGATORS = new Set(['not', 'no', 'never', 'neither', 'nor', 'without', 'hardly', 'none', 'nothing']);
/** Parts of speech that take a negation for themselves, so it does not reach past them. */
const BREAKS_NEGATION = new Set(['VERB', 'NOUN', 'PROPN']);

/**
 * True when a match is negated: wink puts its first word inside a negation scope *and* a negating word
 * stands at most two words before it — or a gap inside the phrase swallowed one ("I won't be
 * available" against `i ... available`). The distance keeps a long clause from negating everything after
 * it ("can't make it thurs im sorry" still apologises); a negation written into the phrase itself
 * ("can not thank ... enough") does not count. With `reach: 'scope'` the whole of wink's scope
 * negates, for cues that a negation far back still governs ("I do not wish to be considered for
 * future roles"); with `reach: 'own'` a verb or noun between the negation and the cue ends its reach.
 *
 * @example
 * isNegated(findPhrases(sentenceOf('I am not grateful'), compilePhrases(['grateful']))[0]!) // true
 */
export function isNegated(match: PhraseMatch, reach: 'near' | 'scope' | 'own' = 'near'): boolean {
  const words = match.sentence.words;
  if (match.loose.some((i) => NEGATORS.has(words[i]?.normal ?? ''))) return true;
  const first = words[match.first];
  if (!first?.inNegationScope) return false;
  if (reach === 'scope') return true;
  for (let i = Math.max(0, match.first - NEAR_WORDS); i < match.first; i++) {
    const word = words[i];
    // With `reach: 'own'`, for a cue that stands on its own (an apology, thanks): "thursday won't work
    // sorry" and "a no go sorry" negate the verb or noun after the negation, not the apology after that;
    // "not really sorry" is still negated. A time after a verb ("can't make Thursday") stays negated.
    const between = words.slice(i + 1, match.first);
    const broken = reach === 'own' && between.some((w) => BREAKS_NEGATION.has(w.pos));
    if (word && NEGATORS.has(word.normal) && !broken) return true;
  }
  return false;
}

/** Matches across every sentence of a text. */
export function findPhrasesInText(sentences: readonly TextSentence[], phrases: readonly Phrase[]): PhraseMatch[] {
  return sentences.flatMap((s) => findPhrases(s, phrases));
}
