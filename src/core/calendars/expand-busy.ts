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
  /** At most this many intervals; the rest are dropped and `truncated` says so. */
  maxIntervals: number;
}

export interface ExpandedBusy {
  intervals: BusyInterval[];
  truncated: boolean;
}

/** A recurrence is followed this far at most, so a daily event since 1970 cannot hold a sync for long. */
const MAX_STEPS_PER_EVENT = 40_000;
/**
 * Occurrences are walked a little past the window by their original time, so an occurrence moved into
 * the window (RECURRENCE-ID) from just after it is still seen.
 */
const MOVED_OCCURRENCE_SLACK_MS = 62 * 24 * 3_600_000;
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
 * @throws {CalendarDataError} when a text is not iCalendar.
 */
export function expandBusy(texts: readonly string[], options: ExpandOptions): ExpandedBusy {
  const events = texts.flatMap((text) => readEvents(text));
  const byUid = new Map<string, { master: ICAL.Event | null; exceptions: ICAL.Event[] }>();
  for (const event of events) {
    const uid = event.uid ?? '';
    const group = byUid.get(uid) ?? { master: null, exceptions: [] };
    if (event.isRecurrenceException()) group.exceptions.push(event);
    else if (!group.master) group.master = event;
    byUid.set(uid, group);
  }
  const out: BusyInterval[] = [];
  let truncated = false;
  const push = (interval: BusyInterval): void => {
    if (interval.end <= options.window.from || interval.start >= options.window.to || interval.end <= interval.start) return;
    if (out.length >= options.maxIntervals) {
      truncated = true;
      return;
    }
    out.push(interval);
  };
  for (const [uid, group] of byUid) {
    if (!group.master) {
      // Single occurrences whose series is not in the data (some feeds publish only the moved ones).
      for (const exception of group.exceptions) addSingle(exception, uid, options.zone, push);
      continue;
    }
    for (const exception of group.exceptions) group.master.relateException(exception);
    if (group.master.isRecurring()) addRecurring(group.master, uid, options, push);
    else addSingle(group.master, uid, options.zone, push);
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return { intervals: out, truncated };
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

function addRecurring(master: ICAL.Event, uid: string, options: ExpandOptions, push: (i: BusyInterval) => void): void {
  const iterator = master.iterator();
  const stopAfter = options.window.to + MOVED_OCCURRENCE_SLACK_MS;
  const startZone = { tzid: tzidOf(master.component, 'dtstart'), fallback: options.zone };
  const masterSpan = master.startDate ? spanOf(master.component, master.startDate, master.endDate, options.zone) : null;
  const masterLength = masterSpan ? masterSpan.end - masterSpan.start : 0;
  for (let step = 0; step < MAX_STEPS_PER_EVENT; step += 1) {
    const next = iterator.next();
    if (!next) return;
    const originalStart = instantOf(next, startZone);
    if (originalStart > stopAfter) return;
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
    if (originalStart - masterLength > stopAfter) return;
  }
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
