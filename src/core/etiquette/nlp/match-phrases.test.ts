import { describe, expect, it } from 'vitest';
import { analyseText } from './analyse-text.ts';
import { compilePhrases, findPhrasesInText, isNegated } from './match-phrases.ts';

const find = (text: string, phrases: string[]) => findPhrasesInText(analyseText(text).sentences, compilePhrases(phrases));

describe('phrase matching', () => {
  it('matches lemmas, alternatives, gaps and optional words', () => {
    expect(find('We accepted a new job offer.', ['accept ... offer'])).toHaveLength(1);
    expect(find('I am very much obliged', ['?much obliged'])).toHaveLength(1);
    expect(find('I am free on Tuesday', ['i ... free|available'])).toHaveLength(1);
  });

  it('matches exact forms only with =', () => {
    expect(find('The interview moved to 9am', ['=move ... interview|to'])).toHaveLength(0);
    expect(find('Could we move it to Friday?', ['=move ... it'])).toHaveLength(1);
  });

  it('tells a negated cue from an affirmed one', () => {
    const negated = (text: string, phrase: string) => find(text, [phrase]).map((m) => isNegated(m));
    expect(negated('I am not grateful', 'grateful')).toEqual([true]);
    expect(negated('no thanks', 'thanks')).toEqual([true]);
    expect(negated("i cant make it thurs im sorry", 'sorry')).toEqual([false]);
    expect(negated("I won't be available", 'i ... available')).toEqual([true]);
    expect(negated("I can't thank you enough", 'can not thank ... enough')).toEqual([false]);
    expect(negated('I do not wish to be considered for future roles', 'future ... roles').map(String)).toEqual(['false']);
    expect(find('I do not wish to be considered for future roles', ['future ... roles']).map((m) => isNegated(m, 'scope'))).toEqual([true]);
  });
});
