import { sql } from 'kysely';
import pg from 'pg';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectDatabase } from './connect.ts';
import type { DatabaseHandle } from './connect.ts';
import { createScratchDatabase } from './testing/engines.ts';
import { recordQueries } from './testing/query-log.ts';
import type { QueryLog } from './testing/query-log.ts';

/**
 * A transaction's `begin` is sent in one pipeline with its first statement. What must hold: the statement
 * really runs inside the transaction (a rollback takes it back), its answer is its own, an error in it
 * fails the transaction and leaves the connection clean, and an empty transaction costs nothing.
 */

interface Notes {
  notes: { id: number; note: string };
}

const engines: Array<{ name: string; open(): Promise<{ handle: DatabaseHandle; drop(): Promise<void> }> }> = [
  { name: 'pglite', open: async () => ({ handle: await connectDatabase({ engine: 'pglite', dataDir: 'memory://' }), drop: async () => undefined }) },
];
const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  engines.push({
    name: 'postgres',
    open: async () => {
      const scratch = await createScratchDatabase(serverUrl);
      // One connection, so that a statement prepared by one transaction is prepared for the next.
      return { handle: await connectDatabase({ engine: 'postgres', url: scratch.url, poolSize: 1 }), drop: scratch.drop };
    },
  });
}

describe.each(engines)('begin sent with the first statement on $name', (engine) => {
  let handle: DatabaseHandle;
  let drop: () => Promise<void>;
  let db: Kysely<Notes>;
  let log: QueryLog;

  beforeAll(async () => {
    ({ handle, drop } = await engine.open());
    db = handle.db as unknown as Kysely<Notes>;
    await sql`CREATE TABLE notes (id int PRIMARY KEY, note text NOT NULL)`.execute(db);
    log = recordQueries();
  });
  afterAll(async () => {
    log?.restore();
    await handle?.db.destroy();
    await drop?.();
  });
  beforeEach(async () => {
    await sql`DELETE FROM notes`.execute(db);
  });

  const ids = async () => (await db.selectFrom('notes').select('id').orderBy('id').execute()).map((row) => row.id);

  it('sends the begin and the first statement as one round trip, and the statement runs inside the transaction', async () => {
    const { statements } = await log.during(() =>
      db
        .transaction()
        .execute(async (tx) => {
          await tx.insertInto('notes').values({ id: 1, note: 'first' }).execute();
          await tx.insertInto('notes').values({ id: 2, note: 'second' }).execute();
          throw new Error('changed my mind');
        })
        .catch((error: Error) => error.message),
    );
    expect(statements).toEqual([
      'insert into "notes" ("id", "note") values ($1, $2)',
      'insert into "notes" ("id", "note") values ($1, $2)',
      'rollback',
    ]);
    // Had the first insert run outside the transaction, it would have stayed.
    expect(await ids()).toEqual([]);
  });

  it("gives the statement's own answer: its rows and the rows it changed", async () => {
    await db.insertInto('notes').values([{ id: 1, note: 'a' }, { id: 2, note: 'b' }]).execute();
    const rows = await db.transaction().execute((tx) => tx.selectFrom('notes').select(['id', 'note']).where('id', '>', 0).orderBy('id').execute());
    expect(rows).toEqual([{ id: 1, note: 'a' }, { id: 2, note: 'b' }]);
    const updated = await db.transaction().execute((tx) => tx.updateTable('notes').set({ note: 'c' }).where('id', '>', 0).executeTakeFirst());
    expect(updated.numUpdatedRows).toBe(2n);
    const returned = await db.transaction().execute((tx) => tx.insertInto('notes').values({ id: 3, note: 'd' }).returning(['id', 'note']).execute());
    expect(returned).toEqual([{ id: 3, note: 'd' }]);
  });

  it('fails the transaction on an error in the first statement, with that error, and leaves the connection clean', async () => {
    await db.insertInto('notes').values({ id: 1, note: 'kept' }).execute();
    const failure = await db
      .transaction()
      .execute((tx) => tx.insertInto('notes').values({ id: 1, note: 'again' }).execute())
      .catch((error: { code?: string }) => error);
    expect(failure).toMatchObject({ code: '23505' });
    // The next transaction on the same connection starts afresh and commits.
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('notes').values({ id: 2, note: 'next' }).execute();
    });
    // Outside a transaction too: a connection left in the failed one would refuse this (25P02).
    expect(await ids()).toEqual([1, 2]);
  });

  it('commits work that began with the statement', async () => {
    const { statements } = await log.during(() =>
      db.transaction().execute(async (tx) => {
        await tx.insertInto('notes').values({ id: 5, note: 'five' }).execute();
      }),
    );
    expect(statements).toEqual(['insert into "notes" ("id", "note") values ($1, $2)', 'commit']);
    expect(await ids()).toEqual([5]);
  });

  it('sends nothing for a transaction that runs no statement', async () => {
    const { statements } = await log.during(async () => {
      await db.transaction().execute(async () => undefined);
      await db
        .transaction()
        .execute(async () => {
          throw new Error('before anything');
        })
        .catch(() => undefined);
    });
    expect(statements).toEqual([]);
  });

  it('sends the begin on its own before a first statement without parameters, which still runs inside the transaction', async () => {
    const { statements } = await log.during(() =>
      db
        .transaction()
        .execute(async (tx) => {
          await sql`INSERT INTO notes (id, note) VALUES (7, 'literal')`.execute(tx);
          throw new Error('changed my mind');
        })
        .catch(() => undefined),
    );
    expect(statements).toEqual(['begin', "INSERT INTO notes (id, note) VALUES (7, 'literal')", 'rollback']);
    expect(await ids()).toEqual([]);
  });

  it('gives the connection one query at a time when the held statements go on their own, and runs the statement after them', async () => {
    const overlaps = countOverlappingQueries();
    try {
      await db.transaction().execute(async (tx) => {
        await sql`SAVEPOINT "first"`.execute(tx);
        // Without parameters: the begin and the savepoint go on their own, before it.
        await sql`INSERT INTO notes (id, note) VALUES (8, 'after two')`.execute(tx);
      });
    } finally {
      overlaps.restore();
    }
    expect(overlaps.count).toBe(0);
    expect(await ids()).toEqual([8]);
  });

  it('sends the begin on its own before a named statement not yet prepared on the connection, then with it', async () => {
    // The pool names a text the second time it is sent; a text of its own keeps this test apart from the others.
    const first = () => db.transaction().execute((tx) => tx.selectFrom('notes').select('note').where('id', '=', 42).execute());
    const runs = [];
    for (let run = 0; run < 4; run += 1) runs.push((await log.during(first)).statements);
    // Not named, then named and prepared with the begin on its own, then named and prepared: one trip.
    expect(runs[0]).toEqual(['select "note" from "notes" where "id" = $1', 'commit']);
    expect(runs[1]).toEqual(['begin', 'select "note" from "notes" where "id" = $1', 'commit']);
    expect(runs[2]).toEqual(['select "note" from "notes" where "id" = $1', 'commit']);
    expect(runs[3]).toEqual(runs[2]);
  });

  it('sends savepoints and their releases with the statement after them, and never those nothing followed', async () => {
    const insert = 'insert into "notes" ("id", "note") values ($1, $2)';
    const { statements } = await log.during(() =>
      db.transaction().execute(async (tx) => {
        await sql`SAVEPOINT "kept"`.execute(tx);
        await tx.insertInto('notes').values({ id: 1, note: 'kept' }).execute();
        await sql`RELEASE SAVEPOINT "kept"`.execute(tx);
        // Nothing runs between this savepoint and its rollback: neither is sent.
        await sql`SAVEPOINT "empty"`.execute(tx);
        await sql`ROLLBACK TO SAVEPOINT "empty"`.execute(tx);
        await sql`SAVEPOINT "undone"`.execute(tx);
        await tx.insertInto('notes').values({ id: 2, note: 'undone' }).execute();
        await sql`ROLLBACK TO SAVEPOINT "undone"`.execute(tx);
        await sql`RELEASE SAVEPOINT "undone"`.execute(tx);
        await tx.insertInto('notes').values({ id: 3, note: 'kept too' }).execute();
        await sql`SAVEPOINT "last"`.execute(tx);
      }),
    );
    expect(statements).toEqual([insert, insert, 'ROLLBACK TO SAVEPOINT "undone"', insert, 'commit']);
    expect(await ids()).toEqual([1, 3]);
  });

  it('rolls back to a savepoint sent with a statement that failed, and goes on', async () => {
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('notes').values({ id: 1, note: 'one' }).execute();
      await sql`SAVEPOINT "part"`.execute(tx);
      await expect(tx.insertInto('notes').values({ id: 1, note: 'again' }).execute()).rejects.toMatchObject({ code: '23505' });
      await sql`ROLLBACK TO SAVEPOINT "part"`.execute(tx);
      await tx.insertInto('notes').values({ id: 2, note: 'two' }).execute();
    });
    expect(await ids()).toEqual([1, 2]);
  });

  it('leaves a transaction with an isolation level as it was', async () => {
    const { statements } = await log.during(() =>
      db
        .transaction()
        .setIsolationLevel('serializable')
        .execute((tx) => tx.insertInto('notes').values({ id: 9, note: 'nine' }).execute()),
    );
    expect(statements[0]).toBe('start transaction isolation level serializable');
    expect(await ids()).toEqual([9]);
  });
});

/**
 * Counts calls of a client's query made while that client still had another query running or waiting:
 * the driver queues them, but its queue is deprecated (pg@9 drops it), so the connection's wrappers must
 * give it one at a time.
 */
function countOverlappingQueries(): { readonly count: number; restore(): void } {
  const original = pg.Client.prototype.query;
  let count = 0;
  pg.Client.prototype.query = function (this: pg.Client & { _activeQuery?: unknown; _queryQueue?: unknown[] }, ...args: unknown[]) {
    if (this._activeQuery || (this._queryQueue?.length ?? 0) > 0) count += 1;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
  return {
    get count() {
      return count;
    },
    restore: () => {
      pg.Client.prototype.query = original;
    },
  };
}
