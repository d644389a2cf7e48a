import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_APP_CONFIG } from '../app/context.ts';
import { createJobRunner } from '../app/jobs/job-runner.ts';
import { JobRegistry } from '../app/jobs/registry.ts';
import { createOutboxWorker } from '../notify/outbox-worker.ts';
import { createWebhookWorker } from '../notify/webhook-worker.ts';
import { openStore } from '../store/index.ts';
import { SecretBox } from '../store/secret-box.ts';
import { createScratchDatabase, startDatabaseRelay, runCleanups } from './testing/database-relay.ts';

const adminUrl = process.env.TEST_DATABASE_URL;
const POLL_MS = 40;

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('Timed out waiting.');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!adminUrl)('background work while the database goes away', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(() => runCleanups(cleanups));

  it('each loop says once that the database is gone and once that it is back, and then works again', async () => {
    const scratch = await createScratchDatabase(adminUrl!);
    cleanups.push(scratch.drop);
    const relay = await startDatabaseRelay(scratch.url);
    cleanups.push(relay.stop);
    const opened = await openStore({ engine: 'postgres', url: relay.url.toString(), pool: { size: 4, queueTimeoutMs: 500 } });
    cleanups.push(() => opened.close());
    const { store } = opened;
    const organization = await store.organizations.create({ name: 'Acme', timezone: 'UTC' });

    const logged: Array<{ event: string }> = [];
    const log = (entry: { event: string }) => logged.push(entry);
    const ran: string[] = [];
    const ctx = { store, clock: () => new Date(), config: DEFAULT_APP_CONFIG };
    const registry = new JobRegistry().register('test.after-outage', async ({ job }) => {
      ran.push(job.key);
    });
    const loops = [
      createJobRunner({ ctx, registry, pollMs: POLL_MS, log }),
      createOutboxWorker({ store, send: async () => undefined, clock: ctx.clock, secrets: undefined, pollMs: POLL_MS, log }),
      createWebhookWorker({
        store,
        secrets: SecretBox.ephemeral(),
        clock: ctx.clock,
        policy: { allowPrivateAddresses: true },
        sender: { fromAddress: 'no-reply@acme.test', mailDomain: 'acme.test' },
        pollMs: POLL_MS,
        log,
      }),
    ];
    for (const loop of loops) loop.start();
    cleanups.push(async () => {
      for (const loop of loops) await loop.stop();
    });
    await new Promise((resolve) => setTimeout(resolve, 5 * POLL_MS));

    await relay.stop();
    // Many polls' worth of outage.
    await new Promise((resolve) => setTimeout(resolve, 25 * POLL_MS));
    await relay.start();
    const prefixes = ['job', 'outbox', 'webhook'];
    await waitFor(() => prefixes.every((prefix) => logged.some((entry) => entry.event === `${prefix}.database-back`)));

    for (const prefix of prefixes) {
      expect(logged.filter((entry) => entry.event === `${prefix}.database-unavailable`), prefix).toHaveLength(1);
      expect(logged.filter((entry) => entry.event === `${prefix}.database-back`), prefix).toHaveLength(1);
    }
    expect(logged.filter((entry) => entry.event.endsWith('run-error'))).toEqual([]);

    await store.jobs.enqueue({ organizationId: organization.id, kind: 'test.after-outage', key: 'k1', runAt: new Date() });
    await waitFor(() => ran.includes('k1'));
  });
});
