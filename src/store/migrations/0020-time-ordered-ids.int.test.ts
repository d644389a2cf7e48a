import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../testing/engines.ts';
import { storeForSuite } from '../testing/suite-store.ts';
import { down, up } from './0020-time-ordered-ids.ts';

const millisecondOf = (id: string): number => Number.parseInt(id.replace('-', '').slice(0, 12), 16);
const versionOf = (id: string): string => id.charAt(14);

describe.each(testEngines())('migration 0020 (time-ordered ids) on $name', (engine) => {
  const suite = storeForSuite(engine);

  it('makes every id the database makes a version 7 uuid of the millisecond it was made, in order', async () => {
    const { store } = suite().opened;
    const before = Date.now();
    const made: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      made.push((await store.organizations.create({ name: `Acme ${i}`, timezone: 'UTC' })).id);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    for (const id of made) {
      expect(versionOf(id)).toBe('7');
      // The database's clock and this process's are the same machine's here.
      expect(millisecondOf(id)).toBeGreaterThanOrEqual(before);
      expect(millisecondOf(id)).toBeLessThanOrEqual(Date.now());
    }
    expect([...made].sort()).toEqual(made);
    const { rows } = await sql<{ table: string }>`
      SELECT table_name AS "table" FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_default = 'gen_random_uuid()'`.execute(suite().db);
    expect(rows).toEqual([]);
  });

  it('undone, makes random ids again; done again, time-ordered ones', async () => {
    const { store } = suite().opened;
    const db = suite().db;
    await down(db);
    expect(versionOf((await store.organizations.create({ name: 'Random', timezone: 'UTC' })).id)).toBe('4');
    const { rows } = await sql<{ n: string }>`SELECT count(*)::text AS n FROM pg_proc WHERE proname = 'leeway_new_id'`.execute(db);
    expect(rows[0]!.n).toBe('0');
    await up(db);
    expect(versionOf((await store.organizations.create({ name: 'Ordered', timezone: 'UTC' })).id)).toBe('7');
  });
});
