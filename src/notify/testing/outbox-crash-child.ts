/**
 * The process the outbox crash test kills: it opens the store, runs one outbox batch against an SMTP
 * server that never answers the message, prints `claimed <n>` once the claim has committed, and waits to
 * be killed. Run as `node --import tsx src/notify/testing/outbox-crash-child.ts` with
 * OUTBOX_CRASH_CHILD set to the JSON of {@link CrashChildConfig}.
 */
import { openStore } from '../../store/index.ts';
import type { ConnectOptions } from '../../store/index.ts';
import { createOutboxWorker } from '../outbox-worker.ts';
import { createSmtpSender } from '../smtp-sender.ts';

export interface CrashChildConfig {
  connect: ConnectOptions;
  smtpUrl: string;
  /** The child's fixed clock, ISO 8601: its lease runs from here. */
  at: string;
  leaseMs: number;
  batchSize: number;
}

async function main(): Promise<void> {
  const raw = process.env.OUTBOX_CRASH_CHILD;
  if (raw === undefined) throw new Error('OUTBOX_CRASH_CHILD is not set');
  const config = JSON.parse(raw) as CrashChildConfig;
  const { store } = await openStore({ ...config.connect, migrate: false });
  // Long timeouts: the send must still be waiting on the stalled server when the parent kills us.
  const sender = createSmtpSender({ url: config.smtpUrl, timeoutMs: 120_000 });
  const at = new Date(config.at);
  const worker = createOutboxWorker({
    store,
    send: (email) => sender.send(email),
    clock: () => at,
    secrets: undefined,
    leaseMs: config.leaseMs,
    batchSize: config.batchSize,
    log: (entry) => {
      // Logged right after the claim's transaction committed.
      if (entry.event === 'outbox.claimed') process.stdout.write(`claimed ${String(entry.count)}\n`);
    },
  });
  await worker.runOnce();
  process.stdout.write('finished\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
