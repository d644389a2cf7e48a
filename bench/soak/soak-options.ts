import { parseArgs } from 'node:util';
import { postgresServerTools } from './own-postgres.ts';
import type { SoakEngine } from './soak-engine.ts';

export interface SoakOptions {
  loadSeconds: number;
  engines: SoakEngine[];
  clients: number;
  write: boolean;
}

export const SOAK_USAGE = `Usage: npm run soak -- [--minutes N] [--engine pglite|postgres|both] [--clients N] [--write]

  --minutes N   how long the load runs, fractions allowed (default 10)
  --engine      postgres (a cluster of its own; the default when initdb and pg_ctl are installed),
                pglite (a data folder), or both
  --clients N   concurrent clients (default 8)
  --write       put the "Soak" section into docs/benchmarks.md
`;

/**
 * Reads the command line; throws with the reason on a wrong value.
 *
 * @example
 * parseSoakOptions(['--minutes', '2', '--engine', 'both']); // { loadSeconds: 120, engines: ['postgres', 'pglite'], … }
 */
export function parseSoakOptions(argv: string[]): SoakOptions {
  const { values } = parseArgs({
    args: argv,
    options: { minutes: { type: 'string' }, engine: { type: 'string' }, clients: { type: 'string' }, write: { type: 'boolean' } },
  });
  const minutes = Number(values.minutes ?? 10);
  if (!Number.isFinite(minutes) || minutes < 0.5 || minutes > 240) throw new Error(`--minutes takes a number from 0.5 to 240, not ${values.minutes}`);
  const clients = Number(values.clients ?? 8);
  if (!Number.isInteger(clients) || clients < 1 || clients > 64) throw new Error(`--clients takes a whole number from 1 to 64, not ${values.clients}`);
  const engine = values.engine ?? (postgresServerTools() ? 'postgres' : 'pglite');
  const engines: Record<string, SoakEngine[]> = { postgres: ['postgres'], pglite: ['pglite'], both: ['postgres', 'pglite'] };
  const chosen = engines[engine];
  if (!chosen) throw new Error(`--engine takes pglite, postgres or both, not ${engine}`);
  if (chosen.includes('postgres') && !postgresServerTools()) throw new Error('--engine postgres needs initdb and pg_ctl (the PostgreSQL server programs)');
  return { loadSeconds: Math.round(minutes * 60), engines: chosen, clients, write: values.write ?? false };
}
