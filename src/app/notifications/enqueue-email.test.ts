import { describe, expect, it } from 'vitest';
import { DEFAULT_APP_CONFIG, deriveMailDomain } from '../context.ts';
import type { AppConfig } from '../context.ts';
import { newMessageId, outboxMessageFor } from './enqueue-email.ts';
import type { EmailToQueue } from './enqueue-email.ts';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

describe('deriveMailDomain', () => {
  it.each([
    ['https://jobs.acme.com', 'no-reply@mailer.example', 'jobs.acme.com'],
    ['https://JOBS.Acme.COM./careers', 'no-reply@mailer.example', 'jobs.acme.com'],
    ['https://leeway.acme.com:8443/', 'no-reply@mailer.example', 'leeway.acme.com'],
    ['https://bücher.example', 'no-reply@mailer.example', 'xn--bcher-kva.example'],
  ])('takes the public URL host when it is a domain: %s', (publicUrl, sender, expected) => {
    expect(deriveMailDomain(publicUrl, sender)).toBe(expected);
  });

  it.each([
    ['http://localhost:3000'],
    ['http://LOCALHOST'],
    ['http://leeway.localhost:3000'],
    ['http://127.0.0.1:8080'],
    ['http://10.1.2.3'],
    ['http://[::1]:3000'],
    ['http://[2001:db8::1]/'],
    ['http://leeway:3000'],
  ])('takes the sender address domain when the public URL host is an IP, localhost or a bare name: %s', (publicUrl) => {
    expect(deriveMailDomain(publicUrl, 'no-reply@Acme.TEST')).toBe('acme.test');
  });

  it('writes an internationalized sender domain in ASCII, as a Message-ID must be', () => {
    expect(deriveMailDomain('http://localhost', 'no-reply@bücher.example')).toBe('xn--bcher-kva.example');
  });

  it('refuses what gives no domain', () => {
    expect(() => deriveMailDomain('not a url', 'no-reply@acme.test')).toThrow(TypeError);
    expect(() => deriveMailDomain('http://localhost', 'no-reply')).toThrow(TypeError);
    expect(() => deriveMailDomain('http://localhost', 'no-reply@')).toThrow(TypeError);
  });

  it('gives the default configuration a domain of its own, not the bare "leeway"', () => {
    expect(DEFAULT_APP_CONFIG.mailDomain).toBe(
      deriveMailDomain(DEFAULT_APP_CONFIG.publicUrl, DEFAULT_APP_CONFIG.mailFrom.address),
    );
    expect(DEFAULT_APP_CONFIG.mailDomain).toContain('.');
  });
});

describe('newMessageId', () => {
  it('is <uuid@mail domain>, fresh each time', () => {
    const id = newMessageId('jobs.acme.com');
    expect(id).toMatch(new RegExp(`^<${UUID}@jobs\\.acme\\.com>$`));
    expect(newMessageId('jobs.acme.com')).not.toBe(id);
  });
});

describe('outboxMessageFor', () => {
  const config: Pick<AppConfig, 'mailFrom' | 'mailDomain'> = {
    mailFrom: { name: 'Leeway', address: 'no-reply@mailer.acme.com' },
    mailDomain: 'jobs.acme.com',
  };
  const email: EmailToQueue = {
    kind: 'confirmation',
    to: { name: 'Ada Lovelace', address: 'ada@example.test' },
    replyTo: { name: 'Grace Hopper', address: 'grace@acme.com' },
    subject: 'Your interview',
    text: 'Hello Ada',
    calendar: { method: 'REQUEST', ics: 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n', sequence: 2 },
  };

  it('sends as the organization through the configured address, with Reply-To and a Message-ID on the mail domain', () => {
    const at = new Date('2026-12-01T12:00:00Z');
    const { messageId, message } = outboxMessageFor({ organizationId: 'org-1', organizationName: 'Acme, Inc.', interviewId: 'int-1', config, secrets: undefined, at }, email);
    expect(messageId).toMatch(new RegExp(`^<${UUID}@jobs\\.acme\\.com>$`));
    expect(message).toMatchObject({
      organizationId: 'org-1',
      interviewId: 'int-1',
      messageId,
      kind: 'confirmation',
      recipient: 'ada@example.test',
      subject: 'Your interview',
      icsMethod: 'REQUEST',
      sequence: 2,
    });
    expect(message.payload).toEqual({
      email: {
        messageId,
        from: { name: 'Acme, Inc.', address: 'no-reply@mailer.acme.com' },
        to: [{ name: 'Ada Lovelace', address: 'ada@example.test' }],
        replyTo: { name: 'Grace Hopper', address: 'grace@acme.com' },
        subject: 'Your interview',
        text: 'Hello Ada',
        calendar: { method: 'REQUEST', ics: email.calendar?.ics },
      },
    });
  });
});
