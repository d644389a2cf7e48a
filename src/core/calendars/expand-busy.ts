import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { isValidTimeZone } from '../zoned-time.ts';
import type { BusyInterval } from './busy-interval.ts';
import { CalendarDataError } from './busy-interval.ts';

export interface ExpandOptions {
  /** Only busy time overlapping `[from, to)` (epoch ms) is returned. */
  window: { from: number; to: number };
  /** The member's IANA zone: floating times and all-day events are read in it. */
  zone: string;
  /** At most this many intervals, the earliest; the rest are dropped and `limitsReached` says so. */
  maxIntervals: number;
  /** Recurrence steps followed in all, at most ({@link MAX_STEPS_IN_ALL} unless given). */
  maxSteps?: number;
}

export interface ExpandedBusy {
  intervals: BusyInterval[];
  truncated: boolean;
  /** Which limits were reached: the number of intervals kept, the recurrence steps followed. */
  limitsReached: { intervals: boolean; steps: boolean };
}

/** A recurrence is followed this far at most, so a daily event since 1970 cannot hold a sync for long. */
const MAX_STEPS_PER_EVENT = 40_000;
/**
 * Occurrences are walked a little past the window by their original time, so an occurrence moved into
 * the window (RECURRENCE-ID) from just after it is still seen.
 */
const MOVED_OCCURRENCE_SLACK_MS = 62 * 24 * 3_600_000;
/**
 * And all recurrences together this far, so a calendar of thousands of old series stays quick to read:
 * the expansion runs on the serving thread, and 50,000 steps of an unskippable series cost about a
 * second of CPU at worst.
 */
const MAX_STEPS_IN_ALL = 50_000;
const DAY_MS = 24 * 3_600_000;

/**
 * The busy time of one or more iCalendar texts (a feed, or the objects of a CalDAV answer): every
 * opaque, not cancelled VEVENT, recurrences expanded (RRULE, RDATE, EXDATE, moved or cancelled single
 * occurrences by RECURRENCE-ID), within the window.
 *
 * Times are read as their TZID says: an IANA name by the runtime's zone rules (a VTIMEZONE in the file
 * may be truncated or stale), another name by the file's own VTIMEZONE, a floating time in the member's
 * zone. An all-day event is busy for the member's whole local day(s), since that is how the member sees it.
 *
 * @throws {CalendarDataError} when no text is iCalendar.
 */
export function expandBusy(texts: readonly string[], options: ExpandOptions): ExpandedBusy {
  const events = readAllEvents(texts);
  const byUid = new Map<string, { master: ICAL.Event | null; exceptions: ICAL.Event[] }>();
  for (const event of events) {
    const uid = event.uid ?? '';
    const group = byUid.get(uid) ?? { master: null, exceptions: [] };
    if (event.isRecurrenceException()) group.exceptions.push(event);
    else if (!group.master) group.master = event;
    byUid.set(uid, group);
  }
  const out: BusyInterval[] = [];
  const limitsReached = { intervals: false, steps: false };
  const budget = { steps: options.maxSteps ?? MAX_STEPS_IN_ALL };
  const push = (interval: BusyInterval): void => {
    if (interval.end <= options.window.from || interval.start >= options.window.to || interval.end <= interval.start) return;
    out.push(interval);
  };
  for (const [uid, group] of byUid) {
    if (!group.master) {
      // Single occurrences whose series is not in the data (some feeds publish only the moved ones).
      for (const exception of group.exceptions) addSingle(exception, uid, options.zone, push);
      continue;
    }
    for (const exception of group.exceptions) group.master.relateException(exception);
    if (!group.master.isRecurring()) addSingle(group.master, uid, options.zone, push);
    else if (!addRecurring(group.master, group.exceptions, uid, options, push, budget)) limitsReached.steps = true;
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  // The earliest are kept: the near future is what slot search offers first. (Collecting them all first
  // is bounded: by the step budget for recurrences, by the calendar's size for single events.)
  if (out.length > options.maxIntervals) {
    limitsReached.intervals = true;
    out.length = options.maxIntervals;
  }
  return { intervals: out, truncated: limitsReached.intervals || limitsReached.steps, limitsReached };
}

/**
 * The events of every text. One unreadable object among a CalDAV answer's many is left out rather than
 * losing the whole calendar; when none can be read, the data is not a calendar.
 */
function readAllEvents(texts: readonly string[]): ICAL.Event[] {
  const events: ICAL.Event[] = [];
  let firstError: CalendarDataError | null = null;
  let readable = 0;
  for (const text of texts) {
    try {
      events.push(...readEvents(text));
      readable += 1;
    } catch (error) {
      if (!(error instanceof CalendarDataError)) throw error;
      firstError ??= error;
    }
  }
  if (readable === 0 && firstError) throw firstError;
  return events;
}

function readEvents(text: string): ICAL.Event[] {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch (error) {
    throw new CalendarDataError(`This is not iCalendar data (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (root.name !== 'vcalendar') throw new CalendarDataError('This is not a calendar: no VCALENDAR.');
  return root.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
}

/** Whether an event (or one occurrence's override) takes time: not cancelled, not marked free. */
function isBusy(component: ICAL.Component): boolean {
  const status = String(component.getFirstPropertyValue('status') ?? '').toUpperCase();
  const transp = String(component.getFirstPropertyValue('transp') ?? '').toUpperCase();
  return status !== 'CANCELLED' && transp !== 'TRANSPARENT';
}

function addSingle(event: ICAL.Event, uid: string, zone: string, push: (i: BusyInterval) => void): void {
  if (!isBusy(event.component) || !event.startDate) return;
  push({ ...spanOf(event.component, event.startDate, event.endDate, zone), uid });
}

/** The wall-clock time read as if it were UTC: within a day of the true instant, and cheap. */
function roughInstant(time: ICAL.Time): number {
  return Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute);
}

/**
 * Follows one recurrence through the window; false when a step limit (the series' own or the budget
 * shared by all) ran out first. Occurrences well
 * before the window (and before any override) are passed over without converting their times, and a
 * daily or weekly series without COUNT starts from its last whole period before the window, so a series
 * running for years costs no more than one that began last week.
 */
function addRecurring(
  master: ICAL.Event,
  exceptions: readonly ICAL.Event[],
  uid: string,
  options: ExpandOptions,
  push: (i: BusyInterval) => void,
  budget: { steps: number },
): boolean {
  const stopAfter = options.window.to + MOVED_OCCURRENCE_SLACK_MS;
  const startZone = { tzid: tzidOf(master.component, 'dtstart'), fallback: options.zone };
  const masterSpan = master.startDate ? spanOf(master.component, master.startDate, master.endDate, options.zone) : null;
  const masterLength = masterSpan ? masterSpan.end - masterSpan.start : 0;
  // An occurrence moved (RECURRENCE-ID) may land in the window from anywhere: from the first override on, every one is looked at.
  const firstOverride = Math.min(...exceptions.map((e) => roughInstant(e.recurrenceId)));
  const passOverBefore = Math.min(options.window.from - 2 * DAY_MS - masterLength, firstOverride - 2 * DAY_MS);
  fastForward(master, passOverBefore);
  const iterator = master.iterator();
  for (let step = 0; step < MAX_STEPS_PER_EVENT; step += 1) {
    if (budget.steps <= 0) return false;
    budget.steps -= 1;
    const next = iterator.next();
    if (!next) return true;
    const roughly = roughInstant(next);
    if (roughly > stopAfter + DAY_MS) return true;
    if (roughly < passOverBefore) continue;
    const originalStart = instantOf(next, startZone);
    if (originalStart > stopAfter) return true;
    const details = master.getOccurrenceDetails(next);
    const moved = details.item !== master;
    if (!isBusy(moved ? details.item.component : master.component)) continue;
    if (moved) {
      push({ ...spanOf(details.item.component, details.startDate, details.endDate, options.zone), uid });
    } else if (next.isDate) {
      push({ ...spanOf(master.component, next, details.endDate, options.zone), uid });
    } else {
      // The master's length, exactly: a one-hour meeting is one hour on the night the clocks change too.
      push({ start: originalStart, end: originalStart + masterLength, uid });
    }
  }
  // The series' own step limit ran out before it left the window: the rest of it is not read.
  return false;
}

/**
 * Moves a DAILY or WEEKLY series' DTSTART (and DTEND) forward by whole periods (INTERVAL days or weeks,
 * in local wall-clock time) to the last one starting before `before`: the same occurrences from there on,
 * since such a rule repeats exactly each period. A COUNT counts from the first occurrence, and months and
 * years are not all alike, so any other series is left as it is.
 */
function fastForward(master: ICAL.Event, before: number): void {
  const rules = master.component.getAllProperties('rrule');
  if (rules.length !== 1 || master.component.hasProperty('rdate') || !master.startDate) return;
  const rule = rules[0]!.getFirstValue() as ICAL.Recur;
  if (rule.count || (rule.freq !== 'DAILY' && rule.freq !== 'WEEKLY')) return;
  const periodDays = (rule.interval || 1) * (rule.freq === 'WEEKLY' ? 7 : 1);
  const periods = Math.floor((before - roughInstant(master.startDate)) / (periodDays * DAY_MS));
  if (periods <= 0) return;
  const start = master.startDate.clone();
  start.adjust(periods * periodDays, 0, 0, 0);
  if (master.component.hasProperty('dtend') && master.endDate) {
    const end = master.endDate.clone();
    end.adjust(periods * periodDays, 0, 0, 0);
    master.endDate = end;
  }
  master.startDate = start;
}

/** The TZID parameter of a date-time property: ical.js forgets it when the file defines no such zone. */
function tzidOf(component: ICAL.Component, name: 'dtstart' | 'dtend'): string | null {
  const value = component.getFirstProperty(name)?.getParameter('tzid');
  return typeof value === 'string' && value !== '' ? value : null;
}

interface ZoneOfTime {
  /** The TZID the property named, if any. */
  tzid: string | null;
  /** The member's zone, for floating times and zones nobody defines. */
  fallback: string;
}

/**
 * The instants of a DTSTART/DTEND pair (DTEND read in its own TZID); an all-day event covers whole local
 * days in the member's zone.
 */
function spanOf(component: ICAL.Component, start: ICAL.Time, end: ICAL.Time | null | undefined, zone: string): { start: number; end: number } {
  if (start.isDate) {
    const days = end && end.isDate ? Math.max(1, Math.round((dateValue(end) - dateValue(start)) / DAY_MS)) : 1;
    const first = Temporal.PlainDate.from({ year: start.year, month: start.month, day: start.day });
    const from = first.toZonedDateTime({ timeZone: zone }).epochMilliseconds;
    const to = first.add({ days }).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
    return { start: from, end: to };
  }
  const startTzid = tzidOf(component, 'dtstart');
  const from = instantOf(start, { tzid: startTzid, fallback: zone });
  // Without its own DTEND (a DURATION), the end is in the start's zone.
  const endTzid = component.hasProperty('dtend') ? tzidOf(component, 'dtend') : startTzid;
  const to = end ? instantOf(end, { tzid: endTzid, fallback: zone }) : from;
  return { start: from, end: Math.max(from, to) };
}

function dateValue(time: ICAL.Time): number {
  return Date.UTC(time.year, time.month - 1, time.day);
}

/**
 * The instant of a date-time as its own zone reads it: UTC; an IANA TZID by the runtime's rules; another
 * TZID by the file's VTIMEZONE; otherwise (floating, or a zone nobody defines) in the member's zone.
 */
function instantOf(time: ICAL.Time, zone: ZoneOfTime): number {
  if (time.isDate) {
    return Temporal.PlainDate.from({ year: time.year, month: time.month, day: time.day }).toZonedDateTime({ timeZone: zone.fallback }).epochMilliseconds;
  }
  if (time.zone === ICAL.Timezone.utcTimezone) return time.toUnixTime() * 1000;
  if (zone.tzid && isValidTimeZone(zone.tzid)) return wallClockIn(time, zone.tzid);
  if (time.zone && time.zone !== ICAL.Timezone.localTimezone) return time.toUnixTime() * 1000;
  return wallClockIn(time, zone.fallback);
}

function wallClockIn(time: ICAL.Time, timeZone: string): number {
  return Temporal.PlainDateTime.from({
    year: time.year,
    month: time.month,
    day: time.day,
    hour: time.hour,
    minute: time.minute,
    second: Math.min(59, time.second),
  }).toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
}
