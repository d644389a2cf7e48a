import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { MultistatusError, calendarQueryBody, isCalendarCollection, readCalendarObjects } from './caldav.ts';

describe('calendarQueryBody', () => {
  it('asks for VEVENTs overlapping the window with their calendar data', () => {
    const body = calendarQueryBody({ from: Date.parse('2026-12-01T00:00:00Z'), to: Date.parse('2027-03-01T12:30:00Z') });
    expect(body).toContain('<C:time-range start="20261201T000000Z" end="20270301T123000Z"/>');
    expect(body).toContain('<C:comp-filter name="VEVENT">');
    expect(body).toContain('<C:calendar-data/>');
  });
});

describe('readCalendarObjects', () => {
  const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a&b@example.com\r\nSUMMARY:R&D <sync>\r\nDTSTART:20261201T140000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
  const escaped = ics.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

  it('reads escaped and CDATA calendar data under any prefix, skipping non-200 propstats', () => {
    const xml = `<?xml version="1.0"?>
<multistatus xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <response><href>/u/cal/a.ics</href><propstat><prop><getetag>"1"</getetag><C:calendar-data>${escaped}</C:calendar-data></prop><status>HTTP/1.1 200 OK</status></propstat></response>
  <response><href>/u/cal/b.ics</href><propstat><prop><cal:calendar-data xmlns:cal="urn:ietf:params:xml:ns:caldav"><![CDATA[${ics}]]></cal:calendar-data></prop><status>HTTP/1.1 200 OK</status></propstat>
    <propstat><prop><C:calendar-data/></prop><status>HTTP/1.1 404 Not Found</status></propstat></response>
</multistatus>`;
    const objects = readCalendarObjects(xml);
    expect(objects).toHaveLength(2);
    for (const object of objects) {
      const event = new ICAL.Component(ICAL.parse(object)).getFirstSubcomponent('vevent')!;
      expect(event.getFirstPropertyValue('uid')).toBe('a&b@example.com');
      expect(event.getFirstPropertyValue('summary')).toBe('R&D <sync>');
    }
  });

  it('reads an empty calendar as no objects and refuses what is not a multistatus', () => {
    expect(readCalendarObjects('<d:multistatus xmlns:d="DAV:"/>')).toEqual([]);
    expect(readCalendarObjects('<d:multistatus xmlns:d="DAV:"></d:multistatus>')).toEqual([]);
    expect(() => readCalendarObjects('<html><body>Welcome</body></html>')).toThrow(MultistatusError);
  });
});

describe('isCalendarCollection', () => {
  it('tells a calendar from a principal or a plain collection', () => {
    const answer = (types: string) =>
      `<?xml version='1.0'?><multistatus xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><response><href>/a/</href><propstat><prop><resourcetype>${types}</resourcetype></prop><status>HTTP/1.1 200 OK</status></propstat></response></multistatus>`;
    expect(isCalendarCollection(answer('<C:calendar /><collection />'))).toBe(true);
    expect(isCalendarCollection(answer('<collection/><cal:calendar xmlns:cal="urn:ietf:params:xml:ns:caldav"/>'))).toBe(true);
    expect(isCalendarCollection(answer('<principal /><collection />'))).toBe(false);
    expect(isCalendarCollection(answer('<collection/><C:calendar-proxy-read/>'))).toBe(false);
    expect(() => isCalendarCollection('Welcome')).toThrow(MultistatusError);
  });
});
