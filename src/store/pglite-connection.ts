import { EventEmitter } from 'node:events';
import type { PGlite } from '@electric-sql/pglite';
import { serialize } from 'pg-protocol';

type Serializer = typeof serialize;

/**
 * The engine runs on the server's own thread, and its answers resolve promises, not I/O: a run of
 * statements sent one after another (an upkeep's nine VACUUMs, a calendar's inserts, a cascade) would go
 * on without the event loop ever getting a turn, and every request, `/healthz` included, would wait for
 * the whole run. At least this often, an exchange waits for the loop to take a turn first.
 */
export const LOOP_TURN_EVERY_MS = 10;

/**
 * The `pg` driver's connection, spoken to the embedded engine in this process instead of over a socket.
 *
 * PGlite's own adapter hands each protocol message to the engine on its own: a parametrized statement
 * (parse, bind, describe, execute, sync) made five calls into WebAssembly, five promise hops and five
 * result parses. This one keeps an extended query's messages until the driver ends the pipeline with
 * `sync` (or `flush`) and hands them over as one buffer, which the engine works through in one call, as a
 * server reads one packet. Calls reach the engine one at a time, in the order they were made.
 */
export class PgliteConnection extends EventEmitter {
  /** Read by the driver: named statements this connection has prepared, and those sent but not yet confirmed. */
  parsedStatements: Record<string, string> = {};
  submittedNamedStatements: Record<string, string> = {};
  _connecting = false;
  /** The driver ends a connection through its stream. */
  stream = { destroy: (): void => this.end() };

  readonly #engine: PGlite;
  #pending: Buffer[] = [];
  #queue: Promise<unknown>;
  #emitsMessages = false;
  #lastLoopTurn = performance.now();

  constructor(engine: PGlite) {
    super();
    this.#engine = engine;
    this.#queue = engine.waitReady;
    this.on('newListener', (event) => {
      if (event === 'message') this.#emitsMessages = true;
    });
  }

  async connect(): Promise<void> {
    this._connecting = true;
    // Ready once every exchange already sent has been answered: a client that replaces one ended in the
    // middle of a query must not receive that query's replies.
    await this.#queue;
    await this.#engine.waitReady;
    process.nextTick(() => this.emit('readyForQuery'));
  }

  // No TLS, no authentication and no cancel on an engine in this process.
  requestSsl(): void {}
  startup(): void {}
  cancel(): void {}
  password(): void {}
  ref(): void {}
  unref(): void {}

  parse(query: Parameters<Serializer['parse']>[0]): void {
    this.#pending.push(serialize.parse(query));
  }
  bind(config: Parameters<Serializer['bind']>[0]): void {
    this.#pending.push(serialize.bind(config));
  }
  describe(message: Parameters<Serializer['describe']>[0]): void {
    this.#pending.push(serialize.describe(message));
  }
  execute(config: Parameters<Serializer['execute']>[0]): void {
    this.#pending.push(serialize.execute(config));
  }
  close(message: Parameters<Serializer['close']>[0]): void {
    this.#pending.push(serialize.close(message));
  }
  sync(): void {
    this.#pending.push(serialize.sync());
    this.#send();
  }
  flush(): void {
    this.#pending.push(serialize.flush());
    this.#send();
  }
  query(text: string): void {
    this.#pending.push(serialize.query(text));
    this.#send();
  }
  sendCopyFromChunk(chunk: Buffer): void {
    this.#pending.push(serialize.copyData(chunk));
    this.#send();
  }
  endCopyFrom(): void {
    this.#pending.push(serialize.copyDone());
    this.#send();
  }
  sendCopyFail(message: string): void {
    this.#pending.push(serialize.copyFail(message));
    this.#send();
  }

  end(): void {
    this.#queue = this.#queue.then(() => this.emit('end'));
    for (const event of this.eventNames()) if (event !== 'newListener') this.removeAllListeners(event);
    this.#emitsMessages = false;
  }

  async #loopTurnIfDue(): Promise<void> {
    if (performance.now() - this.#lastLoopTurn < LOOP_TURN_EVERY_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
    this.#lastLoopTurn = performance.now();
  }

  #send(): void {
    const message = this.#pending.length === 1 ? this.#pending[0]! : Buffer.concat(this.#pending);
    this.#pending = [];
    this.#queue = this.#queue
      .then(() => this.#loopTurnIfDue())
      .then(() => this.#engine.execProtocolStream(message, { throwOnError: false }))
      .then((replies) => {
        for (const reply of replies) {
          if (this.#emitsMessages) this.emit('message', reply);
          this.emit(reply.name === 'error' ? 'errorMessage' : reply.name, reply);
        }
      })
      .catch((error: unknown) => {
        // After `end()` nobody listens; an unheard error must not become an unhandled rejection.
        if (this.listenerCount('error') > 0) this.emit('error', error);
      });
  }
}

/**
 * A `pg` pool configuration whose one connection is the embedded engine (it runs one statement at a time).
 *
 * @example
 * const pool = new pg.Pool(pgliteClientConfig(await PGlite.create(dir)));
 */
export function pgliteClientConfig(engine: PGlite): { max: number; connection: PgliteConnection } {
  return { max: 1, connection: new PgliteConnection(engine) };
}
