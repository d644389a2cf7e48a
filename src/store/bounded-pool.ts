import { availableParallelism } from 'node:os';
import pg from 'pg';
import { DatabaseBusyError } from './database-errors.ts';
import { beginWithFirstStatement } from './begin-with-first-statement.ts';
import { DEFAULT_PREPARED_STATEMENT_LIMITS, driverQuery, prepareRepeatedStatements, StatementNames } from './prepared-statements.ts';

/** How many connections a process holds, and how long and how many requests may wait for one. */
export interface PoolLimits {
  /** Connections to a PostgreSQL server, or sessions of the embedded database (`LEEWAY_DB_POOL_SIZE`). */
  size: number;
  /** The longest a query waits for a free connection, or for a new one to open (`LEEWAY_DB_QUEUE_TIMEOUT_MS`). */
  queueTimeoutMs: number;
  /** Waiting queries beyond which the next is refused at once (`LEEWAY_DB_QUEUE_LIMIT`); 0: none waits. */
  queueLimit: number;
  /**
   * Distinct statements prepared per connection (`LEEWAY_DB_PREPARED_STATEMENTS`); 0 prepares none, for a
   * connection pooler in transaction mode that cannot keep a session's prepared statements.
   */
  preparedStatements: number;
}

/** The defaults; `size` is the embedded database's sessions, a PostgreSQL server gets {@link defaultConnections}. */
export const DEFAULT_POOL_LIMITS: PoolLimits = { size: 10, queueTimeoutMs: 2_000, queueLimit: 200, preparedStatements: 400 };

/**
 * Connections to a PostgreSQL server unless `LEEWAY_DB_POOL_SIZE` says otherwise: twice the cores of the
 * machine the server process runs on, and at least 4. More connections than the cores can serve do not
 * book faster; they wait on each other. On 2 cores shared with PostgreSQL, 4 took 5–9 % more bookings a
 * second than 10 in three alternating runs on two kinds of processor, with a lower p99, and 2 took a tenth
 * fewer (docs/performance.md). A database farther away, whose answers take longer to come, may want more.
 *
 * @example
 * defaultConnections(2); // 4
 */
export function defaultConnections(cores = availableParallelism()): number {
  return Math.max(4, 2 * cores);
}

/**
 * A pg pool whose queue is bounded twice: a query waits at most `queueTimeoutMs` for a connection (pg's own
 * `connectionTimeoutMillis`, which covers both a busy pool and a slow connect), and when `queueLimit`
 * queries already wait, the next one is refused at once with {@link DatabaseBusyError}. Overload then turns
 * into quick refusals instead of long waits and a queue that grows with the load.
 *
 * Every client gets an error listener of its own: a connection that dies while checked out between two
 * statements emits `error` with nobody listening (pg-pool listens only to idle clients), which would
 * otherwise end the process. The client is then no longer queryable, and pg-pool drops it on release.
 *
 * Statements the pool sends repeatedly are prepared on each connection (see {@link StatementNames}), and a
 * transaction's `begin` is sent with its first statement (see `beginWithFirstStatement`).
 */
export function createBoundedPool(
  config: pg.PoolConfig,
  limits: Pick<PoolLimits, 'queueTimeoutMs' | 'queueLimit'> & Partial<Pick<PoolLimits, 'preparedStatements'>>,
  /** Told of every lost or refused connection (for health checks, see `AnswerWatch`). */
  onTrouble: () => void = () => undefined,
): pg.Pool {
  const pool = new pg.Pool({ ...config, connectionTimeoutMillis: limits.queueTimeoutMs });
  // One set of names for the pool: every connection prepares a text under the same name, when it first sends it.
  const prepared = limits.preparedStatements ?? DEFAULT_POOL_LIMITS.preparedStatements;
  const names = prepared > 0 ? new StatementNames({ ...DEFAULT_PREPARED_STATEMENT_LIMITS, prepared }) : null;
  pool.on('connect', (client) => {
    client.on('error', onTrouble);
    // A transaction's begin travels with its first statement: one round trip fewer for every transaction.
    const send = beginWithFirstStatement(client, driverQuery(client));
    if (names) prepareRepeatedStatements(client, names, send);
    else client.query = send as typeof client.query;
  });
  // A connection that drops while idle must not crash the process either; the next query opens another.
  pool.on('error', onTrouble);
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  const mustWait = () => pool.idleCount === 0 && pool.totalCount >= (pool.options.max ?? DEFAULT_POOL_LIMITS.size);
  // Kysely takes its connections with the promise form; the callback form is pg's own and left as it is.
  pool.connect = ((callback?: unknown) => {
    if (callback !== undefined) return (connect as (cb: unknown) => void)(callback);
    if (mustWait() && pool.waitingCount >= limits.queueLimit) {
      return Promise.reject(new DatabaseBusyError(`${pool.waitingCount} queries already wait for a database connection.`));
    }
    // Waiting out the queue is the server being busy, not the database being away.
    const queued = mustWait();
    return connect().catch((error: unknown) => {
      if (!queued) onTrouble();
      throw error;
    });
  }) as typeof pool.connect;
  return pool;
}
