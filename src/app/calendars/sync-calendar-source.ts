import { CalendarDataError } from '../../core/calendars/busy-interval.ts';
import { expandBusy } from '../../core/calendars/expand-busy.ts';
import type { CalendarSourceRecord } from '../../store/repositories/calendar-sources.ts';
import { SecretBoxError } from '../../store/secret-box.ts';
import type { AppContext } from '../context.ts';
import { CalendarFetchError, DEFAULT_FETCH_LIMITS, fetchCaldavEvents, fetchIcsFeed } from './fetch-calendar.ts';
import type { FetchLimits, FetchedCalendar } from './fetch-calendar.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
export const DEFAULT_REFRESH_MINUTES = 5;
/**
 * Busy times are kept from a day back to this far ahead: past slot search's longest window (92 days)
 * and the offers made from it.
 */
const WINDOW_BEHIND_MS = DAY_MS;
const WINDOW_AHEAD_MS = 120 * DAY_MS;
/** A calendar with more occurrences than this in the window keeps the earliest ones, and says so. */
const MAX_BUSY_INTERVALS = 20_000;
/**
 * A feed's 304 keeps the stored busy times only this long after the last full read: the window slides
 * every day, so a feed that never changes is read whole once a day to expand its recurrences further out.
 */
const CONDITIONAL_FOR_MS = DAY_MS;

export function refreshIntervalMs(ctx: AppContext): number {
  return (ctx.config.calendarRefreshMinutes ?? DEFAULT_REFRESH_MINUTES) * MINUTE_MS;
}

/**
 * Reads a member's calendar now and stores what it says: on success the source's busy set is replaced
 * in one transaction (or kept, when a feed has not changed); on failure the error is recorded in words
 * and the last good busy times stay. The network exchange happens outside any transaction.
 *
 * @returns the source as it stands after the attempt, or null when it was removed meanwhile.
 */
export async function syncCalendarSource(ctx: AppContext, source: CalendarSourceRecord, limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<CalendarSourceRecord | null> {
  const at = ctx.clock();
  const nextSyncAt = new Date(at.getTime() + refreshIntervalMs(ctx));
  try {
    const member = await ctx.store.members.get(source.organizationId, source.memberId);
    if (!member) return null;
    const window = { from: at.getTime() - WINDOW_BEHIND_MS, to: at.getTime() + WINDOW_AHEAD_MS };
    const fetched = await fetchSource(ctx, source, window, limits, at);
    let busy: Array<{ start: Date; end: Date; uid: string }> | null = null;
    let warning: string | null = null;
    if (fetched.changed) {
      const expanded = expandBusy(fetched.texts, { window, zone: member.timezone, maxIntervals: MAX_BUSY_INTERVALS });
      busy = expanded.intervals.map((i) => ({ start: new Date(i.start), end: new Date(i.end), uid: i.uid }));
      warning = describeLimitsReached(expanded.limitsReached);
    }
    await ctx.store.transaction((tx) =>
      tx.calendarSources.recordSuccess(source.organizationId, source.id, {
        at,
        nextSyncAt,
        etag: fetched.changed ? fetched.etag : source.etag,
        lastModified: fetched.changed ? fetched.lastModified : source.lastModified,
        busy,
        warning,
      }),
    );
  } catch (error) {
    const words = describeSyncError(error);
    if (words === null) throw error;
    const retryAt = new Date(at.getTime() + retryAfterFailureMs(ctx, source, at));
    await ctx.store.calendarSources.recordFailure(source.organizationId, source.id, { at, nextSyncAt: retryAt, error: words });
  }
  return ctx.store.calendarSources.get(source.organizationId, source.memberId, source.id);
}

async function fetchSource(ctx: AppContext, source: CalendarSourceRecord, window: { from: number; to: number }, limits: FetchLimits, at: Date): Promise<FetchedCalendar> {
  const secrets = ctx.secrets;
  if (!secrets) throw new CalendarFetchError('The calendar address cannot be read: the server runs without LEEWAY_SECRET_KEY.');
  const request = {
    url: secrets.open(source.urlSealed),
    username: source.usernameSealed === null ? null : secrets.open(source.usernameSealed),
    password: source.passwordSealed === null ? null : secrets.open(source.passwordSealed),
    policy: { allowPrivateAddresses: ctx.config.allowPrivateUrls },
    limits,
  };
  if (source.kind === 'caldav') return fetchCaldavEvents(request, window);
  const recent = source.lastReadAt !== null && at.getTime() - source.lastReadAt.getTime() < CONDITIONAL_FOR_MS;
  return fetchIcsFeed(request, recent ? { etag: source.etag, lastModified: source.lastModified } : { etag: null, lastModified: null });
}

/**
 * What a read left out, in words, for a member to act on; null when it read everything. The busy times
 * kept are still right as far as they go, so the source stays `ok` and says this beside it.
 */
export function describeLimitsReached(limits: { intervals: boolean; steps: boolean }): string | null {
  const parts: string[] = [];
  const ahead = `${WINDOW_AHEAD_MS / DAY_MS} days ahead`;
  const most = MAX_BUSY_INTERVALS.toLocaleString('en-US');
  if (limits.intervals) parts.push(`More than ${most} busy times up to ${ahead}: only the earliest ${most} count, so later busy times are missing.`);
  if (limits.steps) parts.push(`A repeating event repeats too often to follow up to ${ahead}: its later occurrences are missing.`);
  return parts.length === 0 ? null : parts.join(' ');
}

/** A calendar failing for long is tried less often, at most hourly (or the refresh interval, if longer). */
const FAILING_RETRY_CAP_MS = 60 * MINUTE_MS;

/**
 * When to try a failing calendar again: the refresh interval at first, then a quarter of the time since
 * it was last read well, so a server that is down or a password that was changed is not asked every few
 * minutes for days.
 */
function retryAfterFailureMs(ctx: AppContext, source: CalendarSourceRecord, at: Date): number {
  const interval = refreshIntervalMs(ctx);
  const failingFor = at.getTime() - (source.lastSuccessAt ?? source.createdAt).getTime();
  return Math.min(Math.max(interval, failingFor / 4), Math.max(interval, FAILING_RETRY_CAP_MS));
}

/** A failure a member can act on, in words; null for anything else (a bug or the database), which is thrown. */
function describeSyncError(error: unknown): string | null {
  if (error instanceof CalendarFetchError) return error.message;
  if (error instanceof CalendarDataError) return `Not a calendar: ${error.message}`;
  if (error instanceof SecretBoxError) return 'The stored address cannot be read (LEEWAY_SECRET_KEY changed?): add the calendar again.';
  return null;
}
