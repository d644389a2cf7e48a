import { CamelCasePlugin, DummyDriver, Kysely, PostgresAdapter, PostgresDialect, sql } from 'kysely';
import type { Compilable, DatabaseIntrospector, Dialect, QueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import { CamelCaseAnswers, SnakeCaseDialect } from './snake-case-dialect.ts';

interface Tables {
  interviewPanel: { organizationId: string; interviewId: string; memberId: string; position: number };
  interviews: { id: string; organizationId: string; startAt: Date; endAt: Date; offeredSlots: string };
  'weird"Name': { someColumn: string };
}

/** A dialect that compiles with `compiler` and never connects. */
function offline(compiler: () => QueryCompiler): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: () => ({}) as DatabaseIntrospector,
    createQueryCompiler: compiler,
  };
}

const ours = new Kysely<Tables>({ dialect: offline(() => new SnakeCaseDialect({ pool: {} as never }).createQueryCompiler()), plugins: [new CamelCaseAnswers()] });
const kyselys = new Kysely<Tables>({ dialect: offline(() => new PostgresDialect({ pool: {} as never }).createQueryCompiler()), plugins: [new CamelCasePlugin()] });

/** The same query built on both, compiled by each. */
function both(build: (db: Kysely<Tables>) => Compilable): [unknown, unknown] {
  const compiled = (db: Kysely<Tables>) => {
    const { sql: text, parameters } = build(db).compile();
    return { text, parameters };
  };
  return [compiled(ours), compiled(kyselys)];
}

describe('SnakeCaseDialect', () => {
  it('writes what CamelCasePlugin would, for the shapes the repositories use', () => {
    const shapes: Array<(db: Kysely<Tables>) => Compilable> = [
      (db) => db.selectFrom('interviews').select(['id', 'startAt as beganAt']).where('organizationId', '=', 'o').orderBy('endAt', 'desc').limit(3),
      (db) =>
        db
          .with('panelRows', (w) => w.insertInto('interviewPanel').values([{ organizationId: 'o', interviewId: 'i', memberId: 'm', position: 0 }]))
          .insertInto('interviews')
          .values({ id: 'i', organizationId: 'o', startAt: new Date(0), endAt: new Date(1), offeredSlots: '[]' })
          .returning(['id', 'offeredSlots']),
      (db) =>
        db
          .selectFrom('interviews as i')
          .innerJoin('interviewPanel as p', 'p.interviewId', 'i.id')
          .select((eb) => [eb.ref('p.memberId').as('panelMember'), sql<string>`upper(${sql.ref('i.organizationId')})`.as('orgUpper')])
          .where(({ exists, selectFrom }) => exists(selectFrom('interviewPanel').select('memberId').whereRef('interviewPanel.interviewId', '=', 'i.id'))),
      (db) => db.updateTable('interviews').set({ endAt: new Date(2) }).where('id', '=', 'i').returningAll(),
      (db) => db.selectFrom('weird"Name').select('someColumn'),
    ];
    for (const shape of shapes) {
      const [mine, theirs] = both(shape);
      expect(mine).toEqual(theirs);
    }
    expect(both(shapes[0]!)[0]).toMatchObject({ text: expect.stringContaining('"organization_id"') });
  });

  it('leaves the query tree to the dialect but still names the answers in camelCase, nested objects too', async () => {
    const plugin = new CamelCaseAnswers();
    const node = ours.selectFrom('interviews').select('startAt').toOperationNode();
    expect(plugin.transformQuery({ node, queryId: { queryId: 'q' } })).toBe(node);
    const result = await plugin.transformResult({
      queryId: { queryId: 'q' },
      result: { rows: [{ start_at: 1, panel_rows: [{ member_id: 'm' }], the_snapshot: { inner_key: 2 } }] },
    });
    expect(result.rows).toEqual([{ startAt: 1, panelRows: [{ memberId: 'm' }], theSnapshot: { innerKey: 2 } }]);
  });
});
