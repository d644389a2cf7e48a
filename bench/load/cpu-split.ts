import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** CPU time used so far, in milliseconds, by the server process, every PostgreSQL process, and this one (the load generator). */
export interface CpuSnapshot {
  serverMs: number;
  /** Null on the embedded engine. */
  databaseMs: number | null;
  loaderMs: number;
}

/** Where a load's CPU went, per request: what two cores must share between them. */
export interface CpuPerRequest {
  serverMs: number;
  /** Null on the embedded engine, whose work is the server's own. */
  databaseMs: number | null;
  loaderMs: number;
}

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User and system time of a process from /proc (all its threads), in ms; null once it is gone. */
function processCpuMs(pid: string | number): { name: string; ms: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The name is in parentheses and may hold spaces; the fields after it are space-separated.
    const close = stat.lastIndexOf(')');
    const name = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { name, ms: (ticks * 1000) / clockTicks() };
  } catch {
    return null;
  }
}

/**
 * What the server, PostgreSQL (with `database`: every process named `postgres`, the backends serving the
 * load, the writers and the WAL writer) and this process have used so far; null where there is no /proc
 * to read. Leave `database` out for the embedded engine, whose work is the server's own.
 * PostgreSQL backends that exited before a snapshot are not counted, so take both snapshots while the
 * server keeps its connections.
 *
 * @example
 * const before = cpuSnapshot(server.pid, { database: true }); … const perBooking = cpuPerRequest([[before, cpuSnapshot(server.pid, { database: true })]], result.ok);
 */
export function cpuSnapshot(serverPid: number, options: { database: boolean }): CpuSnapshot | null {
  const server = processCpuMs(serverPid);
  if (!server) return null;
  let databaseMs: number | null = null;
  if (options.database) {
    databaseMs = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const process_ = processCpuMs(entry);
      if (process_?.name === 'postgres') databaseMs += process_.ms;
    }
  }
  const own = process.cpuUsage();
  return { serverMs: server.ms, databaseMs, loaderMs: (own.user + own.system) / 1000 };
}

/**
 * The CPU used within spans of time, each between two snapshots, per request served in all of them
 * together; null when a snapshot is missing.
 *
 * @example
 * cpuPerRequest([[before, after]], result.ok);
 * cpuPerRequest(slices.map(({ before, after }) => [before, after]), bookings.ok); // the time between two slices is not counted
 */
export function cpuPerRequest(spans: ReadonlyArray<readonly [before: CpuSnapshot | null, after: CpuSnapshot | null]>, requests: number): CpuPerRequest | null {
  if (requests <= 0 || spans.length === 0) return null;
  const used: { serverMs: number; databaseMs: number | null; loaderMs: number } = { serverMs: 0, databaseMs: 0, loaderMs: 0 };
  for (const [before, after] of spans) {
    if (!before || !after) return null;
    used.serverMs += after.serverMs - before.serverMs;
    used.loaderMs += after.loaderMs - before.loaderMs;
    // A backend that exits within a span takes its time with it: never less than nothing.
    used.databaseMs = used.databaseMs !== null && before.databaseMs !== null && after.databaseMs !== null ? used.databaseMs + Math.max(0, after.databaseMs - before.databaseMs) : null;
  }
  return {
    serverMs: used.serverMs / requests,
    databaseMs: used.databaseMs === null ? null : used.databaseMs / requests,
    loaderMs: used.loaderMs / requests,
  };
}
