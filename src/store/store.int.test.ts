import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../core/errors.ts';
import type { WorkingHours } from '../core/types.ts';
import { DataDirLockedError, openStore } from './index.ts';
import type { OpenStore, Store } from './index.ts';
import { NEW_INTERVIEW_READS } from './repositories/organizations.ts';
import { testEngines } from './testing/engines.ts';

const NINE_TO_FIVE: WorkingHours = {
  mon: [['09:00', '17:00']],
  tue: [['09:00', '17:00']],
  wed: [['09:00', '17:00']],
  thu: [['09:00', '17:00']],
  fri: [['09:00', '17:00']],
  sat: [],
  sun: [],
};
const AT = new Date('2026-12-01T12:00:00Z');
const range = (start: string, end: string) => ({ start: new Date(start), end: new Date(end) });

describe.each(testEngines())('store on $name', (engine) => {
  let opened: OpenStore;
  let store: Store;
  let orgId: string;
  let otherOrgId: string;

  beforeAll(async () => {
    opened = await engine.open();
    store = opened.store;
    orgId = (await store.organizations.create({ name: 'Acme', timezone: 'America/New_York' })).id;
    otherOrgId = (await store.organizations.create({ name: 'Other', timezone: 'Europe/London' })).id;
  });
  afterAll(async () => {
    await opened?.close();
  });

  async function seedInterview(orgIdForSeed = orgId) {
    const member = await store.members.create(orgIdForSeed, {
      name: 'Ada',
      email: `ada-${Math.random().toString(36).slice(2)}@example.com`,
      role: 'interviewer',
      timezone: 'America/New_York',
      workingHours: NINE_TO_FIVE,
    });
    const opening = await store.openings.create(orgIdForSeed, { title: 'Engineer' });
    const candidate = await store.candidates.create(orgIdForSeed, {
      name: 'Cy',
      email: `cy-${Math.random().toString(36).slice(2)}@example.com`,
      timezone: 'Europe/Berlin',
    });
    return { member, opening, candidate };
  }

  async function createInterview(seed: Awaited<ReturnType<typeof seedInterview>>, panel: string[], uid: string) {
    return store.interviews.create(
      orgId,
      {
        openingId: seed.opening.id,
        candidateId: seed.candidate.id,
        title: 'Onsite',
        durationMinutes: 60,
        panel,
        status: 'invited',
        start: null,
        end: null,
        uid,
      },
      AT,
    );
  }

  it('reports its engine', () => {
    expect(store.engine).toBe(engine.name);
  });

  it('stores organizations with their notice policy', async () => {
    const org = await store.organizations.update(orgId, {
      contactPhone: '+1 555 0100',
      noticePolicy: { ampleHours: 72, adequateHours: 12 },
      reminders: [24],
    });
    expect(org).toMatchObject({ contactPhone: '+1 555 0100', noticePolicy: { ampleHours: 72, adequateHours: 12 } });
    expect(org?.reminders).toEqual([24]);
    expect(await store.organizations.get('00000000-0000-0000-0000-000000000000')).toBeNull();
  });

  it('keeps members, their hours and busy blocks per organization', async () => {
    const { member } = await seedInterview();
    expect(member.workingHours.mon).toEqual([['09:00', '17:00']]);
    expect(await store.members.get(otherOrgId, member.id)).toBeNull();
    expect(await store.members.get(orgId, 'not-a-uuid')).toBeNull();
    const busy = await store.members.addBusy(orgId, member.id, {
      start: new Date('2026-12-02T15:00:00Z'),
      end: new Date('2026-12-02T16:00:00Z'),
      title: 'Dentist',
    });
    expect(busy.start.toISOString()).toBe('2026-12-02T15:00:00.000Z');
    const listed = await store.members.listBusy(orgId, [member.id], new Date('2026-12-02T00:00Z'), new Date('2026-12-03T00:00Z'));
    expect(listed.map((b) => b.id)).toEqual([busy.id]);
    expect(await store.members.listBusy(otherOrgId, [member.id], new Date('2026-12-02T00:00Z'), new Date('2026-12-03T00:00Z'))).toEqual([]);
    expect(await store.members.deleteBusy(otherOrgId, member.id, busy.id)).toBe(false);
    expect(await store.members.deleteBusy(orgId, member.id, busy.id)).toBe(true);
  });

  it('reads what a new interview starts from in one statement: organization, opening, candidate, panel in order, staff', async () => {
    const seed = await seedInterview();
    const second = await store.members.create(orgId, { name: 'Bo', email: `bo-${Math.random().toString(36).slice(2)}@example.com`, role: 'interviewer', timezone: 'UTC', workingHours: NINE_TO_FIVE });
    const recruiter = await store.members.create(orgId, { name: 'Rae', email: `rae-${Math.random().toString(36).slice(2)}@example.com`, role: 'recruiter', timezone: 'UTC', workingHours: NINE_TO_FIVE });
    const elsewhere = await seedInterview(otherOrgId);
    const read = await store.organizations.getForNewInterview(orgId, seed.opening.id, seed.candidate.id, {
      panel: [second.id, seed.member.id, elsewhere.member.id, 'not-a-uuid'],
      roles: ['recruiter'],
    });
    expect(read!.organization.id).toBe(orgId);
    expect(read!.opening).toMatchObject({ id: seed.opening.id, status: 'open' });
    expect(read!.candidate).toMatchObject({ id: seed.candidate.id, createdAt: expect.any(Date) });
    // The panel in the order asked, another organization's member left out; members as the repository reads them.
    expect(read!.panel).toEqual([second, seed.member]);
    expect(read!.withRoles.map((m) => m.id)).toContain(recruiter.id);
    expect(read!.withRoles.every((m) => m.role === 'recruiter')).toBe(true);
    // Another organization's opening and candidate are not this one's.
    const foreign = await store.organizations.getForNewInterview(orgId, elsewhere.opening.id, elsewhere.candidate.id, { panel: [], roles: [] });
    expect(foreign).toMatchObject({ opening: null, candidate: null, panel: [], withRoles: [] });
  });

  it('reads the same for a new interview whether its statement is built or its text was kept, in every shape', async () => {
    const seed = await seedInterview();
    const second = await store.members.create(orgId, { name: 'Cy', email: `cy-${Math.random().toString(36).slice(2)}@example.com`, role: 'interviewer', timezone: 'UTC', workingHours: NINE_TO_FIVE });
    const booked = await createInterview(seed, [seed.member.id], `kept-${engine.name}@test`);
    await store.interviews.bookPanel(orgId, booked.id, [seed.member.id], range('2026-12-08T10:00:00Z', '2026-12-08T11:00:00Z'));
    await store.members.addBusy(orgId, second.id, range('2026-12-08T12:00:00Z', '2026-12-08T13:00:00Z'));
    const busyWindow = { from: new Date('2026-12-08T00:00:00Z'), to: new Date('2026-12-09T00:00:00Z') };
    const shapes = [
      { panel: [seed.member.id], roles: [] },
      { panel: [second.id, seed.member.id], roles: ['recruiter', 'admin'] },
      { panel: [], roles: ['recruiter'] },
      { panel: [], roles: [] },
      { panel: [seed.member.id, second.id], roles: ['recruiter'], busyWindow },
      { panel: [seed.member.id], roles: [], busyWindow: { ...busyWindow, excludeInterviewId: booked.id } },
    ] as const;
    const sorted = (read: Awaited<ReturnType<Store['organizations']['getForNewInterview']>>) =>
      read?.panelBusy ? { ...read, panelBusy: { ...read.panelBusy, byMember: [...read.panelBusy.byMember].sort() } } : read;
    for (const shape of shapes) {
      const ask = () => store.organizations.getForNewInterview(orgId, seed.opening.id, seed.candidate.id, { panel: [...shape.panel], roles: [...shape.roles], ...('busyWindow' in shape ? { busyWindow: shape.busyWindow } : {}) });
      const first = await ask();
      const again = await ask();
      expect(sorted(again)).toEqual(sorted(first));
    }
    const withBusy = await store.organizations.getForNewInterview(orgId, seed.opening.id, seed.candidate.id, { panel: [seed.member.id, second.id], roles: [], busyWindow });
    expect(withBusy!.panelBusy!.byMember.get(seed.member.id)!.interview).toHaveLength(1);
    expect(withBusy!.panelBusy!.byMember.get(second.id)!.busy).toHaveLength(1);
    const excluded = await store.organizations.getForNewInterview(orgId, seed.opening.id, seed.candidate.id, { panel: [seed.member.id], roles: [], busyWindow: { ...busyWindow, excludeInterviewId: booked.id } });
    expect(excluded!.panelBusy!.byMember.get(seed.member.id)!.interview).toEqual([]);
    expect(NEW_INTERVIEW_READS.mismatches).toEqual([]);
  });

  it('refuses a second member with the same email in one organization', async () => {
    const input = { name: 'B', email: 'dup@example.com', role: 'recruiter' as const, timezone: 'UTC', workingHours: NINE_TO_FIVE };
    await store.members.create(orgId, input);
    await expect(store.members.create(orgId, input)).rejects.toSatisfy((e) => isDomainError(e, 'CONFLICT') || (e as { code?: string }).code === '23505');
    await expect(store.members.create(otherOrgId, input)).resolves.toBeTruthy();
  });

  it('books a panel all or nothing', async () => {
    const seed = await seedInterview();
    const second = await store.members.create(orgId, { name: 'Bo', email: 'bo-panel@example.com', role: 'interviewer', timezone: 'UTC', workingHours: NINE_TO_FIVE });
    const first = await createInterview(seed, [seed.member.id], 'first@test');
    await store.interviews.bookPanel(orgId, first.id, [seed.member.id], range('2026-12-03T15:00:00Z', '2026-12-03T16:00:00Z'));

    const panel = await createInterview(seed, [second.id, seed.member.id], 'panel@test');
    const attempt = store.transaction(async (tx) => {
      await tx.interviews.bookPanel(orgId, panel.id, [second.id, seed.member.id], range('2026-12-03T15:30:00Z', '2026-12-03T16:30:00Z'));
    });
    await expect(attempt).rejects.toSatisfy((e) => isDomainError(e, 'SLOT_TAKEN'));
    // The free panelist was not booked either.
    const secondBookings = await store.interviews.listBookings(orgId, [second.id], new Date('2026-12-03T00:00Z'), new Date('2026-12-04T00:00Z'));
    expect(secondBookings).toEqual([]);

    // Back to back is not an overlap: ranges are half-open.
    await store.interviews.bookPanel(orgId, panel.id, [second.id, seed.member.id], range('2026-12-03T16:00:00Z', '2026-12-03T17:00:00Z'));
    // Released bookings free the time.
    await store.interviews.releaseBookings(orgId, first.id);
    const third = await createInterview(seed, [seed.member.id], 'third@test');
    await store.interviews.bookPanel(orgId, third.id, [seed.member.id], range('2026-12-03T15:00:00Z', '2026-12-03T16:00:00Z'));
  });

  it('lets exactly one of 20 concurrent overlapping bookings of one member through', async () => {
    const seed = await seedInterview();
    const interviews = await Promise.all(
      Array.from({ length: 20 }, (_, i) => createInterview(seed, [seed.member.id], `race-${i}@test`)),
    );
    const results = await Promise.allSettled(
      interviews.map((interview, i) =>
        store.transaction(async (tx) => {
          const startMinute = 10 + i; // all overlap each other
          await tx.interviews.bookPanel(orgId, interview.id, [seed.member.id], range(`2026-12-04T15:${startMinute}:00Z`, `2026-12-04T16:${startMinute}:00Z`));
          await tx.interviews.update(orgId, interview.id, { status: 'scheduled' }, AT);
        }),
      ),
    );
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(19);
    for (const r of rejected) {
      const reason = r.reason as { code?: string; message?: string };
      expect(isDomainError(r.reason, 'SLOT_TAKEN'), `${reason.code ?? ''} ${reason.message ?? String(r.reason)}`).toBe(true);
    }
    const scheduled = await store.interviews.list(orgId, { status: 'scheduled', candidateId: seed.candidate.id });
    expect(scheduled).toHaveLength(1);
    // PostgreSQL resolves some of these races as deadlocks (each found after its deadlock_timeout, 1 s),
    // so a loaded machine can need several seconds here.
  }, 120_000);

  it('refuses a candidate in two overlapping scheduled interviews, whatever the panels, and stores withdrawals', async () => {
    const seed = await seedInterview();
    const other = await store.members.create(orgId, { name: 'Di', email: `di-${Math.random().toString(36).slice(2)}@example.com`, role: 'interviewer', timezone: 'UTC', workingHours: NINE_TO_FIVE });
    const first = await createInterview(seed, [seed.member.id], `cand-a-${Math.random()}@test`);
    const second = await createInterview(seed, [other.id], `cand-b-${Math.random()}@test`);
    const at = (iso: string) => new Date(iso);
    await store.interviews.update(orgId, first.id, { status: 'scheduled', start: at('2026-12-03T15:00:00Z'), end: at('2026-12-03T16:00:00Z') }, AT);
    // The database itself refuses, even when a use case forgets to check.
    await expect(
      store.transaction((tx) => tx.interviews.update(orgId, second.id, { status: 'scheduled', start: at('2026-12-03T15:30:00Z'), end: at('2026-12-03T16:30:00Z') }, AT)),
    ).rejects.toSatisfy((e) => isDomainError(e, 'CANDIDATE_BUSY'));
    // Back to back is fine; so is the same time once the first is withdrawn.
    await store.interviews.update(orgId, second.id, { status: 'scheduled', start: at('2026-12-03T16:00:00Z'), end: at('2026-12-03T17:00:00Z') }, AT);
    await store.interviews.update(orgId, first.id, { status: 'withdrawn' }, AT);
    await store.interviews.update(orgId, second.id, { start: at('2026-12-03T15:30:00Z'), end: at('2026-12-03T16:30:00Z') }, AT);
    expect((await store.interviews.get(orgId, first.id))?.status).toBe('withdrawn');
  });

  it('keeps the panel order, filters interviews and isolates organizations', async () => {
    const seed = await seedInterview();
    const other = await store.members.create(orgId, { name: 'Zed', email: 'zed@example.com', role: 'interviewer', timezone: 'UTC', workingHours: NINE_TO_FIVE });
    const interview = await createInterview(seed, [other.id, seed.member.id], 'order@test');
    const fetched = await store.interviews.get(orgId, interview.id);
    expect(fetched?.panel).toEqual([other.id, seed.member.id]);
    expect(await store.interviews.get(otherOrgId, interview.id)).toBeNull();
    expect((await store.interviews.list(orgId, { memberId: other.id })).map((i) => i.id)).toEqual([interview.id]);
    expect(await store.interviews.list(otherOrgId, { memberId: other.id })).toEqual([]);
  });

  it('keeps history append-only', async () => {
    const seed = await seedInterview();
    const interview = await createInterview(seed, [seed.member.id], 'history@test');
    await store.interviews.appendHistory(orgId, interview.id, { at: AT, actor: 'employer', action: 'invited' });
    await store.interviews.appendHistory(orgId, interview.id, {
      at: AT,
      actor: 'candidate',
      action: 'cancelled',
      noticeHours: 48.5,
      noticeClass: 'ample',
      reason: 'schedule_conflict',
      privateNote: 'private',
    });
    const history = await store.interviews.history(orgId, interview.id);
    expect(history.map((h) => h.action)).toEqual(['invited', 'cancelled']);
    expect(history[1]).toMatchObject({ noticeHours: 48.5, noticeClass: 'ample', privateNote: 'private' });
    await expect(sql`UPDATE interview_history SET action = 'rewritten'`.execute((store as unknown as { executor: never }).executor)).rejects.toThrow(/append-only/);
  });

  it('claims idempotency keys with replay and mismatch', async () => {
    const key = { organizationId: orgId, scope: 'POST /x', key: 'k1' };
    expect(await store.idempotency.claim({ ...key, requestHash: 'a' }, AT)).toEqual({ state: 'claimed' });
    expect(await store.idempotency.claim({ ...key, requestHash: 'a' }, AT)).toEqual({ state: 'in_progress' });
    await store.idempotency.complete(key, { statusCode: 201, responseBody: '{"ok":true}' });
    expect(await store.idempotency.claim({ ...key, requestHash: 'a' }, AT)).toEqual({ state: 'replay', statusCode: 201, responseBody: '{"ok":true}' });
    expect(await store.idempotency.claim({ ...key, requestHash: 'b' }, AT)).toEqual({ state: 'mismatch' });
    // A claim that never completed is released after its lease.
    const stale = { organizationId: orgId, scope: 'POST /x', key: 'k-stale' };
    expect(await store.idempotency.claim({ ...stale, requestHash: 'a' }, AT)).toEqual({ state: 'claimed' });
    expect(await store.idempotency.claim({ ...stale, requestHash: 'a' }, new Date(AT.getTime() + 30_000))).toEqual({ state: 'in_progress' });
    expect(await store.idempotency.claim({ ...stale, requestHash: 'a' }, new Date(AT.getTime() + 61_000))).toEqual({ state: 'claimed' });
    // The same key in another organization is another key.
    expect(await store.idempotency.claim({ ...key, organizationId: otherOrgId, requestHash: 'b' }, AT)).toEqual({ state: 'claimed' });
  });

  it('runs a unit of work as one transaction whose parts are undone alone, their held messages with them', async () => {
    const unitOrgId = (await store.organizations.create({ name: 'Unit', timezone: 'UTC' })).id;
    const message = (messageId: string) => ({ organizationId: unitOrgId, kind: 'test', recipient: 'a@example.com', subject: 'Hi', payload: { n: 1 }, messageId, notBefore: new Date(AT.getTime() + 86_400_000) });
    const key = { organizationId: unitOrgId, scope: 'POST /unit', key: 'unit-1', requestHash: 'a' };
    await store.asOneTransaction(async (unit) => {
      expect(await unit.idempotency.claim(key, AT)).toEqual({ state: 'claimed' });
      await unit.transaction((part) => part.outbox.enqueue(message('<kept@unit>'), AT));
      // A part that fails is undone alone, with the messages it held, and the whole goes on.
      await expect(
        unit.inOneStatement(async (part) => {
          await part.holdingMessageWrites(() => part.outbox.enqueue(message('<held@unit>'), AT));
          await part.outbox.enqueue(message('<undone@unit>'), AT);
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      // So is one whose statement the database refused: the transaction stays usable.
      await expect(unit.transaction((part) => part.outbox.enqueue(message('<kept@unit>'), AT))).rejects.toBeTruthy();
      await unit.outbox.enqueue(message('<also-kept@unit>'), AT);
      await unit.idempotency.complete(key, { statusCode: 201, responseBody: '{}' });
    });
    const written = async () => (await store.outbox.list(unitOrgId, { limit: 1000 })).map((m) => m.messageId);
    expect(await written()).toEqual(expect.arrayContaining(['<kept@unit>', '<also-kept@unit>']));
    expect(await written()).not.toContain('<held@unit>');
    expect(await written()).not.toContain('<undone@unit>');
    expect(await store.idempotency.claim(key, AT)).toEqual({ state: 'replay', statusCode: 201, responseBody: '{}' });

    // A failure outside the parts undoes the whole, the key's claim too.
    const other = { ...key, key: 'unit-2' };
    await expect(
      store.asOneTransaction(async (unit) => {
        await unit.idempotency.claim(other, AT);
        await unit.transaction((part) => part.outbox.enqueue(message('<lost@unit>'), AT));
        throw new Error('the request failed');
      }),
    ).rejects.toThrow('the request failed');
    expect(await written()).not.toContain('<lost@unit>');
    expect(await store.idempotency.claim(other, AT)).toEqual({ state: 'claimed' });
  });

  it('claims outbox messages once per lease and retries later', async () => {
    const base = { organizationId: otherOrgId, kind: 'test', recipient: 'a@example.com', subject: 'Hi', payload: { n: 1 } };
    await store.outbox.enqueue({ ...base, messageId: '<m1@test>' }, AT);
    await store.outbox.enqueue({ ...base, messageId: '<m2@test>', notBefore: new Date(AT.getTime() + 3_600_000) }, AT);
    const [first, second] = await Promise.all([
      store.transaction((tx) => tx.outbox.claimDue({ at: AT, limit: 10, leaseMs: 60_000 })),
      store.transaction((tx) => tx.outbox.claimDue({ at: AT, limit: 10, leaseMs: 60_000 })),
    ]);
    const claimed = [...first, ...second].filter((m) => m.organizationId === otherOrgId);
    expect(claimed.map((m) => m.messageId)).toEqual(['<m1@test>']);
    expect(claimed[0]?.attempts).toBe(1);
    await store.outbox.scheduleRetry(claimed[0]!.id, new Date(AT.getTime() + 1000), 'busy');
    const later = await store.outbox.claimDue({ at: new Date(AT.getTime() + 2000), limit: 10, leaseMs: 60_000 });
    expect(later.filter((m) => m.organizationId === otherOrgId).map((m) => m.attempts)).toEqual([2]);
    await store.outbox.markSent(claimed[0]!.id, AT);
    const listed = await store.outbox.list(otherOrgId);
    expect(Object.fromEntries(listed.map((m) => [m.messageId, m.status]))).toEqual({ '<m1@test>': 'sent', '<m2@test>': 'pending' });
    await expect(store.outbox.enqueue({ ...base, messageId: '<m1@test>' }, AT)).rejects.toBeTruthy();
  });

  it('finds candidate tokens by hash until they expire', async () => {
    const seed = await seedInterview();
    const interview = await createInterview(seed, [seed.member.id], 'token@test');
    await store.candidateTokens.create({
      organizationId: orgId,
      candidateId: seed.candidate.id,
      openingId: seed.opening.id,
      interviewId: interview.id,
      tokenHash: 'hash-1',
      expiresAt: new Date('2026-12-10T00:00:00Z'),
    });
    expect((await store.candidateTokens.findValid('hash-1', AT))?.interviewId).toBe(interview.id);
    expect(await store.candidateTokens.findValid('hash-1', new Date('2026-12-11T00:00:00Z'))).toBeNull();
    expect(await store.candidateTokens.findValid('hash-2', AT)).toBeNull();
  });
});

describe('embedded data folder', () => {
  it('refuses a second opener of the same folder with a clear error, and reopens after close', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leeway-lock-'));
    const first = await openStore({ engine: 'pglite', dataDir: dir });
    try {
      await expect(openStore({ engine: 'pglite', dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
      await first.store.organizations.create({ name: 'Kept', timezone: 'UTC' });
    } finally {
      await first.close();
    }
    const again = await openStore({ engine: 'pglite', dataDir: dir });
    try {
      expect((await again.store.organizations.list()).map((o) => o.name)).toEqual(['Kept']);
    } finally {
      await again.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // Creating a PGlite data folder twice takes tens of seconds on a busy 2-core machine.
  }, 120_000);

  it('takes over a stale lock left by a process that is gone', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leeway-stale-'));
    fs.writeFileSync(path.join(dir, 'leeway.lock'), '999999');
    const opened = await openStore({ engine: 'pglite', dataDir: dir });
    await opened.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
