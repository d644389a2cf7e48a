import { Worker } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { EngineSessions } from './engine-sessions.ts';
import { rawExchanges } from './raw-exchange.ts';
import type { WorkerOptions, WorkerReply, WorkerRequest } from './worker-messages.ts';

/**
 * Where the embedded engine runs: on a thread of its own (a data folder's default), or on the caller's
 * (a throwaway database in memory, which starts faster).
 */
export type EngineThread = 'own' | 'caller';

/**
 * The embedded engine as the `pg` connections see it: several sessions (see `EngineSessions`), each
 * exchanging whole buffers of protocol messages for the bytes a server would answer.
 */
export interface EmbeddedEngine {
  readonly thread: EngineThread;
  exchange(session: number, message: Uint8Array): Promise<Uint8Array>;
  /** The session is gone: its transaction, if it was in one, is rolled back; `closing` is run for it first. */
  endSession(session: number, closing?: Uint8Array): Promise<void>;
  /** Called once if the engine's thread dies; every exchange after that fails. */
  onLost(listener: (error: Error) => void): void;
  close(): Promise<void>;
}

/**
 * The engine runs on the caller's thread and answers by resolving promises, not by I/O: a run of
 * statements sent one after another (an upkeep's nine VACUUMs, a calendar's inserts, a cascade) would go
 * on without the event loop ever getting a turn, and every request, `/healthz` included, would wait for
 * the whole run. At least this often, an exchange waits for the loop to take a turn first. (On a thread
 * of its own the engine never holds the caller's loop.)
 */
export const LOOP_TURN_EVERY_MS = 10;

/**
 * Opens PGlite on `dataDir` (undefined: in memory) on the given thread.
 *
 * On its own thread, the server's thread only sends and receives buffers: HTTP, rendering and the query
 * builder run beside the engine instead of taking turns with it, and a long statement (VACUUM, a big
 * cascade) no longer stops every other request. Nothing else changes: one engine, one data folder, the
 * same bytes.
 *
 * @example
 * const engine = await openEmbeddedEngine('/var/lib/leeway', 'own');
 */
export async function openEmbeddedEngine(dataDir: string | undefined, thread: EngineThread): Promise<EmbeddedEngine> {
  return thread === 'own' ? openOnOwnThread(dataDir) : openOnCallerThread(dataDir);
}

async function openOnCallerThread(dataDir: string | undefined): Promise<EmbeddedEngine> {
  const pglite = await PGlite.create(dataDir, { extensions: { btree_gist } });
  const run = rawExchanges(pglite);
  let lastLoopTurn = performance.now();
  const sessions = new EngineSessions(async (message) => {
    if (performance.now() - lastLoopTurn >= LOOP_TURN_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      lastLoopTurn = performance.now();
    }
    return run(message);
  });
  return {
    thread: 'caller',
    exchange: (session, message) => sessions.exchange(session, message),
    endSession: (session, closing) => sessions.end(session, closing),
    onLost: () => undefined,
    close: () => pglite.close(),
  };
}

async function openOnOwnThread(dataDir: string | undefined): Promise<EmbeddedEngine> {
  const options: WorkerOptions = { dataDir };
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: options });
  const pending = new Map<number, { resolve: (value: WorkerReply) => void; reject: (error: Error) => void }>();
  const lostListeners: Array<(error: Error) => void> = [];
  let nextId = 1;
  let lost: Error | null = null;
  let closed: (() => void) | null = null;
  let shuttingDown = false;

  const loseAll = (error: Error): void => {
    if (lost) return;
    lost = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
    for (const listener of lostListeners) listener(error);
  };

  await new Promise<void>((resolve, reject) => {
    worker.on('message', (reply: WorkerReply) => {
      switch (reply.kind) {
        case 'ready':
          resolve();
          return;
        case 'failed':
          reject(new Error(reply.message));
          return;
        case 'closed':
          closed?.();
          return;
        default: {
          const waiting = pending.get(reply.id);
          pending.delete(reply.id);
          if (reply.kind === 'error') waiting?.reject(new Error(reply.message));
          else waiting?.resolve(reply);
        }
      }
    });
    worker.on('error', (error) => {
      reject(error);
      loseAll(error);
    });
    worker.on('exit', (code) => {
      if (shuttingDown) return;
      const error = new Error(`The embedded database's thread stopped (exit code ${code}).`);
      reject(error);
      loseAll(error);
    });
  });

  const ask = (request: Exclude<WorkerRequest, { kind: 'close' }>, transfer: ArrayBuffer[] = []): Promise<WorkerReply> => {
    if (lost) return Promise.reject(lost);
    return new Promise((resolve, reject) => {
      pending.set(request.id, { resolve, reject });
      worker.postMessage(request, transfer);
    });
  };

  return {
    thread: 'own',
    async exchange(session, message) {
      // A buffer of its own, handed over: the connection's may be a slice of Node's shared pool.
      const own = new Uint8Array(message);
      const reply = await ask({ kind: 'exchange', id: nextId++, session, message: own }, [own.buffer]);
      if (reply.kind !== 'reply') throw new Error(`Unexpected answer from the embedded database: ${reply.kind}`);
      return reply.reply;
    },
    async endSession(session, closing) {
      await ask({ kind: 'end-session', id: nextId++, session, ...(closing ? { closing: new Uint8Array(closing) } : {}) }).catch(() => undefined);
    },
    onLost(listener) {
      lostListeners.push(listener);
    },
    async close() {
      if (lost) return;
      shuttingDown = true;
      await new Promise<void>((resolve) => {
        closed = resolve;
        worker.postMessage({ kind: 'close' } satisfies WorkerRequest);
      });
      await worker.terminate();
    },
  };
}
