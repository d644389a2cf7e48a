import { describe, expect, it } from 'vitest';
import type { OutgoingEmail } from '../core/outgoing-email.ts';
import { InvalidEmailError } from './invalid-email-error.ts';
import { toMailOptions } from './to-mail-options.ts';

const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n';

function makeEmail(overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    messageId: '<9f8e@leeway>',
    from: { name: 'Acme Recruiting', address: 'recruiting@acme.test' },
    to: [{ name: 'Ada Lovelace', address: 'ada@example.test' }],
    subject: 'Your interview',
    text: 'Hello Ada',
    ...overrides,
  };
}

describe('toMailOptions', () => {
  it('maps the email and forbids file and URL access', () => {
    expect(toMailOptions(makeEmail({ html: '<p>Hello</p>' }))).toEqual({
      messageId: '<9f8e@leeway>',
      from: { name: 'Acme Recruiting', address: 'recruiting@acme.test' },
      to: [{ name: 'Ada Lovelace', address: 'ada@example.test' }],
      subject: 'Your interview',
      text: 'Hello Ada',
      html: '<p>Hello</p>',
      headers: { 'Auto-Submitted': 'auto-generated' },
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  });

  it('marks every message as automatic (RFC 3834), so out-of-office replies are not sent to it', () => {
    expect(toMailOptions(makeEmail()).headers).toEqual({ 'Auto-Submitted': 'auto-generated' });
    expect(toMailOptions(makeEmail({ calendar: { method: 'CANCEL', ics } })).headers).toEqual({ 'Auto-Submitted': 'auto-generated' });
  });

  it('sends Reply-To when the email has one', () => {
    const mail = toMailOptions(makeEmail({ replyTo: { name: 'Grace Hopper', address: 'grace@acme.test' } }));
    expect(mail.replyTo).toEqual({ name: 'Grace Hopper', address: 'grace@acme.test' });
  });

  it('adds angle brackets to a bare message id', () => {
    expect(toMailOptions(makeEmail({ messageId: '9f8e@leeway' })).messageId).toBe('<9f8e@leeway>');
  });

  it('writes the calendar as a text/calendar alternative and a text/calendar attachment, both with the method', () => {
    const mail = toMailOptions(makeEmail({ calendar: { method: 'CANCEL', ics } }));
    expect(mail.icalEvent).toBeUndefined();
    expect(mail.alternatives).toEqual([{ contentType: 'text/calendar; charset=utf-8; method=CANCEL', content: ics }]);
    expect(mail.attachments).toEqual([
      { filename: 'cancel.ics', contentType: 'text/calendar; charset=utf-8; method=CANCEL', contentDisposition: 'attachment', content: ics },
    ]);
    const request = toMailOptions(makeEmail({ calendar: { method: 'REQUEST', ics: ics.replace('CANCEL', 'REQUEST') } }));
    expect(request.attachments).toEqual([expect.objectContaining({ filename: 'invite.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST' })]);
    const custom = toMailOptions(makeEmail({ calendar: { method: 'CANCEL', ics, filename: 'x.ics' } }));
    expect(custom.attachments).toEqual([expect.objectContaining({ filename: 'x.ics' })]);
  });

  it('refuses a calendar whose METHOD disagrees with the declared method', () => {
    expect(() => toMailOptions(makeEmail({ calendar: { method: 'REQUEST', ics } }))).toThrow(InvalidEmailError);
  });

  it('sends as the relay mailbox and keeps the author reachable through Reply-To', () => {
    const mail = toMailOptions(makeEmail(), { from: { address: 'no-reply@leeway.test' } });
    expect(mail.from).toEqual({ name: 'Acme Recruiting', address: 'no-reply@leeway.test' });
    expect(mail.replyTo).toEqual({ name: 'Acme Recruiting', address: 'recruiting@acme.test' });
  });

  it('keeps an explicit Reply-To, and changes nothing when the relay mailbox is the author', () => {
    const replyTo = { address: 'grace@acme.test' };
    expect(toMailOptions(makeEmail({ replyTo }), { from: { address: 'no-reply@leeway.test' } }).replyTo).toEqual({
      name: '',
      address: 'grace@acme.test',
    });
    const same = toMailOptions(makeEmail(), { from: { name: 'Other', address: 'RECRUITING@acme.test' } });
    expect(same.from).toEqual({ name: 'Acme Recruiting', address: 'recruiting@acme.test' });
    expect(same.replyTo).toBeUndefined();
  });

  it('flattens line breaks in the subject and display names', () => {
    const mail = toMailOptions(
      makeEmail({ subject: 'Hi\r\nBcc: evil@x.test', to: [{ name: 'Ada\nBcc: x', address: 'ada@example.test' }] }),
    );
    expect(mail.subject).toBe('Hi Bcc: evil@x.test');
    expect(mail.to).toEqual([{ name: 'Ada Bcc: x', address: 'ada@example.test' }]);
  });

  it.each<[string, Partial<OutgoingEmail>, string]>([
    ['no recipients', { to: [] }, 'to'],
    ['a message id without @', { messageId: '<nope>' }, 'messageId'],
    ['a message id with a line break', { messageId: '<a@b>\r\nBcc: x@y' }, 'messageId'],
    ['a recipient with a line break', { to: [{ address: 'ada@example.test\r\nBcc: x@y' }] }, 'to[0].address'],
    ['a list smuggled into one address', { to: [{ address: 'ada@example.test, eve@x.test' }] }, 'to[0].address'],
    ['a sender without @', { from: { address: 'acme' } }, 'from.address'],
  ])('refuses %s', (_label, overrides, field) => {
    expect(() => toMailOptions(makeEmail(overrides))).toThrow(expect.objectContaining({ name: 'InvalidEmailError', field }));
  });
});
