import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_BUFFER_MINUTES } from '../../core/slots/index.ts';
import type { WorkingHours } from '../../core/types.ts';
import { testEngines } from '../../store/testing/engines.ts';
import { useOrganizationWithOpening } from '../testing/organization-with-opening.ts';
import { createInterview } from './create-interview.ts';

const NOW = new Date('2026-12-01T12:00:00Z');
const MINUTE = 60_000;
const ALL_DAY: Array<[string, string]> = [['00:00', '24:00']];
const ALWAYS: WorkingHours = { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY };
/** The time every booking here asks for: an hour on a Tuesday, a week ahead. */
const START = new Date('2026-12-08T12:00:00Z');
const END = new Date(START.getTime() + 60 * MINUTE);

/**
 * A booking reads the panel's busy time with everything else it starts from, for a window reaching as far
 * as the largest buffer a member may keep. Whether the panel is free must come out as if the busy time
 * were read for the panelist's own buffer: at the very edge of the largest buffer, and beyond it for a
 * member whose buffer was set larger than the API allows (then it is read again, further out).
 */
describe.each(testEngines())('a booking sees busy time as far as buffers reach, on $name', (engine) => {
  const acme = useOrganizationWithOpening(engine, NOW);

  /** A fresh interviewer keeping `bufferMinutes` around busy time, busy in the given block, and a fresh candidate. */
  async function interviewerBusy(bufferMinutes: number, block: { start: Date; end: Date }) {
    const member = await acme.ctx.store.members.create(acme.org, {
      name: `Interviewer ${bufferMinutes}`,
      email: `i-${randomUUID()}@acme.test`,
      role: 'interviewer',
      timezone: 'UTC',
      workingHours: ALWAYS,
      bufferMinutes,
    });
    await acme.ctx.store.members.addBusy(acme.org, member.id, block);
    const candidate = await acme.ctx.store.candidates.create(acme.org, { name: 'Jordan', email: `c-${randomUUID()}@example.com`, timezone: 'UTC' });
    return { memberId: member.id, candidateId: candidate.id };
  }

  const book = (ids: { memberId: string; candidateId: string }) =>
    createInterview(acme.ctx, acme.org, { openingId: acme.openingId, candidateId: ids.candidateId, title: 'Systems', durationMinutes: 60, panel: [ids.memberId], start: START });

  const before = (minutes: number) => ({ start: new Date(START.getTime() - minutes * MINUTE - 30 * MINUTE), end: new Date(START.getTime() - minutes * MINUTE) });
  const after = (minutes: number) => ({ start: new Date(END.getTime() + minutes * MINUTE), end: new Date(END.getTime() + minutes * MINUTE + 30 * MINUTE) });

  it('books when a block ends exactly the largest buffer before the start, or begins exactly that long after the end', async () => {
    await expect(book(await interviewerBusy(MAX_BUFFER_MINUTES, before(MAX_BUFFER_MINUTES)))).resolves.toMatchObject({ interview: { status: 'scheduled' } });
    await expect(book(await interviewerBusy(MAX_BUFFER_MINUTES, after(MAX_BUFFER_MINUTES)))).resolves.toMatchObject({ interview: { status: 'scheduled' } });
  });

  it('refuses as SLOT_TAKEN when a block comes a minute inside the largest buffer, on either side', async () => {
    await expect(book(await interviewerBusy(MAX_BUFFER_MINUTES, before(MAX_BUFFER_MINUTES - 1)))).rejects.toMatchObject({ code: 'SLOT_TAKEN' });
    await expect(book(await interviewerBusy(MAX_BUFFER_MINUTES, after(MAX_BUFFER_MINUTES - 1)))).rejects.toMatchObject({ code: 'SLOT_TAKEN' });
  });

  it('reads further out for a buffer larger than the largest the API allows', async () => {
    const larger = MAX_BUFFER_MINUTES + 60;
    // Outside the window read with the rest, inside this member's own buffer.
    await expect(book(await interviewerBusy(larger, before(larger - 1)))).rejects.toMatchObject({ code: 'SLOT_TAKEN' });
    await expect(book(await interviewerBusy(larger, after(larger - 1)))).rejects.toMatchObject({ code: 'SLOT_TAKEN' });
    await expect(book(await interviewerBusy(larger, before(larger)))).resolves.toMatchObject({ interview: { status: 'scheduled' } });
  });

  it('refuses as SLOT_TAKEN when the panelist is booked for another interview at that time', async () => {
    const ids = await interviewerBusy(0, before(600));
    await book(ids);
    const other = await acme.ctx.store.candidates.create(acme.org, { name: 'Sam', email: `c-${randomUUID()}@example.com`, timezone: 'UTC' });
    await expect(book({ memberId: ids.memberId, candidateId: other.id })).rejects.toMatchObject({ code: 'SLOT_TAKEN', details: { busyPanelists: [{ memberId: ids.memberId, reasons: ['interview'] }] } });
  });
});
