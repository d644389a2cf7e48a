import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../testing/engines.ts';
import { storeForSuite } from '../testing/suite-store.ts';
import { down, up } from './0022-message-bodies-lz4.ts';

/** A body long enough to be compressed whatever the method: an email's text repeated, as calendars repeat. */
const LONG_BODY = 'Your interview is confirmed for Tuesday at 10:00 in your time zone. '.repeat(120);

async function storeMessage(db: Kysely<unknown>, organizationId: string, messageId: string): Promise<string | null> {
  await sql`
    INSERT INTO outbox (organization_id, message_id, kind, recipient, subject, payload)
    VALUES (${organizationId}, ${messageId}, 'confirmation', 'ada@example.com', 'Confirmed', ${JSON.stringify({ text: LONG_BODY })}::jsonb)`.execute(db);
  const { rows } = await sql<{ method: string | null; text: string }>`
    SELECT pg_column_compression(payload) AS method, payload->>'text' AS text FROM outbox WHERE message_id = ${messageId}`.execute(db);
  expect(rows[0]!.text).toBe(LONG_BODY);
  return rows[0]!.method;
}

async function serverOffersLz4(db: Kysely<unknown>): Promise<boolean> {
  const { rows } = await sql<{ enumvals: string[] }>`SELECT enumvals FROM pg_settings WHERE name = 'default_toast_compression'`.execute(db);
  return rows[0]!.enumvals.includes('lz4');
}

describe.each(testEngines())('migration 0022 (message bodies in LZ4) on $name', (engine) => {
  const suite = storeForSuite(engine);

  it('compresses new message bodies with LZ4 where the server offers it, and with its default elsewhere', async () => {
    const { store } = suite().opened;
    const db = suite().db;
    const organization = await store.organizations.create({ name: 'Acme', timezone: 'UTC' });
    const offered = await serverOffersLz4(db);
    // The embedded engine is built without LZ4; PostgreSQL as Debian builds it offers it.
    if (engine.name === 'pglite') expect(offered).toBe(false);
    expect(await storeMessage(db, organization.id, '<lz4-1@test>')).toBe(offered ? 'lz4' : 'pglz');
  });

  it("undone, stores new bodies with the server's default method and still reads the older ones; done again, LZ4 again", async () => {
    const { store } = suite().opened;
    const db = suite().db;
    const organization = await store.organizations.create({ name: 'Acme', timezone: 'UTC' });
    const offered = await serverOffersLz4(db);
    const before = await storeMessage(db, organization.id, '<lz4-2@test>');
    await down(db);
    const { rows: defaults } = await sql<{ method: string }>`SELECT current_setting('default_toast_compression') AS method`.execute(db);
    expect(await storeMessage(db, organization.id, '<lz4-3@test>')).toBe(defaults[0]!.method);
    const { rows } = await sql<{ text: string }>`SELECT payload->>'text' AS text FROM outbox WHERE message_id = '<lz4-2@test>'`.execute(db);
    expect(rows[0]!.text).toBe(LONG_BODY);
    await up(db);
    expect(await storeMessage(db, organization.id, '<lz4-4@test>')).toBe(before);
    expect(before).toBe(offered ? 'lz4' : 'pglz');
  });
});
