import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { connectDatabase } from './connect.ts';
import type { ConnectOptions, DatabaseHandle } from './connect.ts';
import { migrateToLatest } from './migrate.ts';
import { Store } from './store.ts';
import { createScratchDatabase } from './testing/engines.ts';
import { autovacuumIsOn, CHURNING_TABLES, LIGHT_STATISTICS_TARGET } from './upkeep.ts';

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

  it('the periodic upkeep analyzes a smaller sample on the embedded engine only, and keeps the smaller sample to the ANALYZE', async () => {
    handle = await connectDatabase(await connect());
    await migrateToLatest(handle.db as never);
    const store = new Store(handle.db, handle.engine);
    if (name !== 'pglite' && (await autovacuumIsOn(handle.db))) return;
    const org = (await store.organizations.create({ name: 'Acme', timezone: 'UTC' })).id;
    // 300 messages due at 300 different times: a full sample's histogram has 101 bounds, a light one 11.
    await sql`
      INSERT INTO outbox (organization_id, message_id, kind, recipient, subject, payload, next_attempt_at)
      SELECT ${org}, 'm' || g || '@upkeep.test', 'note', 'a@example.com', 'Hello', '{}'::jsonb, now() + g * interval '1 minute'
        FROM generate_series(1, 300) AS g`.execute(handle.db);
    await store.vacuumIfNeeded();
    const { rows } = await sql<{ bounds: number }>`
      SELECT array_length(histogram_bounds::text::text[], 1) AS bounds FROM pg_stats WHERE tablename = 'outbox' AND attname = 'next_attempt_at'`.execute(handle.db);
    const bounds = rows[0]?.bounds ?? 0;
    if (name === 'pglite') expect(bounds).toBe(LIGHT_STATISTICS_TARGET + 1);
    else expect(bounds).toBeGreaterThan(LIGHT_STATISTICS_TARGET + 1);
    const { rows: setting } = await sql<{ target: string }>`SELECT current_setting('default_statistics_target') AS target`.execute(handle.db);
    expect(setting[0]?.target).toBe('100');
    // Message bodies are never sampled for statistics (migration 0012), on either engine.
    const { rows: bodies } = await sql<{ attname: string }>`SELECT attname FROM pg_stats WHERE tablename = 'outbox' AND attname IN ('payload', 'subject')`.execute(handle.db);
    expect(bodies).toEqual([]);
    const { rows: kept } = await sql<{ attname: string }>`SELECT attname FROM pg_stats WHERE tablename = 'outbox' AND attname = 'status'`.execute(handle.db);
    expect(kept).toHaveLength(1);
  });

  it('analyzes a table once it has changed well past its statistics, where no autovacuum does', async () => {
    handle = await connectDatabase(await connect());
    await migrateToLatest(handle.db as never);
    const store = new Store(handle.db, handle.engine);
    if (name === 'postgres' && (await autovacuumIsOn(handle.db))) {
      // Autovacuum does this itself.
      expect(await store.analyzeGrownIfNeeded()).toEqual([]);
      return;
    }
    expect(await store.analyzeGrownIfNeeded()).toEqual([]);
    const org = (await store.organizations.create({ name: 'Acme', timezone: 'UTC' })).id;
    // PostgreSQL counts the changed rows: 300 are past its rule. PGlite does not, and the table must grow
    // by pages instead: 2,000 rows of about 300 bytes are some 70 pages, from none.
    const count = name === 'pglite' ? 2_000 : 300;
    // One simple query: the backend that inserted reports its counts as soon as it is idle.
    await sql
      .raw(
        `INSERT INTO outbox (organization_id, message_id, kind, recipient, subject, payload, next_attempt_at)
           SELECT '${org}', 'm' || g || '@grown.test', 'note', 'a@example.com', 'Hello', jsonb_build_object('text', repeat('x', 120)), now() + g * interval '1 minute'
           FROM generate_series(1, ${count}) AS g;
         ${name === 'postgres' ? 'SELECT pg_stat_force_next_flush();' : ''}`,
      )
      .execute(handle.db);
    const analyzedRows = async () => (await sql<{ n: string }>`SELECT reltuples::int8::text AS n FROM pg_class WHERE relname = 'outbox'`.execute(handle!.db)).rows[0]?.n;
    if (name === 'postgres') {
      const changed = async () =>
        (await sql<{ n: string }>`SELECT n_mod_since_analyze::text AS n FROM pg_stat_user_tables WHERE relname = 'outbox'`.execute(handle!.db)).rows[0]?.n;
      for (let wait = 0; wait < 40 && (await changed()) === '0'; wait += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await analyzedRows()).not.toBe(String(count));
    expect(await store.analyzeGrownIfNeeded()).toContain('outbox');
    expect(await analyzedRows()).toBe(String(count));
    // A catch-up takes the light sample on both engines: as many due times as rows, 11 histogram bounds.
    const { rows } = await sql<{ bounds: number }>`
      SELECT array_length(histogram_bounds::text::text[], 1) AS bounds FROM pg_stats WHERE tablename = 'outbox' AND attname = 'next_attempt_at'`.execute(handle.db);
    expect(rows[0]?.bounds).toBe(LIGHT_STATISTICS_TARGET + 1);
    expect(await store.analyzeGrownIfNeeded()).not.toContain('outbox');
  });

  it('refuses to run inside a transaction, where VACUUM cannot', async () => {
    handle = await connectDatabase(await connect());
    const store = new Store(handle.db, handle.engine);
    await expect(store.transaction((tx) => tx.vacuumIfNeeded())).rejects.toThrow(/inside a transaction/);
  });
});
