import { Kysely } from 'kysely';
import type pg from 'pg';
import { createBoundedPool, DEFAULT_POOL_LIMITS, defaultConnections } from './bounded-pool.ts';
import type { PoolLimits } from './bounded-pool.ts';
import { AnswerWatch } from './answer-watch.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
import type { DataDirLock } from './data-dir-lock.ts';
import { openEmbeddedEngine } from './embedded/embedded-engine.ts';
import type { EmbeddedEngine, EngineThread } from './embedded/embedded-engine.ts';
import { listenForMemberChanges, listenOnEmbeddedEngine, noteWrites } from './member-change-listener.ts';
import { MemberScheduleCache } from './member-schedule-cache.ts';
import { pgliteClientConfig } from './pglite-connection.ts';
import type { Database } from './schema.ts';
import { CamelCaseAnswers, SnakeCaseDialect } from './snake-case-dialect.ts';

export type DatabaseEngine = 'pglite' | 'postgres';

export type ConnectOptions =
  | {
      engine: 'pglite';
      /** A folder, or `memory://` for a throwaway database. */
      dataDir: string;
      pool?: Partial<PoolLimits>;
      /** Where the engine runs; by default on a thread of its own for a folder, on the caller's in memory. */
      thread?: EngineThread;
    }
  | {
      engine: 'postgres';
      url: string;
      /** Connections held; wins over `pool.size` (kept for callers that set only this). */
      poolSize?: number;
      pool?: Partial<PoolLimits>;
    };

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: DatabaseEngine;
  /** When the database last answered one of this handle's queries. */
  answers: AnswerWatch;
  /** Members' schedules kept while every change to them is heard (see `MemberScheduleCache`). */
  schedules: MemberScheduleCache;
  close(): Promise<void>;
}

// timestamptz as Date (the driver's default); int8 and numeric stay strings and are parsed where read.

/**
 * Opens one of the two engines behind the same `pg` driver and Kysely code path: the embedded PGlite in a
 * data folder (locked against a second process) or a PostgreSQL server.
 */
export async function connectDatabase(options: ConnectOptions): Promise<DatabaseHandle> {
  const limits: PoolLimits = { ...DEFAULT_POOL_LIMITS, ...(options.engine === 'postgres' ? { size: defaultConnections() } : {}), ...options.pool };
  const answers = new AnswerWatch();
  if (options.engine === 'postgres') {
    // Bounded waits: a database that hangs must not hang every request with it.
    const pool = createBoundedPool(
      {
        connectionString: options.url,
        max: options.poolSize ?? limits.size,
        statement_timeout: 30_000,
        idle_in_transaction_session_timeout: 60_000,
      },
      limits,
      () => answers.noteTrouble(),
    );
    const listener = listenForMemberChanges(options.url);
    pool.on('connect', (client) => noteWrites(client, listener.cache));
    const db = new Kysely<Database>({ dialect: new SnakeCaseDialect({ pool }), plugins: [new CamelCaseAnswers(), answers] });
    const close = async () => {
      await listener.close();
      await db.destroy();
    };
    await db.selectFrom('organizations' as never).select((eb) => eb.lit(1).as('one')).execute().catch(async (error) => {
      // The table may not exist before migrations; any answer from the server proves it is reachable.
      if ((error as { code?: string }).code === '42P01') return;
      await close();
      throw error;
    });
    return { db, engine: 'postgres', answers, schedules: listener.cache, close };
  }

  const inMemory = options.dataDir.startsWith('memory://');
  const lock: DataDirLock | null = inMemory ? null : acquireDataDirLock(options.dataDir);
  let engine: EmbeddedEngine;
  try {
    engine = await openEmbeddedEngine(inMemory ? undefined : options.dataDir, options.thread ?? (inMemory ? 'caller' : 'own'));
  } catch (error) {
    lock?.release();
    throw error;
  }
  // The engine's sessions behind the same bounded queue; announcements are heard by the engine's one LISTEN.
  const schedules = new MemberScheduleCache();
  const notices = listenOnEmbeddedEngine(schedules);
  const pool = createBoundedPool(pgliteClientConfig(engine, { size: limits.size, onNotification: notices.hear }) as unknown as pg.PoolConfig, limits, () =>
    answers.noteTrouble(),
  );
  const subscribe = () => notices.subscribe((statement) => pool.query(statement));
  engine.onLost(() => {
    notices.lost();
    answers.noteTrouble();
  });
  // The new engine knows nothing of the old one's LISTEN; until it listens again, kept schedules are not used.
  engine.onBack(() => void subscribe().catch(() => notices.lost()));
  await subscribe();
  const db = new Kysely<Database>({ dialect: new SnakeCaseDialect({ pool }), plugins: [new CamelCaseAnswers(), answers] });
  return {
    db,
    engine: 'pglite',
    answers,
    schedules,
    close: async () => {
      try {
        notices.lost();
        await db.destroy();
        await engine.close();
      } finally {
        lock?.release();
      }
    },
  };
}
