import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshDueCalendarSources } from '../app/calendars/refresh-due-sources.ts';
import { radicaleAvailable, startRadicale } from '../app/calendars/testing/radicale-server.ts';
import type { RadicaleServer } from '../app/calendars/testing/radicale-server.ts';
import { NINE_TO_FIVE, startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

interface Source {
  id: string;
  status: string;
  error: string | null;
  busyCount: number;
  username: string | null;
  hasPassword: boolean;
  lastSuccessAt: string | null;
}

async function json<T>(response: Response | Promise<Response>, status = 200): Promise<T> {
  const res = await response;
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

const ada = { name: 'ada', password: 'correct horse' };

/**
 * Thursdays 09:00–10:00 in New York from 4 March 2027, across the start of daylight time on 14 March,
 * the 25th taken out; and an all-day offsite on Monday 22 March.
 */
const EVENTS = {
  'sync.ics': [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Calendar client//EN',
    'BEGIN:VEVENT',
    'UID:thursday-sync@client.example',
    'DTSTAMP:20270201T000000Z',
    'DTSTART;TZID=America/New_York:20270304T090000',
    'DTEND;TZID=America/New_York:20270304T100000',
    'RRULE:FREQ=WEEKLY;COUNT=5',
    'EXDATE;TZID=America/New_York:20270325T090000',
    'SUMMARY:Team sync',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n'),
  'offsite.ics': [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Calendar client//EN',
    'BEGIN:VEVENT',
    'UID:offsite@client.example',
    'DTSTAMP:20270201T000000Z',
    'DTSTART;VALUE=DATE:20270322',
    'DTEND;VALUE=DATE:20270323',
    'SUMMARY:Offsite',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n'),
};

describe.skipIf(!radicaleAvailable)('an interviewer’s CalDAV calendar on a real radicale server', () => {
  let server: TestServer;
  let radicale: RadicaleServer;
  let calendarUrl: string;
  let member: string;
  let source: Source;

  beforeAll(async () => {
    radicale = await startRadicale([ada]);
    calendarUrl = await radicale.makeCalendar(ada, 'work');
    for (const [name, ics] of Object.entries(EVENTS)) await radicale.putEvent(ada, calendarUrl, name, ics);
    server = await startTestServer({ now: '2027-03-01T12:00:00Z' });
    member = (
      await json<{ id: string }>(
        server.call('POST', '/api/v1/members', { name: 'Ada', email: 'ada@acme.test', role: 'interviewer', timezone: 'America/New_York', workingHours: NINE_TO_FIVE }),
        201,
      )
    ).id;
  }, 30_000);
  afterAll(async () => {
    await server?.close();
    await radicale?.close();
  });

  async function slotStarts(from: string, to: string): Promise<string[]> {
    const body = await json<{ slots: Array<{ start: string }> }>(
      server.call('GET', `/api/v1/slots?members=${member}&durationMinutes=60&stepMinutes=60&from=${from}&to=${to}`),
    );
    return body.slots.map((s) => s.start);
  }

  it('reads the events with a calendar-query REPORT and basic auth', async () => {
    source = await json<Source>(server.call('POST', `/api/v1/members/${member}/calendars`, { kind: 'caldav', url: calendarUrl, username: ada.name, password: ada.password }), 201);
    expect(source).toMatchObject({ status: 'pending', username: 'ada', hasPassword: true });
    expect(await refreshDueCalendarSources(server.ctx, { limit: 10 })).toEqual({ synced: 1, failed: 0 });
    const [synced] = (await json<{ calendars: Source[] }>(server.call('GET', `/api/v1/members/${member}/calendars`))).calendars;
    // Four Thursdays (one taken out) and the offsite.
    expect(synced).toMatchObject({ status: 'ok', error: null, busyCount: 5 });
  });

  it('keeps the Thursday sync at 09:00 New York time on both sides of the change, and the offsite all day', async () => {
    // 11 March, standard time: 09:00 is 14:00Z.
    expect(await slotStarts('2027-03-11T14:00:00Z', '2027-03-11T16:00:00Z')).toEqual(['2027-03-11T15:00:00.000Z']);
    // 18 March, daylight time: 09:00 is 13:00Z.
    expect(await slotStarts('2027-03-18T13:00:00Z', '2027-03-18T15:00:00Z')).toEqual(['2027-03-18T14:00:00.000Z']);
    // 25 March was taken out.
    expect(await slotStarts('2027-03-25T13:00:00Z', '2027-03-25T15:00:00Z')).toEqual(['2027-03-25T13:00:00.000Z', '2027-03-25T14:00:00.000Z']);
    // The offsite fills Monday 22 March, Ada's whole working day.
    expect(await slotStarts('2027-03-22T13:00:00Z', '2027-03-22T21:00:00Z')).toEqual([]);
  });

  it('reads the calendar again at once when the member’s zone changes: the offsite is then a Tokyo day', async () => {
    await json(server.call('PATCH', `/api/v1/members/${member}`, { timezone: 'Asia/Tokyo' }));
    const [due] = (await json<{ calendars: Array<Source & { nextSyncAt: string }> }>(server.call('GET', `/api/v1/members/${member}/calendars`))).calendars;
    expect(due!.nextSyncAt).toBe('2027-03-01T12:00:00.000Z');
    expect(await refreshDueCalendarSources(server.ctx, { limit: 10 })).toEqual({ synced: 1, failed: 0 });
    const busy = await server.ctx.store.calendarSources.listBusy(server.organizationId, [member], new Date('2027-03-21T00:00:00Z'), new Date('2027-03-23T00:00:00Z'));
    expect(busy.map((b) => [b.start.toISOString(), b.end.toISOString()])).toEqual([['2027-03-21T15:00:00.000Z', '2027-03-22T15:00:00.000Z']]);
    await json(server.call('PATCH', `/api/v1/members/${member}`, { timezone: 'America/New_York' }));
    expect(await refreshDueCalendarSources(server.ctx, { limit: 10 })).toEqual({ synced: 1, failed: 0 });
  });

  it('refuses a booking into the busy time', async () => {
    const opening = await json<{ id: string }>(server.call('POST', '/api/v1/openings', { title: 'Engineer' }), 201);
    const candidate = await json<{ id: string }>(server.call('POST', '/api/v1/candidates', { name: 'Sam Roe', email: 'sam@example.com', timezone: 'Europe/Paris' }), 201);
    const refused = await server.call('POST', '/api/v1/interviews', {
      openingId: opening.id,
      candidateId: candidate.id,
      title: 'Technical interview',
      durationMinutes: 60,
      panel: [member],
      start: '2027-03-18T13:00:00Z',
    });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { code: string }).code).toBe('SLOT_TAKEN');
  });

  it('shows a wrong password as an error and keeps the last busy times; a new password through PATCH mends it', async () => {
    await radicale.setPassword(ada.name, 'changed elsewhere');
    server.setNow('2027-03-01T12:10:00Z');
    expect(await refreshDueCalendarSources(server.ctx, { limit: 10 })).toEqual({ synced: 0, failed: 1 });
    const [failed] = (await json<{ calendars: Source[] }>(server.call('GET', `/api/v1/members/${member}/calendars`))).calendars;
    expect(failed).toMatchObject({ id: source.id, status: 'error', busyCount: 5, lastSuccessAt: '2027-03-01T12:00:00.000Z' });
    expect(failed!.error).toMatch(/^Unauthorized/);
    expect(await slotStarts('2027-03-18T13:00:00Z', '2027-03-18T15:00:00Z')).toEqual(['2027-03-18T14:00:00.000Z']);

    // Kept by its id, as a client holding only what the API shows would send it.
    await json(server.call('PATCH', `/api/v1/members/${member}`, { calendars: [{ id: source.id, password: 'changed elsewhere' }] }));
    expect(await refreshDueCalendarSources(server.ctx, { limit: 10 })).toEqual({ synced: 1, failed: 0 });
    const [mended] = (await json<{ calendars: Source[] }>(server.call('GET', `/api/v1/members/${member}/calendars`))).calendars;
    expect(mended).toMatchObject({ id: source.id, status: 'ok', error: null, busyCount: 5 });
  });

  it('says when an address is not a calendar or not there', async () => {
    const missing = await json<Source>(
      server.call('POST', `/api/v1/members/${member}/calendars`, { kind: 'caldav', url: `${radicale.baseUrl}/ada/nothing-here/`, username: ada.name, password: 'changed elsewhere' }),
      201,
    );
    const synced = await json<Source>(server.call('POST', `/api/v1/members/${member}/calendars/${missing.id}/sync`));
    expect(synced.status).toBe('error');
    expect(synced.error).toMatch(/^Not found/);

    // The account's own address answers a calendar-query with nothing, as an empty calendar would.
    const principal = await json<Source>(
      server.call('POST', `/api/v1/members/${member}/calendars`, { kind: 'caldav', url: `${radicale.baseUrl}/ada/`, username: ada.name, password: 'changed elsewhere' }),
      201,
    );
    const refused = await json<Source>(server.call('POST', `/api/v1/members/${member}/calendars/${principal.id}/sync`));
    expect(refused.status).toBe('error');
    expect(refused.error).toMatch(/^Not a calendar/);

    // An empty calendar is simply free.
    const emptyUrl = await radicale.makeCalendar({ name: ada.name, password: 'changed elsewhere' }, 'empty');
    const empty = await json<Source>(server.call('POST', `/api/v1/members/${member}/calendars`, { kind: 'caldav', url: emptyUrl, username: ada.name, password: 'changed elsewhere' }), 201);
    expect(await json<Source>(server.call('POST', `/api/v1/members/${member}/calendars/${empty.id}/sync`))).toMatchObject({ status: 'ok', error: null, busyCount: 0 });

    // Radicale's web page is no iCalendar feed.
    const page = await json<Source>(server.call('POST', `/api/v1/members/${member}/calendars`, { kind: 'ics', url: `${radicale.baseUrl}/.web/` }), 201);
    const read = await json<Source>(server.call('POST', `/api/v1/members/${member}/calendars/${page.id}/sync`));
    expect(read.status).toBe('error');
    expect(read.error).toMatch(/^Not a calendar/);
  });
});
