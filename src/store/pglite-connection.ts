import { EventEmitter } from 'node:events';
import pg from 'pg';
import { serialize } from 'pg-protocol';
import type { BackendMessage, NotificationResponseMessage } from 'pg-protocol/dist/messages.js';
import { Parser } from 'pg-protocol/dist/parser.js';
import type { EmbeddedEngine } from './embedded/embedded-engine.ts';

type Serializer = typeof serialize;

let lastSession = 0;

/**
 * The `pg` driver's connection, spoken to the embedded engine instead of over a socket: one session of
 * the engine's (see `EngineSessions`), so a pool holds several, as it would on a server.
 *
 * An extended query's messages are kept until the driver ends the pipeline with `sync` (or `flush`) and
 * handed over as one buffer, which the engine works through in one call, as a server reads one packet; the
 * answer comes back as the bytes a server would send and is read by the driver's own protocol parser.
 * Named statements are prepared under a name of this session's, since the sessions share one engine.
 */
export class PgliteConnection extends EventEmitter {
  /** Read by the driver: named statements this connection has prepared, and those sent but not yet confirmed. */
  parsedStatements: Record<string, string> = {};
  submittedNamedStatements: Record<string, string> = {};
  _connecting = false;
  /** The driver ends a connection through its stream. */
  stream = { destroy: (): void => this.end() };

  readonly #engine: EmbeddedEngine;
  readonly #session = ++lastSession;
  readonly #onNotification: ((notice: NotificationResponseMessage) => void) | undefined;
  #pending: Buffer[] = [];
  #queue: Promise<unknown> = Promise.resolve();
  #emitsMessages = false;
  #ended = false;
  readonly #stopHearingLoss: () => void;

  constructor(engine: EmbeddedEngine, options: { onNotification?: (notice: NotificationResponseMessage) => void } = {}) {
    super();
    this.#engine = engine;
    this.#onNotification = options.onNotification;
    this.on('newListener', (event) => {
      if (event === 'message') this.#emitsMessages = true;
    });
    // When the engine stops, this session is gone with it: said at once, so that the pool drops an idle
    // connection now rather than a request finding out.
    this.#stopHearingLoss = engine.onLost((error) => {
      this.#stopHearingLoss();
      if (!this.#ended && this.listenerCount('error') > 0) this.emit('error', error);
    });
  }

  async connect(): Promise<void> {
    this._connecting = true;
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
    this.#pending.push(serialize.parse(query.name ? { ...query, name: this.#named(query.name) } : query));
  }
  bind(config: Parameters<Serializer['bind']>[0] = {}): void {
    this.#pending.push(serialize.bind(config.statement ? { ...config, statement: this.#named(config.statement) } : config));
  }
  describe(message: Parameters<Serializer['describe']>[0]): void {
    this.#pending.push(serialize.describe(message.type === 'S' && message.name ? { ...message, name: this.#named(message.name) } : message));
  }
  execute(config: Parameters<Serializer['execute']>[0]): void {
    this.#pending.push(serialize.execute(config));
  }
  close(message: Parameters<Serializer['close']>[0]): void {
    this.#pending.push(serialize.close(message.type === 'S' && message.name ? { ...message, name: this.#named(message.name) } : message));
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

  /**
   * Ends the session once every exchange already sent has been answered: its prepared statements are
   * closed, and a transaction it left open is rolled back, so the engine's other sessions go on.
   */
  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#stopHearingLoss();
    const names = Object.keys(this.parsedStatements);
    const closing = names.length > 0 ? Buffer.concat([...names.map((name) => serialize.close({ type: 'S', name: this.#named(name) })), serialize.sync()]) : undefined;
    this.#queue = this.#queue
      .then(() => this.#engine.endSession(this.#session, closing))
      .catch(() => undefined)
      .then(() => this.emit('end'));
    for (const event of this.eventNames()) if (event !== 'newListener' && event !== 'end') this.removeAllListeners(event);
    this.#emitsMessages = false;
  }

  #named(name: string): string {
    return `s${this.#session}_${name}`;
  }

  #send(): void {
    const message = this.#pending.length === 1 ? this.#pending[0]! : Buffer.concat(this.#pending);
    this.#pending = [];
    this.#queue = this.#queue
      .then(() => this.#engine.exchange(this.#session, message))
      .then((reply) => {
        new Parser().parse(Buffer.from(reply.buffer, reply.byteOffset, reply.byteLength), (answer: BackendMessage) => {
          if (answer.name === 'notification') this.#onNotification?.(answer as NotificationResponseMessage);
          if (this.#emitsMessages) this.emit('message', answer);
          this.emit(answer.name === 'error' ? 'errorMessage' : answer.name, answer);
        });
      })
      .catch((error: unknown) => {
        // After `end()` nobody listens; an unheard error must not become an unhandled rejection.
        if (this.listenerCount('error') > 0) this.emit('error', error);
      });
  }
}

/**
 * A `pg` pool configuration whose connections are sessions of the embedded engine: `size` of them, kept
 * open while idle (a session costs the engine nothing but its prepared statements).
 *
 * @example
 * const pool = new pg.Pool(pgliteClientConfig(await openEmbeddedEngine(dir, 'own'), { size: 10 }));
 */
export function pgliteClientConfig(
  engine: EmbeddedEngine,
  options: { size: number; onNotification?: (notice: NotificationResponseMessage) => void },
): { max: number; idleTimeoutMillis: number; Client: new (config?: object) => object } {
  const connectionOptions = options.onNotification ? { onNotification: options.onNotification } : {};
  class EmbeddedClient extends pg.Client {
    constructor(config: pg.ClientConfig = {}) {
      super({ ...config, connection: new PgliteConnection(engine, connectionOptions) } as pg.ClientConfig);
    }
  }
  return { max: options.size, idleTimeoutMillis: 0, Client: EmbeddedClient };
}
