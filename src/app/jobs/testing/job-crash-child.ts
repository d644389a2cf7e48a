/**
 * The process the job crash test kills: it opens the store, claims one job of kind `test.hang` whose
 * handler writes a marker job in its transaction and then waits forever; it prints `running` once the
 * claim has committed and the marker is written, and waits to be killed. Run as
 * `node --import tsx src/app/jobs/testing/job-crash-child.ts` with JOB_CRASH_CHILD set to the JSON of
 * {@link JobCrashChildConfig}.
 */
import { DEFAULT_APP_CONFIG } from '../../context.ts';
import { openStore } from '../../../store/index.ts';
import type { ConnectOptions } from '../../../store/index.ts';
import { createJobRunner } from '../job-runner.ts';
import { JobRegistry } from '../registry.ts';

export interface JobCrashChildConfig {
  connect: ConnectOptions;
  /** The child's fixed clock, ISO 8601: its lease runs from here. */
  at: string;
  leaseMs: number;
}

async function main(): Promise<void> {
  const raw = process.env.JOB_CRASH_CHILD;
  if (raw === undefined) throw new Error('JOB_CRASH_CHILD is not set');
  const config = JSON.parse(raw) as JobCrashChildConfig;
  // Keeps the process alive while the handler hangs, whatever the driver holds open.
  setInterval(() => undefined, 1_000);
  const { store } = await openStore({ ...config.connect, migrate: false });
  const at = new Date(config.at);
  const registry = new JobRegistry().register('test.hang', async ({ store: trx, job }) => {
    await trx.jobs.enqueue({ organizationId: job.organizationId, kind: 'test.marker', key: job.id, runAt: at });
    process.stdout.write('running\n');
    await new Promise(() => undefined);
  });
  const runner = createJobRunner({ ctx: { store, clock: () => at, config: DEFAULT_APP_CONFIG }, registry, leaseMs: config.leaseMs });
  await runner.runOnce();
  process.stdout.write('finished\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
