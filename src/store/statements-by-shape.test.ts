import { sql } from 'kysely';
import type { Compilable } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { StatementsByShape } from './statements-by-shape.ts';

/** A compilable statement as the builder would give it, counting how often it is built. */
function counted(text: string, parameters: unknown[]) {
  const built = { count: 0 };
  const build = (): Compilable => {
    built.count += 1;
    return { compile: () => ({ sql: text, parameters, query: sql``.toOperationNode(), queryId: { queryId: 'test' } }) } as unknown as Compilable;
  };
  return { built, build };
}

describe('StatementsByShape', () => {
  const strict = StatementsByShape.throwOnMismatch;
  afterEach(() => {
    StatementsByShape.throwOnMismatch = strict;
  });

  it('builds a shape once, then sends its kept text with the listed parameters', () => {
    const statements = new StatementsByShape();
    const at = new Date('2026-12-07T09:00:00Z');
    const first = counted('select $1, $2, $3', ['a', new Date(at), ['x', 'y']]);
    expect(statements.compiled('one', first.build, () => ['a', at, ['x', 'y']]).parameters).toEqual(['a', at, ['x', 'y']]);
    const again = statements.compiled('one', first.build, () => ['b', at, ['z']]);
    expect(first.built.count).toBe(1);
    expect(again.sql).toBe('select $1, $2, $3');
    expect(again.parameters).toEqual(['b', at, ['z']]);
    expect(statements.mismatches).toEqual([]);
  });

  it('never keeps a shape whose listed parameters are not the builder’s, and says so', () => {
    StatementsByShape.throwOnMismatch = false;
    const statements = new StatementsByShape();
    const wrong = counted('select $1, $2', ['a', 'b']);
    expect(statements.compiled('swapped', wrong.build, () => ['b', 'a']).parameters).toEqual(['a', 'b']);
    expect(statements.compiled('swapped', wrong.build, () => ['b', 'a']).parameters).toEqual(['a', 'b']);
    expect(wrong.built.count).toBe(2);
    expect(statements.mismatches).toEqual(['swapped']);
    StatementsByShape.throwOnMismatch = true;
    const short = counted('select $1, $2', ['a', 'b']);
    expect(() => new StatementsByShape().compiled('short', short.build, () => ['a'])).toThrow(/"short".*2 built, 1 listed, first difference at 1/);
  });

  it('builds anew when a listed parameter is undefined: the builder may leave its column out', () => {
    const statements = new StatementsByShape();
    const statement = counted('insert into t (a, b) values ($1, $2)', ['a', null]);
    statements.compiled('row', statement.build, () => ['a', null]);
    statements.compiled('row', statement.build, () => ['a', undefined]);
    expect(statement.built.count).toBe(2);
  });
});
