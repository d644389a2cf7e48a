import path from 'node:path';
import type { ConnectOptions } from '../store/index.ts';
import { UsageError } from './args.ts';

export const DATABASE_FLAGS = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
} as const;

export const DATABASE_HELP = `  --data-dir DIR        embedded database folder (default ./.leeway, or LEEWAY_DATA_DIR)
  --database-url URL    a PostgreSQL server instead (or DATABASE_URL)`;

/** Flags win over the environment; the embedded database in ./.leeway is the default. */
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
    return { engine: 'postgres', url };
  }
  const dataDir = flags['data-dir'] ?? env.LEEWAY_DATA_DIR ?? '.leeway';
  return { engine: 'pglite', dataDir: dataDir.startsWith('memory://') ? dataDir : path.resolve(dataDir) };
}

export function describeDatabase(options: ConnectOptions): string {
  if (options.engine === 'pglite') return `embedded PostgreSQL (PGlite) in ${options.dataDir}`;
  const url = new URL(options.url);
  url.password = url.password ? '***' : '';
  return `PostgreSQL at ${url.toString()}`;
}
