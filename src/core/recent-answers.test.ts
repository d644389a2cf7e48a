import { describe, expect, it } from 'vitest';
import { RecentAnswers } from './recent-answers.ts';

describe('RecentAnswers', () => {
  it('makes an answer once per key and starts afresh when full', () => {
    const recent = new RecentAnswers<string, number>(2);
    let made = 0;
    const get = (key: string) => recent.get(key, () => (made += 1));
    expect([get('a'), get('a'), get('b'), get('a')]).toEqual([1, 1, 2, 1]);
    expect(made).toBe(2);
    expect(get('c')).toBe(3);
    expect(recent.size).toBe(1);
    expect(get('a')).toBe(4);
  });
});
