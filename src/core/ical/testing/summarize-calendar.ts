import ICAL from 'ical.js';

/**
 * What an independent parser (ical.js) reads back from a calendar: the shape the golden fixtures'
 * `expected` blocks are written in. Test-only: production code never parses calendars.
 */
export interface CalendarSummary {
  method: string | null;
  prodId: string | null;
  uid: string | null;
  sequence: number | null;
  /** Instants as ISO strings; only set when the value was written in UTC (with `Z`). */
  dtstamp: string | null;
  start: string | null;
  end: string | null;
  summary: string | null;
  description: string | null;
  location: string | null;
  url: string | null;
  status: string | null;
  organizer: { cn: string | null; email: string | null } | null;
  attendees: Array<{
    cn: string | null;
    email: string | null;
    role: string | null;
    partstat: string | null;
    rsvp: string | null;
  }>;
}

/**
 * Parses an iCalendar text with ical.js and reads the one VEVENT of an iTIP message.
 *
 * @throws when ical.js cannot parse the text, when it is not a VCALENDAR with exactly one VEVENT, or
 *   when a date-time is not in UTC (a floating or zoned time would read differently per client).
 */
export function summarizeCalendar(ics: string): CalendarSummary {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  if (calendar.name !== 'vcalendar') throw new Error(`expected a VCALENDAR, got ${calendar.name}`);
  const events = calendar.getAllSubcomponents('vevent');
  const event = events[0];
  if (events.length !== 1 || event === undefined) throw new Error(`expected one VEVENT, got ${events.length}`);
  const organizer = event.getFirstProperty('organizer');
  return {
    method: textValue(calendar, 'method'),
    prodId: textValue(calendar, 'prodid'),
    uid: textValue(event, 'uid'),
    sequence: numberValue(event, 'sequence'),
    dtstamp: utcValue(event, 'dtstamp'),
    start: utcValue(event, 'dtstart'),
    end: utcValue(event, 'dtend'),
    summary: textValue(event, 'summary'),
    description: textValue(event, 'description'),
    location: textValue(event, 'location'),
    url: textValue(event, 'url'),
    status: textValue(event, 'status'),
    organizer: organizer
      ? { cn: parameter(organizer, 'cn'), email: stringOrNull(organizer.getFirstValue()) }
      : null,
    attendees: event.getAllProperties('attendee').map((attendee) => ({
      cn: parameter(attendee, 'cn'),
      email: stringOrNull(attendee.getFirstValue()),
      role: parameter(attendee, 'role'),
      partstat: parameter(attendee, 'partstat'),
      rsvp: parameter(attendee, 'rsvp'),
    })),
  };
}

function textValue(component: ICAL.Component, name: string): string | null {
  return stringOrNull(component.getFirstPropertyValue(name));
}

function numberValue(component: ICAL.Component, name: string): number | null {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'number' ? value : null;
}

function utcValue(component: ICAL.Component, name: string): string | null {
  const property = component.getFirstProperty(name);
  if (!property) return null;
  const value = property.getFirstValue();
  if (!(value instanceof ICAL.Time)) throw new Error(`${name} is not a date-time`);
  // jCal keeps the Z of a UTC DATE-TIME; a floating or TZID time would have none.
  const raw = property.toJSON()[3];
  if (typeof raw !== 'string' || !raw.endsWith('Z') || value.zone !== ICAL.Timezone.utcTimezone) {
    throw new Error(`${name} is not in UTC: ${property.toICALString()}`);
  }
  return value.toJSDate().toISOString();
}

function parameter(property: ICAL.Property, name: string): string | null {
  const value: unknown = property.getParameter(name);
  return typeof value === 'string' ? value : null;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
