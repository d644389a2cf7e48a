import { readFile } from 'node:fs/promises';

/** One second of one server: its memory and how long `/healthz` took, or why it could not be read. */
export interface ServerSample {
  /** Seconds since the load started. */
  second: number;
  server: number;
  pid: number;
  rssMiB: number | null;
  healthzMs: number | null;
  healthzStatus: number | string;
}

export interface MonitoredServer {
  url: string;
  pid: number;
}

const HEALTHZ_TIMEOUT_MS = 5_000;

/**
 * Every second, for each running server: its resident memory (VmRSS in /proc/<pid>/status) and the time
 * of one `GET /healthz`. A server that is down at that moment (`current` returns null) is skipped.
 *
 * @example
 * const monitor = monitorServers(() => servers.map((s) => s.running()), startedAt); … const samples = await monitor.stop();
 */
export function monitorServers(current: () => ReadonlyArray<MonitoredServer | null>, startedAt: number): { stop(): Promise<ServerSample[]> } {
  const samples: ServerSample[] = [];
  const pending = new Set<Promise<void>>();
  const sampleOne = async (index: number, server: MonitoredServer): Promise<void> => {
    const second = Math.round((Date.now() - startedAt) / 1000);
    const rssMiB = await readRssMiB(server.pid);
    const started = performance.now();
    let healthzStatus: number | string;
    let healthzMs: number | null = null;
    try {
      const response = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(HEALTHZ_TIMEOUT_MS) });
      await response.arrayBuffer();
      healthzMs = performance.now() - started;
      healthzStatus = response.status;
    } catch (error) {
      healthzStatus = (error as Error).name === 'TimeoutError' ? 'timeout' : 'unreachable';
    }
    samples.push({ second, server: index, pid: server.pid, rssMiB, healthzMs, healthzStatus });
  };
  const timer = setInterval(() => {
    current().forEach((server, index) => {
      if (!server) return;
      const sampling = sampleOne(index, server).finally(() => pending.delete(sampling));
      pending.add(sampling);
    });
  }, 1_000);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(pending);
      return samples;
    },
  };
}

/** VmRSS of a process in MiB, or null when it is gone (or this is not Linux). */
async function readRssMiB(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kib = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kib === undefined ? null : Number(kib) / 1024;
  } catch {
    return null;
  }
}
