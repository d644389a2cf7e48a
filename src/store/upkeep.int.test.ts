import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { connectDatabase } from './connect.ts';
import type { ConnectOptions, DatabaseHandle } from './connect.ts';
import { migrateToLatest } from './migrate.ts';
import { Store } from './store.ts';
import { autovacuumIsOn, CHURNING_TABLES } from './upkeep.ts';

const engines: Array<{ name: string; connect: () => Promise<ConnectOptions> }> = [
  { name: 'pglite', connect: async () => ({ engine: 'pglite', dataDir: 'memory://' }) },
];
const adminUrl = process.env.TEST_DATABASE_URL;
const scratch: string[] = [];
if (adminUrl) engines.push({ name: 'postgres', connect: () => scratchDatabase(adminUrl) });

async function admin(statement: string, url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A database of the test's own: the tables are migrated into it and it is dropped afterwards. */
async function scratchDatabase(url: string): Promise<ConnectOptions> {
  const name = `leeway_upkeep_${randomBytes(5).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`, url);
  scratch.push(name);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return { engine: 'postgres', url: target.toString(), poolSize: 2 };
}

describe.each(engines)('vacuuming the churning tables on $name', ({ name, connect }) => {
  let handle: DatabaseHandle | undefined;
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
    for (const database of scratch.splice(0)) await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`, adminUrl!);
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
