import winkNLP from 'wink-nlp';
import type { WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

// Building the pipeline costs ~80 ms; it is immutable once built, so one shared instance is safe to cache.
let cached: WinkMethods | undefined;

/**
 * The English NLP pipeline (tokens, sentences, lemmas, part of speech, negation), built on first use.
 *
 * @example
 * const nlp = loadNlp();
 * nlp.readDoc('I am not grateful.').sentences().length(); // 1
 */
export function loadNlp(): WinkMethods {
  cached ??= winkNLP(model);
  return cached;
}
