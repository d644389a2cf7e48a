import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onCleanup } from './cleanup.ts';

export interface BusyFeeds {
  /** The address of one feed, for `POST /api/v1/members/{id}/calendars`. */
  urlOf(key: string): string;
  close(): Promise<void>;
}

/**
 * Serves each member's busy blocks as an iCalendar feed on a loopback port, the way a calendar service
 * publishes a "secret address": a server started with LEEWAY_ALLOW_PRIVATE_URLS=1 reads a member's busy
 * time in one request instead of one `POST …/busy` per block. Closed by `close()` or the bench's cleanup.
 *
 * @example
 * const feeds = await serveBusyFeeds(new Map([['m1', [{ start: '2026-12-07T11:00:00Z', end: '2026-12-07T11:30:00Z' }]]]));
 */
export async function serveBusyFeeds(busyByKey: ReadonlyMap<string, ReadonlyArray<{ start: string; end: string }>>): Promise<BusyFeeds> {
  const feeds = new Map([...busyByKey].map(([key, busy]) => [key, icsFeed(key, busy)]));
  const server = createServer((request, response) => {
    const key = /^\/feeds\/([^/]+)\.ics$/.exec(request.url ?? '')?.[1];
    const feed = key === undefined ? undefined : feeds.get(decodeURIComponent(key));
    if (feed === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' }).end(feed);
  });
  await new Promise<void>((resolveListening) => server.listen(0, '127.0.0.1', resolveListening));
  const { port } = server.address() as AddressInfo;
  const close = onCleanup(`busy feeds on port ${port}`, () => new Promise<void>((resolveClosed) => server.close(() => resolveClosed())));
  return { urlOf: (key) => `http://127.0.0.1:${port}/feeds/${encodeURIComponent(key)}.ics`, close };
}

/** One VEVENT per block, in UTC, opaque (busy). */
function icsFeed(key: string, busy: ReadonlyArray<{ start: string; end: string }>): string {
  const stamp = utc(new Date().toISOString());
  const events = busy.flatMap(({ start, end }, index) => [
    'BEGIN:VEVENT',
    `UID:${key}-${index}@load-bench.example`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${utc(start)}`,
    `DTEND:${utc(end)}`,
    'SUMMARY:Busy',
    'END:VEVENT',
  ]);
  return [...['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Leeway//load bench//EN'], ...events, 'END:VCALENDAR', ''].join('\r\n');
}

/** `2026-12-07T11:00:00.000Z` → `20261207T110000Z`. */
function utc(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}
