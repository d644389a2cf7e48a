import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { Query } from '../load/audit.ts';

/**
 * The embedded database opened in this process, for reading it back once the server has let go of the
 * folder (a data folder has one user at a time).
 *
 * @example
 * const audit = await withPgliteQuery(dataDir, (query) => auditSoak(query, …));
 */
export async function withPgliteQuery<T>(dataDir: string, use: (query: Query) => Promise<T>): Promise<T> {
  const db = await PGlite.create(dataDir, { extensions: { btree_gist } });
  try {
    return await use(async <Row>(text: string, params: unknown[]) => (await db.query<Row>(text, params)).rows);
  } finally {
    await db.close();
  }
}
