import { RESOURCETYPE_BODY, calendarQueryBody, isCalendarCollection, MultistatusError, readCalendarObjects } from '../../core/calendars/caldav.ts';
import { OutboundResponseTooLarge, OutboundTimeout, OutboundUrlRefused, outboundRequest } from '../../net/outbound-request.ts';
import type { OutboundPolicy, OutboundResponse } from '../../net/outbound-request.ts';

/** Limits on one fetch of a member's calendar: a slow or huge calendar cannot hold the service. */
export interface FetchLimits {
  timeoutMs: number;
  maxResponseBytes: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: 20_000, maxResponseBytes: 10 * 1024 * 1024 };

/** Redirects followed, each one checked again like the address itself. */
const MAX_REDIRECTS = 3;

export interface CalendarRequest {
  url: string;
  username: string | null;
  password: string | null;
  policy: OutboundPolicy;
  limits: FetchLimits;
}

export type FetchedCalendar =
  | { changed: true; texts: string[]; etag: string | null; lastModified: string | null }
  | { changed: false };

/** A fetch that failed, with the reason in words a member can act on; the last good busy times stay. */
export class CalendarFetchError extends Error {
  override readonly name = 'CalendarFetchError';
}

/**
 * Reads an iCalendar feed. With the validators of the last good read it asks only for a change
 * (If-None-Match, If-Modified-Since): a 304 means the stored busy times still hold.
 */
export async function fetchIcsFeed(request: CalendarRequest, validators: { etag: string | null; lastModified: string | null }): Promise<FetchedCalendar> {
  const headers: Record<string, string> = { accept: 'text/calendar, */*;q=0.5' };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  const response = await exchange(request, 'GET', headers);
  if (response.status === 304) return { changed: false };
  refuseStatus(response.status, 'feed');
  return {
    changed: true,
    texts: [response.body.toString('utf8')],
    etag: headerOf(response, 'etag'),
    lastModified: headerOf(response, 'last-modified'),
  };
}

/** Reads a CalDAV calendar's events overlapping the window with a `calendar-query` REPORT (RFC 4791). */
export async function fetchCaldavEvents(request: CalendarRequest, window: { from: number; to: number }): Promise<FetchedCalendar> {
  const response = await exchange(
    request,
    'REPORT',
    { depth: '1', 'content-type': 'application/xml; charset=utf-8', accept: 'application/xml, text/xml' },
    calendarQueryBody(window),
  );
  if (response.status !== 207) {
    refuseStatus(response.status, 'caldav');
    throw new CalendarFetchError(`Not a calendar: the server answered HTTP ${response.status} instead of a CalDAV multistatus.`);
  }
  try {
    const texts = readCalendarObjects(response.body.toString('utf8'));
    if (texts.length === 0) await refuseNonCalendar(request);
    return { changed: true, texts, etag: null, lastModified: null };
  } catch (error) {
    if (error instanceof MultistatusError) throw new CalendarFetchError('Not a calendar: the answer is not a CalDAV multistatus.');
    throw error;
  }
}

/**
 * An empty answer is an empty calendar or no calendar at all (a principal's or the server's address
 * answers a calendar-query with nothing): the collection's resourcetype tells which.
 */
async function refuseNonCalendar(request: CalendarRequest): Promise<void> {
  const response = await exchange(request, 'PROPFIND', { depth: '0', 'content-type': 'application/xml; charset=utf-8' }, RESOURCETYPE_BODY);
  if (response.status !== 207) refuseStatus(response.status, 'caldav');
  if (response.status !== 207 || !isCalendarCollection(response.body.toString('utf8'))) {
    throw new CalendarFetchError("Not a calendar: this address is not a calendar collection; give the calendar's own address, not the account's.");
  }
}

function headerOf(response: OutboundResponse, name: string): string | null {
  const value = response.headers[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

function refuseStatus(status: number, kind: 'feed' | 'caldav'): void {
  if (status >= 200 && status < 300) return;
  if (status === 401 || status === 403) {
    throw new CalendarFetchError(
      kind === 'caldav'
        ? `Unauthorized: the calendar server refused the user name or password (HTTP ${status}).`
        : `Unauthorized: the feed refused access (HTTP ${status}); its secret address may have been reset.`,
    );
  }
  if (status === 404 || status === 410) {
    throw new CalendarFetchError(`Not found: nothing at this address (HTTP ${status}); the calendar may have been deleted or its secret address reset.`);
  }
  if (status === 405 || status === 415 || status === 501) {
    throw new CalendarFetchError(`Not a calendar: the server does not answer calendar requests at this address (HTTP ${status}).`);
  }
  if (status >= 300 && status < 400) throw new CalendarFetchError(`Too many redirects (HTTP ${status}).`);
  throw new CalendarFetchError(`The calendar server answered with an error (HTTP ${status}).`);
}

/**
 * One request, following a few redirects by hand so each new address is checked again; the password
 * goes only to the origin it was given for.
 */
async function exchange(request: CalendarRequest, method: 'GET' | 'REPORT' | 'PROPFIND', headers: Record<string, string>, body?: string): Promise<OutboundResponse> {
  const origin = new URL(request.url).origin;
  let url = request.url;
  for (let hop = 0; ; hop += 1) {
    const sameOrigin = new URL(url).origin === origin;
    const auth: Record<string, string> = {};
    if (sameOrigin && request.username !== null) {
      auth.authorization = `Basic ${Buffer.from(`${request.username}:${request.password ?? ''}`, 'utf8').toString('base64')}`;
    }
    let response: OutboundResponse;
    try {
      response = await outboundRequest(url, {
        method,
        headers: { 'user-agent': 'Leeway calendar sync', ...headers, ...auth },
        ...(body !== undefined ? { body } : {}),
        timeoutMs: request.limits.timeoutMs,
        maxResponseBytes: request.limits.maxResponseBytes,
        policy: request.policy,
      });
    } catch (error) {
      throw describeFailure(error, request.limits);
    }
    const location = headerOf(response, 'location');
    if (response.status >= 300 && response.status < 400 && response.status !== 304 && location && hop < MAX_REDIRECTS) {
      url = new URL(location, url).toString();
      continue;
    }
    return response;
  }
}

function describeFailure(error: unknown, limits: FetchLimits): CalendarFetchError {
  if (error instanceof OutboundUrlRefused) return new CalendarFetchError(`Refused address: ${error.message}`);
  if (error instanceof OutboundTimeout) return new CalendarFetchError(`Timeout: the calendar server did not answer within ${Math.round(limits.timeoutMs / 1000)} seconds.`);
  if (error instanceof OutboundResponseTooLarge) {
    return new CalendarFetchError(`Too large: the calendar is larger than ${Math.round(limits.maxResponseBytes / 1024 / 1024)} MB.`);
  }
  const code = (error as { code?: string }).code;
  return new CalendarFetchError(`Could not reach the calendar server${code ? ` (${code})` : ''}.`);
}
