import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenStore, Store } from './index.ts';
import { testEngines } from './testing/engines.ts';
import { openTwoStores } from './testing/two-stores.ts';
import type { TwoStores } from './testing/two-stores.ts';
import { spansOf } from './testing/busy-spans.ts';
import { recordQueries } from './testing/query-log.ts';
import type { QueryLog } from './testing/query-log.ts';

/**
 * Members' busy versions (migration 0011) and the busy time a store keeps by them: every statement that
 * changes a member's bookings, busy blocks or calendar busy times raises that member's version, and kept
 * busy time is used again only at the version it was read at.
 */

const AT = new Date('2026-12-01T12:00:00Z');
const HOURS = { mon: [['09:00', '17:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } as const;
const WINDOW = { from: new Date('2026-12-07T00:00:00Z'), to: new Date('2026-12-08T00:00:00Z') };
const hour = (h: number) => new Date(Date.UTC(2026, 11, 7, h));

describe.each(testEngines())('busy versions on $name', (engine) => {
  let opened: OpenStore;
  let store: Store;
  let log: QueryLog;
  let org: string;
  let ann: string;
  let bob: string;
  let interviewId: string;

  beforeAll(async () => {
    opened = await engine.open();
    store = opened.store;
    log = recordQueries();
    org = (await store.organizations.create({ name: 'Acme', timezone: 'UTC' })).id;
    const member = (name: string) =>
      store.members.create(org, { name, email: `${name}@acme.test`, role: 'interviewer', timezone: 'UTC', workingHours: structuredClone(HOURS) as never });
    ann = (await member('ann')).id;
    bob = (await member('bob')).id;
    const opening = await store.openings.create(org, { title: 'Engineer' });
    const candidate = await store.candidates.create(org, { name: 'Jordan Lee', email: 'jordan@example.com', timezone: 'UTC' });
    interviewId = (
      await store.interviews.create(
        org,
        { openingId: opening.id, candidateId: candidate.id, title: 'Round 1', durationMinutes: 60, panel: [ann], status: 'invited', start: null, end: null, uid: `busy-${engine.name}@leeway.test` },
        AT,
      )
    ).id;
  });
  afterAll(async () => {
    log?.restore();
    await opened?.close();
  });

  const versions = async () => (await store.members.getSchedulesWithBusyVersions(org, [ann, bob])).busyVersions;
  /** What `work` did to each member's version: how many times it was raised. */
  const raises = async (work: () => Promise<unknown>) => {
    const before = await versions();
    await work();
    const after = await versions();
    return { ann: Number(after.get(ann)) - Number(before.get(ann)), bob: Number(after.get(bob)) - Number(before.get(bob)) };
  };

  it('raises a member once for each statement that books or frees them, and no one else', async () => {
    const booked = { start: hour(10), end: hour(11) };
    expect(await raises(() => store.interviews.bookPanel(org, interviewId, [ann], booked))).toEqual({ ann: 1, bob: 0 });
    expect(await raises(() => store.interviews.releaseBookings(org, interviewId))).toEqual({ ann: 1, bob: 0 });
    // A statement that changes nothing raises no one.
    expect(await raises(() => store.interviews.releaseBookings(org, interviewId))).toEqual({ ann: 0, bob: 0 });
  });

  it('raises a member for busy blocks added and removed', async () => {
    let blockId = '';
    expect(await raises(async () => (blockId = (await store.members.addBusy(org, bob, { start: hour(9), end: hour(10) })).id))).toEqual({ ann: 0, bob: 1 });
    expect(await raises(() => store.members.deleteBusy(org, bob, blockId))).toEqual({ ann: 0, bob: 1 });
  });

  it('raises a member once for a calendar read of many events, and again when the events are replaced', async () => {
    const source = await store.calendarSources.create(org, ann, { kind: 'ics', urlSealed: 'x', urlShown: 'https://calendar.example/ann.ics', usernameSealed: null, passwordSealed: null, nextSyncAt: AT });
    const busy = Array.from({ length: 40 }, (_, i) => ({ start: new Date(hour(0).getTime() + i * 3_600_000), end: new Date(hour(0).getTime() + i * 3_600_000 + 1_800_000), uid: `event-${i}` }));
    const sync = { at: AT, nextSyncAt: AT, etag: null, lastModified: null, busy };
    expect(await raises(() => store.calendarSources.recordSuccess(org, source.id, sync))).toEqual({ ann: 1, bob: 0 });
    // Replaced: the old events deleted (one raise), the new ones inserted (another).
    expect(await raises(() => store.calendarSources.recordSuccess(org, source.id, { ...sync, busy: busy.slice(0, 2) }))).toEqual({ ann: 2, bob: 0 });
    // Unchanged (304): nothing written, no raise.
    expect(await raises(() => store.calendarSources.recordSuccess(org, source.id, { ...sync, busy: null }))).toEqual({ ann: 0, bob: 0 });
    await store.calendarSources.recordSuccess(org, source.id, { ...sync, busy: [] });
  });

  it('reads kept busy time again only when a member changed', async () => {
    const read = async () => {
      const { busyVersions } = await store.members.getSchedulesWithBusyVersions(org, [ann, bob]);
      return log.during(() => store.members.listPanelBusy(org, [ann, bob], WINDOW.from, WINDOW.to, { busyVersions }));
    };
    await read();
    const again = await read();
    expect(again.statements).toEqual([]);
    const blockId = (await store.members.addBusy(org, bob, { start: hour(13), end: hour(14) })).id;
    const changed = await read();
    expect(changed.statements).toHaveLength(1);
    // Only one member (bob) was read again; ann's kept time stood.
    expect(changed.statements[0]!.match(/member_id IN \(([^)]*)\)/)?.[1]?.split(',')).toHaveLength(1);
    expect(spansOf(changed.result)).toEqual([{ reason: 'busy', memberId: bob, start: hour(13).getTime(), end: hour(14).getTime() }]);
    // A window wider than the one kept is read again.
    const { busyVersions } = await store.members.getSchedulesWithBusyVersions(org, [ann, bob]);
    const wider = await log.during(() => store.members.listPanelBusy(org, [ann, bob], WINDOW.from, new Date(WINDOW.to.getTime() + 1), { busyVersions }));
    expect(wider.statements).toHaveLength(1);
    await store.members.deleteBusy(org, bob, blockId);
    expect(spansOf((await read()).result)).toEqual([]);
  });

  it('uses kept busy time inside a transaction but keeps nothing read there, and keeps nothing when an interview is left out', async () => {
    const versionsNow = async () => (await store.members.getSchedulesWithBusyVersions(org, [ann, bob])).busyVersions;
    let busyVersions = await versionsNow();
    await store.members.listPanelBusy(org, [ann, bob], WINDOW.from, WINDOW.to, { busyVersions });
    const inside = await log.during(() => store.transaction((tx) => tx.members.listPanelBusy(org, [ann, bob], WINDOW.from, WINDOW.to, { busyVersions })));
    expect(inside.statements.filter((text) => text.includes('busy_blocks'))).toHaveLength(0);
    // Bob changes; read inside a transaction, his new busy time is not kept.
    const blockId = (await store.members.addBusy(org, bob, { start: hour(15), end: hour(16) })).id;
    busyVersions = await versionsNow();
    const changed = await log.during(() => store.transaction((tx) => tx.members.listPanelBusy(org, [ann, bob], WINDOW.from, WINDOW.to, { busyVersions })));
    expect(changed.statements.filter((text) => text.includes('busy_blocks'))).toHaveLength(1);
    expect(spansOf(changed.result)).toEqual([{ reason: 'busy', memberId: bob, start: hour(15).getTime(), end: hour(16).getTime() }]);
    const outside = await log.during(() => store.members.listPanelBusy(org, [ann, bob], WINDOW.from, WINDOW.to, { busyVersions }));
    expect(outside.statements).toHaveLength(1);
    const leftOut = await log.during(() => store.members.listPanelBusy(org, [ann, bob], WINDOW.from, WINDOW.to, { busyVersions, excludeInterviewId: interviewId }));
    expect(leftOut.statements).toHaveLength(1);
    await store.members.deleteBusy(org, bob, blockId);
  });
});

const adminUrl = process.env.TEST_DATABASE_URL;

/** Two server processes on one database: each keeps busy time of its own, and learns of the other's changes from the versions alone. */
describe.skipIf(!adminUrl)('busy time kept by two stores on one PostgreSQL database', () => {
  let stores: TwoStores;
  let first: OpenStore;
  let second: OpenStore;

  beforeAll(async () => {
    stores = await openTwoStores(adminUrl!);
    ({ first, second } = stores);
  });
  afterAll(async () => {
    await stores?.close();
  });

  it("sees the other store's busy block at the next read", async () => {
    const org = (await first.store.organizations.create({ name: 'Acme', timezone: 'UTC' })).id;
    const ann = (await first.store.members.create(org, { name: 'Ann', email: 'ann@acme.test', role: 'interviewer', timezone: 'UTC', workingHours: structuredClone(HOURS) as never })).id;
    const busyOf = async (store: Store) => {
      const { busyVersions } = await store.members.getSchedulesWithBusyVersions(org, [ann]);
      return store.members.listPanelBusy(org, [ann], WINDOW.from, WINDOW.to, { busyVersions });
    };
    expect(spansOf(await busyOf(first.store))).toEqual([]);
    expect(spansOf(await busyOf(second.store))).toEqual([]);
    await second.store.members.addBusy(org, ann, { start: hour(9), end: hour(10) });
    expect(spansOf(await busyOf(first.store))).toEqual([{ reason: 'busy', memberId: ann, start: hour(9).getTime(), end: hour(10).getTime() }]);
  });
});
