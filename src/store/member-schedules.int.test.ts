import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from './index.ts';
import { LISTENER_APPLICATION_NAME } from './member-change-listener.ts';
import { ALL_MEMBERS_NOTICE, MEMBER_CHANGES_CHANNEL } from './migrations/0013-member-change-notices.ts';
import { testEngines } from './testing/engines.ts';
import { useTwoStores } from './testing/two-stores.ts';
import { until } from './testing/until.ts';
import { addInterviewer, useTwoInterviewers } from './testing/two-interviewers.ts';

/**
 * Members' schedules kept while every change to them is announced (migration 0013): a search of a panel
 * read before asks nothing, and any change, made here, by another process or by hand, is seen by the next
 * search that starts once the change is announced. Busy time kept the same way: busy-changes.int.test.ts.
 */

describe.each(testEngines())('member schedules kept on $name', (engine) => {
  const acme = useTwoInterviewers(engine);

  beforeAll(async () => {
    // The embedded engine subscribes with its first statement, PostgreSQL's listener on a connection of its own.
    await until(() => acme.opened.schedules.active, 'the listener is subscribed');
  });

  const read = (ids = [acme.ann, acme.bob]) => acme.log.during(() => acme.store.members.getSchedules(acme.org, ids));

  it('reads a panel once, then answers from what it kept', async () => {
    const first = await read();
    expect(first.result.map((m) => m.name)).toEqual(['ann', 'bob']);
    // The members were just written by this process: on PostgreSQL the first answer from what was kept
    // waits for one round trip on the listener's connection, which makes sure those writes were heard.
    const again = await read();
    expect(again.statements).toEqual(engine.name === 'postgres' ? ['SELECT 1'] : []);
    expect(again.result).toEqual(first.result);
    expect((await read()).statements).toEqual([]);
  });

  it("sees this process's own change to a member's settings at once", async () => {
    await read();
    await acme.store.members.update(acme.org, acme.bob, { bufferMinutes: 15 });
    expect((await read()).result.find((m) => m.id === acme.bob)?.bufferMinutes).toBe(15);
  });

  it('keeps nothing inside a transaction, and a transaction rolled back leaves what was kept in use', async () => {
    await read();
    await acme.store
      .transaction(async (tx) => {
        await tx.members.update(acme.org, acme.ann, { bufferMinutes: 45 });
        expect((await tx.members.getSchedules(acme.org, [acme.ann]))[0]?.bufferMinutes).toBe(45);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect((await read()).result[0]?.bufferMinutes).not.toBe(45);
  });

  it('stops answering from what it kept when the listener is lost, and starts again once it is back', async () => {
    await read();
    acme.opened.schedules.listenerLost();
    expect((await read()).statements).toHaveLength(1);
    acme.opened.schedules.listenerReady();
    await read();
    expect((await read()).statements).toEqual([]);
  });
});

const adminUrl = process.env.TEST_DATABASE_URL;

/** Two server processes, or a person with psql, on one database: changes are heard once announced. */
describe.skipIf(!adminUrl)('member schedules kept by two stores on one PostgreSQL database', () => {
  const stores = useTwoStores(adminUrl ?? '');
  let org: string;
  let ann: string;

  beforeAll(async () => {
    org = (await stores.first.store.organizations.create({ name: 'Acme', timezone: 'UTC' })).id;
    ann = await addInterviewer(stores.first.store, org, 'ann');
    await until(() => stores.first.schedules.active && stores.second.schedules.active, 'both listeners are subscribed');
  });

  const bufferSeenBy = async (store: Store) => (await store.members.getSchedules(org, [ann]))[0]?.bufferMinutes;

  it("hears the other store's changes and changes made by hand", async () => {
    expect(await bufferSeenBy(stores.first.store)).toBe(0);
    await stores.second.store.members.update(org, ann, { bufferMinutes: 10 });
    await until(async () => (await bufferSeenBy(stores.first.store)) === 10, 'the first store sees the new buffer');

    const psql = new pg.Client({ connectionString: stores.url });
    await psql.connect();
    await psql.query('UPDATE members SET buffer_minutes = 20 WHERE id = $1', [ann]).finally(() => psql.end());
    await until(async () => (await bufferSeenBy(stores.first.store)) === 20, 'the first store sees the change made by hand');

    const cyd = await addInterviewer(stores.second.store, org, 'cyd');
    expect(await stores.first.store.members.getSchedules(org, [cyd])).toHaveLength(1);
    const remover = new pg.Client({ connectionString: stores.url });
    await remover.connect();
    await remover.query('DELETE FROM members WHERE id = $1', [cyd]).finally(() => remover.end());
    await until(async () => (await stores.first.store.members.getSchedules(org, [cyd])).length === 0, 'the first store sees the member removed');
  });

  it('announces a statement that changes more members than a notice can name as a change to all', async () => {
    const ids = await Promise.all(Array.from({ length: 400 }, (_, i) => addInterviewer(stores.first.store, org, `m${i}`)));
    const listener = new pg.Client({ connectionString: stores.url });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (notice) => heard.push(notice.payload ?? ''));
    try {
      await listener.query(`LISTEN ${MEMBER_CHANGES_CHANNEL}`);
      await stores.first.store.members.getSchedules(org, ids);
      await stores.second.store.members.getSchedules(org, ids);
      const psql = new pg.Client({ connectionString: stores.url });
      await psql.connect();
      await psql.query('UPDATE members SET buffer_minutes = 5 WHERE organization_id = $1', [org]);
      await psql.end();
      await until(() => heard.length > 0, 'the change is announced');
      expect(heard).toEqual([ALL_MEMBERS_NOTICE]);
      await until(async () => (await stores.first.store.members.getSchedules(org, ids)).every((m) => m.bufferMinutes === 5), 'the first store sees all of them');
    } finally {
      await listener.end();
    }
  });

  it('subscribes again by itself after its connection is ended by the server, answering from the database meanwhile', async () => {
    await bufferSeenBy(stores.first.store);
    const admin = new pg.Client({ connectionString: stores.url });
    await admin.connect();
    try {
      const { rowCount } = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1", [LISTENER_APPLICATION_NAME]);
      expect(rowCount).toBeGreaterThanOrEqual(2);
      await until(() => !stores.first.schedules.active, 'the loss is noticed');
      await admin.query('UPDATE members SET buffer_minutes = 30 WHERE id = $1', [ann]);
      expect(await bufferSeenBy(stores.first.store)).toBe(30);
      await until(() => stores.first.schedules.active, 'the listener is back');
      await bufferSeenBy(stores.first.store);
      await admin.query('UPDATE members SET buffer_minutes = 35 WHERE id = $1', [ann]);
      await until(async () => (await bufferSeenBy(stores.first.store)) === 35, 'changes are heard again');
    } finally {
      await admin.end();
    }
  });
});
