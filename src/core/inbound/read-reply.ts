import { parseItip } from '../ical/parse-itip.ts';
import type { ItipMessage } from '../ical/parse-itip.ts';
import { pickCalendarPart } from './pick-calendar-part.ts';
import type { MimePart } from './pick-calendar-part.ts';

/** The iTIP methods that answer an invitation (RFC 5546 §3.2): an attendee's reply, and a proposed new time. */
export const REPLY_METHODS = ['REPLY', 'COUNTER'] as const;
export type ReplyMethod = (typeof REPLY_METHODS)[number];

export type ReadReply =
  | { ok: true; method: ReplyMethod; itip: ItipMessage }
  /** Unreadable, or not a reply: `method` and `uid` are kept when they could be read, for the record. */
  | { ok: false; why: string; method: string | null; uid: string | null };

/**
 * The calendar reply an email carries, if it carries one: the calendar part (see `pickCalendarPart`), its
 * MIME `method` parameter and the object's METHOD agreeing (RFC 6047 §2.4), and a method that answers an
 * invitation.
 */
export function readReply(parts: MimePart[]): ReadReply {
  const part = pickCalendarPart(parts);
  if (!part) return { ok: false, why: 'the email has no calendar part', method: null, uid: null };
  const parsed = parseItip(part.text);
  const mimeMethod = part.method?.trim().toUpperCase() || null;
  if (!parsed.ok) return { ok: false, why: parsed.why, method: mimeMethod, uid: parsed.uid ?? null };
  const itip = parsed.message;
  const method = itip.method;
  if (!mimeMethod) return { ok: false, why: 'the calendar part has no method parameter (RFC 6047 requires one)', method, uid: itip.uid };
  if (!method) return { ok: false, why: 'the calendar object has no METHOD', method: mimeMethod, uid: itip.uid };
  if (mimeMethod !== method) {
    return { ok: false, why: `the MIME method (${mimeMethod}) and the calendar's METHOD (${method}) disagree`, method, uid: itip.uid };
  }
  if (!(REPLY_METHODS as readonly string[]).includes(method)) {
    return { ok: false, why: `METHOD ${method} is not a reply to an invitation`, method, uid: itip.uid };
  }
  return { ok: true, method: method as ReplyMethod, itip };
}
