import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';

/**
 * What PGlite itself does on a data folder, in this process: as many bare transactions of 10 small
 * statements (5 single-row inserts, 5 primary-key reads) as fit in `seconds`, one after the other.
 *
 * @example
 * const { perSecond } = await pgliteTransactionsPerSecond('/tmp/pglite-baseline', 20);
 */
export async function pgliteTransactionsPerSecond(dataDir: string, seconds: number): Promise<{ perSecond: number; transactions: number }> {
  const db = await PGlite.create(dataDir);
  try {
    await db.exec('CREATE TABLE IF NOT EXISTS baseline (id bigserial PRIMARY KEY, account int NOT NULL, amount int NOT NULL)');
    let transactions = 0;
    const started = performance.now();
    const until = started + seconds * 1000;
    while (performance.now() < until) {
      await db.transaction(async (tx) => {
        for (let statement = 0; statement < 5; statement += 1) {
          const inserted = await tx.query<{ id: number }>('INSERT INTO baseline (account, amount) VALUES ($1, $2) RETURNING id', [transactions % 1000, statement]);
          await tx.query('SELECT amount FROM baseline WHERE id = $1', [inserted.rows[0]!.id]);
        }
      });
      transactions += 1;
    }
    return { perSecond: transactions / ((performance.now() - started) / 1000), transactions };
  } finally {
    await db.close();
  }
}
