import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { foldLine } from '../core/ical/fold-line.ts';
import { setAsideLinkTokens } from '../core/link-tokens-at-rest.ts';
import type { OpenStore, Store } from '../store/index.ts';
import { sealLinkTokens } from '../store/sealed-link-tokens.ts';
import { SecretBox } from '../store/secret-box.ts';
import { testEngines } from '../store/testing/engines.ts';
import type { OutgoingEmail } from '../core/outgoing-email.ts';
import { toOutboxPayload } from './outbox-payload.ts';
import { createOutboxWorker } from './outbox-worker.ts';
import type { OutboxLogEntry, OutboxWorkerOptions } from './outbox-worker.ts';
import { createSmtpSender } from './smtp-sender.ts';
import type { SmtpSender } from './smtp-sender.ts';
import { startSmtpTestServer } from './testing/smtp-test-server.ts';
import type { SmtpTestServer } from './testing/smtp-test-server.ts';

const T0 = new Date('2026-03-02T09:00:00Z');
const SECOND = 1_000;
const MINUTE = 60 * SECOND;

let smtp: SmtpTestServer;
let sender: SmtpSender;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  sender = createSmtpSender({ url: smtp.url, timeoutMs: 5_000 });
});
afterAll(async () => {
  sender.close();
  await smtp.close();
});

/** A clock the test moves by hand, so backoff and leases are exact. */
function manualClock(start: Date): { now: () => Date; advance: (ms: number) => void } {
  let at = start.getTime();
  return { now: () => new Date(at), advance: (ms) => (at += ms) };
}

function makeEmail(messageId: string): OutgoingEmail {
  return {
    messageId,
    from: { name: 'Acme Recruiting', address: 'recruiting@acme.test' },
    to: [{ name: 'Zoë Ångström', address: 'zoe@example.test' }],
    subject: `Interview invitation ${messageId}`,
    text: 'Your interview is on 2 June at 16:00.\n',
  };
}

function messageIdsReceived(): string[] {
  return smtp.messages.map((message) => message.parsed.messageId ?? '(none)');
}

describe.each(testEngines())('outbox worker on $name', (engine) => {
  let opened: OpenStore;
  let store: Store;
  let orgId: string;
  let sequence = 0;

  beforeAll(async () => {
    opened = await engine.open();
    store = opened.store;
  });
  afterAll(async () => {
    await opened.close();
  });

  // Each test gets its own organization and retires whatever it left pending, so no test sees another's rows.
  beforeEach(async () => {
    smtp.reset();
    orgId = (await store.organizations.create({ name: `Org ${(sequence += 1)}`, timezone: 'UTC' })).id;
  });
  afterEach(async () => {
    for (const row of await store.outbox.list(orgId)) {
      if (row.status === 'pending') await store.outbox.markFailed(row.id, 'retired by the test');
    }
  });

  /** Writes a row the way the app layer does: payload `{ email }`, row messageId = email.messageId. */
  async function enqueue(name: string, options: { notBefore?: Date; payload?: Record<string, unknown>; linkTokens?: string | null; email?: OutgoingEmail } = {}) {
    const messageId = options.email?.messageId ?? `<${name}-${engine.name}-${sequence}@leeway.test>`;
    const email = options.email ?? makeEmail(messageId);
    const row = await store.outbox.enqueue(
      {
        organizationId: orgId,
        messageId,
        kind: 'invitation',
        recipient: 'zoe@example.test',
        subject: email.subject,
        payload: options.payload ?? { ...toOutboxPayload(email) },
        linkTokens: options.linkTokens ?? null,
        ...(options.notBefore ? { notBefore: options.notBefore } : {}),
      },
      T0,
    );
    return { row, messageId };
  }

  async function rowOf(id: string) {
    const row = await store.outbox.get(orgId, id);
    if (row === null) throw new Error(`outbox row ${id} is gone`);
    return row;
  }

  function makeWorker(clock: () => Date, overrides: Partial<OutboxWorkerOptions> = {}) {
    const logged: OutboxLogEntry[] = [];
    const worker = createOutboxWorker({
      store,
      send: (email) => sender.send(email),
      clock,
      secrets: undefined,
      log: (entry) => logged.push(entry),
      ...overrides,
    });
    return { worker, logged };
  }

  it('delivers each message to the SMTP server with its Message-ID and marks it sent', async () => {
    const clock = manualClock(T0);
    const a = await enqueue('invite-a');
    const b = await enqueue('invite-b');
    const { worker, logged } = makeWorker(clock.now);

    expect(await worker.runOnce()).toEqual({ claimed: 2, sent: 2, retried: 0, failed: 0, deferred: 0 });

    expect(messageIdsReceived().sort()).toEqual([a.messageId, b.messageId].sort());
    expect(smtp.messages[0]?.envelope.to).toEqual(['zoe@example.test']);
    for (const { row } of [a, b]) {
      expect(await rowOf(row.id)).toMatchObject({ status: 'sent', attempts: 1, sentAt: T0, lastError: null });
    }
    expect(logged.filter((entry) => entry.event === 'outbox.sent').map((entry) => entry.messageId).sort()).toEqual(
      [a.messageId, b.messageId].sort(),
    );
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    expect(smtp.messages).toHaveLength(2);
  });

  it('retries a transient refusal (451) after the backoff, then delivers it', async () => {
    const clock = manualClock(T0);
    const { row, messageId } = await enqueue('greylisted');
    const { worker } = makeWorker(clock.now);
    smtp.failNext(1, { code: 451 });

    expect(await worker.runOnce()).toMatchObject({ claimed: 1, sent: 0, retried: 1, failed: 0 });
    const waiting = await rowOf(row.id);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: new Date(T0.getTime() + 30 * SECOND) });
    expect(waiting.lastError).toContain('451');

    clock.advance(29 * SECOND);
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    clock.advance(1 * SECOND);
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, sent: 1 });

    expect(messageIdsReceived()).toEqual([messageId]);
    expect(smtp.refused).toHaveLength(1);
    expect(await rowOf(row.id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('fails a permanent refusal (550) at once and never retries it', async () => {
    const clock = manualClock(T0);
    const { row } = await enqueue('no-such-user');
    const { worker, logged } = makeWorker(clock.now);
    smtp.failNext(1, { code: 550, message: '5.1.1 No such user' });

    expect(await worker.runOnce()).toMatchObject({ claimed: 1, failed: 1, retried: 0 });
    const failed = await rowOf(row.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toContain('550');
    expect(logged).toContainEqual(expect.objectContaining({ event: 'outbox.failed', reason: 'permanent' }));

    clock.advance(24 * 60 * MINUTE);
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    expect(smtp.messages).toHaveLength(0);
  });

  it('gives up after maxAttempts transient failures, backing off 30 s then 2 min', async () => {
    const clock = manualClock(T0);
    const { row } = await enqueue('always-deferred');
    const { worker, logged } = makeWorker(clock.now, { maxAttempts: 3 });
    smtp.failNext(3, { code: 421 });

    expect(await worker.runOnce()).toMatchObject({ retried: 1 });
    expect((await rowOf(row.id)).nextAttemptAt).toEqual(new Date(T0.getTime() + 30 * SECOND));
    clock.advance(30 * SECOND);
    expect(await worker.runOnce()).toMatchObject({ retried: 1 });
    expect((await rowOf(row.id)).nextAttemptAt).toEqual(new Date(T0.getTime() + 30 * SECOND + 2 * MINUTE));
    clock.advance(2 * MINUTE);
    expect(await worker.runOnce()).toMatchObject({ failed: 1, retried: 0 });

    const failed = await rowOf(row.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 3 });
    // The 421 ends the connection, so what is recorded is that the server hung up.
    expect(failed.lastError).toContain('closed the connection');
    expect(logged).toContainEqual(expect.objectContaining({ event: 'outbox.failed', reason: 'attempts exhausted' }));
    clock.advance(24 * 60 * MINUTE);
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    expect(smtp.refused).toHaveLength(3);
    expect(smtp.messages).toHaveLength(0);
  });

  it('does not send a message before its nextAttemptAt', async () => {
    const clock = manualClock(T0);
    const due = new Date(T0.getTime() + 60 * MINUTE);
    const { row, messageId } = await enqueue('reminder', { notBefore: due });
    const { worker } = makeWorker(clock.now);

    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    clock.advance(60 * MINUTE - 1);
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    expect(smtp.messages).toHaveLength(0);
    clock.advance(1);
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    expect(messageIdsReceived()).toEqual([messageId]);
    expect(await rowOf(row.id)).toMatchObject({ status: 'sent', attempts: 1, sentAt: due });
  });

  it('never sends a message twice when two workers run at the same time', async () => {
    const clock = manualClock(T0);
    const count = 24;
    const enqueued = [];
    for (let i = 0; i < count; i += 1) enqueued.push(await enqueue(`bulk-${i}`));
    const workers = [makeWorker(clock.now, { batchSize: 5 }).worker, makeWorker(clock.now, { batchSize: 5 }).worker];

    // Each worker drains until it finds nothing; both claim from the same queue at once.
    const drain = async (worker: (typeof workers)[number]) => {
      let sent = 0;
      for (;;) {
        const result = await worker.runOnce();
        sent += result.sent;
        if (result.claimed === 0) return sent;
      }
    };
    const sentByWorker = await Promise.all(workers.map(drain));

    expect(sentByWorker.reduce((sum, n) => sum + n, 0)).toBe(count);
    // Both took part: the queue really was shared, not drained by whichever started first.
    expect(sentByWorker.every((n) => n > 0)).toBe(true);
    const received = messageIdsReceived();
    expect(received).toHaveLength(count);
    expect(new Set(received).size).toBe(count);
    expect(received.sort()).toEqual(enqueued.map((e) => e.messageId).sort());
    for (const { row } of enqueued) expect(await rowOf(row.id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('fails a malformed payload with a clear error instead of retrying it', async () => {
    const clock = manualClock(T0);
    const noEmail = await enqueue('no-email', { payload: { html: '<p>hi</p>' } });
    const noRecipient = await enqueue('no-recipient', {
      payload: { email: { ...makeEmail('<x@leeway.test>'), to: [] } },
    });
    const { worker } = makeWorker(clock.now);

    expect(await worker.runOnce()).toMatchObject({ claimed: 2, failed: 2, sent: 0, retried: 0 });
    for (const { row } of [noEmail, noRecipient]) {
      const failed = await rowOf(row.id);
      expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
      expect(failed.lastError).toMatch(/^Invalid outbox payload/);
    }
    expect((await rowOf(noEmail.row.id)).lastError).toContain('email');
    clock.advance(24 * 60 * MINUTE);
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    expect(smtp.messages).toHaveLength(0);
  });

  it('sends the links set aside from a message exactly as they were written, and drops them once sent', async () => {
    const token = 'lw_cand_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEf';
    const messageId = `<links-${engine.name}-${sequence}@leeway.test>`;
    const description = `DESCRIPTION:To move or cancel it, open https://jobs.acme.test/c/${token} at any time.`;
    const written: OutgoingEmail = {
      ...makeEmail(messageId),
      text: `Move or cancel it here: https://jobs.acme.test/c/${token}\n`,
      calendar: { method: 'REQUEST', ics: ['BEGIN:VCALENDAR', 'METHOD:REQUEST', description, 'END:VCALENDAR'].map((line) => `${foldLine(line)}\r\n`).join('') },
    };
    const box = SecretBox.ephemeral();
    const { email: stored, tokens } = setAsideLinkTokens(written);
    const { row } = await enqueue('links', { email: stored, linkTokens: sealLinkTokens(tokens, box) });
    expect(JSON.stringify((await rowOf(row.id)).payload)).not.toContain(token.slice(8, 24));

    const { worker } = makeWorker(manualClock(T0).now, { secrets: box });
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    await smtp.waitForMessages(1);
    const [received] = smtp.messages;
    expect(received!.parsed.text).toContain(`https://jobs.acme.test/c/${token}`);
    expect(received!.calendar!.ics).toBe(written.calendar!.ics);
    expect(await rowOf(row.id)).toMatchObject({ status: 'sent', payload: { email: stored } });
  });

  it('leaves a message sealed under a key it lacks to a server that has it, and gives up only after maxAttempts', async () => {
    const clock = manualClock(T0);
    const box = SecretBox.ephemeral();
    const { email: stored, tokens } = setAsideLinkTokens({ ...makeEmail(`<other-key-${engine.name}-${sequence}@leeway.test>`), text: 'lw_cand_AbCdEfGhIjKlMnOpQrStUv' });
    const { row } = await enqueue('other-key', { email: stored, linkTokens: sealLinkTokens(tokens, box) });

    const misconfigured = makeWorker(clock.now, { secrets: SecretBox.ephemeral(), maxAttempts: 2 }).worker;
    expect(await misconfigured.runOnce()).toMatchObject({ claimed: 1, retried: 1, failed: 0, sent: 0 });
    expect(await rowOf(row.id)).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await rowOf(row.id)).lastError).toMatch(/links cannot be put back: LinkTokensKeyMissingError: .*another key/);

    // After the backoff a server with the key sends it, its links in place.
    clock.advance(30 * SECOND);
    expect(await makeWorker(clock.now, { secrets: box }).worker.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    await smtp.waitForMessages(1);
    expect(smtp.messages[0]!.parsed.text).toContain('lw_cand_AbCdEfGhIjKlMnOpQrStUv');

    // With no server that has the key, the message fails once its attempts are spent, never sent without its link.
    const { row: orphan } = await enqueue('orphan', { email: { ...stored, messageId: `<orphan-${engine.name}-${sequence}@leeway.test>` }, linkTokens: sealLinkTokens(tokens, box) });
    expect(await misconfigured.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    clock.advance(30 * MINUTE);
    expect(await misconfigured.runOnce()).toMatchObject({ claimed: 1, failed: 1 });
    expect(await rowOf(orphan.id)).toMatchObject({ status: 'failed', attempts: 2 });
    expect(smtp.messages).toHaveLength(1);
  });

  it('leaves claimed messages it can no longer send within the lease for the next claim', async () => {
    const clock = manualClock(T0);
    const first = await enqueue('slow-1');
    const second = await enqueue('slow-2');
    // Each send takes 40 s of the 60 s lease: the second would start after half the lease has gone.
    const { worker, logged } = makeWorker(clock.now, {
      concurrency: 1,
      send: async (email) => {
        await sender.send(email);
        clock.advance(40 * SECOND);
      },
    });

    expect(await worker.runOnce()).toMatchObject({ claimed: 2, sent: 1, deferred: 1 });
    expect(logged).toContainEqual(expect.objectContaining({ event: 'outbox.deferred' }));
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    // The lease (T0 + 60 s) is over only strictly after its end.
    clock.advance(20 * SECOND + 1);
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    expect(messageIdsReceived().sort()).toEqual([first.messageId, second.messageId].sort());
  });

  it('start() delivers in the background and notify() wakes it up before the next poll', async () => {
    const clock = manualClock(T0);
    const { worker } = makeWorker(clock.now, { pollMs: 60_000 });
    worker.start();
    try {
      // The first run finds nothing; the next poll is a minute away, so only notify() can deliver this.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const { row, messageId } = await enqueue('woken');
      worker.notify();
      expect(messageIdsReceived()).toEqual([]);
      await smtp.waitForMessages(1, 5_000);
      expect(messageIdsReceived()).toEqual([messageId]);
      await expect.poll(async () => (await rowOf(row.id)).status).toBe('sent');
    } finally {
      await worker.stop();
    }
  });
});
