import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Kysely, KyselyPlugin, RawNode } from 'kysely';
import type { OpenStore, Store } from '../index.ts';
import type { Database } from '../schema.ts';
import { enqueueWebhookEvents } from './webhooks.ts';
import { testEngines } from '../testing/engines.ts';

/**
 * The webhook queue in the database, on both engines: what the enqueue statement writes (and does not),
 * the interview as the change left it, and the claim that keeps each endpoint's events in order while
 * any number of workers share the queue.
 */

const T0 = new Date('2026-12-01T12:00:00Z');
const NONE = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const LEASE = 60_000;

const dataOf = (delivery: { body: string }) => (JSON.parse(delivery.body) as { data: { n: number } }).data;

describe.each(testEngines())('webhook repository on $name', (engine) => {
  let opened: OpenStore;
  let store: Store;
  let org: string;
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
  });
  // The claim spans organizations, as workers do: each test removes its endpoints and so its deliveries.
  afterEach(async () => {
    for (const hook of await store.webhooks.list(org, { limit: 200 })) await store.webhooks.delete(org, hook.id);
  });

  const subscribe = (events: string[], organizationId = org) =>
    store.webhooks.create({ organizationId, url: 'https://hooks.example.com/in', description: null, events, secretSealed: 'sealed', at: T0 });

  /** Whatever is due for every endpoint, as one worker would claim it. */
  const claim = (at = T0, limit = 50) => store.transaction((tx) => tx.webhooks.claimDue({ at, limit, leaseMs: LEASE }));

  async function interview() {
    const member = await store.members.create(org, { name: 'Ann', email: `ann${sequence}@acme.test`, role: 'interviewer', timezone: 'UTC', workingHours: NONE });
    const opening = await store.openings.create(org, { title: 'Engineer' });
    const candidate = await store.candidates.create(org, { name: 'Jordan Lee', email: `jordan${sequence}@example.com`, timezone: 'UTC' });
    const start = new Date('2026-12-03T15:00:00Z');
    const end = new Date('2026-12-03T16:00:00Z');
    return store.interviews.create(
      org,
      { openingId: opening.id, candidateId: candidate.id, title: 'Round 1', durationMinutes: 60, panel: [member.id], status: 'scheduled', start, end, uid: `uid-${engine.name}-${sequence}@leeway.test` },
      T0,
    );
  }

  it('writes nothing when no endpoint wants the event', async () => {
    await subscribe(['interview.completed']);
    const disabled = await subscribe(['interview.cancelled']);
    const test = await store.webhooks.enqueueFor(org, disabled.id, { type: 'webhook.test', at: T0, data: {} });
    const [head] = await claim();
    expect(head!.id).toBe(test.id);
    await store.transaction((tx) => tx.webhooks.giveUp(head!, { leaseUntil: head!.leaseUntil, at: T0, responseStatus: 410, error: 'gone', disableReason: 'gone' }));
    const other = (await store.organizations.create({ name: 'Other', timezone: 'UTC' })).id;
    await subscribe(['interview.cancelled'], other);
    expect(await store.webhooks.enqueue(org, [{ type: 'interview.cancelled', at: T0, data: {} }])).toBe(0);
  });

  it('with no endpoint subscribed, queuing reads the active endpoints and writes nothing', async () => {
    const statements: string[] = [];
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        statements.push(args.node.kind === 'RawNode' ? (args.node as RawNode).sqlFragments.join('?').trim().split(/\s/)[0]!.toUpperCase() : args.node.kind);
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const db = (store as unknown as { executor: Kysely<Database> }).executor.withPlugin(counting);
    await subscribe(['interview.completed'], (await store.organizations.create({ name: 'Subscribed elsewhere', timezone: 'UTC' })).id);
    expect(await enqueueWebhookEvents(db, org, [{ type: 'interview.completed', at: T0, data: {} }])).toBe(0);
    expect(statements).toEqual(['SelectQueryNode']);
    // An endpoint that wants other types: still nothing written.
    await subscribe(['interview.cancelled']);
    statements.length = 0;
    expect(await enqueueWebhookEvents(db, org, [{ type: 'interview.completed', at: T0, data: {} }])).toBe(0);
    expect(statements).toEqual(['SelectQueryNode']);
  });

  it('keeps test events in a lane of their own: neither holds up the other, and a held delivery names what it waits for', async () => {
    const hook = await subscribe(['opening.filled']);
    const test = await store.webhooks.enqueueFor(org, hook.id, { type: 'webhook.test', at: T0, data: {} });
    await store.webhooks.enqueue(org, [
      { type: 'opening.filled', at: T0, data: { n: 1 } },
      { type: 'opening.filled', at: T0, data: { n: 2 } },
    ]);
    const secondTest = await store.webhooks.enqueueFor(org, hook.id, { type: 'webhook.test', at: T0, data: {} });
    expect(secondTest.waitingFor).toBe(test.webhookId);
    const heads = await claim();
    expect(heads.map((d) => d.type === 'webhook.test' ? d.id : dataOf(d).n).sort()).toEqual([1, test.id].sort());
    const [first, second] = (await store.webhooks.deliveries(org, hook.id, { limit: 10 })).filter((d) => d.type === 'opening.filled').reverse();
    expect(first!.waitingFor).toBeNull();
    expect(second!.waitingFor).toBe(first!.webhookId);
    // The test event fails and waits for its retry; the real one is delivered, and the next real one is due at once.
    const testHead = heads.find((d) => d.id === test.id)!;
    const eventHead = heads.find((d) => d.id !== test.id)!;
    await store.webhooks.scheduleRetry(testHead.id, { leaseUntil: testHead.leaseUntil, nextAttemptAt: new Date(T0.getTime() + 300_000), responseStatus: 500, error: 'down' });
    await store.webhooks.markDelivered(eventHead.id, { leaseUntil: eventHead.leaseUntil, at: T0, responseStatus: 200 });
    expect((await claim()).map((d) => dataOf(d).n)).toEqual([2]);
  });

  it('queues a history line as its event, with the interview as it stands and never the private note', async () => {
    const hook = await subscribe(['interview.cancelled', 'interview.scheduled']);
    const other = await subscribe(['interview.scheduled']);
    const booked = await interview();
    await store.transaction(async (tx) => {
      await tx.interviews.update(org, booked.id, { status: 'cancelled', start: booked.start, end: booked.end, sequence: 1, offeredSlots: [] }, T0);
      await tx.interviews.appendHistory(org, booked.id, { at: T0, actor: 'candidate', action: 'cancelled', noticeHours: 51, noticeClass: 'ample', reason: 'schedule_conflict', privateNote: 'secret words' });
    });
    const log = await store.webhooks.deliveries(org, hook.id, { limit: 10 });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ type: 'interview.cancelled', status: 'pending', attempts: 0 });
    expect(log[0]!.webhookId).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(JSON.parse(log[0]!.body)).toEqual({
      type: 'interview.cancelled',
      timestamp: T0.toISOString(),
      data: {
        interview: {
          id: booked.id,
          title: 'Round 1',
          status: 'cancelled',
          start: '2026-12-03T15:00:00.000Z',
          end: '2026-12-03T16:00:00.000Z',
          opening: { id: booked.openingId, title: 'Engineer' },
          candidate: { id: booked.candidateId, name: 'Jordan Lee' },
          panel: booked.panel,
        },
        actor: { side: 'candidate', memberId: null },
        noticeClass: 'ample',
        noticeHours: 51,
        reason: 'schedule_conflict',
        openingEnded: null,
        calledAhead: null,
        historyEntryId: expect.any(String),
      },
    });
    expect(log[0]!.body).not.toContain('secret words');
    expect(log[0]!.body).toMatch(/^\{"type":"interview.cancelled","timestamp":"[^"]+","data":\{"interview":\{"id":/);
    expect(await store.webhooks.deliveries(org, other.id, { limit: 10 })).toHaveLength(0);
  });

  it('queues nothing when the transaction that made the change rolls back', async () => {
    const hook = await subscribe(['interview.completed']);
    const booked = await interview();
    await expect(
      store.transaction(async (tx) => {
        await tx.interviews.appendHistory(org, booked.id, { at: T0, actor: 'employer', action: 'completed' });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await store.webhooks.deliveries(org, hook.id, { limit: 10 })).toHaveLength(0);
  });

  it('claims only the oldest pending delivery of each endpoint, and the next once it is settled', async () => {
    const a = await subscribe(['opening.filled']);
    const b = await subscribe(['opening.filled']);
    await store.webhooks.enqueue(org, [
      { type: 'opening.filled', at: T0, data: { n: 1 } },
      { type: 'opening.filled', at: T0, data: { n: 2 } },
    ]);
    const first = await claim();
    expect(first.map((d) => [d.subscriptionId, dataOf(d).n]).sort()).toEqual([[a.id, 1], [b.id, 1]].sort());
    // Held under lease, and the second of each waits behind it.
    expect(await claim()).toEqual([]);
    const ofA = first.find((d) => d.subscriptionId === a.id)!;
    expect(await store.webhooks.markDelivered(ofA.id, { leaseUntil: ofA.leaseUntil, at: T0, responseStatus: 200 })).toBe(true);
    const next = await claim();
    expect(next.map((d) => [d.subscriptionId, dataOf(d).n])).toEqual([[a.id, 2]]);
    expect(next[0]).toMatchObject({ url: 'https://hooks.example.com/in', secretSealed: 'sealed', attempts: 1 });
  });

  it('gives a delivery whose worker died back after the lease, and refuses the dead worker a late outcome', async () => {
    await subscribe(['opening.filled']);
    await store.webhooks.enqueue(org, [{ type: 'opening.filled', at: T0, data: {} }]);
    const [lost] = await claim();
    const later = new Date(T0.getTime() + LEASE + 1);
    const [again] = await claim(later);
    expect(again).toMatchObject({ id: lost!.id, attempts: 2 });
    expect(await store.webhooks.markDelivered(lost!.id, { leaseUntil: lost!.leaseUntil, at: later, responseStatus: 200 })).toBe(false);
    expect(await store.webhooks.scheduleRetry(again!.id, { leaseUntil: again!.leaseUntil, nextAttemptAt: later, responseStatus: 500, error: 'down' })).toBe(true);
  });

  it('lets concurrent workers share the queue without claiming a delivery twice', async () => {
    const hooks = await Promise.all(Array.from({ length: 8 }, () => subscribe(['opening.filled'])));
    await store.webhooks.enqueue(org, [{ type: 'opening.filled', at: T0, data: {} }]);
    const claims = await Promise.all(Array.from({ length: 4 }, () => claim(T0, 3)));
    const ids = claims.flat().map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeLessThanOrEqual(hooks.length);
    const rest = await claim(T0, 50);
    expect(ids.length + rest.length).toBe(hooks.length);
  });

  it('disables the endpoint once when giving up, keeps the rest pending, and resumes them when turned back on', async () => {
    const hook = await subscribe(['opening.filled']);
    await store.webhooks.enqueue(org, [
      { type: 'opening.filled', at: T0, data: { n: 1 } },
      { type: 'opening.filled', at: T0, data: { n: 2 } },
    ]);
    const [head] = await claim();
    const gaveUp = await store.transaction((tx) =>
      tx.webhooks.giveUp(head!, { leaseUntil: head!.leaseUntil, at: T0, responseStatus: 410, error: 'gone', disableReason: 'The endpoint answered 410 Gone.' }),
    );
    expect(gaveUp).toEqual({ settled: true, disabled: true, pending: 1 });
    expect(await store.webhooks.get(org, hook.id)).toMatchObject({ status: 'disabled', disabledReason: 'The endpoint answered 410 Gone.' });
    expect(await claim(new Date(T0.getTime() + 3_600_000))).toEqual([]);
    const later = new Date(T0.getTime() + 7_200_000);
    await store.webhooks.update(org, hook.id, { reactivate: true }, later);
    const [resumed] = await claim(later);
    expect(dataOf(resumed!).n).toBe(2);
    expect(await store.webhooks.get(org, hook.id)).toMatchObject({ status: 'active', disabledReason: null, disabledAt: null });
  });
});
