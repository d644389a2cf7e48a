import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { putBackLinkTokens, setAsideLinkTokens } from '../../core/link-tokens-at-rest.ts';
import type { OutgoingEmail } from '../../core/outgoing-email.ts';
import { openLinkTokens, sealLinkTokens } from '../sealed-link-tokens.ts';

/** Pending messages converted per statement pair. */
const BATCH = 500;

/**
 * A message's link tokens rest apart from its text (`outbox.link_tokens`, sealed when the server has a
 * secret key): the text is stored redacted from the start, so sending or keeping a message no longer
 * rewrites it. Messages still pending are converted here; a migration has no key, so their tokens move
 * to the column as plain JSON, as clear as they were in the text, and leave it when the message is settled.
 * Settled messages were redacted when they were settled and stay as they are.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE outbox ADD COLUMN link_tokens text`.execute(db);
  await sql`ALTER TABLE outbox ALTER COLUMN link_tokens SET STATISTICS 0`.execute(db);
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await sql<{ id: string; payload: { email?: OutgoingEmail } }>`
      SELECT id, payload FROM outbox WHERE status = 'pending' AND channel = 'email' AND id > ${after}::uuid ORDER BY id LIMIT ${BATCH}`.execute(db);
    if (rows.length === 0) return;
    for (const row of rows) {
      const email = row.payload.email;
      if (email === undefined || typeof email.text !== 'string' || typeof email.subject !== 'string') continue;
      const { email: stored, tokens } = setAsideLinkTokens(email);
      if (tokens.length === 0) continue;
      await sql`UPDATE outbox SET payload = ${JSON.stringify({ ...row.payload, email: stored })}::jsonb, link_tokens = ${sealLinkTokens(tokens, undefined)}
        WHERE id = ${row.id}::uuid`.execute(db);
    }
    after = rows[rows.length - 1]!.id;
  }
}

/** Pending messages get their tokens back into their text. */
export async function down(db: Kysely<unknown>): Promise<void> {
  // One-word names: the answer's keys are the same with or without the camel-casing plugin.
  const { rows } = await sql<{ id: string; payload: { email: OutgoingEmail }; tokens: string }>`
    SELECT id, payload, link_tokens AS tokens FROM outbox WHERE link_tokens IS NOT NULL`.execute(db);
  for (const row of rows) {
    // Sealed tokens cannot be opened without the key: those messages keep their redacted text.
    if (!row.tokens.startsWith('[')) continue;
    const email = putBackLinkTokens(row.payload.email, openLinkTokens(row.tokens, undefined));
    await sql`UPDATE outbox SET payload = ${JSON.stringify({ ...row.payload, email })}::jsonb WHERE id = ${row.id}::uuid`.execute(db);
  }
  await sql`ALTER TABLE outbox DROP COLUMN IF EXISTS link_tokens`.execute(db);
}
