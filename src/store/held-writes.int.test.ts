import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenStore, Store } from './index.ts';
import { DatabaseBusyError, InterviewChangedMeanwhile } from './database-errors.ts';
import { OUTBOX_ROWS_PER_INSERT } from './repositories/outbox.ts';
import { testEngines } from './testing/engines.ts';
import { recordQueries } from './testing/query-log.ts';
import type { QueryLog } from './testing/query-log.ts';

/**
 * A change's messages and seat links, held back in its transaction: written by the history line's own
 * statement, or before the commit when no line follows, never after a rollback, and at once outside a
 * transaction.
 */

const AT = new Date('2026-12-01T12:00:00Z');
const NONE = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

describe.each(testEngines())('held writes on $name', (engine) => {
  let opened: OpenStore;
  let store: Store;
  let log: QueryLog;
  let org: string;
  let interviewId: string;
  let memberId: string;
  let sequence = 0;

  beforeAll(async () => {
    opened = await engine.open();
    store = opened.store;
    log = recordQueries();
    org = (await store.organizations.create({ name: 'Acme', timezone: 'UTC' })).id;
    memberId = (await store.members.create(org, { name: 'Ann', email: 'ann@acme.test', role: 'interviewer', timezone: 'UTC', workingHours: NONE })).id;
    const opening = await store.openings.create(org, { title: 'Engineer' });
    const candidate = await store.candidates.create(org, { name: 'Jordan Lee', email: 'jordan@example.com', timezone: 'UTC' });
    const interview = await store.interviews.create(
      org,
      { openingId: opening.id, candidateId: candidate.id, title: 'Round 1', durationMinutes: 60, panel: [memberId], status: 'invited', start: null, end: null, uid: `held-${engine.name}@leeway.test` },
      AT,
    );
    interviewId = interview.id;
  });
  afterAll(async () => {
    log?.restore();
    await opened?.close();
  });

  const message = () => {
    sequence += 1;
    return { message: { organizationId: org, messageId: `<held-${engine.name}-${sequence}@test>`, kind: 'test', interviewId, recipient: 'a@example.com', subject: 'Hi', payload: { n: sequence } }, at: AT };
  };
  const seatLink = () => ({ organizationId: org, interviewId, memberId, expiresAt: new Date('2027-01-01T00:00:00Z'), tokenHash: `hash-${engine.name}-${++sequence}` });
  const stored = async (messageId: string) => (await store.outbox.list(org, { interviewId })).some((m) => m.messageId === messageId);
  const line = { at: AT, actor: 'employer' as const, action: 'note', noticeHours: null, noticeClass: null, reason: null, privateNote: null, messageId: null, details: null };

  it('writes them with the history line, in its one statement', async () => {
    const held = message();
    const link = seatLink();
    const { statements } = await log.during(() =>
      store.transaction(async (tx) => {
        await tx.holdingMessageWrites(async () => {
          await tx.outbox.enqueueMany([held]);
          await tx.panelTokens.createMany([link], AT);
        });
        await tx.interviews.appendHistory(org, interviewId, line);
      }),
    );
    // The transaction's begin travels with its first statement (see begin-with-first-statement.ts).
    expect(statements).toEqual([expect.stringMatching(/^with "held_seat_links" as \(insert into "panel_tokens"/), 'commit']);
    expect(statements[0]).toContain('"held_messages" as (insert into "outbox"');
    expect(await stored(held.message.messageId)).toBe(true);
    expect(await store.panelTokens.findValid(link.tokenHash, AT)).toMatchObject({ memberId });
  });

  it('writes what no history line took before the commit', async () => {
    const held = message();
    await store.transaction(async (tx) => {
      await tx.holdingMessageWrites(() => tx.outbox.enqueueMany([held]));
    });
    expect(await stored(held.message.messageId)).toBe(true);
  });

  it('writes nothing of a transaction that rolls back', async () => {
    const held = message();
    await expect(
      store.transaction(async (tx) => {
        await tx.holdingMessageWrites(() => tx.outbox.enqueueMany([held]));
        await tx.interviews.appendHistory(org, interviewId, line);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await stored(held.message.messageId)).toBe(false);
  });

  it('holds nothing outside holdingMessageWrites, nor outside a transaction', async () => {
    const inside = message();
    const outside = message();
    await store.transaction(async (tx) => {
      await tx.outbox.enqueueMany([inside]);
      // Already there for a read in the same transaction.
      expect((await tx.outbox.list(org, { interviewId })).some((m) => m.messageId === inside.message.messageId)).toBe(true);
    });
    await store.holdingMessageWrites(() => store.outbox.enqueueMany([outside]));
    expect(await stored(outside.message.messageId)).toBe(true);
  });

  it('runs a one-statement change again when its interview changed meanwhile, and answers as a busy database when it never stops changing', async () => {
    let runs = 0;
    const flaky = await store.inOneStatement(async () => {
      runs += 1;
      if (runs < 3) throw new InterviewChangedMeanwhile(interviewId);
      return 'written';
    });
    expect({ flaky, runs }).toEqual({ flaky: 'written', runs: 3 });

    runs = 0;
    const never = store.inOneStatement(async () => {
      runs += 1;
      throw new InterviewChangedMeanwhile(interviewId);
    });
    // Answered as a busy database (503 with Retry-After), which an Idempotency-Key does not keep.
    await expect(never).rejects.toBeInstanceOf(DatabaseBusyError);
    expect(runs).toBe(5);
  });

  it('refuses to write messages ahead of a one-statement change that holds more than one insert takes', async () => {
    const many = Array.from({ length: OUTBOX_ROWS_PER_INSERT + 1 }, () => message());
    const line = { at: AT, actor: 'system' as const, action: 'noted' };
    await expect(
      store.inOneStatement(async (one) => {
        await one.holdingMessageWrites(() => one.outbox.enqueueMany(many));
        await one.interviews.appendHistory(org, interviewId, line);
      }),
    ).rejects.toThrow('more than one insert takes');
    expect(await stored(many[0]!.message.messageId)).toBe(false);
  });
});
