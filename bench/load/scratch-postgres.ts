import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { onCleanup } from './cleanup.ts';

const run = promisify(execFile);

/** The server the PostgreSQL rows use: LEEWAY_LOAD_POSTGRES, else the local one (trust, user postgres). */
export const POSTGRES_BASE_URL = process.env.LEEWAY_LOAD_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Why the PostgreSQL rows cannot run here, or null when `pg_isready` answers and `pgbench` exists.
 *
 * @example
 * postgresUnavailable(); // 'pgbench is not installed'
 */
export function postgresUnavailable(): string | null {
  const url = new URL(POSTGRES_BASE_URL);
  const ready = spawnSync('pg_isready', ['-h', url.hostname, '-p', url.port || '5432'], { encoding: 'utf8' });
  if (ready.error) return 'pg_isready is not installed (no PostgreSQL client tools)';
  if (ready.status !== 0) return `no PostgreSQL answers at ${url.hostname}:${url.port || '5432'}`;
  const pgbench = spawnSync('pgbench', ['--version'], { encoding: 'utf8' });
  if (pgbench.error) return 'pgbench is not installed';
  return null;
}

/**
 * Creates a scratch database on the server and registers its removal (also on failure and Ctrl-C).
 * Returns its URL.
 *
 * @example
 * const url = await createScratchDatabase(`leeway_load_${process.pid}`);
 */
export async function createScratchDatabase(name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a plain database name: ${name}`);
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${name}`);
  onCleanup(`drop database ${name}`, () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const url = new URL(POSTGRES_BASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * pgbench's tables on `database`, at scale 16 (`pgbench -i -q -s 16`), for {@link runPgbench}.
 *
 * @example
 * await initPgbench(url);
 */
export async function initPgbench(databaseUrl: string): Promise<void> {
  await run('pgbench', ['-i', '-q', '-s', '16', databaseUrl], { env: pgbenchEnv(), maxBuffer: 16 * 2 ** 20 });
}

/**
 * pgbench's TPC-B on `database`, whose tables {@link initPgbench} made: 16 clients on 2 threads for
 * `seconds` (whole seconds). Returns the tps pgbench reports (without the initial connection time).
 *
 * @example
 * const tps = await runPgbench(url, 5);
 */
export async function runPgbench(databaseUrl: string, seconds: number): Promise<number> {
  const { stdout } = await run('pgbench', ['-c', '16', '-j', '2', '-T', String(seconds), databaseUrl], { env: pgbenchEnv(), maxBuffer: 16 * 2 ** 20 });
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1];
  if (!tps) throw new Error(`No tps in pgbench's output:\n${stdout}`);
  return Number(tps);
}

function pgbenchEnv(): NodeJS.ProcessEnv {
  return { ...process.env, PGCONNECT_TIMEOUT: '10' };
}

/**
 * One parameterized query on a database, on a connection of its own.
 *
 * @example
 * const rows = await queryDatabase(url, 'SELECT count(*)::int AS n FROM bookings WHERE organization_id = $1', [id]);
 */
export async function queryDatabase<Row>(databaseUrl: string, text: string, params: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as Row[];
  } finally {
    await client.end();
  }
}

async function adminQuery(text: string): Promise<void> {
  await queryDatabase(POSTGRES_BASE_URL, text);
}
