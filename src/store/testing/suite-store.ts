import type { Kysely } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import type { OpenStore } from '../index.ts';
import type { TestEngine } from './engines.ts';

/**
 * Opens `engine` before a suite's tests and closes it after them. The returned function gives the open
 * store and its executor, for statements a repository does not offer (reading a column it never shows,
 * running a migration's steps by hand).
 *
 * @example
 * const suite = storeForSuite(engine); … const { opened, db } = suite();
 */
export function storeForSuite(engine: TestEngine): () => { opened: OpenStore; db: Kysely<unknown> } {
  let opened: OpenStore | undefined;
  beforeAll(async () => {
    opened = await engine.open();
  });
  afterAll(async () => {
    await opened?.close();
  });
  return () => {
    if (!opened) throw new Error('The suite store is opened before the tests run.');
    return { opened, db: (opened.store as unknown as { executor: Kysely<unknown> }).executor };
  };
}
