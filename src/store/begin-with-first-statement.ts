import pg from 'pg';

type QueryFunction = (...args: unknown[]) => unknown;

/** What the driver hands back for a transaction-control statement, and what the query builder reads of it. */
interface ControlResult {
  command: string;
  rowCount: null;
  rows: never[];
  fields: never[];
}

/** The driver's view of a connection: the statements it has prepared there. */
interface DriverConnection {
  parsedStatements?: Record<string, string>;
  parse(query: { text: string; name?: string }): void;
  bind(config: Record<string, never>): void;
  execute(config: Record<string, never>): void;
}

const controlResult = (command: string): ControlResult => ({ command, rowCount: null, rows: [], fields: [] });

/** The parts of the driver's query that are not in its published types. */
interface DriverQuery {
  prepare(connection: DriverConnection): void;
  handleCommandComplete(message: unknown, connection: unknown): void;
}

type QueryWithCallback = pg.QueryConfig & { callback: (error: Error | null, result: unknown) => void };
const DriverQueryClass = pg.Query as unknown as new (config: QueryWithCallback) => DriverQuery;
const driverQuery = DriverQueryClass.prototype;

/**
 * A statement sent with the `BEGIN` of its transaction in front of it, in one pipeline: parse, bind and
 * execute of `BEGIN`, then the statement's own messages and one sync. The server runs both and answers
 * once, so a transaction's first statement costs one round trip instead of two. What comes back for the
 * `BEGIN` is passed over; the statement's answer, rows or error, is the query's.
 *
 * An error in the statement leaves the transaction begun and failed, as the same two statements sent one
 * after the other would; the transaction's owner rolls it back.
 */
class StatementAfterBegin extends DriverQueryClass {
  #beginAnswered = false;

  override prepare(connection: DriverConnection): void {
    connection.parse({ text: 'begin' });
    connection.bind({});
    connection.execute({});
    driverQuery.prepare.call(this, connection);
  }

  override handleCommandComplete(message: unknown, connection: unknown): void {
    if (!this.#beginAnswered) {
      this.#beginAnswered = true;
      return;
    }
    driverQuery.handleCommandComplete.call(this, message, connection);
  }
}

/**
 * Makes a connection hold back the `begin` of a transaction (as the query builder sends it: the bare word,
 * no parameters) and send it in one pipeline with the transaction's first statement (see
 * {@link StatementAfterBegin}). A transaction that ends before any statement is never begun at all: its
 * `commit` or `rollback` is answered here, as the server would answer it.
 *
 * The first statement travels with its `begin` when it has parameters (the extended protocol, which can
 * carry both) and, if it is named, once it is prepared on this connection: the driver takes the `begin`'s
 * parse for the statement's own, and would believe a statement prepared whose own parse then failed.
 * Otherwise (and for the driver's own query objects, such as cursors) the `begin` goes first on its own, as
 * it always did.
 *
 * `send` is the connection's query function underneath (the driver's own); the returned function takes
 * its place.
 */
export function beginWithFirstStatement(client: pg.ClientBase, send: QueryFunction): QueryFunction {
  let beginHeld = false;
  const connection = (): DriverConnection | undefined => (client as unknown as { connection?: DriverConnection }).connection;
  return (...args: unknown[]): unknown => {
    const [first, values] = args;
    if (typeof args.at(-1) === 'function') {
      // The callback form is the driver's own; it never follows a held begin from the query builder.
      return send(...args);
    }
    const text = typeof first === 'string' ? first : (first as { text?: unknown } | undefined)?.text;
    const parameters = typeof first === 'string' ? values : (first as { values?: unknown } | undefined)?.values;
    const bare = typeof first === 'string' && (values === undefined || (Array.isArray(values) && values.length === 0));
    if (!beginHeld) {
      if (bare && text === 'begin') {
        beginHeld = true;
        return Promise.resolve(controlResult('BEGIN'));
      }
      return send(...args);
    }
    beginHeld = false;
    if (bare && (text === 'commit' || text === 'rollback')) return Promise.resolve(controlResult(text.toUpperCase()));
    const name = typeof first === 'string' ? undefined : (first as { name?: unknown } | undefined)?.name;
    const prepared = name === undefined || (typeof name === 'string' && connection()?.parsedStatements?.[name] !== undefined);
    const submittable = typeof first === 'object' && first !== null && typeof (first as { submit?: unknown }).submit === 'function';
    if (!submittable && typeof text === 'string' && Array.isArray(parameters) && parameters.length > 0 && prepared) {
      return new Promise((resolve, reject) => {
        const query = new StatementAfterBegin({
          text,
          values: parameters,
          ...(typeof name === 'string' ? { name } : {}),
          callback: (error, result) => (error ? reject(error) : resolve(result)),
        });
        send(query);
      });
    }
    // The driver runs a connection's queries in the order they were given: the begin goes first, on its
    // own, and a failure of it (a lost connection) fails the statement queued behind it too.
    (send('begin') as Promise<unknown>).catch(() => undefined);
    return send(...args);
  };
}
