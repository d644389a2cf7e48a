import { describe, expect, it } from 'vitest';
import { formatInZone, zonedToInstant } from '../zoned-time.ts';
import { CalendarDataError } from './busy-interval.ts';
import { expandBusy } from './expand-busy.ts';

const cal = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
const event = (...lines: string[]) => ['BEGIN:VEVENT', 'DTSTAMP:20260101T000000Z', ...lines, 'END:VEVENT'];

const WINDOW = { from: Date.parse('2026-10-01T00:00:00Z'), to: Date.parse('2027-04-01T00:00:00Z') };
const options = (zone = 'America/New_York') => ({ window: WINDOW, zone, maxIntervals: 1000 });
const local = (ms: number, zone = 'America/New_York') => formatInZone(new Date(ms), zone).slice(0, 16);

/** The Windows name Outlook writes, defined by the file's own VTIMEZONE (US rules since 2007). */
const EASTERN_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Eastern Standard Time',
  'BEGIN:STANDARD',
  'DTSTART:16010101T020000',
  'TZOFFSETFROM:-0400',
  'TZOFFSETTO:-0500',
  'RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:16010101T020000',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0400',
  'RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
];

describe('expandBusy', () => {
  it('keeps a weekly 09:00 New York meeting at 09:00 local across the November and March changes (IANA TZID)', () => {
    const text = cal(...event('UID:weekly@example.com', 'DTSTART;TZID=America/New_York:20261022T090000', 'DTEND;TZID=America/New_York:20261022T100000', 'RRULE:FREQ=WEEKLY;COUNT=24'));
    const { intervals } = expandBusy([text], options('Europe/London'));
    expect(intervals).toHaveLength(23); // the 24th, on 1 April, starts after the window
    for (const interval of intervals) {
      expect(local(interval.start)).toMatch(/T09:00$/);
      expect(interval.end - interval.start).toBe(3_600_000);
    }
    // Before the change 13:00Z, after it 14:00Z, after March 14 13:00Z again.
    expect(new Date(intervals[0]!.start).toISOString()).toBe('2026-10-22T13:00:00.000Z');
    expect(intervals.some((i) => new Date(i.start).toISOString() === '2026-11-05T14:00:00.000Z')).toBe(true);
    expect(intervals.some((i) => new Date(i.start).toISOString() === '2027-03-18T13:00:00.000Z')).toBe(true);
  });

  it('reads a zone defined only by the file’s VTIMEZONE (Outlook’s Windows names)', () => {
    const text = cal(
      ...EASTERN_VTIMEZONE,
      ...event('UID:outlook@example.com', 'DTSTART;TZID=Eastern Standard Time:20261029T090000', 'DTEND;TZID=Eastern Standard Time:20261029T093000', 'RRULE:FREQ=WEEKLY;UNTIL=20261210T235959Z'),
    );
    const { intervals } = expandBusy([text], options());
    expect(intervals.map((i) => new Date(i.start).toISOString())).toEqual([
      '2026-10-29T13:00:00.000Z',
      '2026-11-05T14:00:00.000Z',
      '2026-11-12T14:00:00.000Z',
      '2026-11-19T14:00:00.000Z',
      '2026-11-26T14:00:00.000Z',
      '2026-12-03T14:00:00.000Z',
      '2026-12-10T14:00:00.000Z',
    ]);
  });

  it('drops EXDATE occurrences and moves a RECURRENCE-ID override; a cancelled override frees its occurrence', () => {
    const text = cal(
      ...event(
        'UID:series@example.com',
        'DTSTART;TZID=America/New_York:20261102T150000',
        'DTEND;TZID=America/New_York:20261102T160000',
        'RRULE:FREQ=DAILY;COUNT=5',
        'EXDATE;TZID=America/New_York:20261103T150000',
      ),
      ...event('UID:series@example.com', 'RECURRENCE-ID;TZID=America/New_York:20261104T150000', 'DTSTART;TZID=America/New_York:20261104T170000', 'DTEND;TZID=America/New_York:20261104T173000'),
      ...event('UID:series@example.com', 'RECURRENCE-ID;TZID=America/New_York:20261105T150000', 'DTSTART;TZID=America/New_York:20261105T150000', 'DTEND;TZID=America/New_York:20261105T160000', 'STATUS:CANCELLED'),
    );
    const { intervals } = expandBusy([text], options());
    expect(intervals.map((i) => `${local(i.start)}–${local(i.end).slice(11)}`)).toEqual(['2026-11-02T15:00–16:00', '2026-11-04T17:00–17:30', '2026-11-06T15:00–16:00']);
    expect(new Set(intervals.map((i) => i.uid))).toEqual(new Set(['series@example.com']));
  });

  it('ignores transparent and cancelled events', () => {
    const text = cal(
      ...event('UID:free@example.com', 'DTSTART:20261110T140000Z', 'DTEND:20261110T150000Z', 'TRANSP:TRANSPARENT'),
      ...event('UID:gone@example.com', 'DTSTART:20261110T160000Z', 'DTEND:20261110T170000Z', 'STATUS:CANCELLED'),
      ...event('UID:busy@example.com', 'DTSTART:20261110T180000Z', 'DTEND:20261110T190000Z', 'TRANSP:OPAQUE', 'STATUS:CONFIRMED'),
    );
    expect(expandBusy([text], options()).intervals.map((i) => i.uid)).toEqual(['busy@example.com']);
  });

  it('makes an all-day event busy for the member’s whole local day(s), in the member’s zone', () => {
    const text = cal(...event('UID:offsite@example.com', 'DTSTART;VALUE=DATE:20261116', 'DTEND;VALUE=DATE:20261118'));
    const [tokyo] = expandBusy([text], options('Asia/Tokyo')).intervals;
    expect(new Date(tokyo!.start).toISOString()).toBe('2026-11-15T15:00:00.000Z');
    expect(new Date(tokyo!.end).toISOString()).toBe('2026-11-17T15:00:00.000Z');
    const [york] = expandBusy([text], options('America/New_York')).intervals;
    expect(local(york!.start)).toBe('2026-11-16T00:00');
    expect(local(york!.end)).toBe('2026-11-18T00:00');
  });

  it('an all-day event on the day the clocks change lasts that day’s 25 hours', () => {
    const text = cal(...event('UID:day@example.com', 'DTSTART;VALUE=DATE:20261101'));
    const [day] = expandBusy([text], options('America/New_York')).intervals;
    expect(day!.end - day!.start).toBe(25 * 3_600_000);
  });

  it('reads floating times in the member’s zone', () => {
    const text = cal(...event('UID:floating@example.com', 'DTSTART:20261201T090000', 'DTEND:20261201T100000'));
    const [berlin] = expandBusy([text], options('Europe/Berlin')).intervals;
    expect(new Date(berlin!.start).toISOString()).toBe('2026-12-01T08:00:00.000Z');
    const [york] = expandBusy([text], options('America/New_York')).intervals;
    expect(new Date(york!.start).toISOString()).toBe('2026-12-01T14:00:00.000Z');
  });

  it('keeps only what overlaps the window and says when it stopped at the cap', () => {
    const text = cal(...event('UID:daily@example.com', 'DTSTART:20200101T120000Z', 'DURATION:PT30M', 'RRULE:FREQ=DAILY'));
    const all = expandBusy([text], options());
    expect(all.truncated).toBe(false);
    expect(all.intervals).toHaveLength(182);
    expect(all.intervals[0]!.start).toBe(Date.parse('2026-10-01T12:00:00Z'));
    expect(all.intervals.at(-1)!.start).toBe(Date.parse('2027-03-31T12:00:00Z'));
    const capped = expandBusy([text], { ...options(), maxIntervals: 10 });
    expect(capped.truncated).toBe(true);
    expect(capped.limitsReached).toEqual({ intervals: true, steps: false });
    expect(capped.intervals).toHaveLength(10);
  });

  it('keeps the earliest intervals at the cap, whatever order the calendar lists them in', () => {
    const text = cal(
      ...event('UID:late@example.com', 'DTSTART:20270301T120000Z', 'DTEND:20270301T130000Z'),
      ...event('UID:daily@example.com', 'DTSTART:20261201T120000Z', 'DURATION:PT30M', 'RRULE:FREQ=DAILY;COUNT=5'),
    );
    const capped = expandBusy([text], { ...options(), maxIntervals: 3 });
    expect(capped.intervals.map((i) => new Date(i.start).toISOString())).toEqual(['2026-12-01T12:00:00.000Z', '2026-12-02T12:00:00.000Z', '2026-12-03T12:00:00.000Z']);
    expect(capped.limitsReached.intervals).toBe(true);
  });

  it('says so when one series runs past its own step limit inside the window', () => {
    // Every minute of the window: more occurrences than one series is followed for.
    const minutely = cal(...event('UID:tick@example.com', 'DTSTART:20261001T000000Z', 'DURATION:PT1M', 'RRULE:FREQ=MINUTELY'));
    const expanded = expandBusy([minutely], { ...options(), maxIntervals: 100_000, maxSteps: 100_000 });
    expect(expanded.limitsReached).toEqual({ intervals: false, steps: true });
  });

  it('reads several objects (a CalDAV answer) as one calendar', () => {
    const a = cal(...event('UID:a@example.com', 'DTSTART:20261201T140000Z', 'DTEND:20261201T150000Z'));
    const b = cal(...event('UID:b@example.com', 'DTSTART:20261201T120000Z', 'DTEND:20261201T130000Z'));
    expect(expandBusy([a, b], options()).intervals.map((i) => i.uid)).toEqual(['b@example.com', 'a@example.com']);
  });

  it('leaves out an unreadable object among readable ones', () => {
    const good = cal(...event('UID:good@example.com', 'DTSTART:20261201T140000Z', 'DTEND:20261201T150000Z'));
    expect(expandBusy(['BEGIN:VCALENDAR\r\nBROKEN', good], options()).intervals.map((i) => i.uid)).toEqual(['good@example.com']);
  });

  it('stops following recurrences at its budget and says so', () => {
    const minutely = cal(...event('UID:tick@example.com', 'DTSTART:20000101T000000Z', 'DURATION:PT1M', 'RRULE:FREQ=MINUTELY'));
    expect(expandBusy([minutely], { ...options(), maxSteps: 2_000 }).limitsReached).toEqual({ intervals: false, steps: true });
  });

  it.each([
    ['as it runs', []],
    // An occurrence of January 2015 moved to Christmas Eve 2026: the series is then followed from its start.
    ['with an override from long ago', ['RECURRENCE-ID;TZID=America/New_York:20150108T090000', 'DTSTART;TZID=America/New_York:20261224T120000', 'DTEND;TZID=America/New_York:20261224T130000']],
  ])('expands a fortnightly series running since 2015 exactly and quickly, %s', (_name, override: string[]) => {
    const text = cal(
      ...event('UID:fortnight@example.com', 'DTSTART;TZID=America/New_York:20150106T090000', 'DTEND;TZID=America/New_York:20150106T093000', 'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH'),
      ...(override.length > 0 ? event('UID:fortnight@example.com', ...override) : []),
    );
    const started = performance.now();
    const { intervals, truncated } = expandBusy([text], options());
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(truncated).toBe(false);
    // The oracle: every Tuesday and Thursday of every other week from 6 January 2015, at 09:00 New York time.
    const expected: string[] = [];
    for (let day = 0; day < 4_500; day += 1) {
      const date = new Date(Date.UTC(2015, 0, 6 + day));
      if (Math.floor(day / 7) % 2 !== 0 || ![2, 4].includes(date.getUTCDay())) continue;
      const start = zonedToInstant(`${date.toISOString().slice(0, 10)}T09:00`, 'America/New_York').getTime();
      if (start + 1_800_000 > WINDOW.from && start < WINDOW.to) expected.push(new Date(start).toISOString());
    }
    if (override.length > 0) expected.push('2026-12-24T17:00:00.000Z');
    expected.sort();
    expect(intervals.map((i) => new Date(i.start).toISOString())).toEqual(expected);
    expect(expected.length).toBeGreaterThan(20);
  });

  it('refuses what is not iCalendar', () => {
    expect(() => expandBusy(['<html>Sign in</html>'], options())).toThrow(CalendarDataError);
    expect(() => expandBusy(['BEGIN:VCARD\r\nVERSION:4.0\r\nEND:VCARD\r\n'], options())).toThrow(CalendarDataError);
  });
});
