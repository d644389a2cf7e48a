import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenStore, Store } from './index.ts';
import { LISTENER_APPLICATION_NAME } from './member-change-listener.ts';
import { ALL_MEMBERS_NOTICE, MEMBER_CHANGES_CHANNEL } from './migrations/0013-member-change-notices.ts';
import { testEngines } from './testing/engines.ts';
import { openTwoStores } from './testing/two-stores.ts';
import type { TwoStores } from './testing/two-stores.ts';
import { recordQueries } from './testing/query-log.ts';
import type { QueryLog } from './testing/query-log.ts';

/**
 * Members' schedules kept while every change to them is announced (migration 0013): a search of a panel
 * read before asks nothing, and any change, made here, by another process or by hand, is seen by the next
 * search that starts once the change is announced.
 */

const HOURS = { mon: [['09:00', '17:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } as const;
const hour = (h: number) => new Date(Date.UTC(2026, 11, 7, h));

async function until(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function addMember(store: Store, org: string, name: string): Promise<string> {
  return (await store.members.create(org, { name, email: `${name}@acme.test`, role: 'interviewer', timezone: 'UTC', workingHours: structuredClone(HOURS) as never })).id;
}

describe.each(testEngines())('member schedules kept on $name', (engine) => {
  let opened: OpenStore;
  let store: Store;
  let log: QueryLog;
  let org: string;
  let ann: string;
  let bob: string;

  beforeAll(async () => {
    opened = await engine.open();
    store = opened.store;
    log = recordQueries();
    org = (await store.organizations.create({ name: 'Acme', timezone: 'UTC' })).id;
    ann = await addMember(store, org, 'ann');
    bob = await addMember(store, org, 'bob');
    // The embedded engine subscribes with its first statement, PostgreSQL's listener on a connection of its own.
    await until(() => opened.schedules.active, 'the listener is subscribed');
  });
  afterAll(async () => {
    log?.restore();
    await opened?.close();
  });

  const read = (ids = [ann, bob]) => log.during(() => store.members.getSchedulesWithBusyVersions(org, ids));

  it('reads a panel once, then answers from what it kept', async () => {
    const first = await read();
    expect(first.result.members.map((m) => m.name)).toEqual(['ann', 'bob']);
    // The members were just written by this process: on PostgreSQL the first answer from what was kept
    // waits for one round trip on the listener's connection, which makes sure those writes were heard.
    const again = await read();
    expect(again.statements).toEqual(engine.name === 'postgres' ? ['SELECT 1'] : []);
    expect(again.result).toEqual(first.result);
    expect((await read()).statements).toEqual([]);
  });

  it("sees this process's own changes at once: busy time, a member's settings", async () => {
    await read();
    const before = (await read()).result.busyVersions.get(ann)!;
    await store.members.addBusy(org, ann, { start: hour(9), end: hour(10) });
    const afterBusy = await read();
    expect(Number(afterBusy.result.busyVersions.get(ann))).toBe(Number(before) + 1);

    await store.members.update(org, bob, { bufferMinutes: 15 });
    expect((await read()).result.members.find((m) => m.id === bob)?.bufferMinutes).toBe(15);
  });

  it('keeps nothing inside a transaction, and a transaction rolled back leaves what was kept in use', async () => {
    await read();
    await store
      .transaction(async (tx) => {
        await tx.members.update(org, ann, { bufferMinutes: 45 });
        expect((await tx.members.getSchedulesWithBusyVersions(org, [ann])).members[0]?.bufferMinutes).toBe(45);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect((await read()).result.members[0]?.bufferMinutes).not.toBe(45);
  });

  it('stops answering from what it kept when the listener is lost, and starts again once it is back', async () => {
    await read();
    opened.schedules.listenerLost();
    expect((await read()).statements).toHaveLength(1);
    opened.schedules.listenerReady();
    await read();
    expect((await read()).statements).toEqual([]);
  });
});

const adminUrl = process.env.TEST_DATABASE_URL;

/** Two server processes, or a person with psql, on one database: changes are heard once announced. */
describe.skipIf(!adminUrl)('member schedules kept by two stores on one PostgreSQL database', () => {
  let stores: TwoStores;
  let first: OpenStore;
  let second: OpenStore;
  let org: string;
  let ann: string;

  beforeAll(async () => {
    stores = await openTwoStores(adminUrl!);
    ({ first, second } = stores);
    org = (await first.store.organizations.create({ name: 'Acme', timezone: 'UTC' })).id;
    ann = await addMember(first.store, org, 'ann');
    await until(() => first.schedules.active && second.schedules.active, 'both listeners are subscribed');
  });
  afterAll(async () => {
    await stores?.close();
  });

  const bufferSeenBy = async (store: Store) => (await store.members.getSchedulesWithBusyVersions(org, [ann])).members[0]?.bufferMinutes;
  const busyVersionSeenBy = async (store: Store) => (await store.members.getSchedulesWithBusyVersions(org, [ann])).busyVersions.get(ann);

  it("hears the other store's changes and changes made by hand", async () => {
    expect(await bufferSeenBy(first.store)).toBe(0);
    await second.store.members.update(org, ann, { bufferMinutes: 10 });
    await until(async () => (await bufferSeenBy(first.store)) === 10, 'the first store sees the new buffer');

    const before = await busyVersionSeenBy(first.store);
    await second.store.members.addBusy(org, ann, { start: hour(9), end: hour(10) });
    await until(async () => (await busyVersionSeenBy(first.store)) !== before, 'the first store sees the busy time');

    const psql = new pg.Client({ connectionString: stores.url });
    await psql.connect();
    await psql.query('UPDATE members SET buffer_minutes = 20 WHERE id = $1', [ann]).finally(() => psql.end());
    await until(async () => (await bufferSeenBy(first.store)) === 20, 'the first store sees the change made by hand');

    const cyd = await addMember(second.store, org, 'cyd');
    expect((await first.store.members.getSchedulesWithBusyVersions(org, [cyd])).members).toHaveLength(1);
    const remover = new pg.Client({ connectionString: stores.url });
    await remover.connect();
    await remover.query('DELETE FROM members WHERE id = $1', [cyd]).finally(() => remover.end());
    await until(async () => (await first.store.members.getSchedulesWithBusyVersions(org, [cyd])).members.length === 0, 'the first store sees the member removed');
  });

  it('announces a statement that changes more members than a notice can name as a change to all', async () => {
    const ids = await Promise.all(Array.from({ length: 400 }, (_, i) => addMember(first.store, org, `m${i}`)));
    const listener = new pg.Client({ connectionString: stores.url });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (notice) => heard.push(notice.payload ?? ''));
    try {
      await listener.query(`LISTEN ${MEMBER_CHANGES_CHANNEL}`);
      await first.store.members.getSchedulesWithBusyVersions(org, ids);
      await second.store.members.getSchedulesWithBusyVersions(org, ids);
      const psql = new pg.Client({ connectionString: stores.url });
      await psql.connect();
      await psql.query('UPDATE members SET buffer_minutes = 5 WHERE organization_id = $1', [org]);
      await psql.end();
      await until(() => heard.length > 0, 'the change is announced');
      expect(heard).toEqual([ALL_MEMBERS_NOTICE]);
      await until(async () => (await first.store.members.getSchedulesWithBusyVersions(org, ids)).members.every((m) => m.bufferMinutes === 5), 'the first store sees all of them');
    } finally {
      await listener.end();
    }
  });

  it('subscribes again by itself after its connection is ended by the server, answering from the database meanwhile', async () => {
    await bufferSeenBy(first.store);
    const admin = new pg.Client({ connectionString: stores.url });
    await admin.connect();
    try {
      const { rowCount } = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1", [LISTENER_APPLICATION_NAME]);
      expect(rowCount).toBeGreaterThanOrEqual(2);
      await until(() => !first.schedules.active, 'the loss is noticed');
      await admin.query('UPDATE members SET buffer_minutes = 30 WHERE id = $1', [ann]);
      expect(await bufferSeenBy(first.store)).toBe(30);
      await until(() => first.schedules.active, 'the listener is back');
      await bufferSeenBy(first.store);
      await admin.query('UPDATE members SET buffer_minutes = 35 WHERE id = $1', [ann]);
      await until(async () => (await bufferSeenBy(first.store)) === 35, 'changes are heard again');
    } finally {
      await admin.end();
    }
  });
});
