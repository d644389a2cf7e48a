import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import type { WorkingHours } from '../../core/types.ts';
import { InterviewChangedMeanwhile } from '../../store/database-errors.ts';
import type { Executor } from '../../store/executor.ts';
import { WaitlistRepository } from '../../store/repositories/waitlist.ts';
import { testEngines } from '../../store/testing/engines.ts';
import { useOrganizationWithOpening } from '../testing/organization-with-opening.ts';
import { createJobRunner } from '../jobs/job-runner.ts';
import { defaultJobRegistry } from '../jobs/registry.ts';
import { hashSecret } from '../secrets.ts';
import { addToWaitlist } from '../waitlist/entries.ts';
import { PASS_ON_JOB } from '../waitlist/pass-on.ts';
import { cancelByCandidate, rescheduleByCandidate } from './candidate-actions.ts';
import { createInterview } from './create-interview.ts';

const NOW = new Date('2026-12-01T12:00:00Z');
const HOUR = 3_600_000;
const ALL_DAY: Array<[string, string]> = [['00:00', '24:00']];
const ALWAYS: WorkingHours = { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY };
const BOOKED = new Date('2026-12-08T12:00:00Z');
const later = (hours: number) => new Date(BOOKED.getTime() + hours * HOUR);

/**
 * A candidate's change is decided on the interview read without a lock and written in one statement
 * guarded by the version read: a change that lost a race writes nothing, and is decided again on what
 * the other left.
 */
describe.each(testEngines())('a change written in one statement, on $name', (engine) => {
  const acme = useOrganizationWithOpening(engine, NOW);

  async function member(name: string) {
    return acme.ctx.store.members.create(acme.org, { name, email: `${name.toLowerCase()}-${randomUUID()}@acme.test`, role: 'interviewer', timezone: 'UTC', workingHours: ALWAYS });
  }

  async function candidate(name: string) {
    return acme.ctx.store.candidates.create(acme.org, { name, email: `${name.toLowerCase()}-${randomUUID()}@example.com`, timezone: 'UTC' });
  }

  /** An interview booked at BOOKED for a fresh interviewer and candidate, with the candidate's token. */
  async function booked(openingId = acme.openingId) {
    const grace = await member('Grace');
    const jordan = await candidate('Jordan');
    const created = await createInterview(acme.ctx, acme.org, { openingId, candidateId: jordan.id, title: 'Systems', durationMinutes: 60, panel: [grace.id], start: BOOKED });
    return { id: created.interview.id, token: created.candidateToken, memberId: grace.id, candidateId: jordan.id };
  }

  /** What a change would have added: history lines, messages and active bookings of the interview, and how long its link lives. */
  async function footprint(interviewId: string, memberId: string, token: string) {
    const { store } = acme.ctx;
    return {
      history: (await store.interviews.history(acme.org, interviewId)).map((line) => line.action),
      messages: (await store.outbox.list(acme.org, { interviewId })).map((message) => message.messageId).sort(),
      bookings: (await store.interviews.listBookings(acme.org, [memberId], later(-48), later(48))).filter((b) => b.interviewId === interviewId),
      linkExpires: (await store.candidateTokens.findValid(hashSecret(token), NOW))?.expiresAt,
      interview: await store.interviews.get(acme.org, interviewId),
    };
  }

  it('writes nothing when the interview changed after it was read, and says so', async () => {
    const { id, token, memberId } = await booked();
    const stale = (await acme.ctx.store.interviews.getByCandidateToken(hashSecret(token), NOW))!;
    await rescheduleByCandidate(acme.ctx, token, { start: later(2), reason: null });
    const before = await footprint(id, memberId, token);
    expect(before.history).toEqual(['scheduled', 'rescheduled']);
    const freedBefore = await acme.ctx.store.waitlist.listFreedSlots(acme.org, { openingId: acme.openingId });

    const freshToken = `lw_c_${randomUUID()}`;
    const write = acme.ctx.store.interviews.writeChange(acme.org, id, {
      version: stale.version,
      set: { status: 'cancelled', start: BOOKED, end: later(1), sequence: stale.interview.sequence + 1, offeredSlots: [], candidatePartstat: stale.interview.candidatePartstat },
      at: NOW,
      panel: stale.interview.panel,
      bookings: 'release',
      freed: { slot: { openingId: acme.openingId, panel: stale.interview.panel, start: BOOKED, end: later(1), freedAt: NOW }, passOn: { kind: PASS_ON_JOB, runAt: NOW } },
      dropQueued: 'reminder',
      candidateLink: { candidateId: stale.interview.candidateId, openingId: acme.openingId, tokenHash: hashSecret(freshToken), expiresAt: later(24 * 90) },
      line: {
        entry: { at: NOW, actor: 'candidate', action: 'cancelled' },
        snapshot: { id, title: 'Systems', status: 'cancelled', start: null, end: null, opening: { id: acme.openingId, title: 'Platform Engineer' }, candidate: { id: stale.interview.candidateId, name: 'Jordan' }, panel: [memberId] },
      },
    });
    await expect(write).rejects.toBeInstanceOf(InterviewChangedMeanwhile);
    expect(await footprint(id, memberId, token)).toEqual(before);
    expect(await acme.ctx.store.candidateTokens.findValid(hashSecret(freshToken), NOW)).toBeNull();
    expect(await acme.ctx.store.waitlist.listFreedSlots(acme.org, { openingId: acme.openingId })).toEqual(freedBefore);
  });

  it('decides a cancellation and a move racing on one link each on what the other left', async () => {
    for (let round = 0; round < 4; round += 1) {
      const { id, token, memberId } = await booked();
      const [cancelled, moved] = await Promise.allSettled([
        cancelByCandidate(acme.ctx, token, { reason: 'schedule_conflict' }),
        rescheduleByCandidate(acme.ctx, token, { start: later(3), reason: null }),
      ]);
      // Whichever came second was decided on the first's result: a move of a cancelled interview is refused;
      // a cancellation of a moved one goes through.
      expect(cancelled.status).toBe('fulfilled');
      if (moved.status === 'rejected') expect(moved.reason).toMatchObject({ code: 'INVALID_STATE' });
      const after = await footprint(id, memberId, token);
      expect(after.interview).toMatchObject({ status: 'cancelled' });
      expect(after.history).toEqual(moved.status === 'fulfilled' ? ['scheduled', 'rescheduled', 'cancelled'] : ['scheduled', 'cancelled']);
      expect(after.bookings).toEqual([]);
      // The cancellation freed the time the interview had when it was cancelled, once.
      const freed = (await acme.ctx.store.waitlist.listFreedSlots(acme.org, { openingId: acme.openingId })).filter((slot) => slot.sourceInterviewId === id);
      expect(freed.map((slot) => slot.startAt.toISOString()).sort()).toEqual(moved.status === 'fulfilled' ? [later(0).toISOString(), later(3).toISOString()] : [BOOKED.toISOString()]);
    }
  });

  it('offers the time a cancellation frees to who waits for it at once, and settles the job queued with it', async () => {
    const { id, token, memberId } = await booked();
    const sam = await candidate('Sam');
    await addToWaitlist(acme.ctx, acme.org, acme.openingId, { candidateId: sam.id, panel: [memberId], durationMinutes: 60, earliest: later(-24), latest: later(24) });

    await cancelByCandidate(acme.ctx, token, { reason: 'schedule_conflict' });

    const [slot] = (await acme.ctx.store.waitlist.listFreedSlots(acme.org, { openingId: acme.openingId })).filter((s) => s.sourceInterviewId === id);
    expect(slot).toMatchObject({ status: 'open', startAt: BOOKED });
    expect(await acme.ctx.store.waitlist.offersOfSlot(acme.org, slot!.id)).toMatchObject([{ status: 'offered' }]);
    const passOnJobs = (await acme.ctx.store.jobs.list(acme.org, { kind: PASS_ON_JOB })).filter((job) => job.key === slot!.id);
    expect(passOnJobs).toHaveLength(1);
    expect(passOnJobs[0]!.doneAt).not.toBeNull();
  });

  it('leaves the offer to the job queued with the freed time when the request cannot make it, and says so', async () => {
    // An opening of its own: the job runs every job due, and no other test's freed time may take Kim's turn.
    const opening = await acme.ctx.store.openings.create(acme.org, { title: 'Site Reliability Engineer' });
    const { id, token, memberId } = await booked(opening.id);
    const kim = await candidate('Kim');
    await addToWaitlist(acme.ctx, acme.org, opening.id, { candidateId: kim.id, panel: [memberId], durationMinutes: 60, earliest: later(-24), latest: later(24) });
    const logged: Array<{ event: string }> = [];
    const ctx = { ...acme.ctx, log: (entry: { event: string }) => logged.push(entry) };
    const offering = vi.spyOn(acme.ctx.store, 'transaction').mockRejectedValueOnce(new Error('the database went away'));
    try {
      await expect(cancelByCandidate(ctx, token, { reason: 'schedule_conflict' })).resolves.toMatchObject({ interview: { status: 'cancelled' } });
    } finally {
      offering.mockRestore();
    }
    expect(logged).toMatchObject([{ level: 'warn', event: 'waitlist.offer-deferred' }]);
    const [slot] = (await acme.ctx.store.waitlist.listFreedSlots(acme.org, { openingId: opening.id })).filter((s) => s.sourceInterviewId === id);
    expect(await acme.ctx.store.waitlist.offersOfSlot(acme.org, slot!.id)).toEqual([]);

    // The job runs a minute later, and makes the offer.
    const runner = createJobRunner({ ctx: { ...acme.ctx, clock: () => new Date(NOW.getTime() + 61_000) }, registry: defaultJobRegistry() });
    const ran = await runner.runOnce();
    expect(ran.failed).toBe(0);
    expect(await acme.ctx.store.waitlist.offersOfSlot(acme.org, slot!.id)).toMatchObject([{ status: 'offered' }]);
  });

  it('writes the change of a request kept in one transaction (an Idempotency-Key) whatever its offer meets, and leaves the offer to the job', async () => {
    const opening = await acme.ctx.store.openings.create(acme.org, { title: 'Database Reliability Engineer' });
    const { id, token, memberId } = await booked(opening.id);
    const lee = await candidate('Lee');
    await addToWaitlist(acme.ctx, acme.org, opening.id, { candidateId: lee.id, panel: [memberId], durationMinutes: 60, earliest: later(-24), latest: later(24) });
    const logged: Array<{ event: string }> = [];
    // The database refuses a statement of the offer: what the offer wrote is undone, the cancellation stays.
    const refusing = vi.spyOn(WaitlistRepository.prototype, 'getFreedSlot').mockImplementationOnce(async function (this: WaitlistRepository) {
      await sql`SELECT 1 / 0`.execute((this as unknown as { db: Executor }).db);
      throw new Error('unreachable');
    });
    try {
      const cancelled = await acme.ctx.store.asOneTransaction(async (store) => {
        const result = await cancelByCandidate({ ...acme.ctx, store, log: (entry: { event: string }) => logged.push(entry) }, token, { reason: 'schedule_conflict' });
        // The transaction goes on after the offer's part was undone.
        await store.interviews.history(acme.org, id);
        return result;
      });
      expect(cancelled).toMatchObject({ interview: { status: 'cancelled' } });
    } finally {
      refusing.mockRestore();
    }
    expect(logged).toMatchObject([{ level: 'warn', event: 'waitlist.offer-deferred' }]);
    expect(await acme.ctx.store.interviews.get(acme.org, id)).toMatchObject({ status: 'cancelled' });
    const [slot] = (await acme.ctx.store.waitlist.listFreedSlots(acme.org, { openingId: opening.id })).filter((s) => s.sourceInterviewId === id);
    expect(await acme.ctx.store.waitlist.offersOfSlot(acme.org, slot!.id)).toEqual([]);

    const runner = createJobRunner({ ctx: { ...acme.ctx, clock: () => new Date(NOW.getTime() + 61_000) }, registry: defaultJobRegistry() });
    expect((await runner.runOnce()).failed).toBe(0);
    expect(await acme.ctx.store.waitlist.offersOfSlot(acme.org, slot!.id)).toMatchObject([{ status: 'offered' }]);
  });
});
