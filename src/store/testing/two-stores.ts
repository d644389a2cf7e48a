import { openStore } from '../index.ts';
import type { OpenStore } from '../index.ts';
import { createScratchDatabase } from './engines.ts';

export interface TwoStores {
  /** The database's URL, for statements made by hand. */
  url: string;
  first: OpenStore;
  second: OpenStore;
  close(): Promise<void>;
}

/**
 * Two stores on one scratch PostgreSQL database, as two server processes would be: the first migrates
 * it. Closing closes both and drops the database.
 *
 * @example
 * const stores = await openTwoStores(process.env.TEST_DATABASE_URL!); … await stores.close();
 */
export async function openTwoStores(adminUrl: string): Promise<TwoStores> {
  const scratch = await createScratchDatabase(adminUrl);
  const first = await openStore({ engine: 'postgres', url: scratch.url, poolSize: 2 });
  const second = await openStore({ engine: 'postgres', url: scratch.url, poolSize: 2, migrate: false });
  return {
    url: scratch.url,
    first,
    second,
    close: async () => {
      await first.close();
      await second.close();
      await scratch.drop();
    },
  };
}
