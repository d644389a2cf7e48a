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
 * Transaction control that changes nothing by itself, and so may wait for the statement after it: the
 * `begin` as the query builder sends it, and a savepoint's creation or release (`Store.asOneTransaction`).
 */
const HELD_CONTROL = /^(begin|savepoint "[^"]+"|release savepoint "[^"]+")$/i;
/** A rollback to a savepoint, whose name is caught. */
const ROLLBACK_TO_SAVEPOINT = /^rollback to savepoint ("[^"]+")$/i;

/** The command tag the server would answer a held control statement with. */
function commandOf(text: string): string {
  if (/^begin$/i.test(text)) return 'BEGIN';
  return /^savepoint/i.test(text) ? 'SAVEPOINT' : 'RELEASE';
}

/**
 * A statement sent with the control statements held for it in front of it (the `BEGIN` of its
 * transaction, savepoints), in one pipeline: parse, bind and execute of each, then the statement's own
 * messages and one sync. The server runs them all and answers once, so they cost no round trip of their
 * own. What comes back for the control statements is passed over; the statement's answer, rows or error,
 * is the query's.
 *
 * An error in the statement leaves the transaction begun (and the savepoints made) and failed, as the same
 * statements sent one after the other would; the transaction's owner rolls it back.
 */
class StatementAfterControls extends DriverQueryClass {
  readonly #controls: readonly string[];
  #unanswered: number;

  constructor(config: QueryWithCallback, controls: readonly string[]) {
    super(config);
    this.#controls = controls;
    this.#unanswered = controls.length;
  }

  override prepare(connection: DriverConnection): void {
    for (const text of this.#controls) {
      connection.parse({ text });
      connection.bind({});
      connection.execute({});
    }
    driverQuery.prepare.call(this, connection);
  }

  override handleCommandComplete(message: unknown, connection: unknown): void {
    if (this.#unanswered > 0) {
      this.#unanswered -= 1;
      return;
    }
    driverQuery.handleCommandComplete.call(this, message, connection);
  }
}

/**
 * Makes a connection hold back the `begin` of a transaction and the making and releasing of savepoints
 * (as the query builder and the store send them: bare words, no parameters) and send them in one pipeline
 * with the next statement (see {@link StatementAfterControls}). Held statements that nothing follows cost
 * nothing: a transaction that ends before any statement is never begun at all (its `commit` or `rollback`
 * is answered here, as the server would answer it); a savepoint rolled back to, or released, before any
 * statement, and savepoints still held at the commit or rollback, are never sent.
 *
 * The next statement takes them along when it has parameters (the extended protocol, which can carry
 * them all) and, if it is named, once it is prepared on this connection: the driver takes the first
 * parse for the statement's own, and would believe a statement prepared whose own parse then failed.
 * Otherwise (and for the driver's own query objects, such as cursors) the held statements go first, each
 * on its own, as they always did.
 *
 * `send` is the connection's query function underneath (the driver's own); the returned function takes
 * its place.
 */
export function beginWithFirstStatement(client: pg.ClientBase, send: QueryFunction): QueryFunction {
  let held: string[] = [];
  const connection = (): DriverConnection | undefined => (client as unknown as { connection?: DriverConnection }).connection;
  // The held statements go first, each on its own and one after the other, and the call once they are
  // answered: a client is given one query at a time (the driver's queue of waiting queries is on its way
  // out), and a failure of one (a lost connection) fails the call behind them, which is then not sent.
  const afterHeld = (...args: unknown[]): unknown => {
    const controls = held;
    held = [];
    const answered = controls.reduce<Promise<unknown>>((before, text) => before.then(() => send(text)), Promise.resolve());
    const last = args.at(-1);
    if (typeof last === 'function') {
      answered.then(() => send(...args), (error: unknown) => (last as (error: unknown) => void)(error));
      return undefined;
    }
    const [first] = args;
    if (typeof first === 'object' && first !== null && typeof (first as { submit?: unknown }).submit === 'function') {
      // The driver's own query objects (a cursor) are answered through themselves, not a promise.
      answered.then(
        () => send(first),
        (error: unknown) => (first as { handleError?: (error: unknown) => void }).handleError?.(error),
      );
      return first;
    }
    return answered.then(() => send(...args));
  };
  return (...args: unknown[]): unknown => {
    const [first, values] = args;
    if (typeof args.at(-1) === 'function') {
      // The callback form is the driver's own, and carries nothing along.
      return held.length === 0 ? send(...args) : afterHeld(...args);
    }
    const text = typeof first === 'string' ? first : (first as { text?: unknown } | undefined)?.text;
    const parameters = typeof first === 'string' ? values : (first as { values?: unknown } | undefined)?.values;
    const bare = typeof first === 'string' && (values === undefined || (Array.isArray(values) && values.length === 0));
    if (bare && typeof text === 'string') {
      if (HELD_CONTROL.test(text)) {
        held.push(text);
        return Promise.resolve(controlResult(commandOf(text)));
      }
      if (/^(commit|rollback)$/i.test(text) && held.length > 0) {
        const begun = !held.some((control) => /^begin$/i.test(control));
        held = [];
        // Savepoints not yet made change nothing before the end; a transaction not yet begun has nothing to end.
        return begun ? send(...args) : Promise.resolve(controlResult(text.toUpperCase()));
      }
      const rollbackTo = ROLLBACK_TO_SAVEPOINT.exec(text);
      const savepointAt = rollbackTo ? held.findIndex((control) => control.toLowerCase() === `savepoint ${rollbackTo[1]!.toLowerCase()}`) : -1;
      if (savepointAt >= 0) {
        // Nothing ran since the savepoint was held: dropping what was held after it is the rollback (the
        // savepoint itself stays, as it does on the server).
        held = held.slice(0, savepointAt + 1);
        return Promise.resolve(controlResult('ROLLBACK'));
      }
    }
    if (held.length === 0) return send(...args);
    const name = typeof first === 'string' ? undefined : (first as { name?: unknown } | undefined)?.name;
    const prepared = name === undefined || (typeof name === 'string' && connection()?.parsedStatements?.[name] !== undefined);
    const submittable = typeof first === 'object' && first !== null && typeof (first as { submit?: unknown }).submit === 'function';
    if (!submittable && typeof text === 'string' && Array.isArray(parameters) && parameters.length > 0 && prepared) {
      const controls = held;
      held = [];
      return new Promise((resolve, reject) => {
        const query = new StatementAfterControls(
          { text, values: parameters, ...(typeof name === 'string' ? { name } : {}), callback: (error, result) => (error ? reject(error) : resolve(result)) },
          controls,
        );
        send(query);
      });
    }
    return afterHeld(...args);
  };
}
