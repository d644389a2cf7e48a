import ICAL from 'ical.js';
import { canonicalTimeZone, zonedToInstant } from '../zoned-time.ts';

/** A participation status as an attendee's calendar reports it (RFC 5545 §3.2.12), upper case. */
export type ReplyPartstat = 'NEEDS-ACTION' | 'ACCEPTED' | 'DECLINED' | 'TENTATIVE' | 'DELEGATED' | string;

export interface ItipAttendee {
  /** The address without `mailto:`, as written (compare case-insensitively). */
  email: string;
  name: string | null;
  partstat: ReplyPartstat | null;
}

/** The parts of an iTIP message (RFC 5546) a reply to an invitation is judged by. */
export interface ItipMessage {
  /** The object's METHOD, upper case; null when it has none. */
  method: string | null;
  uid: string;
  /** 0 when absent, as RFC 5545 §3.8.7.4 says. */
  sequence: number;
  dtstamp: Date | null;
  /** The event's time as the message states it: in a COUNTER, the time proposed. */
  start: Date | null;
  end: Date | null;
  organizer: string | null;
  attendees: ItipAttendee[];
  /** A COMMENT the replier added (Outlook's "propose new time" note, Google's reply note). */
  comment: string | null;
}

/** Unreadable: why, and the event's UID when it could be read, so the reply is still recorded against its interview. */
export type ParsedItip = { ok: true; message: ItipMessage } | { ok: false; why: string; uid?: string | null };

const MAX_CALENDAR_CHARS = 256 * 1024;

/**
 * Reads an iTIP message (RFC 5546) sent by email (RFC 6047): one VCALENDAR whose first VEVENT is the
 * event the message is about. Times with a TZID are converted with the VTIMEZONE the message carries
 * (Outlook sends Windows zone names such as "Pacific Standard Time" with their rules), else as an IANA
 * zone; a floating time or a TZID it cannot place makes the message malformed. Never throws: anything
 * unreadable comes back with why, in words.
 */
export function parseItip(text: string): ParsedItip {
  if (text.length > MAX_CALENDAR_CHARS) return { ok: false, why: 'the calendar part is too large' };
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text) as unknown as unknown[]);
  } catch (error) {
    return { ok: false, why: `the calendar part is not valid iCalendar (${(error as Error).message.slice(0, 120)})` };
  }
  if (root.name !== 'vcalendar') return { ok: false, why: 'the calendar part is not a VCALENDAR' };
  const events = root.getAllSubcomponents('vevent');
  const event = events[0];
  if (!event) return { ok: false, why: 'the calendar part has no VEVENT' };
  // One event per reply: a recurrence-specific reply (RECURRENCE-ID) is about an occurrence, and interviews do not recur.
  if (events.length > 1 || event.hasProperty('recurrence-id')) return { ok: false, why: 'the reply is about an occurrence of a recurring event' };

  const uid = textValue(event, 'uid');
  if (!uid) return { ok: false, why: 'the event has no UID' };
  const rawSequence = event.getFirstPropertyValue('sequence');
  const sequence = rawSequence === null || rawSequence === undefined ? 0 : Number(rawSequence);
  if (!Number.isSafeInteger(sequence) || sequence < 0) return { ok: false, why: 'the SEQUENCE is not a non-negative integer', uid };

  const zones = new Map<string, ICAL.Timezone>();
  for (const component of root.getAllSubcomponents('vtimezone')) {
    try {
      const zone = new ICAL.Timezone(component);
      if (zone.tzid) zones.set(zone.tzid, zone);
    } catch {
      return { ok: false, why: 'a VTIMEZONE of the calendar part cannot be read', uid };
    }
  }

  const times: Record<'dtstamp' | 'dtstart' | 'dtend', Date | null> = { dtstamp: null, dtstart: null, dtend: null };
  for (const name of ['dtstamp', 'dtstart', 'dtend'] as const) {
    const read = instantOf(event, name, zones);
    if (typeof read === 'string') return { ok: false, why: read, uid };
    times[name] = read;
  }
  let end = times.dtend;
  if (times.dtstart && !end && event.hasProperty('duration')) {
    const duration = event.getFirstPropertyValue('duration');
    if (duration instanceof ICAL.Duration) end = new Date(times.dtstart.getTime() + duration.toSeconds() * 1000);
  }
  if (times.dtstart && end && end.getTime() <= times.dtstart.getTime()) return { ok: false, why: 'the event ends before it starts', uid };

  const attendees: ItipAttendee[] = [];
  for (const property of event.getAllProperties('attendee')) {
    const email = addressOf(property.getFirstValue());
    if (!email) continue;
    const partstat = property.getParameter('partstat');
    const name = property.getParameter('cn');
    attendees.push({
      email,
      name: typeof name === 'string' ? name : null,
      partstat: typeof partstat === 'string' ? partstat.toUpperCase() : null,
    });
  }
  const organizerProperty = event.getFirstProperty('organizer');
  const method = root.getFirstPropertyValue('method');
  return {
    ok: true,
    message: {
      method: typeof method === 'string' ? method.trim().toUpperCase() : null,
      uid,
      sequence,
      dtstamp: times.dtstamp,
      start: times.dtstart,
      end,
      organizer: organizerProperty ? addressOf(organizerProperty.getFirstValue()) : null,
      attendees,
      comment: textValue(event, 'comment'),
    },
  };
}

function textValue(component: ICAL.Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === '' ? null : text;
}

/** `mailto:Ada@Example.test` → `Ada@Example.test`; anything that is not a mailto address → null. */
function addressOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^mailto:(.+)$/i.exec(value.trim());
  const address = match?.[1]?.trim() ?? '';
  return /^[^\s@]+@[^\s@]+$/.test(address) ? address : null;
}

/** A DATE-TIME property as an instant; undefined properties are null, unplaceable ones an explanation. */
function instantOf(event: ICAL.Component, name: string, zones: Map<string, ICAL.Timezone>): Date | null | string {
  const property = event.getFirstProperty(name);
  if (!property) return null;
  const value = property.getFirstValue();
  if (!(value instanceof ICAL.Time)) return `${name.toUpperCase()} is not a date-time`;
  if (value.isDate) return `${name.toUpperCase()} is a date without a time`;
  const tzid = property.getParameter('tzid');
  if (typeof tzid === 'string' && tzid !== '') {
    const zone = zones.get(tzid);
    if (zone) {
      const placed = ICAL.Time.fromData(
        { year: value.year, month: value.month, day: value.day, hour: value.hour, minute: value.minute, second: value.second, isDate: false },
        zone,
      );
      return placed.toJSDate();
    }
    const iana = canonicalTimeZone(tzid);
    if (!iana) return `${name.toUpperCase()} names a time zone the message does not describe (${tzid.slice(0, 60)})`;
    return zonedToInstant(localText(value), iana);
  }
  if (value.zone?.tzid === 'UTC' || /Z$/.test(String(property.toICALString()))) return value.toJSDate();
  return `${name.toUpperCase()} is a floating time (no zone)`;
}

function localText(value: ICAL.Time): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(value.year, 4)}-${pad(value.month)}-${pad(value.day)}T${pad(value.hour)}:${pad(value.minute)}:${pad(value.second)}`;
}
