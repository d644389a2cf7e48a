import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../testing/engines.ts';
import { storeForSuite } from '../testing/suite-store.ts';
import { addInterviewer } from '../testing/two-interviewers.ts';
import { down, up } from './0019-busy-changes-announced.ts';

const BLOCK = { start: new Date('2026-12-07T09:00:00Z'), end: new Date('2026-12-07T10:00:00Z') };

describe.each(testEngines())('migration 0019 (busy changes announced) on $name', (engine) => {
  const suite = storeForSuite(engine);

  it('undone, raises busy versions on the members again; done again, writes nothing to them', async () => {
    const { store } = suite().opened;
    const db = suite().db;
    const { id: org } = await store.organizations.create({ name: 'Acme', timezone: 'UTC' });
    const ann = await addInterviewer(store, org, 'ann');
    const triggers = async () =>
      (await sql<{ name: string }>`SELECT tgname AS name FROM pg_trigger WHERE tgrelid = 'busy_blocks'::regclass AND NOT tgisinternal ORDER BY tgname`.execute(db)).rows.map(({ name }) => name);
    expect(await triggers()).toEqual(['busy_blocks_announce_busy_change_on_delete', 'busy_blocks_announce_busy_change_on_insert', 'busy_blocks_announce_busy_change_on_update']);

    await down(db);
    const version = async () => (await sql<{ version: string }>`SELECT busy_version::text AS version FROM members WHERE id = ${ann}`.execute(db)).rows[0]?.version;
    expect(await version()).toBe('0');
    await store.members.addBusy(org, ann, BLOCK);
    expect(await version()).toBe('1');
    expect(await triggers()).toEqual(['busy_blocks_raise_busy_version_on_delete', 'busy_blocks_raise_busy_version_on_insert', 'busy_blocks_raise_busy_version_on_update']);

    await up(db);
    const updates = async () => Number((await sql<{ n: string }>`SELECT xmin::text AS n FROM members WHERE id = ${ann}`.execute(db)).rows[0]?.n);
    const before = await updates();
    await store.members.addBusy(org, ann, { start: BLOCK.end, end: new Date(BLOCK.end.getTime() + 3_600_000) });
    // The member's row is not written: its version (the transaction that last wrote it) stays.
    expect(await updates()).toBe(before);
    const { rows } = await sql<{ name: string }>`SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'members' AND column_name = 'busy_version'`.execute(db);
    expect(rows).toEqual([]);
  });
});
