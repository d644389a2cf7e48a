import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from './index.ts';
import { ALL_MEMBERS_NOTICE, MEMBER_CHANGES_CHANNEL } from './migrations/0013-member-change-notices.ts';
import { BUSY_CHANGE_PREFIX } from './migrations/0019-busy-changes-announced.ts';
import { spansOf } from './testing/busy-spans.ts';
import { testEngines } from './testing/engines.ts';
import { useTwoStores } from './testing/two-stores.ts';
import { MONDAYS_NINE_TO_FIVE, addInterviewer, useTwoInterviewers } from './testing/two-interviewers.ts';
import { until } from './testing/until.ts';

/**
 * Changes to members' busy time announced (migration 0019) and the busy time a store keeps while it hears
 * them: every statement that changes a member's bookings, busy blocks or calendar busy times names that
 * member at commit, and kept busy time is used again only until the member is named.
 */

const AT = new Date('2026-12-01T12:00:00Z');
const WINDOW = { from: new Date('2026-12-07T00:00:00Z'), to: new Date('2026-12-08T00:00:00Z') };
const hour = (h: number) => new Date(Date.UTC(2026, 11, 7, h));

describe.each(testEngines())('busy time kept while its changes are heard on $name', (engine) => {
  const acme = useTwoInterviewers(engine);
  let interviewId: string;

  beforeAll(async () => {
    await until(() => acme.opened.schedules.active, 'the listener is subscribed');
    const opening = await acme.store.openings.create(acme.org, { title: 'Engineer' });
    const candidate = await acme.store.candidates.create(acme.org, { name: 'Jordan Lee', email: 'jordan@example.com', timezone: 'UTC' });
    interviewId = (
      await acme.store.interviews.create(
        acme.org,
        { openingId: opening.id, candidateId: candidate.id, title: 'Round 1', durationMinutes: 60, panel: [acme.ann], status: 'invited', start: null, end: null, uid: `busy-${engine.name}@leeway.test` },
        AT,
      )
    ).id;
  });

  const readBoth = () => acme.log.during(() => acme.store.members.listPanelBusy(acme.org, [acme.ann, acme.bob], WINDOW.from, WINDOW.to));
  const kept = (memberId: string) => acme.opened.schedules.keptBusyTime(acme.org, memberId, WINDOW.from.getTime(), WINDOW.to.getTime()) !== undefined;
  /** Who `work` made the store forget, once its announcements are heard (both members' busy time kept before). */
  const forgotten = async (work: () => Promise<unknown>) => {
    await readBoth();
    await until(() => kept(acme.ann) && kept(acme.bob), 'both are kept');
    await work();
    // Once this process's own writes are surely heard (a round trip on the listener's connection, on PostgreSQL).
    expect(await acme.opened.schedules.hearsEverything()).toBe(true);
    return { ann: !kept(acme.ann), bob: !kept(acme.bob) };
  };

  it('forgets a member booked or freed, and no one else; a statement that changes nothing names no one', async () => {
    const booked = { start: hour(10), end: hour(11) };
    expect(await forgotten(() => acme.store.interviews.bookPanel(acme.org, interviewId, [acme.ann], booked))).toEqual({ ann: true, bob: false });
    expect(await forgotten(() => acme.store.interviews.releaseBookings(acme.org, interviewId))).toEqual({ ann: true, bob: false });
    expect(await forgotten(() => acme.store.interviews.releaseBookings(acme.org, interviewId))).toEqual({ ann: false, bob: false });
  });

  it("keeps a booked member's schedule: only their busy time is read again", async () => {
    await acme.store.members.getSchedules(acme.org, [acme.ann, acme.bob]);
    await acme.store.members.getSchedules(acme.org, [acme.ann, acme.bob]);
    expect(await forgotten(() => acme.store.interviews.bookPanel(acme.org, interviewId, [acme.ann], { start: hour(12), end: hour(13) }))).toEqual({ ann: true, bob: false });
    expect(await acme.opened.schedules.lookup(acme.org, [acme.ann, acme.bob])).toHaveLength(2);
    await acme.store.interviews.releaseBookings(acme.org, interviewId);
  });

  it('forgets a member whose busy blocks are added or removed', async () => {
    let blockId = '';
    expect(await forgotten(async () => (blockId = (await acme.store.members.addBusy(acme.org, acme.bob, { start: hour(9), end: hour(10) })).id))).toEqual({ ann: false, bob: true });
    expect(await forgotten(() => acme.store.members.deleteBusy(acme.org, acme.bob, blockId))).toEqual({ ann: false, bob: true });
  });

  it('forgets a member whose calendar is read, and not when it is unchanged', async () => {
    const source = await acme.store.calendarSources.create(acme.org, acme.ann, { kind: 'ics', urlSealed: 'x', urlShown: 'https://calendar.example/ann.ics', usernameSealed: null, passwordSealed: null, nextSyncAt: AT });
    const busy = Array.from({ length: 40 }, (_, i) => ({ start: new Date(hour(0).getTime() + i * 3_600_000), end: new Date(hour(0).getTime() + i * 3_600_000 + 1_800_000), uid: `event-${i}` }));
    const sync = { at: AT, nextSyncAt: AT, etag: null, lastModified: null, busy };
    expect(await forgotten(() => acme.store.calendarSources.recordSuccess(acme.org, source.id, sync))).toEqual({ ann: true, bob: false });
    expect(await forgotten(() => acme.store.calendarSources.recordSuccess(acme.org, source.id, { ...sync, busy: busy.slice(0, 2) }))).toEqual({ ann: true, bob: false });
    // Unchanged (304): nothing written, no one named.
    expect(await forgotten(() => acme.store.calendarSources.recordSuccess(acme.org, source.id, { ...sync, busy: null }))).toEqual({ ann: false, bob: false });
    await acme.store.calendarSources.recordSuccess(acme.org, source.id, { ...sync, busy: [] });
  });

  it('reads kept busy time again only for a member who changed, and a window wider than the one kept', async () => {
    await readBoth();
    expect((await readBoth()).statements.filter((text) => text.includes('busy_blocks'))).toEqual([]);
    const blockId = (await acme.store.members.addBusy(acme.org, acme.bob, { start: hour(13), end: hour(14) })).id;
    const changed = await readBoth();
    const reads = changed.statements.filter((text) => text.includes('busy_blocks'));
    expect(reads).toHaveLength(1);
    // Only bob was read again; ann's kept time stood.
    expect(reads[0]!.match(/member_id IN \(([^)]*)\)/)?.[1]?.split(',')).toHaveLength(1);
    expect(spansOf(changed.result)).toEqual([{ reason: 'busy', memberId: acme.bob, start: hour(13).getTime(), end: hour(14).getTime() }]);
    const wider = await acme.log.during(() => acme.store.members.listPanelBusy(acme.org, [acme.ann, acme.bob], WINDOW.from, new Date(WINDOW.to.getTime() + 1)));
    expect(wider.statements.filter((text) => text.includes('busy_blocks'))).toHaveLength(1);
    await acme.store.members.deleteBusy(acme.org, acme.bob, blockId);
    expect(spansOf((await readBoth()).result)).toEqual([]);
  });

  it('neither uses nor keeps busy time inside a transaction, nor when an interview is left out', async () => {
    await readBoth();
    const inside = await acme.log.during(() => acme.store.transaction((tx) => tx.members.listPanelBusy(acme.org, [acme.ann, acme.bob], WINDOW.from, WINDOW.to)));
    expect(inside.statements.filter((text) => text.includes('busy_blocks'))).toHaveLength(1);
    // A block added and read inside a transaction that is rolled back: nothing of it is kept.
    await acme.store
      .transaction(async (tx) => {
        await tx.members.addBusy(acme.org, acme.bob, { start: hour(15), end: hour(16) });
        expect(spansOf(await tx.members.listPanelBusy(acme.org, [acme.bob], WINDOW.from, WINDOW.to))).toHaveLength(1);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(spansOf((await readBoth()).result)).toEqual([]);
    const leftOut = await acme.log.during(() => acme.store.members.listPanelBusy(acme.org, [acme.ann, acme.bob], WINDOW.from, WINDOW.to, { excludeInterviewId: interviewId }));
    expect(leftOut.statements.filter((text) => text.includes('busy_blocks'))).toHaveLength(1);
  });

  it('reads from the database while the listener is lost, and keeps again once it is back', async () => {
    await readBoth();
    acme.opened.schedules.listenerLost();
    expect((await readBoth()).statements.filter((text) => text.includes('busy_blocks'))).toHaveLength(1);
    expect(acme.opened.schedules.busyTimeSize.members).toBe(0);
    acme.opened.schedules.listenerReady();
    await readBoth();
    expect((await readBoth()).statements.filter((text) => text.includes('busy_blocks'))).toEqual([]);
  });
});

const adminUrl = process.env.TEST_DATABASE_URL;

/** Two server processes, or a person with psql, on one database: each keeps busy time of its own and hears the other's changes. */
describe.skipIf(!adminUrl)('busy time kept by two stores on one PostgreSQL database', () => {
  const stores = useTwoStores(adminUrl ?? '');
  let org: string;
  let ann: string;

  beforeAll(async () => {
    org = (await stores.first.store.organizations.create({ name: 'Acme', timezone: 'UTC' })).id;
    ann = (await stores.first.store.members.create(org, { name: 'Ann', email: 'ann@acme.test', role: 'interviewer', timezone: 'UTC', workingHours: structuredClone(MONDAYS_NINE_TO_FIVE) as never })).id;
    await until(() => stores.first.schedules.active && stores.second.schedules.active, 'both listeners are subscribed');
  });

  const busyOf = (store: Store) => store.members.listPanelBusy(org, [ann], WINDOW.from, WINDOW.to);

  it("sees the other store's busy block and one added by hand once they are announced", async () => {
    expect(spansOf(await busyOf(stores.first.store))).toEqual([]);
    expect(spansOf(await busyOf(stores.second.store))).toEqual([]);
    await stores.second.store.members.addBusy(org, ann, { start: hour(9), end: hour(10) });
    await until(async () => spansOf(await busyOf(stores.first.store)).length === 1, 'the first store sees the block');
    const psql = new pg.Client({ connectionString: stores.url });
    await psql.connect();
    await psql.query('DELETE FROM busy_blocks WHERE member_id = $1', [ann]).finally(() => psql.end());
    await until(async () => spansOf(await busyOf(stores.first.store)).length === 0, 'the first store sees the block removed by hand');
  });

  it('names each member once per statement, however many of their rows it changes, and everyone past the most a notice can name', async () => {
    const listener = new pg.Client({ connectionString: stores.url });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (notice) => heard.push(notice.payload ?? ''));
    const psql = new pg.Client({ connectionString: stores.url });
    await psql.connect();
    try {
      await listener.query(`LISTEN ${MEMBER_CHANGES_CHANNEL}`);
      const bob = await addInterviewer(stores.first.store, org, 'bob');
      await psql.query(
        `INSERT INTO busy_blocks (organization_id, member_id, title, during)
         SELECT $1, member_id, 'Block', tstzrange($3::timestamptz + n * interval '1 hour', $3::timestamptz + n * interval '1 hour' + interval '30 minutes')
           FROM unnest($2::uuid[]) AS member_id, generate_series(0, 9) AS n`,
        [org, [ann, bob], hour(0)],
      );
      await until(() => heard.length > 0, 'the change is announced');
      expect(heard).toHaveLength(1);
      expect(heard[0]!.startsWith(BUSY_CHANGE_PREFIX)).toBe(true);
      expect(heard[0]!.slice(BUSY_CHANGE_PREFIX.length).split(',').sort()).toEqual([ann, bob].sort());
      const many = await Promise.all(Array.from({ length: 160 }, (_, i) => addInterviewer(stores.first.store, org, `m${i}`)));
      heard.length = 0;
      await psql.query(`INSERT INTO busy_blocks (organization_id, member_id, title, during) SELECT $1, member_id, 'Block', tstzrange($3, $4) FROM unnest($2::uuid[]) AS member_id`, [org, many, hour(9), hour(10)]);
      await until(() => heard.length > 0, 'the large change is announced');
      expect(heard).toEqual([BUSY_CHANGE_PREFIX + ALL_MEMBERS_NOTICE]);
    } finally {
      await psql.end();
      await listener.end();
    }
  });
});
