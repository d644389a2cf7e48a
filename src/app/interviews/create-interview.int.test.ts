import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_BUFFER_MINUTES } from '../../core/slots/index.ts';
import type { WorkingHours } from '../../core/types.ts';
import { testEngines } from '../../store/testing/engines.ts';
import { useOrganizationWithOpening } from '../testing/organization-with-opening.ts';
import { hashSecret } from '../secrets.ts';
import { createInterview } from './create-interview.ts';
import { messagesAsSent } from '../../store/testing/messages-as-sent.ts';

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

/**
 * A booking is written whole by one statement, outside any transaction: the interview with its history
 * line, every message, the panelists' seat links and the webhook events the line announces — or, when
 * the database refuses it, nothing at all.
 */
describe.each(testEngines())('a booking is written whole in one statement, on $name', (engine) => {
  const acme = useOrganizationWithOpening(engine, NOW);
  let memberCount = 0;

  async function party() {
    memberCount += 1;
    const member = await acme.ctx.store.members.create(acme.org, {
      name: `Interviewer ${memberCount}`,
      email: `i-${randomUUID()}@acme.test`,
      role: 'interviewer',
      timezone: 'UTC',
      workingHours: ALWAYS,
    });
    const candidate = await acme.ctx.store.candidates.create(acme.org, { name: `Candidate ${memberCount}`, email: `c-${randomUUID()}@example.com`, timezone: 'UTC' });
    return { memberId: member.id, candidateId: candidate.id, email: candidate.email };
  }
  const book = (ids: { memberId: string; candidateId: string }) =>
    createInterview(acme.ctx, acme.org, { openingId: acme.openingId, candidateId: ids.candidateId, title: 'Systems', durationMinutes: 60, panel: [ids.memberId], start: START });
  const subscribe = (events: string[]) =>
    acme.ctx.store.webhooks.create({ organizationId: acme.org, url: 'https://hooks.acme.test/leeway', description: null, events, secretSealed: 'sealed', at: NOW });

  it('writes the history line, the messages and the seat link with the interview', async () => {
    const { interview } = await book(await party());
    const history = await acme.ctx.store.interviews.history(acme.org, interview.id);
    const messages = await messagesAsSent(acme.ctx, acme.org, { interviewId: interview.id });
    // Reminders are not written ahead: they are written when they fall due.
    expect(messages.map((message) => message.kind).sort()).toEqual(['confirmation', 'panel_invitation']);
    const confirmation = messages.find((message) => message.kind === 'confirmation')!;
    // The line names what the change said, the candidate's confirmation first.
    expect(history).toEqual([
      expect.objectContaining({
        action: 'scheduled',
        actor: 'employer',
        messageId: confirmation.messageId,
        details: { start: START.toISOString(), messageIds: [confirmation.messageId, expect.any(String)] },
      }),
    ]);
    // The panelist's invitation carries a seat link that was written with it.
    const invitation = messages.find((message) => message.kind === 'panel_invitation')!;
    const seatToken = /\/seat\/(lw_seat_[\w-]+)/.exec(JSON.stringify(invitation.payload))?.[1];
    expect(seatToken).toBeDefined();
    expect(await acme.ctx.store.panelTokens.findValid(hashSecret(seatToken!), NOW)).toMatchObject({ interviewId: interview.id, memberId: interview.panel[0] });
  });

  it('queues the event for every active endpoint that wants it, naming the interview and its history line', async () => {
    const wants = await subscribe(['interview.scheduled']);
    const other = await subscribe(['interview.cancelled']);
    const { interview } = await book(await party());
    const [line] = await acme.ctx.store.interviews.history(acme.org, interview.id);
    const queued = await acme.ctx.store.webhooks.deliveries(acme.org, wants.id, { limit: 10 });
    expect(queued).toHaveLength(1);
    expect(queued[0]!).toMatchObject({ type: 'interview.scheduled', lane: 'events', status: 'pending' });
    const body = JSON.parse(queued[0]!.body) as { type: string; timestamp: string; data: Record<string, unknown> };
    expect(body).toMatchObject({
      type: 'interview.scheduled',
      timestamp: NOW.toISOString(),
      data: {
        historyEntryId: line!.id,
        interview: {
          id: interview.id,
          status: 'scheduled',
          start: START.toISOString(),
          end: END.toISOString(),
          opening: { id: acme.openingId, title: 'Platform Engineer' },
          candidate: { id: interview.candidateId, name: expect.stringMatching(/^Candidate /) },
          panel: interview.panel,
        },
      },
    });
    expect(await acme.ctx.store.webhooks.deliveries(acme.org, other.id, { limit: 10 })).toEqual([]);
    await acme.ctx.store.webhooks.delete(acme.org, wants.id);
    await acme.ctx.store.webhooks.delete(acme.org, other.id);
  });

  it('writes nothing of a booking the database refuses when two ask for the same panelist at once', async () => {
    const first = await party();
    const second = { ...(await party()), memberId: first.memberId };
    const results = await Promise.allSettled([book(first), book(second)]);
    const booked = results.filter((result) => result.status === 'fulfilled');
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(booked).toHaveLength(1);
    expect(refused.map((result) => (result.reason as { code?: string }).code)).toEqual(['SLOT_TAKEN']);
    // The candidate refused was told nothing, and no interview of theirs exists.
    const refusedParty = results[0]!.status === 'rejected' ? first : second;
    expect(await acme.ctx.store.outbox.list(acme.org, { to: refusedParty.email })).toEqual([]);
    expect(await acme.ctx.store.interviews.list(acme.org, { candidateId: refusedParty.candidateId })).toEqual([]);
  });
});
