import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OpenStore, Store } from '../index.ts';
import { testEngines } from '../testing/engines.ts';

/**
 * Calendar sources and their busy times in the database, on both engines: the busy set replaced whole
 * or kept, failures that keep it, the claim shared by processes, removal, and tenancy.
 */

const T0 = new Date('2026-12-01T12:00:00Z');
const at = (iso: string) => new Date(iso);
const HOURS = { mon: [['09:00', '17:00']] } as never;

describe.each(testEngines())('calendar source repository on $name', (engine) => {
  let opened: OpenStore;
  let store: Store;
  let org: string;
  let member: string;
  let sequence = 0;

  beforeAll(async () => {
    opened = await engine.open();
    store = opened.store;
  });
  afterAll(async () => {
    await opened?.close();
  });

  beforeEach(async () => {
    sequence += 1;
    org = (await store.organizations.create({ name: `Org ${sequence}`, timezone: 'UTC' })).id;
    member = (await store.members.create(org, { name: 'Grace', email: `grace${sequence}@acme.test`, role: 'interviewer', timezone: 'UTC', workingHours: HOURS })).id;
  });
  // The claim spans organizations, as processes do: each test removes its sources.
  afterEach(async () => {
    for (const source of await store.calendarSources.listForMember(org, member)) await store.calendarSources.delete(org, member, source.id);
  });

  const addSource = (nextSyncAt = T0) =>
    store.calendarSources.create(org, member, { kind: 'ics', urlSealed: 'sealed-url', urlShown: 'https://cal.example/…', usernameSealed: null, passwordSealed: null, nextSyncAt });
  const busy = (start: string, end: string, uid = 'e@example.com') => ({ start: at(start), end: at(end), uid });

  it('replaces the busy set whole, keeps it on a 304 and on a failure', async () => {
    const source = await addSource();
    expect(source).toMatchObject({ status: 'pending', busyCount: 0, lastSyncAt: null });
    await store.transaction((tx) =>
      tx.calendarSources.recordSuccess(org, source.id, {
        at: T0,
        nextSyncAt: at('2026-12-01T12:05:00Z'),
        etag: '"v1"',
        lastModified: null,
        busy: [busy('2026-12-02T10:00:00Z', '2026-12-02T11:00:00Z'), busy('2026-12-03T10:00:00Z', '2026-12-03T11:00:00Z')],
      }),
    );
    const read = () => store.calendarSources.listBusy(org, [member], at('2026-12-01T00:00:00Z'), at('2026-12-31T00:00:00Z'));
    expect((await read()).map((b) => b.start.toISOString())).toEqual(['2026-12-02T10:00:00.000Z', '2026-12-03T10:00:00.000Z']);

    await store.calendarSources.recordSuccess(org, source.id, { at: T0, nextSyncAt: T0, etag: '"v2"', lastModified: null, busy: [busy('2026-12-04T10:00:00Z', '2026-12-04T12:00:00Z')] });
    expect((await read()).map((b) => b.start.toISOString())).toEqual(['2026-12-04T10:00:00.000Z']);

    await store.calendarSources.recordSuccess(org, source.id, { at: at('2026-12-01T13:00:00Z'), nextSyncAt: T0, etag: '"v2"', lastModified: null, busy: null });
    expect(await read()).toHaveLength(1);
    expect(await store.calendarSources.get(org, member, source.id)).toMatchObject({ status: 'ok', busyCount: 1, etag: '"v2"', lastSuccessAt: at('2026-12-01T13:00:00Z') });

    await store.calendarSources.recordFailure(org, source.id, { at: at('2026-12-01T14:00:00Z'), nextSyncAt: T0, error: 'Unauthorized' });
    expect(await read()).toHaveLength(1);
    expect(await store.calendarSources.get(org, member, source.id)).toMatchObject({
      status: 'error',
      error: 'Unauthorized',
      busyCount: 1,
      lastSyncAt: at('2026-12-01T14:00:00Z'),
      lastSuccessAt: at('2026-12-01T13:00:00Z'),
    });
  });

  it("does not keep Leeway's own invitations (by UID, within the organization) as busy time", async () => {
    const opening = await store.openings.create(org, { title: 'Engineer' });
    const candidate = await store.candidates.create(org, { name: 'Jordan Lee', email: `jordan${sequence}@example.com`, timezone: 'UTC' });
    const uid = `uid-${engine.name}-${sequence}@leeway.test`;
    await store.interviews.create(org, { openingId: opening.id, candidateId: candidate.id, title: 'Round 1', durationMinutes: 60, panel: [member], status: 'invited', start: null, end: null, uid }, T0);
    // Another organization's interview with a UID the calendar also shows does not hide that event.
    const other = (await store.organizations.create({ name: `Other ${sequence}`, timezone: 'UTC' })).id;
    const otherOpening = await store.openings.create(other, { title: 'Engineer' });
    const otherCandidate = await store.candidates.create(other, { name: 'Sam Roe', email: `sam${sequence}@example.com`, timezone: 'UTC' });
    const foreign = `foreign-${engine.name}-${sequence}@leeway.test`;
    await store.interviews.create(other, { openingId: otherOpening.id, candidateId: otherCandidate.id, title: 'Round 1', durationMinutes: 60, panel: [], status: 'invited', start: null, end: null, uid: foreign }, T0);

    const source = await addSource();
    const synced = await store.transaction((tx) =>
      tx.calendarSources.recordSuccess(org, source.id, {
        at: T0,
        nextSyncAt: T0,
        etag: null,
        lastModified: null,
        busy: [busy('2026-12-02T10:00:00Z', '2026-12-02T11:00:00Z', uid), busy('2026-12-02T12:00:00Z', '2026-12-02T13:00:00Z'), busy('2026-12-02T14:00:00Z', '2026-12-02T15:00:00Z', foreign)],
      }),
    );
    expect(synced).toBe(true);
    const kept = await store.calendarSources.listBusy(org, [member], T0, at('2026-12-31T00:00:00Z'));
    expect(kept.map((b) => b.start.toISOString())).toEqual(['2026-12-02T12:00:00.000Z', '2026-12-02T14:00:00.000Z']);
    const panelBusy = await store.members.listPanelBusy(org, [member], T0, at('2026-12-31T00:00:00Z'));
    expect(panelBusy.get(member)?.calendar).toHaveLength(2);
    // The count is of what the calendar showed, own invitations included.
    expect(await store.calendarSources.get(org, member, source.id)).toMatchObject({ busyCount: 3 });
  });

  it('writes a large set in batches', async () => {
    const source = await addSource();
    const many = Array.from({ length: 1234 }, (_, i) => ({ start: new Date(T0.getTime() + i * 3_600_000), end: new Date(T0.getTime() + i * 3_600_000 + 1_800_000), uid: `e${i}` }));
    await store.transaction((tx) => tx.calendarSources.recordSuccess(org, source.id, { at: T0, nextSyncAt: T0, etag: null, lastModified: null, busy: many }));
    expect(await store.calendarSources.listBusy(org, [member], T0, new Date(T0.getTime() + 2000 * 3_600_000))).toHaveLength(1234);
  });

  it('claims due sources once until the lease ends', async () => {
    const due = await addSource(at('2026-12-01T11:00:00Z'));
    await addSource(at('2026-12-01T13:00:00Z'));
    const first = await store.calendarSources.claimDue({ at: T0, limit: 10, leaseMs: 60_000 });
    expect(first.map((s) => s.id)).toEqual([due.id]);
    expect(await store.calendarSources.claimDue({ at: T0, limit: 10, leaseMs: 60_000 })).toEqual([]);
    expect((await store.calendarSources.claimDue({ at: at('2026-12-01T12:01:01Z'), limit: 10, leaseMs: 60_000 })).map((s) => s.id)).toEqual([due.id]);
  });

  it.runIf(engine.name === 'postgres')('shares the due sources between processes claiming at once (SKIP LOCKED)', async () => {
    for (let i = 0; i < 6; i += 1) await addSource(at('2026-12-01T11:00:00Z'));
    const claims = await Promise.all(Array.from({ length: 3 }, () => store.calendarSources.claimDue({ at: T0, limit: 2, leaseMs: 60_000 })));
    const ids = claims.flat().map((s) => s.id);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
  });

  it('removes the busy times with their source, and keeps organizations apart', async () => {
    const source = await addSource();
    await store.calendarSources.recordSuccess(org, source.id, { at: T0, nextSyncAt: T0, etag: null, lastModified: null, busy: [busy('2026-12-02T10:00:00Z', '2026-12-02T11:00:00Z')] });
    const other = (await store.organizations.create({ name: 'Other', timezone: 'UTC' })).id;
    expect(await store.calendarSources.get(other, member, source.id)).toBeNull();
    expect(await store.calendarSources.listForMember(other, member)).toEqual([]);
    expect(await store.calendarSources.listBusy(other, [member], T0, at('2026-12-31T00:00:00Z'))).toEqual([]);
    expect(await store.calendarSources.delete(other, member, source.id)).toBe(false);
    expect(await store.calendarSources.recordSuccess(other, source.id, { at: T0, nextSyncAt: T0, etag: null, lastModified: null, busy: [] })).toBe(false);
    expect(await store.calendarSources.listBusy(org, [member], T0, at('2026-12-31T00:00:00Z'))).toHaveLength(1);

    expect(await store.calendarSources.delete(org, member, source.id)).toBe(true);
    expect(await store.calendarSources.listBusy(org, [member], T0, at('2026-12-31T00:00:00Z'))).toEqual([]);
  });
});
