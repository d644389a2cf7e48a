import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setAsideLinkTokens } from '../core/link-tokens-at-rest.ts';
import type { OutgoingEmail } from '../core/outgoing-email.ts';
import type { OpenStore, Store } from '../store/index.ts';
import { sealLinkTokens } from '../store/sealed-link-tokens.ts';
import { SecretBox } from '../store/secret-box.ts';
import { testEngines } from '../store/testing/engines.ts';
import { createOutboxKeeper } from './outbox-keeper.ts';
import type { OutboxLogEntry } from './outbox-worker.ts';
import { toOutboxPayload } from './outbox-payload.ts';

const T0 = new Date('2026-03-02T09:00:00Z');
const HOUR = 3_600_000;
const TOKEN = 'lw_cand_AbCdEfGhIjKlMnOpQrStUvWxYz012345';

function makeEmail(messageId: string): OutgoingEmail {
  return {
    messageId,
    from: { name: 'Acme', address: 'no-reply@acme.test' },
    to: [{ name: 'Zoë Ångström', address: 'zoe@example.test' }],
    replyTo: { name: 'Acme recruiting', address: 'recruiting@acme.test' },
    subject: 'Your interview',
    text: `Change it here: https://jobs.acme.test/c/${TOKEN}\n`,
    calendar: {
      method: 'REQUEST',
      // A folded line splits the token: it must be redacted all the same.
      ics: `BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nDESCRIPTION:Need to change it? https://jobs.acme.test/c/${TOKEN.slice(0, 20)}\r\n ${TOKEN.slice(20)}\r\nEND:VCALENDAR\r\n`,
    },
  };
}

describe.each(testEngines())('outbox keeper (no SMTP) on $name', (engine) => {
  let opened: OpenStore;
  let store: Store;
  let orgId: string;
  let count = 0;
  const box = SecretBox.ephemeral();

  beforeAll(async () => {
    opened = await engine.open();
    store = opened.store;
  });
  afterAll(async () => {
    await opened.close();
  });
  beforeEach(async () => {
    orgId = (await store.organizations.create({ name: `Keep ${(count += 1)}`, timezone: 'UTC' })).id;
  });

  /** Written as the app writes an email: its text without the link, the link sealed beside it. */
  async function enqueue(name: string, options: { notBefore?: Date; kind?: string; interviewId?: string } = {}) {
    const messageId = `<${name}-${engine.name}-${count}@acme.test>`;
    const { email, tokens } = setAsideLinkTokens(makeEmail(messageId));
    return store.outbox.enqueue(
      {
        organizationId: orgId,
        messageId,
        kind: options.kind ?? 'confirmation',
        interviewId: options.interviewId ?? null,
        recipient: 'zoe@example.test',
        subject: 'Your interview',
        payload: { ...toOutboxPayload(email) },
        linkTokens: sealLinkTokens(tokens, box),
        ...(options.notBefore ? { notBefore: options.notBefore } : {}),
      },
      T0,
    );
  }

  /** The sealed tokens beside a message: the repository shows them only to a delivering worker. */
  async function linkTokensOf(id: string): Promise<string | null> {
    const executor = (store as unknown as { executor: never }).executor;
    const { rows } = await sql<{ linkTokens: string | null }>`SELECT link_tokens FROM outbox WHERE id = ${id}::uuid`.execute(executor);
    return rows[0]!.linkTokens;
  }

  async function rowOf(id: string) {
    const row = await store.outbox.get(orgId, id);
    if (!row) throw new Error(`row ${id} is gone`);
    return row;
  }

  it('keeps each due message: a final status, no attempt counted, its sealed link tokens dropped', async () => {
    let now = T0;
    const logged: OutboxLogEntry[] = [];
    const keeper = createOutboxKeeper({ store, clock: () => now, log: (entry) => logged.push(entry) });
    const due = await enqueue('due');
    const interviewId = randomUUID();
    const reminder = await enqueue('reminder', { notBefore: new Date(T0.getTime() + 24 * HOUR), kind: 'reminder', interviewId });
    expect(await linkTokensOf(due.id)).toMatch(/^v1\./);

    expect(await keeper.runOnce()).toEqual({ claimed: 1, kept: 1 });

    const kept = await rowOf(due.id);
    expect(await linkTokensOf(due.id)).toBeNull();
    expect(kept).toMatchObject({ status: 'kept', attempts: 0, sentAt: null, lastError: null });
    const payload = JSON.stringify(kept.payload);
    expect(payload).not.toMatch(/lw_cand_(?!\[redacted\])/);
    expect(payload).toContain('lw_cand_[redacted]');
    // Everything else of the message stays: it is the audit of what would have been said.
    expect(kept.payload).toMatchObject({ email: { subject: 'Your interview', replyTo: { address: 'recruiting@acme.test' } } });

    // A message held for later (a reminder waiting for a retry) is kept when its time comes, not before.
    expect(await rowOf(reminder.id)).toMatchObject({ status: 'pending' });
    expect(logged).toEqual([{ level: 'info', event: 'outbox.kept', id: due.id, messageId: due.messageId }]);
    expect(JSON.stringify(logged)).not.toContain('zoe@example.test');

    now = new Date(T0.getTime() + 25 * HOUR);
    expect(await keeper.runOnce()).toMatchObject({ claimed: 1, kept: 1 });
    expect(await rowOf(reminder.id)).toMatchObject({ status: 'kept', attempts: 0 });
    expect(await linkTokensOf(reminder.id)).toBeNull();

    // Kept is final: nothing claims it for delivery, and calling reminders off leaves it as the record.
    expect(await keeper.runOnce()).toMatchObject({ claimed: 0, kept: 0 });
    expect(await store.transaction((tx) => tx.outbox.claimDue({ at: now, limit: 10, leaseMs: 60_000 }))).toEqual([]);
    expect(await store.outbox.cancelPending(orgId, interviewId, 'reminder', now)).toBe(0);
    expect(await rowOf(reminder.id)).toMatchObject({ status: 'kept' });
  });

  it('leaves a message a delivering worker holds under its lease', async () => {
    const keeper = createOutboxKeeper({ store, clock: () => T0 });
    const held = await enqueue('held');
    const [claimed] = await store.transaction((tx) => tx.outbox.claimDue({ at: T0, limit: 100, leaseMs: 60_000 }));
    expect(claimed?.id).toBe(held.id);
    expect(await keeper.runOnce()).toMatchObject({ kept: 0 });
    expect(await rowOf(held.id)).toMatchObject({ status: 'pending', attempts: 1 });
    await store.outbox.markFailed(held.id, 'retired by the test');
  });

  it('runs in the background and wakes on notify()', async () => {
    const keeper = createOutboxKeeper({ store, clock: () => T0, pollMs: 60_000 });
    keeper.start();
    try {
      const row = await enqueue('woken');
      keeper.notify();
      await expect.poll(async () => (await rowOf(row.id)).status, { timeout: 5_000 }).toBe('kept');
    } finally {
      await keeper.stop();
    }
  });
});
