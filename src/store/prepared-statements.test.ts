import { describe, expect, it } from 'vitest';
import { StatementNames } from './prepared-statements.ts';

describe('StatementNames', () => {
  it('names a text the second time it is sent, and keeps that name', () => {
    const names = new StatementNames();
    expect(names.nameFor('select $1')).toBeUndefined();
    const name = names.nameFor('select $1');
    expect(name).toMatch(/^leeway_\d+$/);
    expect(names.nameFor('select $1')).toBe(name);
  });

  it('gives different texts different names', () => {
    const names = new StatementNames();
    for (const text of ['select $1', 'select $2', 'select $1', 'select $2']) names.nameFor(text);
    expect(names.nameFor('select $1')).not.toBe(names.nameFor('select $2'));
    expect(names.size).toBe(2);
  });

  it('names no more texts than its limit, however many repeat', () => {
    const names = new StatementNames({ prepared: 3, seenOnce: 100 });
    for (let index = 0; index < 10; index += 1) {
      names.nameFor(`select ${index}`);
      names.nameFor(`select ${index}`);
    }
    expect(names.size).toBe(3);
    expect(names.nameFor('select 0')).toBeDefined();
    expect(names.nameFor('select 9')).toBeUndefined();
  });

  it('forgets texts seen once when too many of them pile up, so memory stays bounded', () => {
    const names = new StatementNames({ prepared: 10, seenOnce: 2 });
    names.nameFor('a');
    names.nameFor('b');
    names.nameFor('c'); // the memory of a and b starts afresh, with c in it
    expect(names.nameFor('a')).toBeUndefined();
    expect(names.nameFor('c')).toBeDefined();
  });
});
