import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutgoingEmail } from '../core/outgoing-email.ts';
import { toOutboxPayload } from './outbox-payload.ts';
import { createOutboxWorker } from './outbox-worker.ts';
import { createSmtpSender } from './smtp-sender.ts';
import type { CrashChildConfig } from './testing/outbox-crash-child.ts';
import { startSmtpTestServer } from './testing/smtp-test-server.ts';
import { Cleanups, durableTargets, openTracked } from '../store/testing/durable-targets.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./testing/outbox-crash-child.ts', import.meta.url));
const T0 = new Date('2026-03-02T09:00:00Z');
const LEASE_MS = 60_000;
const COUNT = 6;

const cleanups = new Cleanups();
afterEach(() => cleanups.runAll());

const targets = durableTargets('outbox-crash', cleanups);

/** An SMTP server that takes the message and never answers it: the child's sends hang mid-DATA. */
async function startStallingServer(): Promise<{ url: string; stalled: () => number; close: () => Promise<void> }> {
  let stalled = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 500,
    onData(stream) {
      stream.on('end', () => (stalled += 1));
      stream.resume();
      // No callback: the client waits for the reply to DATA until it is killed.
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    stalled: () => stalled,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function startChild(config: CrashChildConfig): { child: ChildProcess; output: () => string; exited: Promise<unknown> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: ROOT,
    env: { ...process.env, OUTBOX_CRASH_CHILD: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  });
  return { child, output: () => output, exited };
}

async function until(what: string, condition: () => boolean, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!condition()) {
    if (child.exitCode !== null) throw new Error(`the child exited (${child.exitCode}) before ${what}:\n${output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; child output:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function makeEmail(messageId: string): OutgoingEmail {
  return {
    messageId,
    from: { name: 'Acme Recruiting', address: 'recruiting@acme.test' },
    to: [{ address: 'zoe@example.test' }],
    subject: 'Interview invitation',
    text: 'Your interview is on 2 June at 16:00.\n',
  };
}

describe.each(targets)('outbox on $name', (target) => {
  it('loses nothing when the process dies between the claim commit and the send', async () => {
    const connect = await target.prepare();

    // 1. The app has committed COUNT emails and shut down.
    const messageIds = Array.from({ length: COUNT }, (_, i) => `<crash-${i}-${randomBytes(4).toString('hex')}@leeway.test>`);
    const first = await openTracked(connect, cleanups);
    const orgId = (await first.store.organizations.create({ name: 'Acme', timezone: 'UTC' })).id;
    for (const messageId of messageIds) {
      await first.store.outbox.enqueue(
        {
          organizationId: orgId,
          messageId,
          kind: 'invitation',
          recipient: 'zoe@example.test',
          subject: 'Interview invitation',
          payload: { ...toOutboxPayload(makeEmail(messageId)) },
        },
        T0,
      );
    }
    await first.close();

    // 2. A worker process claims them all and is killed while its sends hang.
    const stalling = await startStallingServer();
    cleanups.push(() => stalling.close());
    const { child, output, exited } = startChild({
      connect,
      smtpUrl: stalling.url,
      at: T0.toISOString(),
      leaseMs: LEASE_MS,
      batchSize: COUNT,
    });
    await until('the claim committed', () => output().includes(`claimed ${COUNT}`), child, output);
    await until('a send hung on DATA', () => stalling.stalled() > 0, child, output);
    expect(output()).not.toContain('finished');
    child.kill('SIGKILL');
    await exited;
    expect(child.signalCode).toBe('SIGKILL');

    // 3. A new process (the lock left behind by the dead one is stale) finds them claimed, not sent.
    const again = await openTracked(connect, cleanups);
    const rows = await again.store.outbox.list(orgId);
    expect(rows.map((row) => [row.status, row.attempts])).toEqual(messageIds.map(() => ['pending', 1]));
    expect(rows.map((row) => row.sentAt)).toEqual(messageIds.map(() => null));

    const smtp = await startSmtpTestServer();
    cleanups.push(() => smtp.close());
    const sender = createSmtpSender({ url: smtp.url, timeoutMs: 5_000 });
    cleanups.push(() => sender.close());
    let now = T0;
    const worker = createOutboxWorker({ store: again.store, send: (email) => sender.send(email), clock: () => now, secrets: undefined, leaseMs: LEASE_MS });

    // Within the dead worker's lease nobody touches them; once it is over, they all go out.
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    now = new Date(T0.getTime() + LEASE_MS + 1);
    expect(await worker.runOnce()).toMatchObject({ claimed: COUNT, sent: COUNT });

    await smtp.waitForMessages(COUNT);
    const received = smtp.messages.map((message) => message.parsed.messageId);
    expect([...new Set(received)].sort()).toEqual([...messageIds].sort());
    const settled = await again.store.outbox.list(orgId);
    // Rows written in one instant list in id order: compare by Message-ID.
    const settledById = new Map(settled.map((row) => [row.messageId, [row.status, row.attempts]]));
    expect(Object.fromEntries(settledById)).toEqual(Object.fromEntries(messageIds.map((id) => [id, ['sent', 2]])));
    // Child processes start, die and restart here: on a busy 2-core machine that takes a while.
  }, 120_000);
});
