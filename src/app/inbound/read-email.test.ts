import { describe, expect, it } from 'vitest';
import { readReply } from '../../core/inbound/read-reply.ts';
import { googleCalendar, googleReplyMail, outlookCalendar, outlookReplyMail } from '../../core/inbound/testing/reply-mails.ts';
import { readEmail } from './read-email.ts';

const shape = {
  uid: '040000008200E00074C5B7101A82E00800000000@acme.test',
  sequence: 0,
  attendee: { name: 'Grace Hopper', email: 'grace@acme.test' },
  organizer: 'scheduling@acme.test',
  start: new Date('2026-12-03T18:00:00Z'),
  end: new Date('2026-12-03T19:00:00Z'),
  dtstamp: new Date('2026-12-01T12:00:00Z'),
};
const mail = { from: { name: 'Grace Hopper', email: 'Grace@Acme.test' }, to: 'scheduling@acme.test', messageId: '<abc@mail.example>' };
const bytes = (text: string) => new TextEncoder().encode(text);

describe('readEmail: the MIME around a calendar reply', () => {
  it("reads Outlook's multipart/alternative with a base64 text/calendar; method=REPLY part", async () => {
    const email = await readEmail(bytes(outlookReplyMail({ ...mail, subject: 'Declined: Round 2' }, outlookCalendar({ ...shape, partstat: 'DECLINED' }))));
    expect(email).toMatchObject({ from: 'Grace@Acme.test', messageId: '<abc@mail.example>', subject: 'Declined: Round 2' });
    expect(email.parts.map((p) => [p.contentType, p.method])).toEqual([['text/calendar', 'REPLY']]);
    const read = readReply(email.parts);
    expect(read.ok && read.itip.attendees[0]).toEqual({ email: 'grace@acme.test', name: 'Grace Hopper', partstat: 'DECLINED' });
  });

  it("reads Google's multipart/mixed: the method part and the attached invite.ics without a method", async () => {
    const email = await readEmail(bytes(googleReplyMail(mail, googleCalendar({ ...shape, partstat: 'TENTATIVE' }))));
    expect(email.parts.map((p) => [p.contentType, p.method])).toEqual([
      ['text/calendar', 'REPLY'],
      ['application/ics', null],
    ]);
    expect(email.subject).toContain('Accepted: Interview @');
    const read = readReply(email.parts);
    expect(read.ok && read.method).toBe('REPLY');
  });

  it('reads a quoted-printable calendar part in a single-part message, and an 8-bit Latin-1 text part does no harm', async () => {
    const calendar = googleCalendar(shape).replace('SUMMARY:Interview', 'SUMMARY:Entretien =C3=A9quipe');
    const raw = [
      'From: =?utf-8?q?Ren=C3=A9e?= <renee@example.test>',
      'Message-ID: <qp@x>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary=b',
      '',
      '--b',
      'Content-Type: text/plain; charset=iso-8859-1',
      'Content-Transfer-Encoding: 8bit',
      '',
      'Accept\xe9',
      '--b',
      'Content-Type: text/calendar; charset=utf-8; method="REPLY"',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      calendar.replace(/=(?!C3|A9)/g, '=3D'),
      '--b--',
      '',
    ].join('\r\n');
    const email = await readEmail(Uint8Array.from(raw, (c) => c.charCodeAt(0)));
    expect(email.from).toBe('renee@example.test');
    expect(email.parts).toHaveLength(1);
    expect(email.parts[0]!.text).toContain('SUMMARY:Entretien équipe');
    expect(readReply(email.parts).ok).toBe(true);
  });

  it('reads a message that is a calendar part alone (single-part text/calendar)', async () => {
    const raw = `From: grace@acme.test\r\nMessage-ID: <one@x>\r\nMIME-Version: 1.0\r\nContent-Type: text/calendar; method=REPLY; charset=utf-8\r\n\r\n${googleCalendar(shape)}`;
    const email = await readEmail(bytes(raw));
    expect(email.parts.map((p) => [p.contentType, p.method])).toEqual([['text/calendar', 'REPLY']]);
    expect(readReply(email.parts).ok).toBe(true);
  });

  it('an email with no calendar at all has no parts, and garbage is read without throwing', async () => {
    expect((await readEmail(bytes('From: a@b.test\r\nSubject: hi\r\n\r\nhello'))).parts).toEqual([]);
    expect(await readEmail(bytes('\u0000\u0001 not mail'))).toMatchObject({ from: null, parts: [] });
  });
});
