import { DatabaseOutageWatch } from '../../store/database-errors.ts';
import type { Job } from '../../store/index.ts';
import type { AppContext } from '../context.ts';
import type { JobRegistry } from './registry.ts';

export interface JobLogEntry {
  level: 'info' | 'warn' | 'error';
  event: string;
  [field: string]: unknown;
}

export interface JobRunnerOptions {
  ctx: AppContext;
  registry: JobRegistry;
  /** How long a claim keeps other runners off a job; a runner that dies delays its jobs by at most this. Default 60 s. */
  leaseMs?: number;
  /** Pause between runs when nothing was due. Default 1 s. */
  pollMs?: number;
  /** Jobs claimed per run. Default 10. */
  batchSize?: number;
  /** Attempts after which a failing job is given up. Default 8. */
  maxAttempts?: number;
  /** Called after a run finished jobs (e.g. to wake the outbox worker for the emails they wrote). */
  onWork?: () => void;
  log?: (entry: JobLogEntry) => void;
}

export interface JobRunResult {
  claimed: number;
  done: number;
  retried: number;
  failed: number;
}

export interface JobRunner {
  /** Claims the due jobs of known kinds and runs each in its own transaction. */
  runOnce(): Promise<JobRunResult>;
  start(): void;
  /** Stops polling; resolves once the run in progress has finished. */
  stop(): Promise<void>;
  /** Runs soon, e.g. after a request enqueued a job. */
  notify(): void;
}

class LeaseLost extends Error {}

/** Backoff after a failure: 5 s, 10 s, 20 s … capped at 15 minutes. */
function backoffMs(attempts: number): number {
  return Math.min(15 * 60_000, 5_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Runs background jobs claimed with FOR UPDATE SKIP LOCKED and a lease, so any number of processes share
 * the work and a job is held by one runner at a time. Each job runs in one transaction that also marks it
 * done, fenced by the lease: a job whose runner died (kill -9) is taken up again once its lease ends, and
 * its half-done work was rolled back with the dead connection.
 */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { ctx, registry } = options;
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 1_000;
  const batchSize = options.batchSize ?? 10;
  const maxAttempts = options.maxAttempts ?? 8;
  const log = options.log ?? (() => undefined);

  async function runJob(job: Job): Promise<'done' | 'retried' | 'failed'> {
    const handler = registry.get(job.kind)!;
    const lease = job.lockedUntil!;
    try {
      await ctx.store.transaction(async (store) => {
        await handler({ ctx, store, job });
        if (!(await store.jobs.complete(job.id, lease, ctx.clock()))) throw new LeaseLost(`The lease on job ${job.id} was lost.`);
      });
      log({ level: 'info', event: 'job.done', jobId: job.id, kind: job.kind });
      return 'done';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof LeaseLost) {
        log({ level: 'warn', event: 'job.lease-lost', jobId: job.id, kind: job.kind });
        return 'retried';
      }
      const now = ctx.clock();
      if (job.attempts >= maxAttempts) {
        await ctx.store.jobs.giveUp(job.id, lease, now, message);
        log({ level: 'error', event: 'job.failed', jobId: job.id, kind: job.kind, error: message });
        return 'failed';
      }
      await ctx.store.jobs.retryLater(job.id, lease, new Date(now.getTime() + backoffMs(job.attempts)), message);
      log({ level: 'warn', event: 'job.retry', jobId: job.id, kind: job.kind, error: message });
      return 'retried';
    }
  }

  async function runOnce(): Promise<JobRunResult> {
    const jobs = await ctx.store.jobs.claimDue({ at: ctx.clock(), limit: batchSize, leaseMs, kinds: registry.kinds() });
    const result: JobRunResult = { claimed: jobs.length, done: 0, retried: 0, failed: 0 };
    // One after the other: jobs of one slot must not race each other's transactions for nothing.
    for (const job of jobs) result[await runJob(job)] += 1;
    if (result.done > 0) options.onWork?.();
    return result;
  }

  let active = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<void> | undefined;
  let wake = false;

  const schedule = (delay: number) => {
    timer = setTimeout(tick, delay);
  };
  // While the database is away every poll fails alike: said once when it goes, once when it is back.
  const outage = new DatabaseOutageWatch();
  function tick(): void {
    timer = undefined;
    wake = false;
    current = runOnce()
      .then((r) => {
        if (outage.succeeded()) log({ level: 'warn', event: 'job.database-back' });
        return r.claimed >= batchSize;
      })
      .catch((error: unknown) => {
        const step = outage.failed(error);
        if (step === 'outage-began') log({ level: 'error', event: 'job.database-unavailable', error: String(error) });
        if (step === 'not-an-outage') log({ level: 'error', event: 'job.run-error', error: String(error) });
        return false;
      })
      .then((more) => {
        current = undefined;
        if (active) schedule(more || wake ? 0 : pollMs);
      });
  }

  return {
    runOnce,
    start() {
      if (active) return;
      active = true;
      if (current === undefined && timer === undefined) schedule(0);
    },
    notify() {
      if (!active) return;
      if (current !== undefined) wake = true;
      else if (timer !== undefined) {
        clearTimeout(timer);
        schedule(0);
      }
    },
    async stop() {
      active = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await current;
    },
  };
}
