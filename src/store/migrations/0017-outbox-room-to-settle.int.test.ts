import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../testing/engines.ts';
import { storeForSuite } from '../testing/suite-store.ts';

describe.each(testEngines())('migration 0017 (outbox room to settle) on $name', (engine) => {
  const suite = storeForSuite(engine);

  it('leaves room on a full page for its messages to be settled where they are', async () => {
    const { id: organizationId } = await suite().opened.store.organizations.create({ name: 'Acme', timezone: 'UTC' });
    const at = new Date('2026-12-01T12:00:00Z');
    // About 1.5 kB a row: five would fill a page to the brim.
    const text = 'A message long enough that five fill a page. '.repeat(30);
    const written = [];
    for (let i = 0; i < 12; i += 1) {
      const messageId = `<fill-${i}@acme.test>`;
      written.push(await suite().opened.store.outbox.enqueue({ organizationId, messageId, kind: 'confirmation', recipient: 'a@example.test', subject: 'Hi', payload: { email: { messageId, text } } }, at));
    }
    const pageOf = async (id: string): Promise<string> => {
      const { rows } = await sql<{ page: string }>`SELECT (ctid::text::point)[0]::text AS page FROM outbox WHERE id = ${id}::uuid`.execute(suite().db);
      return rows[0]!.page;
    };
    const first = written[0]!.id;
    expect(await pageOf(written[1]!.id)).toBe(await pageOf(first));
    const before = await pageOf(first);
    await suite().opened.store.outbox.markKept(first);
    expect(await pageOf(first)).toBe(before);
    const { rows } = await sql<{ options: string[] | null }>`SELECT reloptions AS options FROM pg_class WHERE relname = 'outbox'`.execute(suite().db);
    expect(rows[0]!.options).toContain('fillfactor=70');
  });
});
