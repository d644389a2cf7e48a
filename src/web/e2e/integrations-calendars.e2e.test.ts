import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { radicaleAvailable, startRadicale } from '../../app/calendars/testing/radicale-server.ts';
import type { RadicaleServer } from '../../app/calendars/testing/radicale-server.ts';
import { dashboardFixture, readJson } from '../../server/testing/dashboard-fixture.ts';
import { hasChromium, PHONE, startWebTest } from './harness.ts';
import type { WebTest } from './harness.ts';

const available = hasChromium();
if (!available) console.warn('integrations-calendars.e2e: /usr/bin/chromium not found, browser test skipped');

// Tuesday 1 December 2026, 12:00 UTC (07:00 in New York, the organization's zone).
const NOW = '2026-12-01T12:00:00Z';

/** Three busy hours for Grace in the days ahead, as a calendar's published feed serves them. */
const FEED = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Example//Feed//EN',
  ...[
    ['dentist', '20261202T150000Z', '20261202T160000Z'],
    ['school-run', '20261203T200000Z', '20261203T210000Z'],
    ['offsite', '20261204T140000Z', '20261204T170000Z'],
  ].flatMap(([uid, start, end]) => ['BEGIN:VEVENT', `UID:${uid}@example.com`, 'DTSTAMP:20261101T000000Z', `DTSTART:${start}`, `DTEND:${end}`, `SUMMARY:${uid}`, 'END:VEVENT']),
  'END:VCALENDAR',
  '',
].join('\r\n');

/** Alan's own calendar server account, and his weekly meeting: Wednesdays 14:00 in London, four times; a day marked free. */
const ALAN = { name: 'alan', password: 'enigma machine 1940' };
const WEEKLY = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Calendar client//EN',
  'BEGIN:VEVENT',
  'UID:weekly@client.example',
  'DTSTAMP:20261101T000000Z',
  'DTSTART;TZID=Europe/London:20261202T140000',
  'DTEND;TZID=Europe/London:20261202T150000',
  'RRULE:FREQ=WEEKLY;COUNT=4',
  'SUMMARY:Reading group',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');
const FREE_DAY = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Calendar client//EN',
  'BEGIN:VEVENT',
  'UID:free-day@client.example',
  'DTSTAMP:20261101T000000Z',
  'DTSTART;VALUE=DATE:20261207',
  'DTEND;VALUE=DATE:20261208',
  'TRANSP:TRANSPARENT',
  'SUMMARY:Working from home',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describe.skipIf(!available)('a member’s own calendars in the dashboard, in Chromium', () => {
  let web: WebTest;
  let feeds: http.Server;
  let feedBase: string;
  let grace: string;
  let alan: string;
  let radicale: RadicaleServer | undefined;
  const served: string[] = [];
  beforeAll(async () => {
    web = await startWebTest({ now: NOW });
    const seed = dashboardFixture(web.server);
    grace = await seed.member('Grace Hopper', { timezone: 'America/New_York' });
    alan = await seed.member('Alan Turing', { timezone: 'Europe/London' });
    // A loopback feed server: /grace.ics is a calendar, anything else is missing.
    feeds = http.createServer((req, res) => {
      served.push(req.url ?? '');
      if (req.url === '/grace.ics') {
        res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' });
        res.end(FEED);
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('no such calendar');
      }
    });
    await new Promise<void>((resolve) => feeds.listen(0, '127.0.0.1', resolve));
    feedBase = `http://127.0.0.1:${(feeds.address() as AddressInfo).port}`;
  }, 90_000);
  afterAll(async () => {
    await web?.close();
    await radicale?.close();
    await new Promise<void>((resolve) => (feeds ? feeds.close(() => resolve()) : resolve()));
  });

  it('adds a feed that is read at once with its busy times, and reads it again on asking', async () => {
    const page = await web.newPage();
    await web.signIn(page);
    await page.goto('/dashboard/members');
    await page.getByRole('button', { name: 'Calendars of Grace Hopper' }).click();
    const section = page.getByRole('region', { name: 'Calendars of Grace Hopper' });
    await expect(page.locator(':focus').textContent()).resolves.toBe('Calendars of Grace Hopper');
    await section.getByText('No calendars yet').waitFor();

    // The feed: added and read at once; the result is announced and takes focus.
    await section.getByRole('button', { name: 'Add a calendar' }).click();
    await expect(section.getByRole('radio', { name: 'iCalendar feed' }).isChecked()).resolves.toBe(true);
    await section.getByLabel('Feed address (URL)').fill(`${feedBase}/grace.ics`);
    await section.getByRole('button', { name: 'Add the calendar' }).click();
    await section.getByText('Added the iCalendar feed. The iCalendar feed was read: up to date, 3 busy times read.').waitFor();
    await expect(page.locator(':focus').textContent()).resolves.toContain('Added the iCalendar feed.');
    const feed = section.getByRole('article', { name: 'Calendar 1, iCalendar feed' });
    await feed.getByText('Up to date').waitFor();
    await feed.getByText('3 busy times read').waitFor();
    // The address is masked: the path of a feed is its secret.
    const shown = (await feed.locator('code').textContent())!;
    expect(shown.startsWith(`${feedBase}/…`)).toBe(true);
    expect(shown).not.toContain('grace.ics');
    await expect(feed.textContent()).resolves.toContain('(New York time)');
    const [read] = (await readJson<{ calendars: Array<{ busyCount: number; status: string }> }>(web.server.call('GET', `/api/v1/members/${grace}/calendars`))).calendars;
    expect(read).toMatchObject({ status: 'ok', busyCount: 3 });
    const readsBefore = served.filter((url) => url === '/grace.ics').length;
    await feed.getByRole('button', { name: 'Sync now Calendar 1, iCalendar feed' }).click();
    await section.getByText('The iCalendar feed was read: up to date, 3 busy times read.', { exact: true }).waitFor();
    expect(served.filter((url) => url === '/grace.ics').length).toBe(readsBefore + 1);

    await web.expectAccessible(page, 'a member’s calendar, read');
    web.expectNoConsoleErrors(page);
  }, 30_000);

  it('shows why a wrong feed cannot be read, asks for a CalDAV password in a password field, and removes a feed after asking', async () => {
    const page = await web.newPage();
    await web.signIn(page);
    await page.goto('/dashboard/members');
    await page.getByRole('button', { name: 'Calendars of Grace Hopper' }).click();
    const section = page.getByRole('region', { name: 'Calendars of Grace Hopper' });
    await section.getByRole('article', { name: 'Calendar 1, iCalendar feed' }).getByText('3 busy times read').waitFor();

    // A wrong address: the server's words for why it cannot be read.
    await section.getByRole('button', { name: 'Add a calendar' }).click();
    await section.getByLabel('Feed address (URL)').fill(`${feedBase}/nobody.ics`);
    await section.getByRole('button', { name: 'Add the calendar' }).click();
    await section.getByText(/^Added the iCalendar feed\. The iCalendar feed could not be read: /).waitFor();
    const wrong = section.getByRole('article', { name: 'Calendar 2, iCalendar feed' });
    await wrong.getByText('Cannot be read').waitFor();
    const problem = await wrong.locator('.problem-text').textContent();
    expect(problem).toMatch(/404/);
    await expect(wrong.textContent()).resolves.toContain('Never read well');
    await web.expectAccessible(page, 'a member’s calendars');
    await web.screenshot(page, 'integrations-member-calendars');

    // CalDAV asks for a user name and a password, in a password field.
    await section.getByRole('button', { name: 'Add a calendar' }).click();
    await section.getByRole('radio', { name: 'CalDAV calendar' }).check();
    await expect(section.getByLabel('Password').getAttribute('type')).resolves.toBe('password');
    await section.getByLabel('User name').waitFor();
    await web.expectAccessible(page, 'the CalDAV form');
    await section.getByRole('button', { name: 'Cancel' }).click();

    // Removing the wrong one asks first, then says so and moves focus to the result.
    await wrong.getByRole('button', { name: 'Remove Calendar 2, iCalendar feed' }).click();
    await expect(page.locator(':focus').textContent()).resolves.toBe('Remove Calendar 2, iCalendar feed?');
    await wrong.getByRole('button', { name: 'Remove the calendar' }).click();
    await section.getByText('Removed the iCalendar feed; its busy times no longer count.').waitFor();
    await expect(page.locator(':focus').textContent()).resolves.toContain('Removed the iCalendar feed');
    await expect.poll(() => section.getByRole('article').count()).toBe(1);
    web.expectNoConsoleErrors(page);

    const phone = await web.newPage({ viewport: PHONE });
    await web.signIn(phone);
    await phone.goto('/dashboard/members');
    await phone.getByRole('button', { name: 'Calendars of Grace Hopper' }).click();
    await phone.getByText('3 busy times read').waitFor();
    await web.expectAccessible(phone, 'a member’s calendars on a phone');
    await web.screenshot(phone, 'integrations-member-calendars-phone');
    web.expectNoConsoleErrors(phone);
  }, 30_000);

  it.skipIf(!radicaleAvailable)('adds a CalDAV calendar with a user name and password that is read and never shown back; a refused password is named and changed', async () => {
    radicale = await startRadicale([ALAN]);
    const calendarUrl = await radicale.makeCalendar(ALAN, 'work');
    await radicale.putEvent(ALAN, calendarUrl, 'weekly.ics', WEEKLY);
    await radicale.putEvent(ALAN, calendarUrl, 'free-day.ics', FREE_DAY);
    const page = await web.newPage();
    await web.signIn(page);
    await page.goto('/dashboard/members');
    await page.getByRole('button', { name: 'Calendars of Alan Turing' }).click();
    const section = page.getByRole('region', { name: 'Calendars of Alan Turing' });

    const add = async (password: string, label?: string) => {
      await section.getByRole('button', { name: 'Add a calendar' }).click();
      await section.getByRole('radio', { name: 'CalDAV calendar' }).check();
      await section.getByLabel('CalDAV calendar address (URL)').fill(calendarUrl);
      if (label) await section.getByLabel('Name (optional)').fill(label);
      await section.getByLabel('User name').fill(ALAN.name);
      await section.getByLabel('Password').fill(password);
      await section.getByRole('button', { name: 'Add the calendar' }).click();
    };
    // The weekly meeting counts four times; the day marked free does not count.
    await add(ALAN.password, 'Work');
    await section.getByText('Added the CalDAV calendar. The CalDAV calendar was read: up to date, 4 busy times read.').waitFor();
    const first = section.getByRole('article', { name: 'Work, CalDAV calendar' });
    await expect(first.textContent()).resolves.toContain('User alan · password kept encrypted');
    const listed = await web.server.call('GET', `/api/v1/members/${alan}/calendars`).then((r) => r.text());
    expect(listed).not.toContain(ALAN.password);
    expect(await page.content()).not.toContain(ALAN.password);

    await add('not the password');
    await section.getByText(/^Added the CalDAV calendar\. The CalDAV calendar could not be read: /).waitFor();
    const refused = section.getByRole('article', { name: 'Calendar 2, CalDAV calendar' });
    await refused.getByText('Cannot be read').waitFor();
    await expect(refused.locator('.problem-text').textContent()).resolves.toMatch(/401|password|refused/i);
    await web.expectAccessible(page, 'a member’s CalDAV calendars');
    await web.screenshot(page, 'integrations-member-caldav');

    // The refused password is changed in place: the calendar is kept, read again, and the other one stays.
    await refused.getByRole('button', { name: 'Change the password of Calendar 2, CalDAV calendar' }).click();
    await expect(refused.getByLabel('New password for alan').getAttribute('type')).resolves.toBe('password');
    await refused.getByLabel('New password for alan').fill(ALAN.password);
    await refused.getByRole('button', { name: 'Save the password' }).click();
    await section.getByText('The CalDAV calendar was read: up to date, 4 busy times read.', { exact: true }).waitFor();
    await expect(page.locator(':focus').textContent()).resolves.toBe('The CalDAV calendar was read: up to date, 4 busy times read.');
    await refused.getByText('Up to date').waitFor();
    await first.getByText('4 busy times read').waitFor();
    expect(await page.content()).not.toContain(ALAN.password);
    web.expectNoConsoleErrors(page);
  }, 30_000);
});
