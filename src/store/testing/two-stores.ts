import { afterAll, beforeAll } from 'vitest';
import { openStore } from '../index.ts';
import type { OpenStore } from '../index.ts';
import { createScratchDatabase } from './engines.ts';

export interface TwoStores {
  /** The database's URL, for statements made by hand. */
  url: string;
  first: OpenStore;
  second: OpenStore;
}

/**
 * Two stores on one scratch PostgreSQL database, as two server processes would be (the first migrates
 * it), opened before the suite's tests and closed, with the database dropped, after them; the fields are
 * there once the suite's own `beforeAll` hooks run.
 *
 * @example
 * const stores = useTwoStores(process.env.TEST_DATABASE_URL!); it('…', () => stores.first.store.…);
 */
export function useTwoStores(adminUrl: string): TwoStores {
  const stores = {} as TwoStores;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const scratch = await createScratchDatabase(adminUrl);
    drop = scratch.drop;
    stores.url = scratch.url;
    stores.first = await openStore({ engine: 'postgres', url: scratch.url, poolSize: 2 });
    stores.second = await openStore({ engine: 'postgres', url: scratch.url, poolSize: 2, migrate: false });
  });
  afterAll(async () => {
    await stores.first?.close();
    await stores.second?.close();
    await drop?.();
  });
  return stores;
}
