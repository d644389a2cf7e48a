import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface IcsFeedServer {
  /** The feed's secret address (a random path, as Google and Outlook publish). */
  url: string;
  /** Replaces what the feed serves; its ETag changes with it. */
  publish(ics: string): void;
  /** Answers every request with this status instead (e.g. 404 once the secret address was reset); null to serve again. */
  failWith(status: number | null): void;
  /** The headers of every request, in order, and what was answered. */
  requests: Array<{ headers: IncomingHttpHeaders; status: number }>;
  close(): Promise<void>;
}

/**
 * A calendar feed on a loopback port, as a calendar service publishes one: `text/calendar` with an ETag
 * and Last-Modified, a 304 to a request whose If-None-Match names the current ETag.
 */
export async function startIcsFeedServer(): Promise<IcsFeedServer> {
  let body = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Leeway tests//EN\r\nEND:VCALENDAR\r\n';
  let etag = tagOf(body);
  let modified = new Date().toUTCString();
  let failure: number | null = null;
  const path = `/calendar/ical/${createHash('sha256').update(String(Math.random())).digest('hex').slice(0, 24)}/basic.ics`;
  const requests: IcsFeedServer['requests'] = [];
  const server = createServer((request, response) => {
    const answer = (status: number, headers: Record<string, string> = {}, text?: string) => {
      requests.push({ headers: request.headers, status });
      response.writeHead(status, headers);
      response.end(text);
    };
    if (failure !== null) return answer(failure, { 'content-type': 'text/plain' }, 'No');
    if (request.url !== path) return answer(404, { 'content-type': 'text/plain' }, 'Not found');
    if (request.headers['if-none-match'] === etag) return answer(304, { etag });
    answer(200, { 'content-type': 'text/calendar; charset=utf-8', etag, 'last-modified': modified }, body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    publish(ics) {
      body = ics;
      etag = tagOf(ics);
      modified = new Date().toUTCString();
    },
    failWith(status) {
      failure = status;
    },
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function tagOf(text: string): string {
  return `"${createHash('sha256').update(text).digest('hex').slice(0, 16)}"`;
}
