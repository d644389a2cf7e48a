import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { formatMs, formatTable } from '../format-table.ts';
import type { MachineInfo } from '../write-benchmark-report.ts';
import { combineLoads } from './drive-requests.ts';
import { ACTION_ROUNDS, BOOKING_WARM_UP_SECONDS, describePerBooking } from './measure-engine.ts';
import type { EngineMeasurement } from './measure-engine.ts';

export const SECTION_TITLE = 'Load (`npm run bench:load`)';

/** The slices the timed booking load runs in on PostgreSQL, with a pgbench run before, between and after them. */
export const PGBENCH_SLICES = 3;

/**
 * The goals for each engine. "Candidate actions at the same order of speed as bookings" is read as at
 * least half the booking rate of the same run.
 */
export const GOALS = {
  postgres: { bookingShare: 0.25, bookingP99Ms: 100, slotsOverHealthz: 2, poolMedianMs: 20, actionsOverBookings: 0.5 },
  embedded: { bookingShare: 0.4, bookingP99Ms: 150, slotsOverHealthz: 3, poolMedianMs: 20, actionsOverBookings: 0.5 },
} as const;

export interface EngineRow {
  engine: 'PostgreSQL' | 'Embedded (PGlite, data folder)';
  goals: (typeof GOALS)[keyof typeof GOALS];
  measured: EngineMeasurement;
  /**
   * What the database itself does: pgbench TPC-B tps, or PGlite's bare 10-statement transactions per
   * second. Measured more than once (pgbench, before, between and after the booking load's slices),
   * `perSecond` is the mean of `runs`.
   */
  baseline: { label: string; perSecond: number; runs?: readonly number[] };
}

const mark = (ok: boolean): string => (ok ? '✓' : '✗');
const refusedText = (refused: ReadonlyMap<number, { count: number }>): string => [...refused].map(([status, { count }]) => `${status}: ${count}`).join(', ') || 'none';
/** "pgbench TPC-B 1435/s", and for a baseline measured more than once, its runs in order: "(runs 1178, 1692)". */
export function describeBaseline({ label, perSecond, runs }: EngineRow['baseline']): string {
  const each = runs && runs.length > 1 ? ` (runs ${runs.map((run) => run.toFixed(0)).join(', ')})` : '';
  return `${label} ${perSecond.toFixed(0)}/s${each}`;
}
const percent = (ratio: number): string => `${(ratio * 100).toFixed(ratio < 0.1 ? 1 : 0)} %`;
/** A measured share to a tenth of a percent: rounded to whole ones, 24.5 % would read "25 % ≥ 25 % ✗". */
export const measuredPercent = (ratio: number): string => `${(ratio * 100).toFixed(1)} %`;

/**
 * The ratios against their goals, one row per engine and measure.
 *
 * @example
 * console.log(goalsTable(rows));
 */
export function goalsTable(rows: readonly EngineRow[]): string {
  const body = rows.flatMap(({ engine, goals, measured, baseline }) => {
    const { bookings, bookingWarmUp, slots, pool, actions } = measured;
    const share = bookings.perSecond / baseline.perSecond;
    const slotsRatio = slots.slotsMedianMs / slots.healthzMedianMs;
    return [
      [
        engine,
        `bookings, ${bookings.connections} clients (after ${bookingWarmUp.seconds.toFixed(0)} s of warm-up at ${bookingWarmUp.perSecond.toFixed(1)}/s)`,
        `${bookings.perSecond.toFixed(1)}/s`,
        `p50 ${formatMs(bookings.p50Ms)} ms, p99 ${formatMs(bookings.p99Ms)} ms`,
        describeBaseline(baseline),
        measuredPercent(share),
        `≥ ${percent(goals.bookingShare)} ${mark(share >= goals.bookingShare)}, p99 < ${goals.bookingP99Ms} ms ${mark(bookings.p99Ms < goals.bookingP99Ms)}`,
      ],
      ...actions.map((action) => {
        const ratio = action.perSecond / action.besideBookings.perSecond;
        return [
          engine,
          `candidate ${action.action}, ${action.connections} clients${action.exhausted ? ` (all ${action.prepared} done in ${action.seconds.toFixed(1)} s)` : ''}`,
          `${action.perSecond.toFixed(1)}/s`,
          `p50 ${formatMs(action.p50Ms)} ms, p99 ${formatMs(action.p99Ms)} ms`,
          `bookings beside it ${action.besideBookings.perSecond.toFixed(1)}/s`,
          `${ratio.toFixed(2)}×`,
          `≥ ${goals.actionsOverBookings}× ${mark(ratio >= goals.actionsOverBookings)}`,
        ];
      }),
      [
        engine,
        `GET /api/v1/slots (${slots.panel}, ${slots.slots} slots)`,
        `median ${formatMs(slots.slotsMedianMs)} ms`,
        `${slots.runs} runs`,
        `/healthz median ${formatMs(slots.healthzMedianMs)} ms`,
        `${slotsRatio.toFixed(1)}×`,
        `≤ ${goals.slotsOverHealthz}× ${mark(slotsRatio <= goals.slotsOverHealthz)}`,
      ],
      ...(pool
        ? [
            [
              engine,
              `GET /api/v1/slots (${pool.scenario}: all ${pool.members} free at once, ${pool.busyBlocks} busy blocks, ${pool.slots} slots)`,
              `median ${formatMs(pool.medianMs)} ms`,
              `${pool.runs} runs`,
              '—',
              '—',
              `< ${goals.poolMedianMs} ms ${mark(pool.medianMs < goals.poolMedianMs)}`,
            ],
          ]
        : []),
    ];
  });
  return formatTable(['engine', 'measure', 'measured', 'latency', 'baseline', 'ratio', 'goal'], body, ['left', 'left', 'right', 'right', 'right', 'right', 'left']);
}

/**
 * What the booking load left behind: answers by status, and the SQL audit.
 *
 * @example
 * console.log(auditTable(rows));
 */
export function auditTable(rows: readonly EngineRow[]): string {
  const body = rows.map(({ engine, measured: { bookings, bookingWarmUp, bookingsBesideActions, audit } }) => [
    engine,
    `${bookings.ok} + ${bookingWarmUp.ok} + ${bookingsBesideActions.ok}`,
    refusedText(combineLoads([bookingWarmUp, bookings, bookingsBesideActions]).refused),
    String(bookings.errors + bookingWarmUp.errors + bookingsBesideActions.errors),
    String(audit.booked),
    String(audit.overlaps),
    String(audit.withoutMessages),
    String(audit.messages),
  ]);
  return formatTable(
    ['engine', '2xx (timed + warm-up + beside the actions)', 'refused (status: count)', 'socket errors', 'booked in SQL', 'overlaps', 'booked without messages', 'outbox messages'],
    body,
    ['left', 'right', 'left', 'right', 'right', 'right', 'right', 'right'],
  );
}

/**
 * What each candidate action load left behind: answers by status, and the SQL audit of the interviews
 * prepared for it.
 *
 * @example
 * console.log(actionAuditTable(rows));
 */
export function actionAuditTable(rows: readonly EngineRow[]): string {
  const body = rows.flatMap(({ engine, measured: { actions } }) =>
    actions.map((action) => [
      engine,
      action.action,
      String(action.prepared),
      String(action.ok),
      refusedText(action.refused),
      String(action.errors),
      String(action.audit.acted),
      String(action.audit.withoutMessages),
    ]),
  );
  return formatTable(
    ['engine', 'action', 'prepared', '2xx', 'refused (status: count)', 'socket errors', 'done in SQL', 'done without the message'],
    body,
    ['left', 'left', 'right', 'right', 'left', 'right', 'right', 'right'],
  );
}

/**
 * Correctness problems the loads revealed (a double booking, a booking or a candidate action without its
 * messages, fewer stored than acknowledged); the run fails when there is one.
 */
export function auditFailures(rows: readonly EngineRow[]): string[] {
  return rows.flatMap(({ engine, measured: { bookings, bookingWarmUp, bookingsBesideActions, audit, actions } }) => {
    const acknowledged = bookings.ok + bookingWarmUp.ok + bookingsBesideActions.ok;
    return [
    ...(audit.overlaps > 0 ? [`${engine}: ${audit.overlaps} overlapping active bookings`] : []),
    ...(audit.withoutMessages > 0 ? [`${engine}: ${audit.withoutMessages} booked interviews without messages in the outbox`] : []),
    ...(audit.booked < acknowledged ? [`${engine}: ${acknowledged} bookings acknowledged but ${audit.booked} stored`] : []),
    ...actions.flatMap((action) => [
      ...(action.audit.withoutMessages > 0 ? [`${engine}: ${action.audit.withoutMessages} interviews after a candidate ${action.action} without its message in the outbox`] : []),
      ...(action.audit.acted < action.ok ? [`${engine}: ${action.ok} candidate ${action.action}s acknowledged but ${action.audit.acted} stored`] : []),
    ]),
    ];
  });
}

/**
 * The "Load" section of docs/benchmarks.md: replaced in place when it is there, else appended, so the
 * rest of the file (written by `npm run bench -- --write`) is untouched.
 *
 * @example
 * writeLoadSection('docs/benchmarks.md', markdown);
 */
export function writeLoadSection(path: string, section: string): void {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const heading = `## ${SECTION_TITLE}`;
  const start = current.indexOf(`\n${heading}\n`);
  if (start === -1) {
    writeFileSync(path, `${current.trimEnd()}\n\n${section.trimEnd()}\n`);
    return;
  }
  const next = current.indexOf('\n## ', start + heading.length + 1);
  const after = next === -1 ? '' : current.slice(next);
  writeFileSync(path, `${current.slice(0, start).trimEnd()}\n\n${section.trimEnd()}\n${after}`);
}

/**
 * The section's Markdown: how it was measured, on what, and the tables.
 */
export function loadSection(rows: readonly EngineRow[], skipped: readonly string[], machine: MachineInfo, seconds: number): string {
  return [
    `## ${SECTION_TITLE}`,
    '',
    `Measured from outside over loopback sockets on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM, Node ${machine.node}, on ${machine.date}; each load ran ${seconds} s.`,
    'Each engine runs `leeway serve` as its own process (organization and key from `leeway org create`; rate limit off) and, on the quiet server, times `GET /api/v1/slots` and `/healthz` one request at a time, in turn (a round asks both, which goes first alternating, so both meet the same server and the same machine), after 500 rounds that are not timed (the server\'s JIT warms up):',
    'for s2 (a panel of 4), and for s6 (200 interviewers in five zones; their busy blocks are read from one calendar feed per interviewer that the bench serves on loopback).',
    'The API searches for times a whole list is free, and has no search for times any one of a pool is free, so the s6 row asks for times all 200 are free: their working hours never meet, so it answers no slots and says what a request naming 200 members costs, not what a pool search would.',
    `It then drives \`POST /api/v1/interviews\` with a \`start\` from 16 keep-alive connections (autocannon), every request a different interviewer and hour (64 interviewers, one-member panels): first for up to ${BOOKING_WARM_UP_SECONDS} s, not timed (the booking path's JIT warms up), then for the timed load; each booking load of the run takes the hours after those the loads before it asked for.`,
    'Then, on 64 other interviewers, it books (through the API) twice as many interviews per candidate action as the booking load made, and drives each action from 16 connections through the candidate link:',
    '`cancel`, `reschedule` (one hour later, into a free hour) and `accept` (of an invitation offering one time), every request on a different interview.',
    `Each action runs in ${ACTION_ROUNDS} slices of a third of the load's time, the three actions in turn, with a booking slice of the same length before the first, between every two and after the last; an action's ratio is taken against the booking slices on either side of its own (the host's speed drifts within minutes, so both share them), and "same order of speed as bookings" is read as at least half that booking rate.`,
    'An action faster than that uses up its interviews early; its rate is then over the time it took, as its row says.',
    'The database is audited afterwards. "booked in SQL" and "done in SQL" can exceed the 2xx count by the requests still in flight when a load stopped (autocannon counts only the answers it read).',
    `The baselines run in the same invocation: pgbench TPC-B (\`-i -s 16\`, \`-c 16 -j 2\`) on a scratch database of the same PostgreSQL server: there the timed booking load runs in ${PGBENCH_SLICES} slices, and pgbench runs for as long as a slice before, between and after them, the ratio taken against the mean of its ${PGBENCH_SLICES + 1} runs (the host's speed drifts within minutes, so the baseline shares the bookings' minutes; the bookings' latencies are taken over every answer of the slices); and PGlite in process on a data folder doing bare transactions of 10 small statements (5 inserts, 5 reads by key), one after another.`,
    '',
    goalsTable(rows),
    '',
    auditTable(rows),
    '',
    actionAuditTable(rows),
    '',
    ...rows.map(({ engine, measured: { perBooking } }) => {
      const sources = [...(perBooking.cpu ? ['CPU from /proc'] : []), ...(perBooking.walBytes !== null ? ["WAL from the database's insert position, background work included"] : [])];
      const described = describePerBooking(perBooking);
      return `- ${engine}, the timed booking load${described ? `${described} (${sources.join('; ')})` : ': no CPU or WAL figures (no /proc)'}.`;
    }),
    ...(skipped.length > 0 ? ['', ...skipped.map((reason) => `- Skipped: ${reason}`)] : []),
    ...auditFailures(rows).map((failure) => `- **Wrong:** ${failure}`),
  ].join('\n');
}
