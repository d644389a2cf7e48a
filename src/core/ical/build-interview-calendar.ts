import { escapeText, formatParamValue } from './escape-text.ts';
import { foldLine } from './fold-line.ts';
import { formatUtcDateTime } from './format-utc-date-time.ts';
import { IcalInputError } from './ical-input-error.ts';

/** iTIP methods Leeway sends (RFC 5546 §1.4): an invitation or update, and a cancellation. */
export type CalendarMethod = 'REQUEST' | 'CANCEL';
export type AttendeeRole = 'REQ-PARTICIPANT' | 'OPT-PARTICIPANT' | 'CHAIR';
export type AttendeePartstat = 'NEEDS-ACTION' | 'ACCEPTED' | 'DECLINED' | 'TENTATIVE';
export type EventStatus = 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE';

export interface CalendarPerson {
  name: string;
  email: string;
}

export interface CalendarAttendee extends CalendarPerson {
  /** Defaults to `REQ-PARTICIPANT`. */
  role?: AttendeeRole;
  partstat: AttendeePartstat;
  /**
   * Whether a reply is wanted. Defaults to true for a REQUEST to someone who has not answered yet, and
   * to false in a CANCEL and in a calendar object (nobody answers an imported copy).
   */
  rsvp?: boolean;
}

export interface BuildInterviewCalendarOptions {
  /**
   * `REQUEST` or `CANCEL` for an iTIP message sent by email (RFC 5546); `null` for a calendar object to
   * import or store, e.g. a `calendar.ics` download: no `METHOD` at all, as RFC 4791 §4.1 requires of
   * stored calendar objects. (Not `PUBLISH`: iTIP allows no ATTENDEE in a PUBLISH of a VEVENT
   * (RFC 5546 §3.2.1), and the panel and candidate are what the interview is; and an object with a
   * METHOD is a scheduling message, which clients may offer to "process" instead of simply importing.)
   */
  method: CalendarMethod | null;
  /** Stable for the life of the interview: the REQUEST, every update and the CANCEL share it. */
  uid: string;
  /** Raised on every change attendees must see; a receiver ignores a message with a lower one. */
  sequence: number;
  start: Date;
  end: Date;
  /** When this message was made. Passed in because the core has no clock. */
  dtstamp: Date;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  organizer: CalendarPerson;
  attendees: CalendarAttendee[];
  /**
   * Defaults to CONFIRMED for a REQUEST and a calendar object; a CANCEL is always CANCELLED, a REQUEST never
   * is. A calendar object of a called-off interview is CANCELLED.
   */
  status?: EventStatus;
  /** Defaults to {@link DEFAULT_PRODID}. */
  prodId?: string;
}

export const DEFAULT_PRODID = '-//Leeway//Leeway Interview Scheduling//EN';

/**
 * Writes an iCalendar object (RFC 5545) with one VEVENT for an interview. As an iTIP message (RFC 5546) a
 * REQUEST invites or updates and a CANCEL withdraws it from every attendee's calendar; with `method: null`
 * it is the plain event to import (no METHOD). Times are written in UTC, so no VTIMEZONE is needed; lines
 * end in CRLF and are folded at 75 UTF-8 octets.
 *
 * @throws {IcalInputError} when a date is invalid, the end is not after the start, the sequence is not a
 *   non-negative integer, an iTIP message has no attendee, a value would break out of its property, or the
 *   status contradicts the method.
 *
 * @example
 * const ics = buildInterviewCalendar({
 *   method: 'REQUEST',
 *   uid: 'c0ffee@leeway',
 *   sequence: 0,
 *   start: new Date('2025-06-02T14:00:00Z'),
 *   end: new Date('2025-06-02T15:00:00Z'),
 *   dtstamp: new Date('2025-05-20T09:00:00Z'),
 *   summary: 'Interview: Backend Engineer',
 *   organizer: { name: 'Acme Recruiting', email: 'recruiting@acme.test' },
 *   attendees: [{ name: 'Ada Lovelace', email: 'ada@example.test', partstat: 'NEEDS-ACTION' }],
 * });
 * // ics contains 'METHOD:REQUEST\r\n', 'DTSTART:20250602T140000Z\r\n' and 'STATUS:CONFIRMED\r\n'
 *
 * // The same interview to import into a calendar: no METHOD, nobody asked to reply.
 * const download = buildInterviewCalendar({ ...sameOptions, method: null });
 */
export function buildInterviewCalendar(options: BuildInterviewCalendarOptions): string {
  const { method } = options;
  if (method !== 'REQUEST' && method !== 'CANCEL' && method !== null) {
    throw new IcalInputError(`method must be REQUEST, CANCEL or null, got ${String(method)}`, 'method');
  }
  if (!Number.isSafeInteger(options.sequence) || options.sequence < 0) {
    throw new IcalInputError('sequence must be a non-negative integer', 'sequence');
  }
  if (options.uid.trim() === '') throw new IcalInputError('uid must not be empty', 'uid');
  const start = formatUtcDateTime(options.start, 'start');
  const end = formatUtcDateTime(options.end, 'end');
  if (options.end.getTime() <= options.start.getTime()) {
    throw new IcalInputError('end must be after start', 'end');
  }
  // RFC 5546 requires at least one ATTENDEE in both a REQUEST and a CANCEL; a plain event may have none.
  if (method !== null && options.attendees.length === 0) {
    throw new IcalInputError('at least one attendee is required', 'attendees');
  }
  const status = resolveStatus(method, options.status);

  const lines = [
    'BEGIN:VCALENDAR',
    `PRODID:${escapeText(options.prodId ?? DEFAULT_PRODID)}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    ...(method === null ? [] : [`METHOD:${method}`]),
    'BEGIN:VEVENT',
    `UID:${escapeText(options.uid)}`,
    `SEQUENCE:${options.sequence}`,
    `DTSTAMP:${formatUtcDateTime(options.dtstamp, 'dtstamp')}`,
    `DTSTART:${start}`,
    `DTEND:${end}`,
    `SUMMARY:${escapeText(options.summary)}`,
  ];
  if (options.description !== undefined) lines.push(`DESCRIPTION:${escapeText(options.description)}`);
  if (options.location !== undefined) lines.push(`LOCATION:${escapeText(options.location)}`);
  if (options.url !== undefined) lines.push(`URL:${checkUri(options.url, 'url')}`);
  lines.push(
    `ORGANIZER;CN=${formatParamValue(options.organizer.name)}:${mailto(options.organizer.email, 'organizer.email')}`,
  );
  options.attendees.forEach((attendee, index) => {
    // Unless told otherwise, ask for a reply only where one is still missing and a reply makes sense.
    const rsvp = attendee.rsvp ?? (method === 'REQUEST' && attendee.partstat === 'NEEDS-ACTION');
    lines.push(
      `ATTENDEE;CN=${formatParamValue(attendee.name)}` +
        `;ROLE=${attendee.role ?? 'REQ-PARTICIPANT'}` +
        `;PARTSTAT=${attendee.partstat}` +
        `;RSVP=${rsvp ? 'TRUE' : 'FALSE'}` +
        `:${mailto(attendee.email, `attendees[${index}].email`)}`,
    );
  });
  lines.push(`STATUS:${status}`, 'END:VEVENT', 'END:VCALENDAR');
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}

function resolveStatus(method: CalendarMethod | null, status: EventStatus | undefined): EventStatus {
  if (method === null) return status ?? 'CONFIRMED';
  if (method === 'CANCEL') {
    if (status !== undefined && status !== 'CANCELLED') {
      throw new IcalInputError(`a CANCEL must have status CANCELLED, got ${status}`, 'status');
    }
    return 'CANCELLED';
  }
  // A REQUEST with STATUS:CANCELLED is how some clients get stuck with a ghost event: send a CANCEL.
  if (status === 'CANCELLED') throw new IcalInputError('a REQUEST cannot be CANCELLED: use CANCEL', 'status');
  return status ?? 'CONFIRMED';
}

/** CAL-ADDRESS values are URIs, not TEXT: nothing is escaped, so anything that could end the line is refused. */
function mailto(email: string, field: string): string {
  if (!/^[^\s@:;,"<>()[\]\\]+@[^\s@:;,"<>()[\]\\]+$/u.test(email)) {
    throw new IcalInputError(`${field} is not a plain email address: ${JSON.stringify(email)}`, field);
  }
  return `mailto:${email}`;
}

function checkUri(uri: string, field: string): string {
  // A URI has no spaces or controls; letting one through would corrupt the line or inject a property.
  if (uri === '' || /[\s\u0000-\u001F\u007F]/u.test(uri)) {
    throw new IcalInputError(`${field} is not a valid URI: ${JSON.stringify(uri)}`, field);
  }
  return uri;
}
