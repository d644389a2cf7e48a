import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIcsFeedServer } from '../app/calendars/testing/ics-feed-server.ts';
import type { IcsFeedServer } from '../app/calendars/testing/ics-feed-server.ts';
import { NINE_TO_FIVE, startTestServer } from '../server/testing/test-server.ts';
import type { TestServer } from '../server/testing/test-server.ts';
import { UsageError } from './args.ts';
import { readCalendarRefreshMinutes, startCalendarRefresh } from './background-calendars.ts';
import { recordingIo } from './testing/recording-io.ts';

describe('LEEWAY_CALENDAR_REFRESH_MINUTES', () => {
  it('defaults to 5 and takes whole minutes from 1 to 1440', () => {
    expect(readCalendarRefreshMinutes({})).toBe(5);
    expect(readCalendarRefreshMinutes({ LEEWAY_CALENDAR_REFRESH_MINUTES: ' ' })).toBe(5);
    expect(readCalendarRefreshMinutes({ LEEWAY_CALENDAR_REFRESH_MINUTES: '15' })).toBe(15);
    for (const bad of ['0', '2.5', 'ten', '1441']) {
      expect(() => readCalendarRefreshMinutes({ LEEWAY_CALENDAR_REFRESH_MINUTES: bad })).toThrow(UsageError);
    }
  });
});

describe('the background refresh of a serving process', () => {
  let server: TestServer;
  let feed: IcsFeedServer;

  beforeAll(async () => {
    server = await startTestServer({ now: '2026-12-01T12:00:00Z' });
    feed = await startIcsFeedServer();
    feed.publish(
      ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Feed//EN', 'BEGIN:VEVENT', 'UID:a@feed.example', 'DTSTAMP:20261101T000000Z', 'DTSTART:20261202T150000Z', 'DTEND:20261202T160000Z', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n'),
    );
  });
  afterAll(async () => {
    await feed?.close();
    await server?.close();
  });

  it('reads a newly added calendar without being asked', async () => {
    const member = (await (await server.call('POST', '/api/v1/members', { name: 'Grace', email: 'grace@acme.test', role: 'interviewer', timezone: 'UTC', workingHours: NINE_TO_FIVE })).json()) as { id: string };
    const added = await server.call('POST', `/api/v1/members/${member.id}/calendars`, { kind: 'ics', url: feed.url });
    expect(added.status).toBe(201);
    const io = recordingIo();
    const errors = io.err;
    const refresh = startCalendarRefresh(server.ctx, io);
    try {
      const deadline = Date.now() + 10_000;
      let status = 'pending';
      while (status === 'pending' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const listed = (await (await server.call('GET', `/api/v1/members/${member.id}/calendars`)).json()) as { calendars: Array<{ status: string; busyCount: number }> };
        status = listed.calendars[0]!.status;
        if (status !== 'pending') expect(listed.calendars[0]).toMatchObject({ status: 'ok', busyCount: 1 });
      }
      expect(status).toBe('ok');
    } finally {
      await refresh.stop();
    }
    expect(errors).toEqual([]);
    expect(feed.requests).toHaveLength(1);
  });
});
