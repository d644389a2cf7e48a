import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { apiClient } from '../load/api-client.ts';
import type { Query } from '../load/audit.ts';
import { bookingBodies, seedBookingFixture } from '../load/booking-load.ts';
import { onCleanup } from '../load/cleanup.ts';
import { queryDatabase } from '../load/scratch-postgres.ts';
import { createOrganization } from '../load/server-process.ts';
import type { DatabaseFlags } from '../load/server-process.ts';
import { acknowledgedLedger } from './acknowledged-ledger.ts';
import { planFaults, runFaults } from './fault-plan.ts';
import type { FaultActions, FaultWindow, PlannedFault } from './fault-plan.ts';
import { SETTLE_SECONDS, summarizeHealth } from './health-summary.ts';
import type { HealthSummary } from './health-summary.ts';
import { runMixedWorkload } from './mixed-workload.ts';
import type { Unresolved } from './mixed-workload.ts';
import { drainOutbox } from './outbox-drain.ts';
import type { DrainResult } from './outbox-drain.ts';
import { startOwnPostgres } from './own-postgres.ts';
import { withPgliteQuery } from './pglite-query.ts';
import { monitorServers } from './server-monitor.ts';
import { auditSoak } from './soak-audit.ts';
import type { SoakAudit } from './soak-audit.ts';
import { soakClient } from './soak-client.ts';
import { startSmtpSink } from './smtp-sink.ts';
import { startSoakServers, waitUntilHealthy } from './soak-servers.ts';
import { statusCounts } from './status-counts.ts';
import type { RouteCounts } from './status-counts.ts';

export type SoakEngine = 'postgres' | 'pglite';

export interface SoakSettings {
  engine: SoakEngine;
  loadSeconds: number;
  clients: number;
  pauseMs: number;
  log: (line: string) => void;
}

export interface SoakResult {
  engine: SoakEngine;
  loadSeconds: number;
  clients: number;
  servers: number;
  planned: PlannedFault[];
  faults: FaultWindow[];
  routes: RouteCounts[];
  missingRetryAfter: number;
  serverErrorExamples: string[];
  refusalExamples: string[];
  /** The machine's 1-minute load average when the load started and when it ended (others may share it). */
  loadAverage: [start: number, end: number];
  unresolved: Unresolved;
  health: HealthSummary;
  drain: DrainResult;
  audit: SoakAudit;
  /** The last warnings and errors the servers logged. */
  serverProblems: string[];
  /** Messages received more than once: when each copy arrived (s since the load started) and the fault then running. */
  repeats: Array<{ messageId: string; arrivals: number[]; fault: string | null }>;
}

/**
 * The servers deliver to the sink. The per-key rate limit is off: the soak's clients share one API key and
 * are paced by the soak; it tests faults, not refusals (a 429 would be honoured like a 503).
 */
const SERVER_ENV = (smtpUrl: string): Record<string, string> => ({ SMTP_URL: smtpUrl, LEEWAY_RATE_LIMIT_PER_SECOND: '0' });

/** After the load, how long a request may still be retried before it counts as unresolved. */
const RETRY_GRACE_MS = 20_000;
/** A fault is over once every server answers /healthz again: they must reconnect by themselves within this. */
const RECOVERY_LIMIT_MS = 60_000;
/** Covers a message that failed twice during the SMTP outage (second retry after 2 min ± 20 %). */
const DRAIN_LIMIT_S = 240;

/**
 * One soak on one engine: its own database (a PostgreSQL cluster of its own, or a PGlite data folder), an
 * SMTP sink, `leeway serve` processes delivering to it (two sharing PostgreSQL, one on a data folder), the
 * mixed load with the faults injected while it runs, then the outbox drained and everything read back.
 * Everything it started is stopped and removed before it returns.
 *
 * @example
 * const result = await runSoakOn({ engine: 'postgres', loadSeconds: 600, clients: 8, pauseMs: 100, log: console.log });
 */
export async function runSoakOn(settings: SoakSettings): Promise<SoakResult> {
  const { engine, loadSeconds, log } = settings;
  const undo: Array<() => Promise<void>> = [];
  try {
    const sink = await startSmtpSink();
    undo.push(onCleanup('stop the SMTP sink', () => sink.stop()));
    log(`  SMTP sink at ${sink.url}`);

    let database: DatabaseFlags;
    let withQuery: <T>(use: (query: Query) => Promise<T>) => Promise<T>;
    let restartPostgres: (() => Promise<void>) | null = null;
    if (engine === 'postgres') {
      const cluster = await startOwnPostgres();
      undo.push(() => cluster.remove());
      await queryDatabase(cluster.url, 'CREATE DATABASE leeway_soak');
      const url = cluster.url.replace(/\/postgres$/, '/leeway_soak');
      log(`  PostgreSQL cluster of its own on 127.0.0.1:${cluster.port}`);
      database = ['--database-url', url];
      withQuery = (use) => use((text, params) => queryDatabase(url, text, params));
      restartPostgres = () => cluster.restart();
    } else {
      const scratch = await mkdtemp(join(os.tmpdir(), 'leeway-soak-'));
      undo.push(onCleanup(`remove ${scratch}`, () => rm(scratch, { recursive: true, force: true })));
      const dataDir = join(scratch, 'data');
      database = ['--data-dir', dataDir];
      withQuery = (use) => withPgliteQuery(dataDir, use);
    }

    const { organizationId, apiKey } = await createOrganization(database);
    const servers = await startSoakServers(database, engine === 'postgres' ? 2 : 1, SERVER_ENV(sink.url));
    undo.push(async () => {
      for (const server of servers) await server.stop();
    });
    log(`  ${servers.length} server process(es): ${servers.map((s) => s.url).join(', ')}`);
    log('  seeding 64 interviewers and 200 candidates');
    const fixture = await seedBookingFixture(apiClient(servers[0]!.url, apiKey));

    const counts = statusCounts();
    const ledger = acknowledgedLedger();
    const loadAverageAtStart = os.loadavg()[0]!;
    const startedAt = Date.now();
    const loadEndsAt = startedAt + loadSeconds * 1000;
    const client = soakClient({ servers: () => servers.map((s) => s.url), apiKey, counts, deadline: () => loadEndsAt + RETRY_GRACE_MS });
    const planned = planFaults(loadSeconds, engine);
    const crashed = servers[servers.length - 1]!;
    const actions: Partial<FaultActions> = {
      'SMTP server down': { begin: () => sink.stop(), end: () => sink.start() },
      'server process SIGKILLed and restarted': { begin: () => crashed.crashAndRestart(), end: () => waitUntilHealthy(servers, RECOVERY_LIMIT_MS) },
      ...(restartPostgres
        ? { 'PostgreSQL restarted (pg_ctl restart -m fast)': { begin: restartPostgres, end: () => waitUntilHealthy(servers, RECOVERY_LIMIT_MS) } }
        : {}),
    };
    log(`  load: ${settings.clients} clients for ${loadSeconds} s; faults:`);
    const monitor = monitorServers(() => servers.map((s) => s.running()), startedAt);
    const [unresolved, faults] = await Promise.all([
      runMixedWorkload({
        send: (request) => client.send(request),
        ledger,
        fixture,
        bookingBodies: bookingBodies(fixture, new Date()),
        clients: settings.clients,
        servers: servers.length,
        pauseMs: settings.pauseMs,
        loadEndsAt,
        runId: `soak-${startedAt}`,
      }),
      runFaults(planned, actions, startedAt, log),
    ]);
    const samples = await monitor.stop();
    const loadOverAt = Date.now();
    // Collections during the load only: seeding before it and draining after it are other work.
    const heapSamples = servers
      .flatMap((server) => server.fullGcs())
      .filter((gc) => gc.at >= startedAt && gc.at <= loadOverAt)
      .map((gc) => ({ pid: gc.pid, isolate: gc.isolate, second: Math.round((gc.at - startedAt) / 1000), afterMiB: gc.afterMiB, pauseMs: gc.pauseMs }));
    const loadAverage: [number, number] = [loadAverageAtStart, os.loadavg()[0]!];
    log(`  load over after ${((Date.now() - startedAt) / 1000).toFixed(0)} s; ${ledger.size()} interviews acknowledged; waiting for the outbox to drain`);

    const drain = await drainOutbox(() => servers[0]!.url, apiKey, DRAIN_LIMIT_S);
    log(`  outbox ${drain.drained ? `drained in ${drain.seconds.toFixed(0)} s` : `not drained after ${drain.seconds.toFixed(0)} s (${drain.pendingDue} due)`}`);
    const serverProblems = servers.flatMap((s) => s.problems());
    for (const server of servers) await server.stop();
    const audit = await withQuery((query) => auditSoak(query, organizationId, fixture.openingId, ledger.all(), sink.received, sink.withoutMessageId(), new Date()));
    return {
      engine,
      loadSeconds,
      clients: settings.clients,
      servers: servers.length,
      planned,
      faults,
      routes: counts.routes(),
      missingRetryAfter: counts.missingRetryAfter(),
      serverErrorExamples: counts.serverErrorExamples(),
      refusalExamples: counts.refusalExamples(),
      loadAverage,
      unresolved,
      health: summarizeHealth(samples, faults, loadSeconds, heapSamples),
      drain,
      audit,
      serverProblems,
      repeats: [...sink.repeats()].map(([messageId, times]) => {
        const arrivals = times.map((time) => Math.round((time - startedAt) / 100) / 10);
        // The first copy went out, but its outcome was not recorded: that happened during (or just after) a fault.
        const first = arrivals[0]!;
        const fault = faults.find((window) => first >= window.from - 1 && first <= window.to + SETTLE_SECONDS);
        return { messageId, arrivals, fault: fault?.name ?? null };
      }),
    };
  } finally {
    for (const step of undo.reverse()) await step().catch((error: unknown) => log(`  cleaning up failed: ${(error as Error).message}`));
  }
}
