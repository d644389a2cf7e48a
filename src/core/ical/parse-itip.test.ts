import { describe, expect, it } from 'vitest';
import { googleCalendar, outlookCalendar } from '../inbound/testing/reply-mails.ts';
import { parseItip } from './parse-itip.ts';

const shape = {
  uid: 'f1e2d3c4@acme.test',
  sequence: 2,
  attendee: { name: 'Ada Lovelace', email: 'Ada@Example.test' },
  organizer: 'scheduling@acme.test',
  start: new Date('2026-12-03T18:00:00Z'),
  end: new Date('2026-12-03T19:00:00Z'),
  dtstamp: new Date('2026-12-01T12:00:00Z'),
};

describe('parseItip', () => {
  it("reads Outlook's reply: Windows zone placed by its VTIMEZONE, X- properties ignored", () => {
    const parsed = parseItip(outlookCalendar({ ...shape, partstat: 'DECLINED' }));
    expect(parsed).toEqual({
      ok: true,
      message: {
        method: 'REPLY',
        uid: shape.uid,
        sequence: 2,
        dtstamp: shape.dtstamp,
        start: shape.start,
        end: shape.end,
        organizer: null,
        attendees: [{ email: 'Ada@Example.test', name: 'Ada Lovelace', partstat: 'DECLINED' }],
        comment: null,
      },
    });
  });

  it("reads Google's reply with UTC times and the organizer", () => {
    const parsed = parseItip(googleCalendar({ ...shape, partstat: 'TENTATIVE', comment: 'Might be late' }));
    if (!parsed.ok) throw new Error(parsed.why);
    expect(parsed.message).toMatchObject({ method: 'REPLY', organizer: 'scheduling@acme.test', comment: 'Might be late', start: shape.start });
    expect(parsed.message.attendees[0]!.partstat).toBe('TENTATIVE');
  });

  it('places an IANA TZID without a VTIMEZONE', () => {
    const text = googleCalendar(shape).replace(/DTSTART:\S+/, 'DTSTART;TZID=Europe/Berlin:20261203T190000');
    const parsed = parseItip(text);
    expect(parsed.ok && parsed.message.start).toEqual(new Date('2026-12-03T18:00:00Z'));
  });

  it.each([
    ['not iCalendar at all', 'Hello there'],
    ['no VEVENT', 'BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nEND:VCALENDAR\r\n'],
    ['no UID', googleCalendar(shape).replace(/UID:.*\r\n/, '')],
    ['a floating time', googleCalendar(shape).replace(/DTSTART:(\S+)Z/, 'DTSTART:$1')],
    ['an unknown zone', googleCalendar(shape).replace(/DTSTART:(\S+)Z/, 'DTSTART;TZID=Mars/Olympus:$1')],
    ['a negative sequence', googleCalendar(shape).replace('SEQUENCE:2', 'SEQUENCE:-1')],
    ['an end before the start', googleCalendar(shape).replace(/DTEND:\S+/, 'DTEND:20261201T000000Z')],
  ])('refuses a calendar with %s, in words', (_name, text) => {
    const parsed = parseItip(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.why.length).toBeGreaterThan(5);
  });

  it('keeps the UID of an event whose times cannot be used, so the reply is recorded against its interview', () => {
    const floating = parseItip(googleCalendar(shape).replace(/DTSTART:(\S+)Z/, 'DTSTART:$1'));
    expect(floating).toEqual({ ok: false, why: 'DTSTART is a floating time (no zone)', uid: shape.uid });
    const unknownZone = parseItip(googleCalendar(shape).replace(/DTEND:(\S+)Z/, 'DTEND;TZID=Mars/Olympus:$1'));
    expect(unknownZone).toMatchObject({ ok: false, uid: shape.uid });
  });
});

