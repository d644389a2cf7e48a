import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { connectDatabase } from './connect.ts';
import type { ConnectOptions, DatabaseHandle } from './connect.ts';
import { migrateToLatest } from './migrate.ts';
import { Store } from './store.ts';
import { createScratchDatabase } from './testing/engines.ts';
import { autovacuumIsOn, CHURNING_TABLES } from './upkeep.ts';

const engines: Array<{ name: string; connect: () => Promise<ConnectOptions> }> = [
  { name: 'pglite', connect: async () => ({ engine: 'pglite', dataDir: 'memory://' }) },
];
const adminUrl = process.env.TEST_DATABASE_URL;
const drops: Array<() => Promise<void>> = [];
if (adminUrl) {
  engines.push({
    name: 'postgres',
    // A database of the test's own: the tables are migrated into it and it is dropped afterwards.
    connect: async () => {
      const scratch = await createScratchDatabase(adminUrl);
      drops.push(scratch.drop);
      return { engine: 'postgres', url: scratch.url, poolSize: 2 };
    },
  });
}

describe.each(engines)('vacuuming the churning tables on $name', ({ name, connect }) => {
  let handle: DatabaseHandle | undefined;
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
    for (const drop of drops.splice(0)) await drop();
  });

  it('vacuums and analyzes every churning table when no autovacuum does, and only then', async () => {
    handle = await connectDatabase(await connect());
    await migrateToLatest(handle.db as never);
    const store = new Store(handle.db, handle.engine);
    // The embedded engine never runs autovacuum, whatever its setting says.
    const expected = name === 'pglite' || !(await autovacuumIsOn(handle.db));
    const before = new Date(Date.now() - 1_000);
    expect(await store.vacuumIfNeeded()).toBe(expected);
    if (!expected) return;
    const { rows } = await sql<{ relname: string; lastVacuum: Date | null; lastAnalyze: Date | null }>`
      SELECT relname, last_vacuum, last_analyze FROM pg_stat_user_tables WHERE relname = ANY(${[...CHURNING_TABLES]})`.execute(handle.db);
    expect(rows.map((row) => row.relname).sort()).toEqual([...CHURNING_TABLES].sort());
    for (const row of rows) {
      expect(row.lastVacuum?.getTime()).toBeGreaterThan(before.getTime());
      expect(row.lastAnalyze?.getTime()).toBeGreaterThan(before.getTime());
    }
  });

  it('refuses to run inside a transaction, where VACUUM cannot', async () => {
    handle = await connectDatabase(await connect());
    const store = new Store(handle.db, handle.engine);
    await expect(store.transaction((tx) => tx.vacuumIfNeeded())).rejects.toThrow(/inside a transaction/);
  });
});
