import { setTimeout as sleep } from 'node:timers/promises';
import { startServerProcess } from '../load/server-process.ts';
import { parseFullGc } from './gc-trace.ts';
import type { FullGc } from './gc-trace.ts';
import type { DatabaseFlags, ServerProcess } from '../load/server-process.ts';
import type { MonitoredServer } from './server-monitor.ts';

/** Lines of a server's output kept for the report, newest last. */
const KEPT_LINES = 40;

export interface SoakServer {
  /** The base URL: the same after a restart. */
  url: string;
  /** The running process, or null while it is down. */
  running(): MonitoredServer | null;
  /** SIGKILL, then `leeway serve` again on the same port. Resolves once it listens again. */
  crashAndRestart(): Promise<void>;
  stop(): Promise<void>;
  /** The last warnings and errors it logged. */
  problems(): string[];
  /** Every full garbage collection of its processes so far (they run with `--trace-gc`). */
  fullGcs(): FullGc[];
}

/**
 * `count` server processes on one database, each delivering email to `smtpUrl`. Each keeps its port when
 * restarted, so clients find it again.
 *
 * @example
 * const servers = await startSoakServers(['--database-url', url], 2, { SMTP_URL: sink.url });
 */
export async function startSoakServers(database: DatabaseFlags, count: number, env: Record<string, string>): Promise<SoakServer[]> {
  const servers: SoakServer[] = [];
  for (let index = 0; index < count; index += 1) servers.push(await startSoakServer(database, env));
  return servers;
}

async function startSoakServer(database: DatabaseFlags, env: Record<string, string>): Promise<SoakServer> {
  const problems: string[] = [];
  const fullGcs: FullGc[] = [];
  let partial = '';
  const onOutput = (text: string): void => {
    // Chunks end anywhere: only whole lines are read, the rest waits for the next chunk.
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const gc = parseFullGc(line, Date.now());
      if (gc) {
        fullGcs.push(gc);
        continue;
      }
      // Retries during the SMTP outage are expected; anything else that warns or fails is kept.
      if (!/"level":"(warn|error)"|Error|error:/.test(line) || /"event":"outbox\.retry"/.test(line)) continue;
      problems.push(line.slice(0, 500));
      if (problems.length > KEPT_LINES) problems.shift();
    }
  };
  const nodeArgs = ['--trace-gc'];
  let child: ServerProcess | null = await startServerProcess(database, { env, onOutput, nodeArgs });
  const url = child.url;
  const port = Number(new URL(url).port);
  return {
    url,
    running: () => (child ? { url, pid: child.pid } : null),
    async crashAndRestart() {
      const killed = child;
      child = null;
      await killed?.kill();
      child = await startServerProcess(database, { env, onOutput, nodeArgs, port });
    },
    async stop() {
      await child?.stop();
      child = null;
    },
    problems: () => [...problems],
    fullGcs: () => [...fullGcs],
  };
}

/**
 * Resolves once every server answers `/healthz` with 200 (its database reachable again), or throws after
 * `limitMs`: a server that does not recover by itself fails the fault.
 *
 * @example
 * await waitUntilHealthy(servers, 60_000);
 */
export async function waitUntilHealthy(servers: readonly SoakServer[], limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  for (const server of servers) {
    while (!(await answersHealthy(server.url))) {
      if (Date.now() > deadline) throw new Error(`${server.url} did not answer /healthz with 200 within ${limitMs / 1000} s`);
      await sleep(200);
    }
  }
}

async function answersHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}
