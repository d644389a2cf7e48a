import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkingHours } from '../../core/types.ts';
import type { OutgoingEmail } from '../../core/outgoing-email.ts';
import { testEngines } from '../../store/testing/engines.ts';
import type { TestEngine } from '../../store/testing/engines.ts';
import { recordQueries } from '../../store/testing/query-log.ts';
import type { QueryLog } from '../../store/testing/query-log.ts';
import { useTwoStores } from '../../store/testing/two-stores.ts';
import { DEFAULT_APP_CONFIG } from '../context.ts';
import type { AppContext } from '../context.ts';
import { createOrganization } from '../organizations.ts';
import { useOrganizationWithOpening } from '../testing/organization-with-opening.ts';
import { acceptOfferedSlot, cancelByCandidate, declineByCandidate, rescheduleByCandidate } from './candidate-actions.ts';
import { createInterview } from './create-interview.ts';

const NOW = new Date('2026-12-01T12:00:00Z');
const HOUR = 3_600_000;
const ALL_DAY: Array<[string, string]> = [['00:00', '24:00']];
const ALWAYS: WorkingHours = { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY };
/** A free hour, a week ahead and later by `day` days. */
const dayAhead = (day: number) => new Date(Date.parse('2026-12-08T12:00:00Z') + day * 24 * HOUR);

/** The statements that begin a booking from a fresh read, and the one a booking from kept parties sends. */
const isRead = (text: string) => text.startsWith('select "id", "name", "timezone"');
const isWrite = (text: string) => text.startsWith('with "panel" as (insert into "interview_panel"');

interface Party {
  memberId: string;
  candidateId: string;
}

function useParties(ctx: () => AppContext, org: () => string) {
  return async (options: { bufferMinutes?: number } = {}): Promise<Party> => {
    const member = await ctx().store.members.create(org(), {
      name: 'Grace Hopper',
      email: `i-${randomUUID()}@acme.test`,
      role: 'interviewer',
      timezone: 'UTC',
      workingHours: ALWAYS,
      bufferMinutes: options.bufferMinutes ?? 0,
    });
    const candidate = await ctx().store.candidates.create(org(), { name: 'Jordan Lee', email: `c-${randomUUID()}@example.com`, timezone: 'UTC' });
    return { memberId: member.id, candidateId: candidate.id };
  };
}

function bookWith(ctx: () => AppContext, org: () => string, openingId: () => string) {
  return (party: Party, start: Date, durationMinutes = 60) =>
    createInterview(ctx(), org(), { openingId: openingId(), candidateId: party.candidateId, title: 'Systems', durationMinutes, panel: [party.memberId], start });
}

/** An organization with an opening, parties made in it, bookings of them, and the statements each sends. */
function useKeptPartiesSuite(engine: TestEngine) {
  const acme = useOrganizationWithOpening(engine, NOW);
  const party = useParties(() => acme.ctx, () => acme.org);
  const book = bookWith(() => acme.ctx, () => acme.org, () => acme.openingId);
  let queries: QueryLog;
  // Recorded from beforeAll: a suite per engine, each with its own recording.
  beforeAll(() => {
    queries = recordQueries();
  });
  afterAll(() => queries.restore());
  const log = { during: <T>(run: () => Promise<T>) => queries.during(run) };
  return { acme, party, book, log };
}

/** The candidate's confirmation of an interview, as it would be sent (its links left out). */
async function confirmation(ctx: AppContext, org: string, interviewId: string): Promise<OutgoingEmail> {
  const [message] = await ctx.store.outbox.list(org, { interviewId, kind: 'confirmation' });
  return (message!.payload as { email: OutgoingEmail }).email;
}

async function confirmationText(ctx: AppContext, org: string, interviewId: string): Promise<string> {
  return (await confirmation(ctx, org, interviewId)).text;
}

/**
 * A booking whose organization, opening, candidate and panel were all read by an earlier booking is
 * decided on what was kept and written in one statement, which checks that none of them changed and that
 * the panel is free; when either is no longer so, it writes nothing and the booking runs again from a
 * fresh read, which decides as if nothing had been kept.
 */
describe.each(testEngines())('a booking from kept parties, on $name', (engine) => {
  const { acme, party, book, log } = useKeptPartiesSuite(engine);

  it('is one statement once its parties are known, and says the same as a booking read afresh', async () => {
    const ids = await party();
    const first = await log.during(() => book(ids, dayAhead(0)));
    expect(first.statements.filter(isRead)).toHaveLength(1);
    const second = await log.during(() => book(ids, dayAhead(1)));
    expect(second.statements).toHaveLength(1);
    expect(isWrite(second.statements[0]!)).toBe(true);
    expect(second.result.interview).toMatchObject({ status: 'scheduled', start: dayAhead(1), panel: [ids.memberId] });
    const [one, two] = [await confirmationText(acme.ctx, acme.org, first.result.interview.id), await confirmationText(acme.ctx, acme.org, second.result.interview.id)];
    expect(two).toBe(one.replaceAll('Tuesday, December 8', 'Wednesday, December 9').replace(first.result.candidateLink, second.result.candidateLink));
  });

  it('speaks of the organization as it is now, renamed since its parties were kept', async () => {
    const ids = await party();
    await book(ids, dayAhead(2));
    await acme.ctx.store.organizations.update(acme.org, { name: 'Acme Robotics' });
    const renamed = await log.during(() => book(ids, dayAhead(3)));
    // The write found the organization changed and wrote nothing; the booking was read and written afresh.
    expect(renamed.statements.filter(isWrite)).toHaveLength(2);
    expect(renamed.statements.filter(isRead)).toHaveLength(1);
    expect(await confirmationText(acme.ctx, acme.org, renamed.result.interview.id)).toContain('Acme Robotics');
    expect(await acme.ctx.store.interviews.list(acme.org, { candidateId: ids.candidateId })).toHaveLength(2);
  });

  it('is refused once the opening has closed, and books once it is open again', async () => {
    const opening = await acme.ctx.store.openings.create(acme.org, { title: 'Closing soon' });
    const ids = await party();
    const bookForOpening = bookWith(() => acme.ctx, () => acme.org, () => opening.id);
    await bookForOpening(ids, dayAhead(4));
    await acme.ctx.store.openings.setStatus(acme.org, opening.id, 'closed');
    await expect(bookForOpening(ids, dayAhead(5))).rejects.toMatchObject({ code: 'OPENING_NOT_OPEN' });
    expect(await acme.ctx.store.interviews.list(acme.org, { candidateId: ids.candidateId })).toHaveLength(1);
    // That refusal came from a fresh read, which kept the opening as closed: reopened, it is read afresh.
    await acme.ctx.store.openings.setStatus(acme.org, opening.id, 'open');
    await expect(bookForOpening(ids, dayAhead(5))).resolves.toMatchObject({ interview: { status: 'scheduled' } });
  });

  it("books in working hours widened since the panelist was kept, refused before from what was kept", async () => {
    const ids = await party();
    const office: Array<[string, string]> = [['09:00', '17:00']];
    await acme.ctx.store.members.update(acme.org, ids.memberId, { workingHours: { ...ALWAYS, tue: office } });
    const tuesday = (hour: number) => new Date(Date.UTC(2026, 11, 22, hour));
    await book(ids, tuesday(10));
    await expect(book(ids, tuesday(18))).rejects.toMatchObject({ code: 'OUTSIDE_AVAILABILITY' });
    await acme.ctx.store.members.update(acme.org, ids.memberId, { workingHours: { ...ALWAYS, tue: [['09:00', '20:00']] } });
    await expect(book(ids, tuesday(18))).resolves.toMatchObject({ interview: { status: 'scheduled', start: tuesday(18) } });
  });

  it('is refused as SLOT_TAKEN, and why, when a busy block was added for the panelist since', async () => {
    const ids = await party();
    await book(ids, dayAhead(6));
    await acme.ctx.store.members.addBusy(acme.org, ids.memberId, { start: dayAhead(7), end: new Date(dayAhead(7).getTime() + HOUR / 2) });
    await expect(book(ids, dayAhead(7))).rejects.toMatchObject({ code: 'SLOT_TAKEN', details: { busyPanelists: [{ memberId: ids.memberId, reasons: ['busy'] }] } });
  });

  it("keeps the panelist's buffer around their other interviews, as a booking read afresh does", async () => {
    const ids = await party({ bufferMinutes: 30 });
    await book(ids, dayAhead(8));
    // Starts 20 minutes after the first ends: free for the candidate, inside the panelist's buffer.
    const tooSoon = new Date(dayAhead(8).getTime() + HOUR + 20 * 60_000);
    await expect(book(ids, tooSoon)).rejects.toMatchObject({ code: 'SLOT_TAKEN', details: { busyPanelists: [{ memberId: ids.memberId, reasons: ['interview'] }] } });
    const justOutside = new Date(dayAhead(8).getTime() + HOUR + 30 * 60_000);
    await expect(book(ids, justOutside)).resolves.toMatchObject({ interview: { status: 'scheduled' } });
  });

  it('follows a buffer changed since the panelist was kept', async () => {
    const ids = await party();
    await book(ids, dayAhead(9));
    await acme.ctx.store.members.update(acme.org, ids.memberId, { bufferMinutes: 45 });
    const withinNewBuffer = new Date(dayAhead(9).getTime() + HOUR + 30 * 60_000);
    await expect(book(ids, withinNewBuffer)).rejects.toMatchObject({ code: 'SLOT_TAKEN' });
  });

  it('answers the candidate through a recruiter added since, when the organization has no contact address of its own', async () => {
    const ids = await party();
    const before = await book(ids, dayAhead(10));
    const recruiter = await acme.ctx.store.members.create(acme.org, {
      name: 'Riley Recruiter',
      email: `r-${randomUUID()}@acme.test`,
      role: 'recruiter',
      timezone: 'UTC',
      workingHours: ALWAYS,
    });
    const after = await book(ids, dayAhead(11));
    expect((await confirmation(acme.ctx, acme.org, before.interview.id)).replyTo?.address).not.toBe(recruiter.email);
    expect((await confirmation(acme.ctx, acme.org, after.interview.id)).replyTo).toEqual({ name: 'Riley Recruiter', address: recruiter.email });
  });
});

/** The texts of every message a change of the interview wrote, after those counted before it. */
async function messagesAfter(ctx: AppContext, org: string, interviewId: string, before: number): Promise<string[]> {
  const messages = await ctx.store.outbox.list(org, { interviewId });
  return messages.slice(before).map((message) => (message.payload as { email: OutgoingEmail }).email.text);
}

const isChangeWrite = (text: string) => text.startsWith('with "changed" as (update "interviews"');

/**
 * A candidate's cancel or decline whose parties an earlier request read is decided on what was kept: the
 * link with its interview is read, then the change is written in one statement guarded by the versions of
 * the interview and of every party. A party changed since makes it write nothing and run again afresh.
 */
describe.each(testEngines())("a candidate's cancel or decline from kept parties, on $name", (engine) => {
  const { acme, party, book, log } = useKeptPartiesSuite(engine);

  it('cancels in two statements, the link and the change, once its parties are known', async () => {
    const ids = await party();
    const { interview, candidateToken } = await book(ids, dayAhead(0));
    const cancel = await log.during(() => cancelByCandidate(acme.ctx, candidateToken, { reason: 'schedule_conflict' }));
    expect(cancel.result.interview.status).toBe('cancelled');
    expect(cancel.statements).toHaveLength(2);
    expect(isChangeWrite(cancel.statements[1]!)).toBe(true);
    expect(await acme.ctx.store.interviews.get(acme.org, interview.id)).toMatchObject({ status: 'cancelled' });
  });

  it('speaks of the organization as it is now, renamed since its parties were kept', async () => {
    await acme.ctx.store.organizations.update(acme.org, { name: 'Zenith Labs' });
    const ids = await party();
    const { interview, candidateToken } = await book(ids, dayAhead(1));
    const before = (await acme.ctx.store.outbox.list(acme.org, { interviewId: interview.id })).length;
    await acme.ctx.store.organizations.update(acme.org, { name: 'Orbit Works' });
    const cancel = await log.during(() => cancelByCandidate(acme.ctx, candidateToken, { reason: 'schedule_conflict' }));
    // The guarded write found the organization changed and wrote nothing; the cancel ran again afresh.
    expect(cancel.statements.filter(isChangeWrite)).toHaveLength(2);
    expect(cancel.statements.filter(isRead)).toHaveLength(1);
    const texts = await messagesAfter(acme.ctx, acme.org, interview.id, before);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.join('\n')).toContain('Orbit Works');
    expect(texts.join('\n')).not.toContain('Zenith Labs');
    expect(await acme.ctx.store.interviews.get(acme.org, interview.id)).toMatchObject({ status: 'cancelled' });
  });

  it('declines an invitation of known parties in two statements, and afresh once the organization changed', async () => {
    const ids = await party();
    await book(ids, dayAhead(2));
    const invite = () =>
      createInterview(acme.ctx, acme.org, {
        openingId: acme.openingId,
        candidateId: ids.candidateId,
        title: 'Systems',
        durationMinutes: 60,
        panel: [ids.memberId],
        offer: { from: dayAhead(3), to: dayAhead(5), count: 2 },
      });
    const decline = async (token: string) => (await declineByCandidate(acme.ctx, token, { reason: 'accepted_other_offer' })).interview.status;
    const first = await invite();
    const known = await log.during(() => decline(first.candidateToken));
    expect(known.result).toBe('declined');
    expect(known.statements).toHaveLength(2);
    expect(isChangeWrite(known.statements[1]!)).toBe(true);
    const invited = await invite();
    const before = (await acme.ctx.store.outbox.list(acme.org, { interviewId: invited.interview.id })).length;
    await acme.ctx.store.organizations.update(acme.org, { name: 'Meridian Hiring' });
    const afresh = await log.during(() => decline(invited.candidateToken));
    expect(afresh.result).toBe('declined');
    expect(afresh.statements.filter(isChangeWrite)).toHaveLength(2);
    expect(afresh.statements.filter(isRead)).toHaveLength(1);
    expect((await messagesAfter(acme.ctx, acme.org, invited.interview.id, before)).join('\n')).toContain('Meridian Hiring');
  });
});

/**
 * A candidate's move (a new time picked, an offered time accepted) whose parties an earlier request read:
 * decided on what was kept, the panel checked against its working hours only, and written in one
 * statement that also checks the panel free of busy time around the new time, its own bookings left out.
 */
describe.each(testEngines())("a candidate's move from kept parties, on $name", (engine) => {
  const acme = useOrganizationWithOpening(engine, NOW);
  const party = useParties(() => acme.ctx, () => acme.org);
  const book = bookWith(() => acme.ctx, () => acme.org, () => acme.openingId);
  let log: QueryLog;
  beforeAll(() => {
    log = recordQueries();
  });
  afterAll(() => log.restore());
  const move = (token: string, start: Date) => rescheduleByCandidate(acme.ctx, token, { start, reason: 'schedule_conflict' });

  it('moves in two statements once its parties are known, even onto part of its own old time', async () => {
    const ids = await party({ bufferMinutes: 30 });
    const { interview, candidateToken } = await book(ids, dayAhead(0));
    // Half an hour later: overlapping its own old time and within its own buffer, which are not in its way.
    const later = new Date(dayAhead(0).getTime() + HOUR / 2);
    const moved = await log.during(() => move(candidateToken, later));
    expect(moved.statements).toHaveLength(2);
    expect(isChangeWrite(moved.statements[1]!)).toBe(true);
    expect(await acme.ctx.store.interviews.get(acme.org, interview.id)).toMatchObject({ status: 'scheduled', start: later });
  });

  it("is refused as taken, read afresh, when the panelist's other interview is within their buffer", async () => {
    const ids = await party({ bufferMinutes: 30 });
    const { candidateToken } = await book(ids, dayAhead(1));
    const other = await party();
    // The same panelist's other interview, two hours later, with another candidate.
    await book({ memberId: ids.memberId, candidateId: other.candidateId }, new Date(dayAhead(1).getTime() + 2 * HOUR));
    const tooClose = new Date(dayAhead(1).getTime() + 3 * HOUR + 20 * 60_000);
    const refused = await log.during(() => move(candidateToken, tooClose).catch((error: unknown) => error));
    expect(refused.result).toMatchObject({ code: 'SLOT_TAKEN' });
    // The write from kept parties refused, then a fresh read said why before writing anything.
    expect(refused.statements.filter(isChangeWrite)).toHaveLength(1);
    expect(refused.statements.filter(isRead)).toHaveLength(1);
    const justOutside = new Date(dayAhead(1).getTime() + 3 * HOUR + 30 * 60_000);
    await expect(move(candidateToken, justOutside)).resolves.toMatchObject({ interview: { status: 'scheduled' } });
  });

  it('is refused as taken when a busy block was added for the panelist since', async () => {
    const ids = await party();
    const { candidateToken } = await book(ids, dayAhead(2));
    const target = new Date(dayAhead(2).getTime() + 4 * HOUR);
    await acme.ctx.store.members.addBusy(acme.org, ids.memberId, { start: target, end: new Date(target.getTime() + HOUR / 4) });
    await expect(move(candidateToken, target)).rejects.toMatchObject({ code: 'SLOT_TAKEN' });
  });

  it('accepts an offered time in two statements once its parties are known', async () => {
    const ids = await party();
    await book(ids, dayAhead(3));
    const invited = await createInterview(acme.ctx, acme.org, {
      openingId: acme.openingId,
      candidateId: ids.candidateId,
      title: 'Systems',
      durationMinutes: 60,
      panel: [ids.memberId],
      offer: { from: dayAhead(4), to: dayAhead(6), count: 2 },
    });
    const offered = invited.interview.offeredSlots[0]!.start;
    const accepted = await log.during(() => acceptOfferedSlot(acme.ctx, invited.candidateToken, { start: offered }));
    expect(accepted.result.interview.status).toBe('scheduled');
    expect(accepted.statements).toHaveLength(2);
  });
});

/** Two server processes on one database: what one keeps is checked against what the other changed. */
describe.skipIf(!process.env.TEST_DATABASE_URL)('a booking from kept parties, with another process changing them', () => {
  const stores = useTwoStores(process.env.TEST_DATABASE_URL ?? '');
  const context = (which: 'first' | 'second'): AppContext => ({ store: stores[which].store, clock: () => NOW, config: DEFAULT_APP_CONFIG });
  let org = '';
  let openingId = '';
  const party = useParties(() => context('first'), () => org);
  const book = bookWith(() => context('first'), () => org, () => openingId);

  it("speaks of the organization as the other process left it", async () => {
    org = (await createOrganization(context('first'), { name: 'Acme', timezone: 'UTC' })).organization.id;
    openingId = (await context('first').store.openings.create(org, { title: 'Platform Engineer' })).id;
    const ids = await party();
    await book(ids, dayAhead(0));
    await context('second').store.organizations.update(org, { name: 'Acme Two' });
    const { interview } = await book(ids, dayAhead(1));
    expect(await confirmationText(context('first'), org, interview.id)).toContain('Acme Two');
  });
});
