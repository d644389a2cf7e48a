import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY_CACHE_MS } from '../app/api-key-cache.ts';
import { recordQueries } from '../store/testing/query-log.ts';
import type { QueryLog } from '../store/testing/query-log.ts';
import { readJson } from './testing/dashboard-fixture.ts';
import { NINE_TO_FIVE, startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

/**
 * Round trips to the database per use case, counted at the driver: every statement is one trip over the
 * socket, and under load the count is what a request pays for (docs/performance.md). The budgets are
 * today's counts; a change that adds a trip must say why here.
 *
 * A transaction's begin travels with its first statement, except when that statement is named and not yet
 * prepared on the connection (see begin-with-first-statement.ts): the pool names a text the second time
 * it sends it, so a use case's second run here can count one trip more than its later ones.
 */
const BUDGET = {
  /**
   * Everything the booking starts from, with the panel's busy time around the new time, in one statement;
   * the interview with its bookings, link, history line, messages, seat links and webhook events in one
   * more, which is a transaction of its own (no begin, no commit).
   */
  booking: 2,
  /**
   * A booking whose organization, opening, candidate, panel and staff an earlier booking read: nothing is
   * read, and the write checks they are unchanged and the panel free (see `KeptParties`).
   */
  bookingOfKnownParties: 1,
  /**
   * A booking with an Idempotency-Key, kept with its key and its answer in one transaction: the key's
   * claim (with the begin), the read and the write as above (the write's savepoint with the read), the
   * answer stored (with the savepoint's release), the commit.
   */
  keyedBooking: 5,
  /** A booking of a panel just searched: its busy time is read with the rest as for any booking. */
  bookingAfterSearch: 2,
  slotSearch: 2,
  /**
   * The same panel searched again with no change to it: its members' schedules and busy time are kept
   * while their changes are announced (migrations 0013 and 0019).
   */
  slotSearchAgain: 0,
  /** The panel searched again after one of them was booked: only the booked member's busy time is read. */
  slotSearchAfterBooking: 1,
  /** A panel whose working hours never meet: no busy time is read. */
  slotSearchWithoutCommonHours: 1,
  /**
   * A candidate's change, like a booking, is decided on what it reads without a lock and written in one
   * statement guarded by the version of the interview's row read (see `writeChange`): the link with its
   * interview; the organization, opening, candidate, panel, staff and (for a new time) the panel's busy
   * time around it; then the interview with its bookings, freed time, reminders, fresh link, history line,
   * messages, seat links and webhook events. The link is looked up before only for an Idempotency-Key.
   */
  /** Here the first request to read this candidate's parties outside a transaction (an invitation is one). */
  candidateAccept: 3,
  candidateReschedule: 2,
  /**
   * Each of these, when an earlier request read the same parties, reads only the link with its interview:
   * the change is guarded by the versions of the kept parties too and, for a new time, by the panel being
   * free around it, its own bookings left out (see `KeptPartiesAttempt`).
   */
  candidateCancel: 2,
  /** An employer's move is written like a candidate's: the interview with its row's version, everyone it concerns, the change. */
  employerReschedule: 3,
};

let server: TestServer;
let log: QueryLog;
let ids: { a: string; b: string; opening: string; candidates: string[] };

const json = readJson;

const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);

beforeAll(async () => {
  server = await startTestServer({ now: '2026-12-01T12:00:00Z' });
  await server.call('PATCH', '/api/v1/organization', { contactEmail: 'recruiting@acme.test', reminders: [24, 2] });
  const member = (name: string) =>
    json<{ id: string }>(server.call('POST', '/api/v1/members', { name, email: `${name.toLowerCase()}@acme.test`, role: 'interviewer', timezone: 'America/New_York', workingHours: NINE_TO_FIVE }), 201);
  const a = await member('Grace');
  const b = await member('Alan');
  await server.call('POST', '/api/v1/members', { name: 'Rita', email: 'rita@acme.test', role: 'recruiter', timezone: 'America/New_York' });
  const opening = await json<{ id: string }>(server.call('POST', '/api/v1/openings', { title: 'Platform Engineer' }), 201);
  const candidates: string[] = [];
  for (const name of ['Jordan', 'Sam', 'Kim', 'Lee', 'Max', 'Noa', 'Ola']) {
    const created = await json<{ id: string }>(server.call('POST', '/api/v1/candidates', { name, email: `${name.toLowerCase()}@example.com`, timezone: 'Europe/Berlin' }), 201);
    candidates.push(created.id);
  }
  ids = { a: a.id, b: b.id, opening: opening.id, candidates };
  log = recordQueries();
});
afterAll(async () => {
  log?.restore();
  await server?.close();
});

function book(candidateId: string, start: string, headers: Record<string, string> = {}) {
  return server.call('POST', '/api/v1/interviews', { openingId: ids.opening, candidateId, title: 'Systems', durationMinutes: 60, panel: [ids.a, ids.b], start }, headers);
}

function candidateAction(token: string, action: string, body: unknown) {
  return server.app.request(`/api/v1/candidate/${token}/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

function report(name: string, statements: string[]): void {
  if (process.env.LEEWAY_SHOW_STATEMENTS) console.log(`${name}: ${statements.length}\n  ${statements.join('\n  ')}`);
}

describe('database round trips per use case', () => {
  it('a booking', async () => {
    const { result, statements } = await log.during(() => json<{ status: string }>(book(ids.candidates[0]!, '2026-12-08T15:00:00Z'), 201));
    expect(result.status).toBe('scheduled');
    report('booking', statements);
    expect(statements.length).toBeLessThanOrEqual(BUDGET.booking);
  });

  it('a booking of parties an earlier booking read', async () => {
    const { result, statements } = await log.during(() => json<{ status: string }>(book(ids.candidates[0]!, '2026-12-18T15:00:00Z'), 201));
    expect(result.status).toBe('scheduled');
    report('booking of known parties', statements);
    expect(statements.length).toBeLessThanOrEqual(BUDGET.bookingOfKnownParties);
  });

  it('a booking with an Idempotency-Key', async () => {
    // The first two send statements the pool has not yet named, or named but not prepared on the
    // connection, with which held statements do not travel (see above).
    await json(book(ids.candidates[4]!, '2026-12-10T15:00:00Z', { 'idempotency-key': 'round-trips-1' }), 201);
    await json(book(ids.candidates[5]!, '2026-12-10T17:00:00Z', { 'idempotency-key': 'round-trips-2' }), 201);
    const { result, statements } = await log.during(() => json<{ status: string }>(book(ids.candidates[6]!, '2026-12-10T19:00:00Z', { 'idempotency-key': 'round-trips-3' }), 201));
    expect(result.status).toBe('scheduled');
    report('keyed booking', statements);
    expect(statements.length).toBeLessThanOrEqual(BUDGET.keyedBooking);
  });

  it('a slot search', async () => {
    const query = `members=${ids.a},${ids.b}&durationMinutes=60&from=2026-12-09T00:00:00Z&to=2026-12-12T00:00:00Z`;
    const { result, statements } = await log.during(() => json<{ slots: Array<{ start: string }> }>(server.call('GET', `/api/v1/slots?${query}`)));
    expect(result.slots.length).toBeGreaterThan(0);
    report('slot search', statements);
    expect(statements.length).toBeLessThanOrEqual(BUDGET.slotSearch);
    const again = await log.during(() => json<{ slots: unknown[] }>(server.call('GET', `/api/v1/slots?${query}`)));
    expect(again.result).toEqual(result);
    report('slot search again', again.statements);
    expect(again.statements.length).toBeLessThanOrEqual(BUDGET.slotSearchAgain);
    // A booking of one of them is announced: their busy time is read again, and the booked time is gone.
    const booked = await log.during(() => json(book(ids.candidates[3]!, result.slots[0]!.start), 201));
    report('booking after a search', booked.statements);
    expect(booked.statements.length).toBeLessThanOrEqual(BUDGET.bookingAfterSearch);
    const afterBooking = await log.during(() => json<{ slots: Array<{ start: string }> }>(server.call('GET', `/api/v1/slots?${query}`)));
    report('slot search after a booking', afterBooking.statements);
    expect(afterBooking.statements.length).toBe(BUDGET.slotSearchAfterBooking);
    expect(afterBooking.result.slots.map((slot) => slot.start)).not.toContain(result.slots[0]!.start);
  });

  it('a slot search for a panel with no common working time', async () => {
    const member = (name: string, timezone: string) =>
      json<{ id: string }>(server.call('POST', '/api/v1/members', { name, email: `${name.toLowerCase()}@acme.test`, role: 'interviewer', timezone, workingHours: NINE_TO_FIVE }), 201);
    const kolkata = await member('Asha', 'Asia/Kolkata');
    const losAngeles = await member('Lou', 'America/Los_Angeles');
    const query = `members=${kolkata.id},${losAngeles.id}&durationMinutes=30&from=2026-12-09T00:00:00Z&to=2026-12-16T00:00:00Z`;
    const { result, statements } = await log.during(() => json<{ slots: unknown[] }>(server.call('GET', `/api/v1/slots?${query}`)));
    expect(result.slots).toEqual([]);
    report('slot search without common hours', statements);
    expect(statements.length).toBeLessThanOrEqual(BUDGET.slotSearchWithoutCommonHours);
  });

  it("a candidate's accept, reschedule and cancel", async () => {
    const invited = await json<{ candidateLink: string; offeredSlots: Array<{ start: string }> }>(
      server.call('POST', '/api/v1/interviews', { openingId: ids.opening, candidateId: ids.candidates[1]!, title: 'Systems', durationMinutes: 60, panel: [ids.a, ids.b], offer: { from: '2026-12-14T00:00:00Z', to: '2026-12-17T00:00:00Z', count: 3 } }),
      201,
    );
    const token = tokenOf(invited.candidateLink);
    const accept = await log.during(() => json(candidateAction(token, 'accept', { start: invited.offeredSlots[0]!.start })));
    report('accept', accept.statements);
    expect(accept.statements.length).toBeLessThanOrEqual(BUDGET.candidateAccept);

    const reschedule = await log.during(() => json(candidateAction(token, 'reschedule', { start: invited.offeredSlots[1]!.start, reason: 'schedule_conflict' })));
    report('reschedule', reschedule.statements);
    expect(reschedule.statements.length).toBeLessThanOrEqual(BUDGET.candidateReschedule);

    const cancel = await log.during(() => json(candidateAction(token, 'cancel', { reason: 'schedule_conflict' })));
    report('cancel', cancel.statements);
    expect(cancel.statements.length).toBeLessThanOrEqual(BUDGET.candidateCancel);
  });

  it("an employer's reschedule", async () => {
    const booked = await json<{ id: string }>(book(ids.candidates[2]!, '2026-12-15T15:00:00Z'), 201);
    const moved = await log.during(() => json<{ start: string }>(server.call('POST', `/api/v1/interviews/${booked.id}/reschedule`, { start: '2026-12-15T17:00:00Z' })));
    expect(moved.result.start).toBe('2026-12-15T17:00:00.000Z');
    report('employer reschedule', moved.statements);
    expect(moved.statements.length).toBeLessThanOrEqual(BUDGET.employerReschedule);
  });

  it('an API key found valid is read again only after the cache period, and refused then once revoked', async () => {
    const other = await server.newOrganization('Revoking Ltd');
    const asOther = () => server.call('GET', '/api/v1/openings', undefined, { authorization: `Bearer ${other.apiKey}` });
    expect((await asOther()).status).toBe(200);
    const again = await log.during(() => json(asOther()));
    expect(again.statements.some((text) => text.includes('"api_keys"'))).toBe(false);
    const [key] = await server.ctx.store.apiKeys.list(other.organizationId);
    await server.ctx.store.apiKeys.revoke(other.organizationId, key!.id, server.ctx.clock());
    // Still believed within the period on this process, refused once it has passed.
    expect((await asOther()).status).toBe(200);
    server.setNow(new Date(server.ctx.clock().getTime() + API_KEY_CACHE_MS));
    expect((await asOther()).status).toBe(401);
  });
});
