import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_BUFFER_MINUTES } from '../../core/slots/index.ts';
import type { WorkingHours } from '../../core/types.ts';
import { testEngines } from '../../store/testing/engines.ts';
import { useOrganizationWithOpening } from '../testing/organization-with-opening.ts';
import { rescheduleByCandidate } from './candidate-actions.ts';
import { createInterview } from './create-interview.ts';

const NOW = new Date('2026-12-01T12:00:00Z');
const MINUTE = 60_000;
const ALL_DAY: Array<[string, string]> = [['00:00', '24:00']];
const ALWAYS: WorkingHours = { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY };
const BOOKED = new Date('2026-12-08T12:00:00Z');
const at = (minutesAfterBooked: number) => new Date(BOOKED.getTime() + minutesAfterBooked * MINUTE);

/**
 * A candidate's move reads everyone the interview concerns and the panel's busy time around the new time
 * in one statement, leaving out the interview's own bookings; whether the new time is free must come out
 * as if read on its own, for the largest buffer and beyond it.
 */
describe.each(testEngines())('a candidate moving an interview, on $name', (engine) => {
  const acme = useOrganizationWithOpening(engine, NOW);

  /** An interview booked at BOOKED with a fresh interviewer keeping `bufferMinutes`; its candidate's token and the interviewer. */
  async function booked(bufferMinutes = 0) {
    const member = await acme.ctx.store.members.create(acme.org, { name: 'Grace', email: `g-${randomUUID()}@acme.test`, role: 'interviewer', timezone: 'UTC', workingHours: ALWAYS, bufferMinutes });
    const candidate = await acme.ctx.store.candidates.create(acme.org, { name: 'Jordan', email: `c-${randomUUID()}@example.com`, timezone: 'UTC' });
    const created = await createInterview(acme.ctx, acme.org, { openingId: acme.openingId, candidateId: candidate.id, title: 'Systems', durationMinutes: 60, panel: [member.id], start: BOOKED });
    return { token: created.candidateToken, memberId: member.id };
  }

  const moveTo = (token: string, start: Date) => rescheduleByCandidate(acme.ctx, token, { start, reason: 'A clash at work' });

  it('moves half an hour, over its own time: its own booking is not in the way', async () => {
    const { token } = await booked(MAX_BUFFER_MINUTES);
    const moved = await moveTo(token, at(30));
    expect(moved.interview).toMatchObject({ status: 'scheduled', start: at(30).toISOString() });
  });

  it('is refused as taken a minute inside the largest buffer of another busy time, and moves at its edge', async () => {
    const inside = await booked(MAX_BUFFER_MINUTES);
    await acme.ctx.store.members.addBusy(acme.org, inside.memberId, { start: at(24 * 60), end: at(24 * 60 + 30) });
    await expect(moveTo(inside.token, at(24 * 60 - 60 - (MAX_BUFFER_MINUTES - 1)))).rejects.toMatchObject({ code: 'SLOT_TAKEN', message: 'That time is no longer free; please choose another.' });
    const edge = await booked(MAX_BUFFER_MINUTES);
    await acme.ctx.store.members.addBusy(acme.org, edge.memberId, { start: at(24 * 60), end: at(24 * 60 + 30) });
    await expect(moveTo(edge.token, at(24 * 60 - 60 - MAX_BUFFER_MINUTES))).resolves.toMatchObject({ interview: { status: 'scheduled' } });
  });

  it('reads further out for a buffer larger than the largest the API allows', async () => {
    const larger = MAX_BUFFER_MINUTES + 60;
    const { token, memberId } = await booked(larger);
    await acme.ctx.store.members.addBusy(acme.org, memberId, { start: at(24 * 60), end: at(24 * 60 + 30) });
    await expect(moveTo(token, at(24 * 60 - 60 - (larger - 1)))).rejects.toMatchObject({ code: 'SLOT_TAKEN' });
  });
});
