import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInterviewCalendar, type BuildInterviewCalendarOptions } from './build-interview-calendar.ts';
import { IcalInputError } from './ical-input-error.ts';
import { summarizeCalendar } from './testing/summarize-calendar.ts';

function makeOptions(overrides: Partial<BuildInterviewCalendarOptions> = {}): BuildInterviewCalendarOptions {
  return {
    method: 'REQUEST',
    uid: 'a1b2c3@leeway',
    sequence: 0,
    // 2025-03-30 01:30 in London is inside the DST gap: in UTC it is an ordinary instant.
    start: new Date('2025-03-30T01:30:00Z'),
    end: new Date('2025-03-30T02:15:00Z'),
    dtstamp: new Date('2025-03-01T08:00:00.789Z'),
    summary: 'Interview: Data Engineer',
    organizer: { name: 'Acme Recruiting', email: 'recruiting@acme.test' },
    attendees: [
      { name: 'Ada Lovelace', email: 'ada@example.test', partstat: 'NEEDS-ACTION' },
      { name: 'Grace Hopper', email: 'grace@acme.test', partstat: 'ACCEPTED', role: 'CHAIR' },
    ],
    ...overrides,
  };
}

describe('buildInterviewCalendar', () => {
  it('writes a REQUEST that ical.js reads back with UTC times', () => {
    const summary = summarizeCalendar(buildInterviewCalendar(makeOptions()));
    expect(summary).toMatchObject({
      method: 'REQUEST',
      uid: 'a1b2c3@leeway',
      sequence: 0,
      start: '2025-03-30T01:30:00.000Z',
      end: '2025-03-30T02:15:00.000Z',
      // DATE-TIME has whole seconds: the milliseconds are dropped, not rounded.
      dtstamp: '2025-03-01T08:00:00.000Z',
      status: 'CONFIRMED',
      description: null,
      location: null,
      url: null,
    });
    expect(summary.attendees).toEqual([
      { cn: 'Ada Lovelace', email: 'mailto:ada@example.test', role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION', rsvp: 'TRUE' },
      { cn: 'Grace Hopper', email: 'mailto:grace@acme.test', role: 'CHAIR', partstat: 'ACCEPTED', rsvp: 'FALSE' },
    ]);
  });

  it('orders the calendar as iTIP receivers expect and ends every line with CRLF', () => {
    const ics = buildInterviewCalendar(makeOptions());
    expect(ics.replace(/\r\n /g, '').split('\r\n')).toEqual([
      'BEGIN:VCALENDAR',
      'PRODID:-//Leeway//Leeway Interview Scheduling//EN',
      'VERSION:2.0',
      'CALSCALE:GREGORIAN',
      'METHOD:REQUEST',
      'BEGIN:VEVENT',
      'UID:a1b2c3@leeway',
      'SEQUENCE:0',
      'DTSTAMP:20250301T080000Z',
      'DTSTART:20250330T013000Z',
      'DTEND:20250330T021500Z',
      'SUMMARY:Interview: Data Engineer',
      'ORGANIZER;CN=Acme Recruiting:mailto:recruiting@acme.test',
      'ATTENDEE;CN=Ada Lovelace;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:ada@example.test',
      'ATTENDEE;CN=Grace Hopper;ROLE=CHAIR;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:grace@acme.test',
      'STATUS:CONFIRMED',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes the same instant whatever zone the input Date was made in', () => {
    const fromOffset = buildInterviewCalendar(
      makeOptions({ start: new Date('2025-03-30T07:00:00+05:30'), end: new Date('2025-03-30T07:45:00+05:30') }),
    );
    expect(fromOffset).toContain('\r\nDTSTART:20250330T013000Z\r\n');
    expect(fromOffset).toContain('\r\nDTEND:20250330T021500Z\r\n');
  });

  it('keeps the UID and raises nothing on its own: a reschedule and a cancel carry what they are given', () => {
    const request = summarizeCalendar(buildInterviewCalendar(makeOptions()));
    const reschedule = summarizeCalendar(
      buildInterviewCalendar(
        makeOptions({ sequence: 1, start: new Date('2025-04-01T09:00:00Z'), end: new Date('2025-04-01T10:00:00Z') }),
      ),
    );
    const cancel = summarizeCalendar(buildInterviewCalendar(makeOptions({ method: 'CANCEL', sequence: 2 })));
    expect([request.uid, reschedule.uid, cancel.uid]).toEqual(['a1b2c3@leeway', 'a1b2c3@leeway', 'a1b2c3@leeway']);
    expect([request.sequence, reschedule.sequence, cancel.sequence]).toEqual([0, 1, 2]);
    expect(reschedule.start).toBe('2025-04-01T09:00:00.000Z');
    expect(cancel).toMatchObject({ method: 'CANCEL', status: 'CANCELLED' });
  });

  it('does not ask for replies in a CANCEL unless told to', () => {
    const cancel = summarizeCalendar(buildInterviewCalendar(makeOptions({ method: 'CANCEL', sequence: 1 })));
    expect(cancel.attendees.map((attendee) => attendee.rsvp)).toEqual(['FALSE', 'FALSE']);
  });

  it('writes an explicit status and PRODID', () => {
    const summary = summarizeCalendar(
      buildInterviewCalendar(makeOptions({ status: 'TENTATIVE', prodId: '-//Acme//Hiring//EN' })),
    );
    expect(summary).toMatchObject({ status: 'TENTATIVE', prodId: '-//Acme//Hiring//EN' });
  });

  it('keeps a URL verbatim: it is a URI, not TEXT, so commas and semicolons are not escaped', () => {
    const url = 'https://leeway.test/c/tok?a=1,2;b=3&c=%20';
    const ics = buildInterviewCalendar(makeOptions({ url }));
    expect(ics.replace(/\r\n /g, '')).toContain(`\r\nURL:${url}\r\n`);
    expect(summarizeCalendar(ics).url).toBe(url);
  });

  it('survives emoji, accents, commas and long text through folding and escaping', () => {
    const description = `${'Merci, Zoë; à bientôt! 👩🏽‍💻 '.repeat(20)}\nLigne 2: C:\\temp\\x`;
    const options = makeOptions({
      summary: 'Entretien 🎉 — Développeuse, Zürich; étape 2',
      description,
      location: 'Bahnhofstraße 1, 8001 Zürich',
      organizer: { name: 'Équipe, Recrutement: "Talent"', email: 'talent@acme.test' },
      attendees: [{ name: 'Zoë Ångström-Núñez 😀', email: 'zoe@example.test', partstat: 'TENTATIVE' }],
    });
    const ics = buildInterviewCalendar(options);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(summarizeCalendar(ics)).toMatchObject({
      summary: options.summary,
      description,
      location: options.location,
      organizer: { cn: 'Équipe, Recrutement: "Talent"', email: 'mailto:talent@acme.test' },
      attendees: [{ cn: 'Zoë Ångström-Núñez 😀', partstat: 'TENTATIVE' }],
    });
  });

  it('round-trips any text through ical.js', () => {
    // Line breaks come back as \n whatever their form; controls other than HTAB are not allowed in TEXT.
    const normalize = (text: string) => text.replace(/\r\n|\r/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.string({ unit: 'binary', maxLength: 120 }),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
        (description, summaryText, name) => {
          const ics = buildInterviewCalendar(
            makeOptions({
              summary: summaryText,
              description,
              attendees: [{ name, email: 'ada@example.test', partstat: 'NEEDS-ACTION' }],
            }),
          );
          const read = summarizeCalendar(ics);
          expect(read.description).toBe(normalize(description));
          expect(read.summary).toBe(normalize(summaryText));
          expect(read.attendees[0]?.cn).toBe(name.replace(/\r\n|[\u0000-\u0008\u000A-\u001F\u007F]/g, ' '));
        },
      ),
      { numRuns: 300 },
    );
  });

  describe('a calendar object to import (method: null)', () => {
    // RFC 4791 §4.1: a stored calendar object has no METHOD. It is what a download or a CalDAV store holds:
    // the event itself, not a message asking anyone to do anything with it.
    it('has no METHOD, and ical.js reads the same event back', () => {
      const ics = buildInterviewCalendar(makeOptions({ method: null, sequence: 3 }));
      expect(ics).not.toMatch(/(^|\r\n)METHOD[:;]/);
      const summary = summarizeCalendar(ics);
      expect(summary).toMatchObject({
        method: null,
        uid: 'a1b2c3@leeway',
        sequence: 3,
        start: '2025-03-30T01:30:00.000Z',
        end: '2025-03-30T02:15:00.000Z',
        status: 'CONFIRMED',
        organizer: { cn: 'Acme Recruiting', email: 'mailto:recruiting@acme.test' },
      });
      // Nobody answers an imported copy: no attendee is asked for a reply, unless told so.
      expect(summary.attendees).toEqual([
        { cn: 'Ada Lovelace', email: 'mailto:ada@example.test', role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION', rsvp: 'FALSE' },
        { cn: 'Grace Hopper', email: 'mailto:grace@acme.test', role: 'CHAIR', partstat: 'ACCEPTED', rsvp: 'FALSE' },
      ]);
    });

    it('orders the object like the iTIP form, without the METHOD line', () => {
      const lines = buildInterviewCalendar(makeOptions({ method: null })).replace(/\r\n /g, '').split('\r\n');
      const itip = buildInterviewCalendar(makeOptions()).replace(/\r\n /g, '').split('\r\n');
      expect(lines).toEqual(
        itip
          .filter((line) => line !== 'METHOD:REQUEST')
          .map((line) => line.replace(';RSVP=TRUE:', ';RSVP=FALSE:')),
      );
    });

    it('shows a called-off interview as CANCELLED, and may have no attendee at all', () => {
      const cancelled = summarizeCalendar(buildInterviewCalendar(makeOptions({ method: null, status: 'CANCELLED', sequence: 4 })));
      expect(cancelled).toMatchObject({ method: null, status: 'CANCELLED', sequence: 4 });
      const alone = summarizeCalendar(buildInterviewCalendar(makeOptions({ method: null, attendees: [] })));
      expect(alone).toMatchObject({ method: null, attendees: [] });
    });

    it('round-trips any text through ical.js, as the iTIP form does', () => {
      const normalize = (text: string) => text.replace(/\r\n|\r/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 80 }), (description, location) => {
          const read = summarizeCalendar(buildInterviewCalendar(makeOptions({ method: null, description, location })));
          expect(read.method).toBeNull();
          expect(read.description).toBe(normalize(description));
          expect(read.location).toBe(normalize(location));
        }),
        { numRuns: 200 },
      );
    });
  });

  describe('refuses input it cannot write faithfully', () => {
    it.each<[string, Partial<BuildInterviewCalendarOptions>, string]>([
      ['an invalid start', { start: new Date('nope') }, 'start'],
      ['an invalid dtstamp', { dtstamp: new Date(Number.NaN) }, 'dtstamp'],
      ['an end before the start', { end: new Date('2025-03-30T01:00:00Z') }, 'end'],
      ['an empty interval', { end: new Date('2025-03-30T01:30:00Z') }, 'end'],
      ['a year past 9999', { end: new Date('+010000-01-01T00:00:00Z') }, 'end'],
      ['a negative sequence', { sequence: -1 }, 'sequence'],
      ['a fractional sequence', { sequence: 1.5 }, 'sequence'],
      ['an empty uid', { uid: ' ' }, 'uid'],
      ['no attendees', { attendees: [] }, 'attendees'],
      ['a CANCEL with no attendees', { method: 'CANCEL', attendees: [] }, 'attendees'],
      ['an iTIP method Leeway does not send', { method: 'PUBLISH' as never }, 'method'],
      ['a CANCEL that is not CANCELLED', { method: 'CANCEL', status: 'CONFIRMED' }, 'status'],
      ['a REQUEST that is CANCELLED', { status: 'CANCELLED' }, 'status'],
      ['an organizer address with a line break', { organizer: { name: 'X', email: 'x@acme.test\r\nATTENDEE:mailto:evil@x' } }, 'organizer.email'],
      ['an attendee address without @', { attendees: [{ name: 'X', email: 'nobody', partstat: 'ACCEPTED' }] }, 'attendees[0].email'],
      ['a URL with a space', { url: 'https://x.test/a b' }, 'url'],
      ['a URL with a line break', { url: 'https://x.test/\r\nSTATUS:CANCELLED' }, 'url'],
    ])('%s', (_label, overrides, field) => {
      const build = () => buildInterviewCalendar(makeOptions(overrides));
      expect(build).toThrow(IcalInputError);
      try {
        build();
      } catch (error) {
        expect((error as IcalInputError).field).toBe(field);
      }
    });

    it('accepts a CANCEL with an explicit CANCELLED status', () => {
      expect(buildInterviewCalendar(makeOptions({ method: 'CANCEL', status: 'CANCELLED' }))).toContain(
        '\r\nSTATUS:CANCELLED\r\n',
      );
    });
  });
});
