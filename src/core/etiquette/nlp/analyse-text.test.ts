import { describe, expect, it } from 'vitest';
import { analyseText } from './analyse-text.ts';

describe('analyseText', () => {
  it('keeps character offsets into the original text', () => {
    const text = 'Dear Ms. Rivera,\n\nI apologise  for cancelling!!  Thanks';
    for (const sentence of analyseText(text).sentences) {
      for (const word of sentence.words) expect(text.slice(word.start, word.end)).toBe(word.value);
    }
  });

  it('maps British spelling to one normal form', () => {
    const words = analyseText('I apologise for cancelling.').sentences[0]?.words.map((w) => w.normal);
    expect(words).toEqual(['i', 'apologize', 'for', 'canceling']);
  });

  it('splits "I\'m" so the pronoun is visible', () => {
    const words = analyseText("I'm free on Monday, im sorry").sentences.flatMap((s) => s.words.map((w) => w.normal));
    expect(words.slice(0, 2)).toEqual(['i', 'am']);
    expect(words).toContain('sorry');
  });

  it('counts words as a reader does', () => {
    expect(analyseText("I won't be there, sorry.").wordCount).toBe(5);
  });
});
