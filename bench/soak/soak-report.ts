import { formatMs, formatTable } from '../format-table.ts';
import type { MachineInfo } from '../write-benchmark-report.ts';
import { HEALTHZ_GOAL_MS, RSS_GROWTH_ALLOWED, SETTLE_SECONDS } from './health-summary.ts';
import type { FaultName } from './fault-plan.ts';
import type { SoakResult } from './soak-engine.ts';
import { SENDS_AT_ONCE } from '../../src/notify/outbox-worker.ts';

export const SOAK_SECTION_TITLE = 'Soak (`npm run soak`)';

const ENGINE_NAMES = { postgres: 'PostgreSQL', pglite: 'Embedded (PGlite, data folder)' } as const;
const mark = (ok: boolean): string => (ok ? '✓' : '✗');
const mib = (value: number): string => `${value.toFixed(0)} MiB`;

/**
 * What the audit found wrong; the soak fails when there is anything. Goals (latency, memory) are reported
 * beside it, not counted here.
 *
 * @example
 * soakFailures(result); // ['PostgreSQL: 3 answers of 500 …']
 */
export function soakFailures(result: SoakResult): string[] {
  const { audit } = result;
  const name = ENGINE_NAMES[result.engine];
  const serverErrors = countStatuses(result, (status) => /^5\d\d$/.test(status) && status !== '503');
  const problems = [
    ...result.faults.filter((fault) => fault.error).map((fault) => `the fault "${fault.name}" failed: ${fault.error}`),
    audit.missing.length > 0 && `${audit.missing.length} acknowledged interviews missing, e.g. ${audit.missing[0]}`,
    audit.wrongState.length > 0 && `${audit.wrongState.length} interviews not as their last acknowledged action left them, e.g. ${audit.wrongState[0]}`,
    audit.bookings.overlaps > 0 && `${audit.bookings.overlaps} overlapping active bookings`,
    audit.bookings.withoutMessages > 0 && `${audit.bookings.withoutMessages} booked interviews without messages in the outbox`,
    audit.email.notReceived.length > 0 && `${audit.email.notReceived.length} messages marked sent never reached the SMTP server, e.g. ${audit.email.notReceived[0]}`,
    unexcusedRepeats(result).length > 0 &&
      `${unexcusedRepeats(result).length} messages received more than once (${describeRepeats(result)}), e.g. ${unexcusedRepeats(result)[0]}`,
    audit.email.receivedNotMarkedSent.length > 0 &&
      `${audit.email.receivedNotMarkedSent.length} messages received but not marked sent, e.g. ${audit.email.receivedNotMarkedSent[0]}`,
    audit.email.stuck.length > 0 &&
      `${audit.email.stuck.length} messages not sent (${summarizeStuck(audit.email.stuck)}), e.g. ${audit.email.stuck[0]!.messageId}: ${audit.email.stuck[0]!.lastError ?? ''}`,
    audit.email.withoutMessageIdHeader > 0 && `${audit.email.withoutMessageIdHeader} messages arrived without a Message-ID`,
    ...audit.stuckLeases.map((lease) => `${lease.count} leases still held in ${lease.table}`),
    // Every request the soak sends keeps its key, its change and its answer in one transaction.
    audit.unfinishedIdempotencyKeys > 0 && `${audit.unfinishedIdempotencyKeys} idempotency keys left in progress`,
    serverErrors > 0 && `${serverErrors} answers of 5xx other than 503, e.g. ${result.serverErrorExamples[0] ?? ''}`,
    result.missingRetryAfter > 0 && `${result.missingRetryAfter} answers of 503 or 429 without Retry-After`,
  ];
  return problems.filter((problem): problem is string => typeof problem === 'string').map((problem) => `${name}: ${problem}`);
}

/**
 * The readable report of one engine's soak: faults, answers per route, health and memory, the audit.
 *
 * @example
 * console.log(soakReport(result));
 */
export function soakReport(result: SoakResult): string {
  const { health, audit } = result;
  const name = ENGINE_NAMES[result.engine];
  const healthOk = health.outsideFaults.maxMs < HEALTHZ_GOAL_MS && health.outsideFaults.notOk === 0;
  const judged = health.memory.filter((process) => process.flat !== null);
  const failures = soakFailures(result);
  return [
    `### ${name}: ${result.loadSeconds} s, ${result.servers} server process${result.servers > 1 ? 'es sharing the database' : ''}, ${result.clients} clients`,
    '',
    `${
      result.engine === 'pglite'
        ? 'A data folder has one process at a time and no database server: one server process, and only the SMTP outage and the SIGKILL.'
        : 'Two server processes share the database for the whole run; the clients are split between them.'
    } The machine's load average was ${result.loadAverage[0].toFixed(1)} when the load started and ${result.loadAverage[1].toFixed(1)} when it ended.`,
    '',
    formatTable(
      ['fault', 'planned at', 'ran', 'error'],
      result.faults.map((fault) => [
        fault.name,
        `${result.planned.find((p) => p.name === fault.name)?.at ?? '?'} s`,
        `${fault.from.toFixed(0)}–${fault.to.toFixed(0)} s`,
        fault.error ?? '',
      ]),
      ['left', 'right', 'right', 'left'],
    ),
    '',
    formatTable(
      ['route', 'answers', 'statuses', 'p50', 'p99'],
      result.routes
        .sort((a, b) => a.route.localeCompare(b.route))
        .map((route) => [
          route.route,
          String(route.total),
          [...route.statuses].sort().map(([status, count]) => `${status}: ${count}`).join(', '),
          `${formatMs(route.p50Ms)} ms`,
          `${formatMs(route.p99Ms)} ms`,
        ]),
      ['left', 'right', 'left', 'right', 'right'],
    ),
    '',
    `Unresolved after retrying ${Object.values(result.unresolved).some((n) => n > 0) ? Object.entries(result.unresolved).filter(([, n]) => n > 0).map(([kind, n]) => `${kind} ${n}`).join(', ') : 'none'} (no final answer in time: not acknowledged, so not expected).`,
    '',
    formatTable(
      ['measure', 'measured', 'goal'],
      [
        [
          `/healthz every second, outside faults (${health.outsideFaults.samples} samples)`,
          `max ${formatMs(health.outsideFaults.maxMs)} ms, p99 ${formatMs(health.outsideFaults.p99Ms)} ms, ${health.outsideFaults.notOk} not 200`,
          `max < ${HEALTHZ_GOAL_MS} ms ${mark(healthOk)}`,
        ],
        [
          `/healthz during faults (+${SETTLE_SECONDS} s after, ${health.duringFaults.samples} samples)`,
          `max ${formatMs(health.duringFaults.maxMs)} ms, ${health.duringFaults.notOk} not 200`,
          'reported only',
        ],
        ...health.memory.map((process) => [
          `RSS of server ${process.server + 1} (pid ${process.pid}, ${process.lived} s)`,
          `${mib(process.startMiB)} → ${mib(process.middleMiB)} → ${mib(process.endMiB)}; peaks ${mib(process.middleThirdPeakMiB)} / ${mib(process.lastThirdPeakMiB)}`,
          process.flat === null ? 'too short-lived to judge' : `last third ≤ middle third + ${RSS_GROWTH_ALLOWED * 100} % ${mark(process.flat)}`,
        ]),
        ...health.heap.map((process) => [
          `V8 heap after full GCs, server ${process.server + 1} (pid ${process.pid}${process.threads > 1 ? `, thread ${process.thread} of ${process.threads}` : ''}, ${process.fullGcs} GCs)`,
          `largest ${mib(process.middleThirdMaxMiB)} in the middle third, ${mib(process.lastThirdMaxMiB)} in the last; longest pause ${formatMs(process.longestPauseMs)} ms`,
          process.flat === null ? 'too short-lived or too few GCs to judge' : `last third ≤ middle third + ${RSS_GROWTH_ALLOWED * 100} % ${mark(process.flat)}`,
        ]),
      ],
      ['left', 'left', 'left'],
    ),
    ...(judged.length === 0 ? ['', 'No server process lived long enough to judge its memory.'] : []),
    '',
    formatTable(
      ['audit', 'found'],
      [
        ['acknowledged interviews present', `${audit.acknowledged - audit.missing.length} of ${audit.acknowledged} ${mark(audit.missing.length === 0)}`],
        ['in the state of their last acknowledged action', `${audit.acknowledged - audit.missing.length - audit.wrongState.length - audit.uncertain} checked, ${audit.wrongState.length} wrong, ${audit.uncertain} uncertain ${mark(audit.wrongState.length === 0)}`],
        ['overlapping active bookings', `${audit.bookings.overlaps} ${mark(audit.bookings.overlaps === 0)}`],
        ['booked interviews without messages', `${audit.bookings.withoutMessages} ${mark(audit.bookings.withoutMessages === 0)}`],
        ['messages marked sent', String(audit.email.sent)],
        ['… received exactly once by Message-ID', `${audit.email.sent - audit.email.notReceived.length} ${mark(audit.email.notReceived.length === 0 && audit.email.receivedTwice.length === 0)}`],
        [
          'received twice (of them as the SMTP server went down) / received but not marked sent',
          `${audit.email.receivedTwice.length} (${audit.email.receivedTwice.length - unexcusedRepeats(result).length}) / ${audit.email.receivedNotMarkedSent.length} ${mark(unexcusedRepeats(result).length + audit.email.receivedNotMarkedSent.length === 0)}`,
        ],
        ['due and unsent, failed or kept', `${audit.email.stuck.length} ${mark(audit.email.stuck.length === 0)}`],
        ['pending, not yet due (a retry waiting)', String(audit.email.notYetDue)],
        [
          'outbox drained after the load',
          result.drain.drained ? `in ${result.drain.seconds.toFixed(0)} s ✓` : `no: ${result.drain.pendingDue} due after ${result.drain.seconds.toFixed(0)} s ✗`,
        ],
        ['leases still held after the servers stopped', `${audit.stuckLeases.reduce((n, lease) => n + lease.count, 0)} ${mark(audit.stuckLeases.length === 0)}`],
        ['idempotency keys left in progress', `${audit.unfinishedIdempotencyKeys} ${mark(audit.unfinishedIdempotencyKeys === 0)}`],
        ['answers of 5xx other than 503', `${countStatuses(result, (status) => /^5\d\d$/.test(status) && status !== '503')} ${mark(countStatuses(result, (status) => /^5\d\d$/.test(status) && status !== '503') === 0)}`],
        ['503 / 429 answers (all with Retry-After?)', `${countStatuses(result, (status) => status === '503' || status === '429')} (${result.missingRetryAfter} without) ${mark(result.missingRetryAfter === 0)}`],
      ],
      ['left', 'left'],
    ),
    '',
    failures.length === 0 ? '**Audit passed.**' : ['**Audit failed:**', ...failures.map((failure) => `- ${failure}`)].join('\n'),
  ].join('\n');
}

/**
 * The "Soak" section of docs/benchmarks.md.
 */
export function soakSection(results: readonly SoakResult[], machine: MachineInfo): string {
  return [
    `## ${SOAK_SECTION_TITLE}`,
    '',
    `Run on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM, Node ${machine.node}, on ${machine.date}, over loopback sockets.`,
    'Each engine gets a database of its own (a PostgreSQL cluster started for the run on a free port, or a PGlite data folder), a loopback SMTP server that counts Message-IDs, and `leeway serve` processes delivering to it.',
    'Clients (each pausing 100 ms between operations) mix bookings with a start, invitations with offered times, candidate cancels, reschedules and accepts through the link, slot searches and reads; on 503 and 429 they wait as `Retry-After` says and retry with the same Idempotency-Key.',
    `Meanwhile the SMTP server goes down (from 15 % of the run, for a minute or 15 % of a shorter run), a server process is SIGKILLed and started again (35 %), and PostgreSQL is restarted with \`pg_ctl restart -m fast\` (60 %).`,
    `\`/healthz\` and each server's RSS are sampled every second; latency is judged outside the faults (each from its start until every server answers \`/healthz\` again, plus ${SETTLE_SECONDS} s), memory on processes that lived at least half the run (the last third's peak within ${RSS_GROWTH_ALLOWED * 100} % of the middle third's, for RSS and for the V8 heap each full collection leaves alive).`,
    'After the load the outbox is left to drain (at most 4 minutes), the servers stop, and the database is read back.',
    '',
    ...results.flatMap((result) => [soakReport(result), '']),
  ]
    .join('\n')
    .trimEnd();
}

function countStatuses(result: SoakResult, want: (status: string) => boolean): number {
  return result.routes.reduce((total, route) => total + [...route.statuses].filter(([status]) => want(status)).reduce((n, [, count]) => n + count, 0), 0);
}

function summarizeStuck(stuck: SoakResult['audit']['email']['stuck']): string {
  const byStatus = new Map<string, number>();
  for (const message of stuck) byStatus.set(message.status, (byStatus.get(message.status) ?? 0) + 1);
  return [...byStatus].map(([status, count]) => `${count} ${status}`).join(', ');
}

/**
 * Two faults make some repeats unavoidable, and those are reported, not failed; every other message
 * received more than once fails the soak. The sender sends a repeat with the same Message-ID, which RFC
 * 5321 leaves to the receiver to drop.
 * - A message the SMTP server took just as it went down: the server counted it, but its 250 never reached
 *   the sender, who rightly sends it again.
 * - A message in flight when a server process was killed: the relay took it, but the process died before
 *   it read the 250 or recorded it, and the message is sent again once its lease ends. A process has at
 *   most {@link SENDS_AT_ONCE} in flight, so more repeats than that from one kill fail the soak.
 */
const UNAVOIDABLE_REPEATS: ReadonlyMap<FaultName, number> = new Map<FaultName, number>([
  ['SMTP server down', Number.POSITIVE_INFINITY],
  ['server process SIGKILLed and restarted', SENDS_AT_ONCE],
]);

function unexcusedRepeats(result: SoakResult): string[] {
  const excused = new Set<string>();
  for (const [fault, most] of UNAVOIDABLE_REPEATS) {
    const during = result.repeats.filter((repeat) => repeat.fault === fault);
    if (during.length <= most) for (const repeat of during) excused.add(repeat.messageId);
  }
  return result.audit.email.receivedTwice.filter((messageId) => !excused.has(messageId));
}

/** Repeated messages by the fault during which their first copy went out: "12 first sent during PostgreSQL restarted …, 2 first sent outside any fault". */
function describeRepeats(result: SoakResult): string {
  const byFault = new Map<string, number>();
  for (const repeat of result.repeats) {
    const key = repeat.fault === null ? 'outside any fault' : `during "${repeat.fault}"`;
    byFault.set(key, (byFault.get(key) ?? 0) + 1);
  }
  return [...byFault].map(([key, count]) => `${count} first sent ${key}`).join(', ');
}
