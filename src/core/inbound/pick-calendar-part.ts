/** One MIME part of a received email, as the mail parser gives it. */
export interface MimePart {
  /** e.g. `text/calendar`, lower case. */
  contentType: string;
  /** The `method` parameter of the Content-Type (RFC 6047 §2.4), or null. */
  method: string | null;
  text: string;
}

const CALENDAR_TYPES = new Set(['text/calendar', 'application/ics']);

/**
 * The calendar part a reply is read from. RFC 6047 puts the iTIP message in a `text/calendar` part with a
 * `method` parameter; Google and Outlook also attach a copy (`invite.ics`, `application/ics`) without
 * one. So: the first calendar part with a method parameter, else the first calendar part at all (whose
 * missing parameter then fails the method check), else null.
 */
export function pickCalendarPart(parts: MimePart[]): MimePart | null {
  const calendars = parts.filter((part) => CALENDAR_TYPES.has(part.contentType.toLowerCase()));
  return calendars.find((part) => part.method !== null && part.method.trim() !== '') ?? calendars[0] ?? null;
}
