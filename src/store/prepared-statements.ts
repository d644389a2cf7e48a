import type pg from 'pg';

/** How many distinct statements a pool prepares, and how many it remembers having seen once. */
export interface PreparedStatementLimits {
  /** Statements prepared on every connection at most (each costs the server memory per connection). */
  prepared: number;
  /** Statements seen once remembered at most; beyond it the memory of them starts afresh. */
  seenOnce: number;
}

export const DEFAULT_PREPARED_STATEMENT_LIMITS: PreparedStatementLimits = { prepared: 400, seenOnce: 4_000 };

/**
 * Gives a name to each statement text that the pool's connections send again and again, so that a
 * connection parses and plans it once and afterwards only binds and runs it.
 *
 * The query builder makes the same text for the same query, but also a new text for every length of an
 * `IN (…)` list or a multi-row insert. Names are therefore given only to texts seen a second time, and to at
 * most `prepared` of them: a text that never repeats costs nothing, and the server never holds more than
 * `prepared` statements per connection. Statements without parameters (transaction control, migrations that
 * hold several statements) keep the simple protocol, which cannot carry a name.
 */
export class StatementNames {
  private readonly named = new Map<string, string>();
  private seenOnce = new Set<string>();

  constructor(private readonly limits: PreparedStatementLimits = DEFAULT_PREPARED_STATEMENT_LIMITS) {}

  /** The name to prepare `text` under, or undefined to send it unprepared. */
  nameFor(text: string): string | undefined {
    const known = this.named.get(text);
    if (known !== undefined || this.named.size >= this.limits.prepared) return known;
    if (!this.seenOnce.delete(text)) {
      if (this.seenOnce.size >= this.limits.seenOnce) this.seenOnce = new Set();
      this.seenOnce.add(text);
      return undefined;
    }
    const name = `leeway_${this.named.size + 1}`;
    this.named.set(text, name);
    return name;
  }

  /** How many texts have a name. */
  get size(): number {
    return this.named.size;
  }
}

export type QueryFunction = (...args: unknown[]) => unknown;

/**
 * The driver's own `query` of a client, looked up on each call, so a wrapper put on the class later (the
 * tests' statement log) still sees every call.
 */
export function driverQuery(client: pg.ClientBase): QueryFunction {
  const prototype = Object.getPrototypeOf(client) as { query: QueryFunction };
  return (...args) => prototype.query.apply(client, args);
}

/**
 * Makes `client.query(text, values)` — the form Kysely calls — send a named statement when `names` gives
 * the text one, through `send` (by default the driver's own query). Every other form of the call is passed
 * on untouched.
 */
export function prepareRepeatedStatements(client: pg.ClientBase, names: StatementNames, send: QueryFunction = driverQuery(client)): void {
  const named = (...args: unknown[]): unknown => {
    const [text, values, callback] = args;
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && callback === undefined) {
      const name = names.nameFor(text);
      if (name !== undefined) return send({ name, text, values });
    }
    return send(...args);
  };
  client.query = named as typeof client.query;
}
