import { apiClient } from './api-client.ts';
import { auditBookings, auditCandidateActions } from './audit.ts';
import type { ActionAudit, BookingAudit, Query } from './audit.ts';
import { BOOKINGS_PER_WEEK, bookingBodies, bookingSupply, seedBookingFixture } from './booking-load.ts';
import type { BookingLoadResult } from './booking-load.ts';
import { CANDIDATE_ACTIONS, prepareCandidateActions, runInterleavedActionLoads } from './candidate-actions-load.ts';
import type { ActionLoadResult, PreparedAction } from './candidate-actions-load.ts';
import { cpuPerRequest, cpuSnapshot } from './cpu-split.ts';
import { combineLoads } from './drive-requests.ts';
import type { CpuPerRequest, CpuSnapshot } from './cpu-split.ts';
import { timePoolSlots } from './pool-slots.ts';
import type { PoolSlotsTiming } from './pool-slots.ts';
import { createOrganization, startServerProcess } from './server-process.ts';
import type { DatabaseFlags } from './server-process.ts';
import { timeSlotsAgainstHealthz } from './slots-vs-healthz.ts';
import type { SlotsTiming } from './slots-vs-healthz.ts';

export const CONNECTIONS = 16;
/** Interviews prepared per candidate action: this many times what the booking load did in its time, plus a margin. */
const ACTION_HEADROOM = 2;
const ACTION_MARGIN = 64;
const MAX_PER_ACTION = 10_000;
/**
 * The booking load runs this long (or as long as the timed load, if shorter) before it is timed, on
 * other hours: a fresh server runs the booking path for the first time there, and its JIT compiler takes
 * that long to settle (from a cold server, 6-second loads ran at 145, 200, 219, 209, 231 and 233
 * bookings a second in turn). The slot timings warm up likewise.
 */
export const BOOKING_WARM_UP_SECONDS = 10;
/** Each candidate action runs in this many slices, with booking slices before, between and after them. */
export const ACTION_ROUNDS = 3;
/**
 * More bookings a second than any of these machines has made (about 600): the booking bodies are made
 * for this rate over every booking load of the run, so they do not run out.
 */
const BOOKING_RATE_CEILING = 2_000;

export interface EngineOptions {
  /** How long each load runs. */
  seconds: number;
  /** Time the pool of 200 (s6): its seeding takes a while, so a short check may leave it out. */
  poolSearch: boolean;
  /** The most interviews to prepare per candidate action (10,000 unless less is asked): a short check needs few. */
  maxPerAction?: number;
  /**
   * Runs `use` with a query on the database once the server has stopped (the embedded engine lets one
   * process at a time open its folder).
   */
  withQuery: <T>(use: (query: Query) => Promise<T>) => Promise<T>;
  /** Where the database's WAL stands, in bytes (PostgreSQL): read around each slice of the timed booking load. */
  walPosition?: () => Promise<number>;
  /**
   * Where a baseline is measured beside the bookings (pgbench on PostgreSQL): the timed booking load then
   * runs in `slices` parts of equal length, and `run` runs before the first, between each two and after
   * the last, so that the baseline's runs and the bookings share the same minutes. `log` stamps its lines
   * with the run's time.
   */
  aroundBookingSlices?: { slices: number; run: (log: (line: string) => void) => Promise<void> };
  log: (line: string) => void;
}

export interface EngineMeasurement {
  slots: SlotsTiming;
  /** Null when left out (`poolSearch: false`). */
  pool: PoolSlotsTiming | null;
  bookings: BookingLoadResult;
  /** The booking load before the timed one: not timed, but audited with it. */
  bookingWarmUp: BookingLoadResult;
  /** The booking slices run between the candidate action slices, as one load: audited with the others. */
  bookingsBesideActions: BookingLoadResult;
  /**
   * Per booking of the timed load, over its slices only (not a baseline's runs between them): CPU of the
   * server, of PostgreSQL and of the load generator (null without /proc), and WAL written, background
   * work included (null on the embedded engine).
   */
  perBooking: { cpu: CpuPerRequest | null; walBytes: number | null };
  audit: BookingAudit;
  actions: Array<ActionLoadResult & { audit: ActionAudit }>;
}

/**
 * One engine, through a real server process: organization and key by the CLI; the slot timings on a
 * quiet server; the booking load, untimed then timed (in slices with a baseline between them, where
 * `aroundBookingSlices` asks for it); then interviews prepared for each candidate action (enough to keep
 * the actions busy for the same time at twice the booking rate) and the action loads, in slices with
 * booking slices between them (`runInterleavedActionLoads`). The server is then stopped and everything
 * audited in SQL.
 *
 * @example
 * const measured = await measureEngine(['--database-url', url], { seconds: 20, poolSearch: true, withQuery: (use) => use(postgresQuery(url)), log: console.log });
 */
export async function measureEngine(database: DatabaseFlags, options: EngineOptions): Promise<EngineMeasurement> {
  const { seconds } = options;
  const started = Date.now();
  const log = (line: string): void => options.log(`${line} [${((Date.now() - started) / 1000).toFixed(0)} s]`);
  const { organizationId, apiKey } = await createOrganization(database);
  const server = await startServerProcess(database);
  let measured: Omit<EngineMeasurement, 'audit' | 'actions'> & { actions: ActionLoadResult[] };
  let bookingOpeningId: string;
  let actionIds: Record<ActionLoadResult['action'], string[]>;
  try {
    const api = apiClient(server.url, apiKey);
    log(`  server at ${server.url}; timing GET /api/v1/slots (s2) and /healthz`);
    const slots = await timeSlotsAgainstHealthz(api, new Date());
    let pool: PoolSlotsTiming | null = null;
    if (options.poolSearch) {
      log('  storing the pool of 200 (s6) and timing GET /api/v1/slots for it');
      pool = await timePoolSlots(api, new Date());
      log(`  pool stored in ${pool.seedSeconds.toFixed(0)} s; median ${pool.medianMs.toFixed(1)} ms`);
    }
    log('  seeding 64 interviewers and 200 candidates');
    const fixture = await seedBookingFixture(api);
    bookingOpeningId = fixture.openingId;
    // Every booking load of the run (warm-up, timed slices, slices beside the actions) takes the bodies
    // after the ones sent before it: no request repeats another.
    const warmUpSeconds = Math.min(BOOKING_WARM_UP_SECONDS, seconds);
    const bookingSeconds = warmUpSeconds + seconds + (seconds / ACTION_ROUNDS) * (ACTION_ROUNDS * CANDIDATE_ACTIONS.length + 1);
    const weeks = Math.ceil((bookingSeconds * BOOKING_RATE_CEILING) / BOOKINGS_PER_WEEK);
    const supply = bookingSupply(api, bookingBodies(fixture, new Date(), weeks), CONNECTIONS, BOOKING_RATE_CEILING);
    log(`  booking warm-up: ${CONNECTIONS} connections for ${warmUpSeconds} s, not timed`);
    const bookingWarmUp = await supply.run(warmUpSeconds);
    const around = options.aroundBookingSlices;
    const slices = around ? around.slices : 1;
    log(
      `  booking load: ${CONNECTIONS} connections for ${seconds} s${slices > 1 ? ` in ${slices} slices` : ''} (the warm-up did ${bookingWarmUp.perSecond.toFixed(1)}/s)`,
    );
    const onServer = { database: database[0] === '--database-url' };
    const parts: BookingLoadResult[] = [];
    const cpuSpans: Array<[CpuSnapshot | null, CpuSnapshot | null]> = [];
    const walBytes: Array<number | null> = [];
    for (let slice = 0; slice < slices; slice += 1) {
      await around?.run(log);
      const walBefore = await options.walPosition?.();
      const cpuBefore = cpuSnapshot(server.pid, onServer);
      parts.push(await supply.run(seconds / slices));
      cpuSpans.push([cpuBefore, cpuSnapshot(server.pid, onServer)]);
      const walAfter = await options.walPosition?.();
      walBytes.push(walBefore !== undefined && walAfter !== undefined ? walAfter - walBefore : null);
    }
    await around?.run(log);
    const bookings = combineLoads(parts);
    const perBooking = {
      cpu: cpuPerRequest(cpuSpans, bookings.ok),
      walBytes: bookings.ok > 0 && walBytes.every((bytes) => bytes !== null) ? walBytes.reduce((sum, bytes) => sum + bytes, 0) / bookings.ok : null,
    };
    log(`  ${bookings.perSecond.toFixed(1)} bookings/s${describePerBooking(perBooking)}`);
    const perAction = Math.min(options.maxPerAction ?? MAX_PER_ACTION, Math.ceil(bookings.perSecond * seconds * ACTION_HEADROOM) + ACTION_MARGIN);
    log(`  preparing ${perAction} interviews for each candidate action (cancel, reschedule, accept)`);
    const prepared = await prepareCandidateActions(api, await seedBookingFixture(api, 'actions'), new Date(), perAction);
    const idsOf = (list: PreparedAction[]): string[] => list.map(({ interviewId }) => interviewId);
    actionIds = { cancel: idsOf(prepared.cancel), reschedule: idsOf(prepared.reschedule), accept: idsOf(prepared.accept) };
    log(`  candidate action loads: ${CONNECTIONS} connections, ${ACTION_ROUNDS} slices of ${(seconds / ACTION_ROUNDS).toFixed(1)} s each, a booking slice before, between and after them`);
    const interleaved = await runInterleavedActionLoads(api, prepared, { connections: CONNECTIONS, seconds, rounds: ACTION_ROUNDS, bookingSlice: supply.run, log });
    measured = { slots, pool, bookings, bookingWarmUp, bookingsBesideActions: combineLoads(interleaved.bookings), perBooking, actions: interleaved.actions };
  } finally {
    await server.stop();
  }
  return options.withQuery(async (query) => {
    const audit = await auditBookings(query, organizationId, bookingOpeningId);
    const actionAudits = await auditCandidateActions(query, organizationId, actionIds);
    return { ...measured, audit, actions: measured.actions.map((result) => ({ ...result, audit: actionAudits[result.action] })) };
  });
}

/** The CPU and WAL of a booking as one line of the log, e.g. "; per booking: server 1.20 ms, PostgreSQL 1.31 ms, …". */
export function describePerBooking({ cpu, walBytes }: EngineMeasurement['perBooking']): string {
  const parts = [
    ...(cpu
      ? [
          cpu.databaseMs !== null ? `server ${cpu.serverMs.toFixed(2)} ms` : `server ${cpu.serverMs.toFixed(2)} ms (its two threads, the engine's included)`,
          ...(cpu.databaseMs !== null ? [`PostgreSQL ${cpu.databaseMs.toFixed(2)} ms`] : []),
          `load generator ${cpu.loaderMs.toFixed(2)} ms of CPU`,
        ]
      : []),
    ...(walBytes !== null ? [`${(walBytes / 1024).toFixed(1)} KB of WAL`] : []),
  ];
  return parts.length > 0 ? `; per booking: ${parts.join(', ')}` : '';
}
