import { spawn, execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { onCleanup } from './cleanup.ts';

const cli = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/leeway.js');
const run = promisify(execFile);

/** `--data-dir DIR` or `--database-url URL`, as the CLI takes them. */
export type DatabaseFlags = readonly [flag: '--data-dir' | '--database-url', value: string];

export interface ServerProcess {
  url: string;
  /** The child's process id, e.g. to read its memory from /proc. */
  pid: number;
  stop(): Promise<void>;
  /** SIGKILL, as a crash would: nothing is closed cleanly. Resolves once the child is gone. */
  kill(): Promise<void>;
}

export interface ServerProcessOptions {
  /** Variables added to the child's environment, e.g. `SMTP_URL` so that it delivers email. */
  env?: Record<string, string>;
  /** The port to listen on; by default a free one. A server restarted after a crash keeps its address. */
  port?: number;
  /** Everything the child writes to stdout and stderr, as it comes. */
  onOutput?: (text: string) => void;
  /** Node flags for the child, e.g. `--trace-gc`, besides those in LEEWAY_LOAD_NODE_ARGS. */
  nodeArgs?: readonly string[];
}

/**
 * `leeway org create --json` against the database: the organization id and its first API key. On the
 * embedded engine this must run before the server opens the same data folder.
 *
 * @example
 * const { apiKey } = await createOrganization(['--data-dir', dir]);
 */
export async function createOrganization(database: DatabaseFlags): Promise<{ organizationId: string; apiKey: string }> {
  const { stdout } = await run(process.execPath, [cli, 'org', 'create', '--name', 'Load bench', '--timezone', 'UTC', '--json', ...database], {
    env: childEnv(),
  });
  const created = JSON.parse(stdout) as { organization: { id: string }; apiKey: string };
  return { organizationId: created.organization.id, apiKey: created.apiKey };
}

/**
 * Starts `leeway serve` as a child process on a free loopback port (`--port 0`) and waits for its
 * "listening on" line. The child is stopped by `stop()`, or by the bench's cleanup however it ends.
 *
 * @example
 * const server = await startServerProcess(['--database-url', url]); … await server.stop();
 */
export async function startServerProcess(database: DatabaseFlags, options: ServerProcessOptions = {}): Promise<ServerProcess> {
  // LEEWAY_LOAD_NODE_ARGS reaches only the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile
  // it under load (Node refuses --cpu-prof in NODE_OPTIONS); the profile is written when it stops cleanly.
  const nodeArgs = [...(process.env.LEEWAY_LOAD_NODE_ARGS ?? '').split(/\s+/).filter(Boolean), ...(options.nodeArgs ?? [])];
  const port = String(options.port ?? 0);
  const child = spawn(process.execPath, [...nodeArgs, cli, 'serve', '--host', '127.0.0.1', '--port', port, ...database], {
    env: { ...childEnv(), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = onCleanup(`server ${child.pid}`, () => stopChild(child));
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start within 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const listening = /listening on (http:\/\/\S+)/.exec(output);
      if (listening?.[1]) {
        clearTimeout(timer);
        resolveUrl(listening[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code}) before listening:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  // Keep draining the pipes so a chatty server never blocks on a full buffer (and stop collecting its output).
  child.stdout.removeAllListeners('data');
  child.stderr.removeAllListeners('data');
  const { onOutput } = options;
  if (onOutput) {
    child.stdout.on('data', (chunk: Buffer) => onOutput(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => onOutput(chunk.toString()));
  }
  child.stdout.resume();
  child.stderr.resume();
  const kill = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
      child.kill('SIGKILL');
      await exited;
    }
    await stop();
  };
  return { url, pid: child.pid!, stop, kill };
}

/** SIGTERM (the server closes its database cleanly), SIGKILL after 10 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(killer);
}

/** One key per bench run, so the PostgreSQL server can seal the calendar addresses the pool is read from. */
const secretKey = randomBytes(32).toString('hex');

/**
 * Messages are kept (no SMTP) and the child does not inherit a DATABASE_URL meant for something else. The
 * per-key rate limit is off: the loads send hundreds of requests a second with one API key (and the
 * candidate links), and measure the server, not its refusals. Calendar feeds may be on loopback (the
 * bench serves the panels' busy time itself), sealed with the run's key.
 */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.LEEWAY_DATA_DIR;
  delete env.SMTP_URL;
  delete env.PORT;
  env.LEEWAY_RATE_LIMIT_PER_SECOND = '0';
  env.LEEWAY_ALLOW_PRIVATE_URLS = '1';
  // Read once when added; not again during the run (the feeds are gone by then).
  env.LEEWAY_CALENDAR_REFRESH_MINUTES = '1440';
  env.LEEWAY_SECRET_KEY ??= secretKey;
  return env;
}
