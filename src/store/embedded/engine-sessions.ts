/**
 * Runs one exchange (a buffer of protocol messages ending in Sync or Flush) on the engine and returns its
 * whole answer as the bytes a server would have sent.
 */
export type RunExchange = (message: Uint8Array) => Promise<Uint8Array>;

interface Waiting {
  session: number;
  message: Uint8Array;
  resolve: (reply: Uint8Array) => void;
  reject: (error: unknown) => void;
}

const READY_FOR_QUERY = 0x5a; // 'Z'
const IDLE = 0x49; // 'I': outside any transaction block

/**
 * Whether an answer leaves its session outside a transaction: its last message is ReadyForQuery with
 * status idle. An answer that ends otherwise (in a transaction, in a failed one, or halfway through an
 * extended query that ended in Flush, or a COPY) leaves the session holding the engine.
 */
export function leavesSessionIdle(reply: Uint8Array): boolean {
  let at = 0;
  let lastIdle = false;
  // Each message: one type byte, then its length (counting itself, not the type byte), big-endian.
  while (at + 5 <= reply.length) {
    const length = ((reply[at + 1]! << 24) | (reply[at + 2]! << 16) | (reply[at + 3]! << 8) | reply[at + 4]!) >>> 0;
    lastIdle = reply[at] === READY_FOR_QUERY && length === 5 && reply[at + 5] === IDLE;
    at += 1 + length;
  }
  return lastIdle;
}

/** The simple-protocol Query message for `text`. */
export function simpleQuery(text: string): Uint8Array {
  const body = Buffer.from(`${text}\0`, 'utf8');
  const message = Buffer.alloc(5 + body.length);
  message[0] = 0x51; // 'Q'
  message.writeUInt32BE(4 + body.length, 1);
  body.copy(message, 5);
  return message;
}

/**
 * Several sessions over one engine that has a single session of its own (PGlite), as a server keeps
 * several connections apart.
 *
 * Exchanges run one at a time in the order they arrive, except that a session inside a transaction holds
 * the engine: until an answer leaves it idle again (COMMIT, ROLLBACK), only its own exchanges run and the
 * others wait. A statement outside a transaction is a transaction of its own, so exchanges of idle
 * sessions may follow one another in any mix, and several requests' reads can be queued at once without
 * one waiting for the answer to another. Prepared statements are kept apart by their names (see
 * `PgliteConnection`); LISTEN and the engine's settings are shared, which Leeway's sessions never change.
 */
export class EngineSessions {
  readonly #run: RunExchange;
  #queue: Waiting[] = [];
  #holder: number | null = null;
  #running = false;

  constructor(run: RunExchange) {
    this.#run = run;
  }

  /** Runs `message` for `session` once the engine is free for it; resolves with the answer's bytes. */
  exchange(session: number, message: Uint8Array): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ session, message, resolve, reject });
      void this.#pump();
    });
  }

  /**
   * A session is gone. If it held the engine (it ended inside a transaction), its transaction is rolled
   * back so the others can go on; `closing` (its prepared statements' Close messages and a Sync) is run
   * for it either way. Exchanges it still had queued run first.
   */
  async end(session: number, closing?: Uint8Array): Promise<void> {
    if (closing) await this.exchange(session, closing).catch(() => undefined);
    if (this.#holder === session) await this.exchange(session, simpleQuery('ROLLBACK')).catch(() => undefined);
  }

  /** Exchanges waiting, for tests and health. */
  get waiting(): number {
    return this.#queue.length;
  }

  async #pump(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      for (;;) {
        const holder = this.#holder;
        const index = holder === null ? 0 : this.#queue.findIndex((waiting) => waiting.session === holder);
        if (index < 0 || this.#queue.length === 0) return;
        const [next] = this.#queue.splice(index, 1) as [Waiting];
        try {
          const reply = await this.#run(next.message);
          this.#holder = leavesSessionIdle(reply) ? null : next.session;
          next.resolve(reply);
        } catch (error) {
          // The engine failed to run the exchange at all (not an SQL error, which comes as an answer).
          this.#holder = null;
          next.reject(error);
        }
        // Whoever waits for this answer hears it before the next exchange runs: on the engine's own thread,
        // that is when the answer is posted back; otherwise it would wait for the next exchange to finish.
        await undefined;
      }
    } finally {
      this.#running = false;
    }
  }
}
