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
  /**
   * Told when the engine stops (its thread died): every session that spoke to it is gone, and exchanges
   * fail until it is back. Returns a function that stops the telling.
   */
  onLost(listener: (error: Error) => void): () => void;
  /** Told when the engine is back after it stopped (on its own thread, started again on the same data). */
  onBack(listener: () => void): () => void;
  close(): Promise<void>;
  /** For tests only, on the engine's own thread: stops the thread as a crash would. */
  [STOP_THREAD_AS_A_CRASH]?: () => Promise<void>;
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
    // On the caller's thread the engine stops only with the process.
    onLost: () => () => undefined,
    onBack: () => () => undefined,
    close: () => pglite.close(),
  };
}

/**
 * The embedded engine's thread stopped (a WebAssembly abort, say), or is starting again after that: what
 * was in flight is lost, and so are the sessions that spoke to the stopped thread. Nothing committed is:
 * the new thread opens the same data folder and recovers it as after a crash. A request meets this as an
 * unreachable database (503 with Retry-After), never as its own fault.
 */
export class EngineLostError extends Error {
  override readonly name = 'EngineLostError';
}

/** How long to wait before starting the engine's thread again, after each failed start: doubling, up to the last. */
const RESTART_WAITS_MS = [50, 200, 1_000, 5_000];

/** For tests only: stops the engine's thread at once, as a crash of the engine would. */
export const STOP_THREAD_AS_A_CRASH = Symbol('stop the embedded engine thread as a crash would');

/** One start of the engine's thread: its worker and the answers it owes. */
interface EngineThreadRun {
  ask(request: Exclude<WorkerRequest, { kind: 'close' }>, transfer?: ArrayBuffer[]): Promise<WorkerReply>;
  close(): Promise<void>;
  crash(): Promise<void>;
}

/** Starts the engine's thread on `dataDir`; `onDeath` is told once if it stops other than by `close`. */
async function startThread(dataDir: string | undefined, onDeath: (error: EngineLostError) => void): Promise<EngineThreadRun> {
  const options: WorkerOptions = { dataDir };
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: options });
  const pending = new Map<number, { resolve: (value: WorkerReply) => void; reject: (error: Error) => void }>();
  let dead: EngineLostError | null = null;
  let closed: (() => void) | null = null;
  let shuttingDown = false;

  const die = (error: EngineLostError): void => {
    if (dead) return;
    dead = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
    onDeath(error);
  };

  await new Promise<void>((resolve, reject) => {
    let started = false;
    worker.on('message', (reply: WorkerReply) => {
      switch (reply.kind) {
        case 'ready':
          started = true;
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
      if (started) die(new EngineLostError(`The embedded database's thread failed: ${error.message}`, { cause: error }));
    });
    worker.on('exit', (code) => {
      if (shuttingDown) return;
      const error = new EngineLostError(`The embedded database's thread stopped (exit code ${code}).`);
      reject(error);
      if (started) die(error);
    });
  });

  return {
    ask(request, transfer = []) {
      if (dead) return Promise.reject(dead);
      return new Promise((resolve, reject) => {
        pending.set(request.id, { resolve, reject });
        worker.postMessage(request, transfer);
      });
    },
    async close() {
      if (dead) return;
      shuttingDown = true;
      await new Promise<void>((resolve) => {
        closed = resolve;
        worker.postMessage({ kind: 'close' } satisfies WorkerRequest);
      });
      await worker.terminate();
    },
    async crash() {
      await worker.terminate();
    },
  };
}

/**
 * The engine on a thread of its own, started again whenever it stops: the sessions that spoke to the
 * stopped thread are told (`onLost`) and refused from then on, so the pool drops their connections and
 * opens new ones on the new thread (`onBack` once it is up); meanwhile every exchange is refused with
 * {@link EngineLostError}.
 */
async function openOnOwnThread(dataDir: string | undefined): Promise<EmbeddedEngine> {
  const lostListeners = new Set<(error: Error) => void>();
  const backListeners = new Set<() => void>();
  /** Sessions that spoke to the thread now running, and those that spoke to one that stopped. */
  const live = new Set<number>();
  const retired = new Set<number>();
  let nextId = 1;
  let closing = false;
  let restarting = false;
  let run: EngineThreadRun;

  const onDeath = (error: EngineLostError): void => {
    for (const session of live) retired.add(session);
    live.clear();
    restarting = true;
    for (const listener of lostListeners) listener(error);
    void restart();
  };
  const restart = async (): Promise<void> => {
    for (let attempt = 0; !closing; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, RESTART_WAITS_MS[Math.min(attempt, RESTART_WAITS_MS.length - 1)]));
      if (closing) return;
      let started: EngineThreadRun;
      try {
        started = await startThread(dataDir, onDeath);
      } catch {
        continue;
      }
      if (closing) {
        await started.close();
        return;
      }
      run = started;
      restarting = false;
      for (const listener of backListeners) listener();
      return;
    }
  };
  const ask = (session: number, request: Exclude<WorkerRequest, { kind: 'close' }>, transfer: ArrayBuffer[] = []): Promise<WorkerReply> => {
    if (retired.has(session)) return Promise.reject(new EngineLostError("This connection's session ended when the embedded database's thread stopped."));
    if (restarting || closing) return Promise.reject(new EngineLostError("The embedded database's thread is starting again."));
    live.add(session);
    return run.ask(request, transfer);
  };

  run = await startThread(dataDir, onDeath);
  return {
    thread: 'own',
    async exchange(session, message) {
      // A buffer of its own, handed over: the connection's may be a slice of Node's shared pool.
      const own = new Uint8Array(message);
      const reply = await ask(session, { kind: 'exchange', id: nextId++, session, message: own }, [own.buffer]);
      if (reply.kind !== 'reply') throw new Error(`Unexpected answer from the embedded database: ${reply.kind}`);
      return reply.reply;
    },
    async endSession(session, closingMessages) {
      const ended = retired.delete(session) || !live.delete(session);
      if (ended) return;
      await run.ask({ kind: 'end-session', id: nextId++, session, ...(closingMessages ? { closing: new Uint8Array(closingMessages) } : {}) }).catch(() => undefined);
    },
    onLost(listener) {
      lostListeners.add(listener);
      return () => lostListeners.delete(listener);
    },
    onBack(listener) {
      backListeners.add(listener);
      return () => backListeners.delete(listener);
    },
    async close() {
      closing = true;
      if (!restarting) await run.close();
    },
    [STOP_THREAD_AS_A_CRASH]: () => run.crash(),
  };
}
