import { CompiledQuery } from 'kysely';
import type { Compilable } from 'kysely';

/** Texts kept at most: shapes are counts and flags the code decides, so few ever occur; the bound is a guard. */
const MOST_SHAPES = 256;

/**
 * Statement texts kept by shape, for the statements every booking sends. The query builder builds and
 * compiles such a statement anew on each call, which under a booking load was a tenth of the server's
 * work, though its text depends only on a few counts and flags (how many panelists, whether busy time is
 * read). Here the builder still writes the text, once per shape; after that only the parameters are put
 * together, by a function that lists them in the order the text takes them.
 *
 * That order is checked against the builder's own on the first call of every shape: a shape whose
 * parameters differ is never kept (the builder's statement is sent each time, as before) and is counted
 * in `mismatches`. Under the test suite a mismatch throws where it happens, so that every test that
 * writes a shape checks it.
 */
export class StatementsByShape {
  /** Set by the test suite's setup (`store/testing/strict-statements.ts`). */
  static throwOnMismatch = false;

  private readonly texts = new Map<string, string>();
  private readonly mismatched = new Set<string>();

  /**
   * The statement for `shape`: `build()` compiled the first time, the kept text with `parameters()`
   * after. `shape` must name everything the built text depends on.
   */
  compiled(shape: string, build: () => Compilable, parameters: () => readonly unknown[]): CompiledQuery {
    const listed = parameters();
    const text = this.texts.get(shape);
    // A value left undefined is one the builder leaves out of the text (a column left to its default): build anew.
    const complete = !listed.includes(undefined);
    if (text !== undefined && complete) return CompiledQuery.raw(text, [...listed]);
    const compiled = build().compile();
    if (text !== undefined || !complete || this.mismatched.has(shape) || this.texts.size >= MOST_SHAPES) return compiled;
    if (sameParameters(compiled.parameters, listed)) {
      this.texts.set(shape, compiled.sql);
    } else {
      this.mismatched.add(shape);
      if (StatementsByShape.throwOnMismatch) {
        throw new Error(`The parameters listed for "${shape}" are not the builder's: ${compiled.parameters.length} built, ${listed.length} listed, first difference at ${firstDifference(compiled.parameters, listed)}.`);
      }
    }
    return compiled;
  }

  /** Shapes whose hand-listed parameters did not match the builder's: a fault in the code, never kept. */
  get mismatches(): readonly string[] {
    return [...this.mismatched];
  }
}

function sameParameters(built: readonly unknown[], listed: readonly unknown[]): boolean {
  return built.length === listed.length && built.every((value, index) => sameValue(value, listed[index]));
}

function firstDifference(built: readonly unknown[], listed: readonly unknown[]): number {
  const index = built.findIndex((value, at) => !sameValue(value, listed[at]));
  return index === -1 ? built.length : index;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return sameParameters(a, b);
  return false;
}
