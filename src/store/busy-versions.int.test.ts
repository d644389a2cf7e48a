import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from './index.ts';
import { testEngines } from './testing/engines.ts';
import { useTwoStores } from './testing/two-stores.ts';
import { spansOf } from './testing/busy-spans.ts';
import { MONDAYS_NINE_TO_FIVE, useTwoInterviewers } from './testing/two-interviewers.ts';

/**
 * Members' busy versions (migration 0011) and the busy time a store keeps by them: every statement that
 * changes a member's bookings, busy blocks or calendar busy times raises that member's version, and kept
 * busy time is used again only at the version it was read at.
 */

const AT = new Date('2026-12-01T12:00:00Z');
const WINDOW = { from: new Date('2026-12-07T00:00:00Z'), to: new Date('2026-12-08T00:00:00Z') };
const hour = (h: number) => new Date(Date.UTC(2026, 11, 7, h));

describe.each(testEngines())('busy versions on $name', (engine) => {
  const acme = useTwoInterviewers(engine);
  let interviewId: string;

  beforeAll(async () => {
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

  const versions = async () => (await acme.store.members.getSchedulesWithBusyVersions(acme.org, [acme.ann, acme.bob])).busyVersions;
  /** What `work` did to each member's version: how many times it was raised. */
  const raises = async (work: () => Promise<unknown>) => {
    const before = await versions();
    await work();
    const after = await versions();
    return { ann: Number(after.get(acme.ann)) - Number(before.get(acme.ann)), bob: Number(after.get(acme.bob)) - Number(before.get(acme.bob)) };
  };

  it('raises a member once for each statement that books or frees them, and no one else', async () => {
    const booked = { start: hour(10), end: hour(11) };
    expect(await raises(() => acme.store.interviews.bookPanel(acme.org, interviewId, [acme.ann], booked))).toEqual({ ann: 1, bob: 0 });
    expect(await raises(() => acme.store.interviews.releaseBookings(acme.org, interviewId))).toEqual({ ann: 1, bob: 0 });
    // A statement that changes nothing raises no one.
    expect(await raises(() => acme.store.interviews.releaseBookings(acme.org, interviewId))).toEqual({ ann: 0, bob: 0 });
  });

  it('raises a member for busy blocks added and removed', async () => {
    let blockId = '';
    expect(await raises(async () => (blockId = (await acme.store.members.addBusy(acme.org, acme.bob, { start: hour(9), end: hour(10) })).id))).toEqual({ ann: 0, bob: 1 });
    expect(await raises(() => acme.store.members.deleteBusy(acme.org, acme.bob, blockId))).toEqual({ ann: 0, bob: 1 });
  });

  it('raises a member once for a calendar read of many events, and again when the events are replaced', async () => {
    const source = await acme.store.calendarSources.create(acme.org, acme.ann, { kind: 'ics', urlSealed: 'x', urlShown: 'https://calendar.example/ann.ics', usernameSealed: null, passwordSealed: null, nextSyncAt: AT });
    const busy = Array.from({ length: 40 }, (_, i) => ({ start: new Date(hour(0).getTime() + i * 3_600_000), end: new Date(hour(0).getTime() + i * 3_600_000 + 1_800_000), uid: `event-${i}` }));
    const sync = { at: AT, nextSyncAt: AT, etag: null, lastModified: null, busy };
    expect(await raises(() => acme.store.calendarSources.recordSuccess(acme.org, source.id, sync))).toEqual({ ann: 1, bob: 0 });
    // Replaced: the old events deleted (one raise), the new ones inserted (another).
    expect(await raises(() => acme.store.calendarSources.recordSuccess(acme.org, source.id, { ...sync, busy: busy.slice(0, 2) }))).toEqual({ ann: 2, bob: 0 });
    // Unchanged (304): nothing written, no raise.
    expect(await raises(() => acme.store.calendarSources.recordSuccess(acme.org, source.id, { ...sync, busy: null }))).toEqual({ ann: 0, bob: 0 });
    await acme.store.calendarSources.recordSuccess(acme.org, source.id, { ...sync, busy: [] });
  });

  it('reads kept busy time again only when a member changed', async () => {
    const read = async () => {
      const { busyVersions } = await acme.store.members.getSchedulesWithBusyVersions(acme.org, [acme.ann, acme.bob]);
      return acme.log.during(() => acme.store.members.listPanelBusy(acme.org, [acme.ann, acme.bob], WINDOW.from, WINDOW.to, { busyVersions }));
    };
    await read();
    const again = await read();
    expect(again.statements).toEqual([]);
    const blockId = (await acme.store.members.addBusy(acme.org, acme.bob, { start: hour(13), end: hour(14) })).id;
    const changed = await read();
    expect(changed.statements).toHaveLength(1);
    // Only one member (bob) was read again; ann's kept time stood.
    expect(changed.statements[0]!.match(/member_id IN \(([^)]*)\)/)?.[1]?.split(',')).toHaveLength(1);
    expect(spansOf(changed.result)).toEqual([{ reason: 'busy', memberId: acme.bob, start: hour(13).getTime(), end: hour(14).getTime() }]);
    // A window wider than the one kept is read again.
    const { busyVersions } = await acme.store.members.getSchedulesWithBusyVersions(acme.org, [acme.ann, acme.bob]);
    const wider = await acme.log.during(() => acme.store.members.listPanelBusy(acme.org, [acme.ann, acme.bob], WINDOW.from, new Date(WINDOW.to.getTime() + 1), { busyVersions }));
    expect(wider.statements).toHaveLength(1);
    await acme.store.members.deleteBusy(acme.org, acme.bob, blockId);
    expect(spansOf((await read()).result)).toEqual([]);
  });

  it('uses kept busy time inside a transaction but keeps nothing read there, and keeps nothing when an interview is left out', async () => {
    const versionsNow = async () => (await acme.store.members.getSchedulesWithBusyVersions(acme.org, [acme.ann, acme.bob])).busyVersions;
    let busyVersions = await versionsNow();
    await acme.store.members.listPanelBusy(acme.org, [acme.ann, acme.bob], WINDOW.from, WINDOW.to, { busyVersions });
    const inside = await acme.log.during(() => acme.store.transaction((tx) => tx.members.listPanelBusy(acme.org, [acme.ann, acme.bob], WINDOW.from, WINDOW.to, { busyVersions })));
    expect(inside.statements.filter((text) => text.includes('busy_blocks'))).toHaveLength(0);
    // Bob changes; read inside a transaction, his new busy time is not kept.
    const blockId = (await acme.store.members.addBusy(acme.org, acme.bob, { start: hour(15), end: hour(16) })).id;
    busyVersions = await versionsNow();
    const changed = await acme.log.during(() => acme.store.transaction((tx) => tx.members.listPanelBusy(acme.org, [acme.ann, acme.bob], WINDOW.from, WINDOW.to, { busyVersions })));
    expect(changed.statements.filter((text) => text.includes('busy_blocks'))).toHaveLength(1);
    expect(spansOf(changed.result)).toEqual([{ reason: 'busy', memberId: acme.bob, start: hour(15).getTime(), end: hour(16).getTime() }]);
    const outside = await acme.log.during(() => acme.store.members.listPanelBusy(acme.org, [acme.ann, acme.bob], WINDOW.from, WINDOW.to, { busyVersions }));
    expect(outside.statements).toHaveLength(1);
    const leftOut = await acme.log.during(() => acme.store.members.listPanelBusy(acme.org, [acme.ann, acme.bob], WINDOW.from, WINDOW.to, { busyVersions, excludeInterviewId: interviewId }));
    expect(leftOut.statements).toHaveLength(1);
    await acme.store.members.deleteBusy(acme.org, acme.bob, blockId);
  });
});

const adminUrl = process.env.TEST_DATABASE_URL;

/** Two server processes on one database: each keeps busy time of its own, and learns of the other's changes from the versions alone. */
describe.skipIf(!adminUrl)('busy time kept by two stores on one PostgreSQL database', () => {
  const stores = useTwoStores(adminUrl ?? '');


  it("sees the other store's busy block at the next read", async () => {
    const org = (await stores.first.store.organizations.create({ name: 'Acme', timezone: 'UTC' })).id;
    const ann = (await stores.first.store.members.create(org, { name: 'Ann', email: 'ann@acme.test', role: 'interviewer', timezone: 'UTC', workingHours: structuredClone(MONDAYS_NINE_TO_FIVE) as never })).id;
    const busyOf = async (store: Store) => {
      const { busyVersions } = await store.members.getSchedulesWithBusyVersions(org, [ann]);
      return store.members.listPanelBusy(org, [ann], WINDOW.from, WINDOW.to, { busyVersions });
    };
    expect(spansOf(await busyOf(stores.first.store))).toEqual([]);
    expect(spansOf(await busyOf(stores.second.store))).toEqual([]);
    await stores.second.store.members.addBusy(org, ann, { start: hour(9), end: hour(10) });
    expect(spansOf(await busyOf(stores.first.store))).toEqual([{ reason: 'busy', memberId: ann, start: hour(9).getTime(), end: hour(10).getTime() }]);
  });
});
