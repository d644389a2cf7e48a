import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { onCleanup } from '../load/cleanup.ts';
import { freePort } from './free-port.ts';

const run = promisify(execFile);
const SERVER_BIN_DIRS = ['/usr/local/bin', '/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'];

export interface OwnPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`, trust authentication. */
  url: string;
  port: number;
  /** `pg_ctl restart -m fast`: every connection is cut, the server is back when it resolves. */
  restart(): Promise<void>;
  /** Stops the server and removes its folder (also done however the run ends). */
  remove(): Promise<void>;
}

/**
 * Where `initdb` and `pg_ctl` are, or null when this machine has no PostgreSQL server programs.
 *
 * @example
 * postgresServerTools(); // { initdb: '/usr/local/bin/initdb', pgCtl: '/usr/local/bin/pg_ctl' }
 */
export function postgresServerTools(): { initdb: string; pgCtl: string } | null {
  const dirs = [...(process.env.PATH ?? '').split(':').filter(Boolean), ...SERVER_BIN_DIRS];
  const find = (name: string) => dirs.map((dir) => join(dir, name)).find((path) => existsSync(path));
  const initdb = find('initdb');
  const pgCtl = find('pg_ctl');
  return initdb && pgCtl ? { initdb, pgCtl } : null;
}

/**
 * A PostgreSQL cluster of the soak's own: `initdb` into a temporary folder, started on a free loopback
 * port with trust authentication, so restarting it disturbs nothing else. As root the programs run as the
 * `postgres` OS user (PostgreSQL refuses to run as root). Stopped and removed however the run ends.
 *
 * @example
 * const cluster = await startOwnPostgres(); … await cluster.restart(); … await cluster.remove();
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const tools = postgresServerTools();
  if (!tools) throw new Error('initdb and pg_ctl were not found');
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(os.tmpdir(), 'leeway-soak-pg-'));
  const removeDir = onCleanup(`remove ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const pg = (program: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', program, ...args], { cwd: '/' }) : run(program, args, { cwd: '/' });
  const data = join(dir, 'data');
  await pg(tools.initdb, ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  // The socket goes into the cluster's folder, so nothing is written to /var/run/postgresql.
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=100`;
  const ctl = (action: string, extra: string[] = []) =>
    pg(tools.pgCtl, [action, '-D', data, '-w', '-t', '60', '-l', join(dir, 'server.log'), ...extra]);
  // Registered before the start: a soak stopped while the cluster starts must not leave it running
  // with its folder gone (the folder's removal is registered first, so it runs after the stop).
  const stopServer = onCleanup(`stop PostgreSQL on ${port}`, async () => {
    await ctl('stop', ['-m', 'immediate']).catch(() => undefined);
  });
  await ctl('start', ['-o', serverOptions]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    restart: async () => {
      await ctl('restart', ['-m', 'fast', '-o', serverOptions]);
    },
    remove: async () => {
      await stopServer();
      await removeDir();
    },
  };
}
