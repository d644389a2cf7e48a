import path from 'node:path';
import type { ConnectOptions } from '../store/index.ts';
import { DEFAULT_POOL_LIMITS, defaultConnections } from '../store/bounded-pool.ts';
import type { PoolLimits } from '../store/bounded-pool.ts';
import { UsageError } from './args.ts';

export const DATABASE_FLAGS = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
} as const;

export const DATABASE_HELP = `  --data-dir DIR        embedded database folder (default ./.leeway, or LEEWAY_DATA_DIR)
  --database-url URL    a PostgreSQL server instead (or DATABASE_URL)
  LEEWAY_DB_POOL_SIZE, LEEWAY_DB_QUEUE_TIMEOUT_MS, LEEWAY_DB_QUEUE_LIMIT: connections to a PostgreSQL
                        server (default ${defaultConnections()}: twice the cores, at least 4; sessions of the embedded
                        database, default ${DEFAULT_POOL_LIMITS.size}), the longest wait for one (default ${DEFAULT_POOL_LIMITS.queueTimeoutMs} ms) and how many
                        may wait (default ${DEFAULT_POOL_LIMITS.queueLimit}); beyond them a request is refused with 503
  LEEWAY_DB_PREPARED_STATEMENTS: statements prepared per connection (default ${DEFAULT_POOL_LIMITS.preparedStatements}; 0 for a
                        pooler in transaction mode)`;

/**
 * A whole number from the environment, or the fallback when unset or blank.
 *
 * @throws {UsageError} when it is not a whole number from `min` to `max`.
 */
export function readWholeNumberSetting(
  env: Record<string, string | undefined>,
  name: string,
  range: { min: number; max: number; fallback: number },
): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return range.fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new UsageError(`${name} must be a whole number from ${range.min} to ${range.max}, not ${JSON.stringify(raw)}.`);
  }
  return value;
}

/**
 * `LEEWAY_DB_POOL_SIZE`, `LEEWAY_DB_QUEUE_TIMEOUT_MS`, `LEEWAY_DB_QUEUE_LIMIT` and `LEEWAY_DB_PREPARED_STATEMENTS`,
 * with their defaults for the engine.
 */
export function readPoolLimits(env: Record<string, string | undefined>, engine: ConnectOptions['engine']): PoolLimits {
  const size = engine === 'postgres' ? defaultConnections() : DEFAULT_POOL_LIMITS.size;
  return {
    size: readWholeNumberSetting(env, 'LEEWAY_DB_POOL_SIZE', { min: 1, max: 1_000, fallback: size }),
    queueTimeoutMs: readWholeNumberSetting(env, 'LEEWAY_DB_QUEUE_TIMEOUT_MS', { min: 1, max: 600_000, fallback: DEFAULT_POOL_LIMITS.queueTimeoutMs }),
    queueLimit: readWholeNumberSetting(env, 'LEEWAY_DB_QUEUE_LIMIT', { min: 0, max: 100_000, fallback: DEFAULT_POOL_LIMITS.queueLimit }),
    preparedStatements: readWholeNumberSetting(env, 'LEEWAY_DB_PREPARED_STATEMENTS', {
      min: 0,
      max: 10_000,
      fallback: DEFAULT_POOL_LIMITS.preparedStatements,
    }),
  };
}

/** Flags win over the environment; the embedded database in ./.leeway is the default. The pool's limits come from the environment. */
export function resolveDatabase(
  flags: { 'data-dir'?: string | undefined; 'database-url'?: string | undefined },
  env: Record<string, string | undefined>,
): ConnectOptions {
  if (flags['data-dir'] && flags['database-url']) {
    throw new UsageError('Choose one of --data-dir and --database-url.');
  }
  const url = flags['database-url'] ?? (flags['data-dir'] ? undefined : env.DATABASE_URL);
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new UsageError('The database URL must start with postgres:// or postgresql://.');
    return { engine: 'postgres', url, pool: readPoolLimits(env, 'postgres') };
  }
  const dataDir = flags['data-dir'] ?? env.LEEWAY_DATA_DIR ?? '.leeway';
  return { engine: 'pglite', dataDir: dataDir.startsWith('memory://') ? dataDir : path.resolve(dataDir), pool: readPoolLimits(env, 'pglite') };
}

export function describeDatabase(options: ConnectOptions): string {
  if (options.engine === 'pglite') return `embedded PostgreSQL (PGlite) in ${options.dataDir}`;
  const url = new URL(options.url);
  url.password = url.password ? '***' : '';
  return `PostgreSQL at ${url.toString()}`;
}
