import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { testEngines } from '../../store/testing/engines.ts';
import { DEFAULT_APP_CONFIG } from '../context.ts';
import { createJobRunner } from './job-runner.ts';
import { JobRegistry } from './registry.ts';
import type { JobCrashChildConfig } from './testing/job-crash-child.ts';
import { Cleanups, durableTargets, openTracked } from '../../store/testing/durable-targets.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./testing/job-crash-child.ts', import.meta.url));
const T0 = new Date('2026-03-02T09:00:00Z');
const LEASE_MS = 60_000;

const cleanups = new Cleanups();
afterEach(() => cleanups.runAll());

describe.each(testEngines())('background jobs on $name', (engine) => {
  it('two runners sharing the queue run every job exactly once', async () => {
    const opened = await engine.open();
    cleanups.push(() => opened.close());
    const { store } = opened;
    const org = await store.organizations.create({ name: 'Acme', timezone: 'UTC' });
    const COUNT = 40;
    for (let i = 0; i < COUNT; i += 1) await store.jobs.enqueue({ organizationId: org.id, kind: 'test.count', key: `k${i}`, payload: { i }, runAt: T0 });
    // Enqueueing a key again while its job is not done is the same job.
    expect(await store.jobs.enqueue({ organizationId: org.id, kind: 'test.count', key: 'k0', runAt: T0 })).toBeNull();

    const runs = new Map<string, number>();
    const registry = new JobRegistry().register('test.count', async ({ job }) => {
      runs.set(job.key, (runs.get(job.key) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
    });
    const ctx = { store, clock: () => T0, config: DEFAULT_APP_CONFIG };
    const drain = async () => {
      const runner = createJobRunner({ ctx, registry, batchSize: 3, leaseMs: LEASE_MS });
      let done = 0;
      for (;;) {
        const result = await runner.runOnce();
        done += result.done;
        if (result.claimed === 0) return done;
      }
    };
    const [a, b] = await Promise.all([drain(), drain()]);
    expect(a + b).toBe(COUNT);
    expect(runs.size).toBe(COUNT);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    const jobs = await store.jobs.list(org.id, { kind: 'test.count' });
    expect(jobs.every((job) => job.doneAt !== null && job.attempts === 1)).toBe(true);
    // Finished jobs are dropped by housekeeping once old enough; unfinished ones never.
    await store.jobs.enqueue({ organizationId: org.id, kind: 'test.later', key: 'later', runAt: new Date(T0.getTime() + 3_600_000) });
    expect(await store.jobs.purgeDoneBefore(T0)).toBe(0);
    expect(await store.jobs.purgeDoneBefore(new Date(T0.getTime() + 1))).toBe(COUNT);
    expect((await store.jobs.list(org.id)).map((job) => job.kind)).toEqual(['test.later']);
  });

  it('keeps a claimed job from other runners until its lease ends, and retries a failing one later', async () => {
    const opened = await engine.open();
    cleanups.push(() => opened.close());
    const { store } = opened;
    const org = await store.organizations.create({ name: 'Acme', timezone: 'UTC' });
    await store.jobs.enqueue({ organizationId: org.id, kind: 'test.fail', key: 'x', runAt: T0 });
    const claimed = await store.jobs.claimDue({ at: T0, limit: 10, leaseMs: LEASE_MS });
    expect(claimed).toHaveLength(1);
    expect(await store.jobs.claimDue({ at: new Date(T0.getTime() + LEASE_MS - 1), limit: 10, leaseMs: LEASE_MS })).toHaveLength(0);
    // The first holder's lease is gone: its late completion is refused.
    const later = new Date(T0.getTime() + LEASE_MS + 1);
    expect(await store.jobs.claimDue({ at: later, limit: 10, leaseMs: LEASE_MS })).toHaveLength(1);
    expect(await store.jobs.complete(claimed[0]!.id, claimed[0]!.lockedUntil!, later)).toBe(false);

    let now = new Date(later.getTime() + LEASE_MS + 1);
    const registry = new JobRegistry().register('test.fail', async () => {
      throw new Error('not yet');
    });
    const runner = createJobRunner({ ctx: { store, clock: () => now, config: DEFAULT_APP_CONFIG }, registry, leaseMs: LEASE_MS });
    expect(await runner.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    expect(await runner.runOnce()).toMatchObject({ claimed: 0 });
    const [job] = await store.jobs.list(org.id);
    expect(job).toMatchObject({ lastError: 'not yet', doneAt: null, attempts: 3 });
    now = new Date(job!.runAt.getTime());
    expect(await runner.runOnce()).toMatchObject({ claimed: 1 });
  });
});

const targets = durableTargets('job-crash', cleanups);

function startChild(config: JobCrashChildConfig): { child: ChildProcess; output: () => string; exited: Promise<unknown> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: ROOT,
    env: { ...process.env, JOB_CRASH_CHILD: JSON.stringify(config) },
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
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (child.exitCode !== null) throw new Error(`the child exited (${child.exitCode}) before ${what}:\n${output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; child output:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(targets)('background jobs survive kill -9 on $name', (target) => {
  it('a job whose runner is killed mid-work is rolled back and run once its lease ends', async () => {
    const connect = await target.prepare();
    const first = await openTracked(connect, cleanups);
    const org = await first.store.organizations.create({ name: 'Acme', timezone: 'UTC' });
    await first.store.jobs.enqueue({ organizationId: org.id, kind: 'test.hang', key: 'one', runAt: T0 });
    await first.close();

    const { child, output, exited } = startChild({ connect, at: T0.toISOString(), leaseMs: LEASE_MS });
    await until('the job is running', () => output().includes('running'), child, output);
    child.kill('SIGKILL');
    await exited;
    expect(child.signalCode).toBe('SIGKILL');

    const again = await openTracked(connect, cleanups);
    const [held] = await again.store.jobs.list(org.id, { kind: 'test.hang' });
    expect(held).toMatchObject({ attempts: 1, doneAt: null });
    // What the killed handler wrote died with its transaction.
    expect(await again.store.jobs.list(org.id, { kind: 'test.marker' })).toEqual([]);

    let now = T0;
    const runs: string[] = [];
    const registry = new JobRegistry().register('test.hang', async ({ job }) => {
      runs.push(job.key);
    });
    const runner = createJobRunner({ ctx: { store: again.store, clock: () => now, config: DEFAULT_APP_CONFIG }, registry, leaseMs: LEASE_MS });
    expect(await runner.runOnce()).toMatchObject({ claimed: 0 });
    now = new Date(T0.getTime() + LEASE_MS + 1);
    expect(await runner.runOnce()).toMatchObject({ claimed: 1, done: 1 });
    expect(runs).toEqual(['one']);
    const [finished] = await again.store.jobs.list(org.id, { kind: 'test.hang' });
    expect(finished).toMatchObject({ attempts: 2, doneAt: now });
  });
});
