import { describe, expect, it } from 'vitest';
import { decideReply } from './decide-reply.ts';
import type { ReplyEvent, ReplyFacts } from './decide-reply.ts';
import { readReply } from './read-reply.ts';
import { googleCalendar, outlookCalendar } from './testing/reply-mails.ts';
import type { ReplyShape } from './testing/reply-mails.ts';

const now = new Date('2026-12-01T12:00:00Z');
const start = new Date('2026-12-03T18:00:00Z');
const end = new Date('2026-12-03T19:00:00Z');
const event: ReplyEvent = {
  status: 'scheduled',
  start,
  end,
  sequence: 1,
  attendees: [
    { email: 'ada@example.test', name: 'Ada', role: 'candidate', memberId: null },
    { email: 'grace@acme.test', name: 'Grace', role: 'panelist', memberId: 'm-grace' },
  ],
  declinedSeats: [],
};
const base: ReplyShape = { uid: 'u1@acme.test', sequence: 1, attendee: { name: 'Grace', email: 'Grace@ACME.test' }, organizer: 'scheduling@acme.test', start, end, dtstamp: now };

function facts(calendar: string, over: Partial<ReplyFacts> = {}, mimeMethod?: string): ReplyFacts {
  const method = mimeMethod ?? /^METHOD:(\w+)/m.exec(calendar)?.[1] ?? null;
  const read = readReply([{ contentType: 'text/calendar', method, text: calendar }]);
  if (!read.ok) throw new Error(read.why);
  return { method: read.method, itip: read.itip, from: 'grace@acme.test', event, duplicate: false, lastDtstamp: null, now, ...over };
}

describe('readReply', () => {
  it('prefers the part with a method parameter over the attached invite.ics', () => {
    const reply = googleCalendar({ ...base, partstat: 'DECLINED' });
    const read = readReply([
      { contentType: 'text/plain', method: null, text: 'Invitation from Google Calendar' },
      { contentType: 'application/ics', method: null, text: 'garbage' },
      { contentType: 'text/calendar', method: 'REPLY', text: reply },
    ]);
    expect(read.ok).toBe(true);
  });

  it('refuses a MIME method that disagrees with the METHOD, a missing one, and methods that are no reply', () => {
    const reply = outlookCalendar(base);
    expect(readReply([{ contentType: 'text/calendar', method: 'REQUEST', text: reply }])).toMatchObject({ ok: false, why: expect.stringContaining('disagree') });
    expect(readReply([{ contentType: 'text/calendar', method: null, text: reply }])).toMatchObject({ ok: false, why: expect.stringContaining('no method parameter') });
    const request = outlookCalendar({ ...base, method: 'REQUEST' });
    expect(readReply([{ contentType: 'text/calendar', method: 'REQUEST', text: request }])).toMatchObject({ ok: false, uid: 'u1@acme.test', why: 'METHOD REQUEST is not a reply to an invitation' });
    expect(readReply([{ contentType: 'text/plain', method: null, text: 'hi' }])).toMatchObject({ ok: false, why: 'the email has no calendar part' });
  });
});

describe('decideReply', () => {
  it("a panelist's DECLINED (Outlook) gives up the seat; the candidate's (Google) cancels", () => {
    expect(decideReply(facts(outlookCalendar({ ...base, partstat: 'DECLINED' })))).toMatchObject({ outcome: 'apply', action: 'decline_seat', partstat: 'declined', attendee: { memberId: 'm-grace' } });
    const candidate = googleCalendar({ ...base, attendee: { name: 'Ada', email: 'ADA@example.test' }, partstat: 'DECLINED' });
    expect(decideReply(facts(candidate, { from: 'Ada@Example.Test' }))).toMatchObject({ outcome: 'apply', action: 'cancel', attendee: { role: 'candidate' } });
  });

  it("a panelist's DECLINED for a seat already declined is only recorded: no second hand-over", () => {
    const again = decideReply(facts(outlookCalendar({ ...base, partstat: 'DECLINED' }), { event: { ...event, declinedSeats: ['m-grace'] } }));
    expect(again).toMatchObject({ outcome: 'apply', action: 'record', partstat: 'declined', attendee: { memberId: 'm-grace' } });
  });

  it('records ACCEPTED and TENTATIVE; ignores NEEDS-ACTION and DELEGATED', () => {
    expect(decideReply(facts(googleCalendar({ ...base, partstat: 'ACCEPTED' })))).toMatchObject({ outcome: 'apply', action: 'record', partstat: 'accepted' });
    expect(decideReply(facts(outlookCalendar({ ...base, partstat: 'TENTATIVE' })))).toMatchObject({ outcome: 'apply', action: 'record', partstat: 'tentative' });
    expect(decideReply(facts(googleCalendar({ ...base, partstat: 'DELEGATED' })))).toMatchObject({ outcome: 'ignored', because: 'PARTSTAT DELEGATED is not acted on' });
  });

  it('a COUNTER with a new future time is a reschedule request', () => {
    const proposedStart = new Date('2026-12-04T18:00:00Z');
    const counter = outlookCalendar({ ...base, method: 'COUNTER', start: proposedStart, end: new Date('2026-12-04T19:00:00Z') });
    expect(decideReply(facts(counter))).toMatchObject({ outcome: 'apply', action: 'counter', proposed: { start: proposedStart } });
    const same = outlookCalendar({ ...base, method: 'COUNTER' });
    expect(decideReply(facts(same))).toMatchObject({ outcome: 'ignored', because: 'the COUNTER proposes the time the interview already has' });
  });

  it.each<[string, Partial<ReplyFacts>, Partial<ReplyShape>, RegExp]>([
    ['forged: the sender is not an attendee', { from: 'mallory@evil.test' }, {}, /not an attendee/],
    ['for someone else', {}, { attendee: { name: 'Ada', email: 'ada@example.test' } }, /answers for ada@example.test, not for its sender/],
    ['stale: an older SEQUENCE', {}, { sequence: 0 }, /older than the interview's/],
    ['a SEQUENCE never sent', {}, { sequence: 5 }, /newer than any version/],
    ['unknown UID', { event: null }, {}, /no interview of this organization/],
    ['cancelled', { event: { ...event, status: 'cancelled' } }, {}, /cancelled/],
    ['past', { now: new Date('2026-12-03T18:30:00Z') }, {}, /already started/],
    ['a duplicate', { duplicate: true }, {}, /same Message-ID/],
    ['out of order', { lastDtstamp: new Date('2026-12-01T13:00:00Z') }, {}, /older than this attendee's answer/],
    ['from the future', {}, { dtstamp: new Date('2026-12-05T00:00:00Z') }, /future/],
  ])('ignores a reply %s', (_name, over, shape, because) => {
    const decision = decideReply(facts(googleCalendar({ ...base, partstat: 'DECLINED', ...shape }), over));
    expect(decision.outcome).toBe('ignored');
    expect(decision.outcome === 'ignored' && decision.because).toMatch(because);
  });
});
