import { describe, expect, it } from 'vitest';
import type { OutgoingEmail } from '../core/outgoing-email.ts';
import { readOutboxEmail, toOutboxPayload } from './outbox-payload.ts';

const email: OutgoingEmail = {
  messageId: '<invite-1@leeway>',
  from: { name: 'Acme Recruiting', address: 'recruiting@acme.test' },
  to: [{ address: 'zoe@example.test' }],
  subject: 'Interview invitation',
  text: 'See you soon.',
  calendar: { method: 'REQUEST', ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' },
};

describe('readOutboxEmail', () => {
  it('reads back what toOutboxPayload wrote, through JSON', () => {
    const payload: unknown = JSON.parse(JSON.stringify(toOutboxPayload(email)));
    expect(readOutboxEmail({ messageId: email.messageId, payload })).toEqual({ ok: true, email });
  });

  it.each([
    ['no email', { mail: email }, /email/],
    ['a null payload', null, /expected { email: OutgoingEmail }/],
    ['no recipient', { email: { ...email, to: [] } }, /email\.to/],
    ['a subject that is not text', { email: { ...email, subject: 42 } }, /email\.subject/],
    ['an unknown calendar method', { email: { ...email, calendar: { method: 'PUBLISH', ics: 'x' } } }, /email\.calendar\.method/],
  ])('refuses %s with a clear error', (_name, payload, pattern) => {
    const result = readOutboxEmail({ messageId: email.messageId, payload });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/^Invalid outbox payload/);
      expect(result.error).toMatch(pattern);
    }
  });

  it("refuses an email whose Message-ID is not the row's", () => {
    const result = readOutboxEmail({ messageId: '<other@leeway>', payload: toOutboxPayload(email) });
    expect(result).toEqual({ ok: false, error: expect.stringContaining('<other@leeway>') });
  });
});
