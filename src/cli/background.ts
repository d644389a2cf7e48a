import type { AppContext } from '../app/context.ts';
import { createJobRunner } from '../app/jobs/job-runner.ts';
import type { JobRunner } from '../app/jobs/job-runner.ts';
import { defaultJobRegistry } from '../app/jobs/registry.ts';
import { resumeOpeningEnds } from '../app/openings/end-opening.ts';
import { computeOutboxBackoff, withJitter } from '../notify/outbox-backoff.ts';
import { createOutboxWorker } from '../notify/outbox-worker.ts';
import { createSmtpSender } from '../notify/smtp-sender.ts';
import type { CliIO } from './io.ts';
import { startCalendarRefresh } from './background-calendars.ts';
import { startWebhookDelivery } from './background-webhooks.ts';
import { startUpkeep } from './background-upkeep.ts';
import { startReminders } from './background-reminders.ts';
import { readWholeNumberSetting } from './database-options.ts';

export interface BackgroundWork {
  /** Wakes delivery and the background jobs after a change wrote messages or jobs, instead of waiting for the next poll. */
  notify(): void;
  stop(): Promise<void>;
}

/**
 * Background work of a serving process: background jobs (waitlist offer expiry and passing-on, …) and
 * reminders as they fall due, which any number of processes share, and outbox delivery over SMTP when SMTP_URL is set. Without SMTP,
 * messages stay in the outbox and are listed by the messages endpoint.
 */
export function startBackgroundWork(ctx: AppContext, io: CliIO): BackgroundWork {
  const vacuumSeconds = readWholeNumberSetting(io.env, 'LEEWAY_VACUUM_SECONDS', { min: 0, max: 86_400, fallback: DEFAULT_VACUUM_SECONDS });
  const upkeep = startUpkeep(ctx, io, vacuumSeconds * 1000);
  const housekeeping = startHousekeeping(ctx, io);
  const openingEnds = startOpeningEndResume(ctx, io);
  const webhooks = startWebhookDelivery(ctx, io);
  const calendars = startCalendarRefresh(ctx, io);
  let wakeEmail: () => void = () => undefined;
  const wakeDelivery = () => {
    wakeEmail();
    webhooks.notify();
  };
  const jobs = startJobs(ctx, io, () => wakeDelivery());
  const reminders = startReminders(ctx, io, () => wakeDelivery());
  const url = io.env.SMTP_URL;
  if (!url) {
    io.stdout('SMTP_URL is not set: messages are kept in the outbox (GET /api/v1/messages).\n');
    return {
      notify: () => {
        webhooks.notify();
        jobs.notify();
      },
      stop: async () => {
        await jobs.stop();
        await reminders.stop();
        await openingEnds.stop();
        await housekeeping.stop();
        await upkeep.stop();
        await calendars.stop();
        await webhooks.stop();
      },
    };
  }
  const sender = createSmtpSender({ url });
  const worker = createOutboxWorker({
    store: ctx.store,
    send: (email) => sender.send(email),
    clock: ctx.clock,
    secrets: ctx.secrets,
    backoff: withJitter(computeOutboxBackoff),
    log: (entry) => {
      if (entry.level !== 'info') io.stderr(`${JSON.stringify(entry)}\n`);
    },
  });
  worker.start();
  wakeEmail = () => worker.notify();
  io.stdout('Delivering email over SMTP.\n');
  return {
    notify: () => {
      worker.notify();
      webhooks.notify();
      jobs.notify();
    },
    stop: async () => {
      await jobs.stop();
      await reminders.stop();
      await openingEnds.stop();
      await housekeeping.stop();
      await upkeep.stop();
      await calendars.stop();
      await webhooks.stop();
      await worker.stop();
      sender.close();
    },
  };
}

/** The job runner, started at once; emails its jobs write wake delivery. */
function startJobs(ctx: AppContext, io: CliIO, onWork: () => void): JobRunner {
  const runner = createJobRunner({
    ctx,
    registry: defaultJobRegistry(),
    onWork,
    log: (entry) => {
      if (entry.level !== 'info') io.stderr(`${JSON.stringify(entry)}\n`);
    },
  });
  runner.start();
  return runner;
}

const MINUTE_MS = 60_000;
/** How often the busiest tables are vacuumed where no autovacuum does it (`LEEWAY_VACUUM_SECONDS`; 0: never). */
const DEFAULT_VACUUM_SECONDS = 60;

/**
 * Finishes the cascade of any filled or closed opening that still has open interviews — left by a process
 * that died mid-cascade — at start and every minute; batches are claimed with SKIP LOCKED, so any number of
 * processes may do it at once.
 */
function startOpeningEndResume(ctx: AppContext, io: CliIO): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = running
      .then(() => resumeOpeningEnds(ctx))
      .then((done) => {
        if (done.cancelledInterviews > 0) io.stdout(`Finished the cascade of ${done.openings} ended opening(s): ${done.cancelledInterviews} interview(s).\n`);
      })
      .catch((error: unknown) => io.stderr(`${JSON.stringify({ level: 'warn', event: 'opening_end.resume_failed', error: String(error) })}\n`));
  };
  run();
  const timer = setInterval(run, MINUTE_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

const HOUR_MS = 3_600_000;
/** Idempotency keys are kept at least a day (the contract), then dropped. */
const IDEMPOTENCY_KEEP_MS = 48 * HOUR_MS;
/** Finished background jobs are kept a week, for looking into what ran. */
const JOBS_KEEP_MS = 7 * 24 * HOUR_MS;

/** Hourly clean-up of expired records; runs once at start too. */
function startHousekeeping(ctx: AppContext, io: CliIO): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = ctx.store.idempotency
      .purgeOlderThan(new Date(ctx.clock().getTime() - IDEMPOTENCY_KEEP_MS))
      .then(() => ctx.store.jobs.purgeDoneBefore(new Date(ctx.clock().getTime() - JOBS_KEEP_MS)))
      .catch((error: unknown) => io.stderr(`${JSON.stringify({ level: 'warn', event: 'housekeeping.failed', error: String(error) })}\n`));
  };
  run();
  const timer = setInterval(run, HOUR_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
