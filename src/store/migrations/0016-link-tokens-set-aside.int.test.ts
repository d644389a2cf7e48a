import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { foldLine } from '../../core/ical/fold-line.ts';
import { putBackLinkTokens } from '../../core/link-tokens-at-rest.ts';
import type { OutgoingEmail } from '../../core/outgoing-email.ts';
import { openLinkTokens } from '../sealed-link-tokens.ts';
import { testEngines } from '../testing/engines.ts';
import { storeForSuite } from '../testing/suite-store.ts';
import { down, up } from './0016-link-tokens-set-aside.ts';

const TOKEN = 'lw_cand_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';

function email(messageId: string): OutgoingEmail {
  const description = `DESCRIPTION:Move or cancel it at https://jobs.acme.test/c/${TOKEN} any time.`;
  return {
    messageId,
    from: { name: 'Acme', address: 'no-reply@acme.test' },
    to: [{ name: 'Ada', address: 'ada@example.test' }],
    subject: 'Your interview',
    text: `Move or cancel it at https://jobs.acme.test/c/${TOKEN}\n`,
    calendar: { method: 'REQUEST', ics: ['BEGIN:VCALENDAR', description, 'END:VCALENDAR'].map((line) => `${foldLine(line)}\r\n`).join('') },
  };
}

describe.each(testEngines())('migration 0016 (link tokens set aside) on $name', (engine) => {
  const suite = storeForSuite(engine);

  async function insert(messageId: string, status: string, payload: unknown): Promise<void> {
    const { rows } = await sql<{ id: string }>`SELECT id FROM organizations LIMIT 1`.execute(suite().db);
    await sql`INSERT INTO outbox (organization_id, message_id, kind, recipient, subject, payload, status)
      VALUES (${rows[0]!.id}::uuid, ${messageId}, 'confirmation', 'ada@example.test', 'Your interview', ${JSON.stringify(payload)}::jsonb, ${status})`.execute(suite().db);
  }

  async function rowOf(messageId: string) {
    const { rows } = await sql<{ payload: { email: OutgoingEmail }; linkTokens: string | null }>`
      SELECT payload, link_tokens FROM outbox WHERE message_id = ${messageId}`.execute(suite().db);
    return rows[0]!;
  }

  it('moves the tokens of pending messages out of their text, and back on the way down', async () => {
    await suite().opened.store.organizations.create({ name: 'Acme', timezone: 'UTC' });
    await down(suite().db);
    const pending = email('<pending@acme.test>');
    await insert(pending.messageId, 'pending', { email: pending });
    const sent = { ...email('<sent@acme.test>'), text: 'lw_cand_[redacted]' };
    await insert(sent.messageId, 'sent', { email: sent });
    await insert('<odd@acme.test>', 'pending', { nothing: true });

    await up(suite().db);
    const converted = await rowOf(pending.messageId);
    expect(JSON.stringify(converted.payload)).not.toContain(TOKEN.slice(8, 24));
    expect(converted.payload.email.text).toBe('Move or cancel it at https://jobs.acme.test/c/lw_cand_[redacted]\n');
    expect(putBackLinkTokens(converted.payload.email, openLinkTokens(converted.linkTokens, undefined))).toEqual(pending);
    expect(await rowOf(sent.messageId)).toEqual({ payload: { email: sent }, linkTokens: null });
    expect(await rowOf('<odd@acme.test>')).toEqual({ payload: { nothing: true }, linkTokens: null });

    await down(suite().db);
    const { rows } = await sql<{ payload: unknown }>`SELECT payload FROM outbox WHERE message_id = ${pending.messageId}`.execute(suite().db);
    expect(rows[0]!.payload).toEqual({ email: pending });
    await up(suite().db);
  });
});
