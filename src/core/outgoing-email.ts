/**
 * An email as the app layer writes it into the outbox and the delivery edge (`src/notify`) sends it. Pure
 * types: they sit in the core so that `app` (which renders messages) and `notify` (which delivers them)
 * share them without `app` reaching up into `notify`.
 */

/** A mailbox: `address` is a plain `local@domain`; `name` is the display name shown by mail clients. */
export interface EmailAddress {
  name?: string;
  address: string;
}

/** An iTIP calendar carried by an email: shown inline by calendar-aware clients and attached as a file. */
export interface EmailCalendar {
  /** Must be the METHOD inside `ics`; it also goes into the MIME type, which is what clients dispatch on. */
  method: 'REQUEST' | 'CANCEL';
  /** The whole VCALENDAR text, e.g. from `buildInterviewCalendar`. */
  ics: string;
  /** Attachment file name; `invite.ics` for a REQUEST and `cancel.ics` for a CANCEL by default. */
  filename?: string;
}

/** The attached file's name: the calendar's own, or `invite.ics` for a REQUEST and `cancel.ics` for a CANCEL. */
export function calendarFilename(calendar: Pick<EmailCalendar, 'method'> & { filename?: string | undefined }): string {
  return calendar.filename ?? (calendar.method === 'CANCEL' ? 'cancel.ics' : 'invite.ics');
}

/**
 * One email as the outbox stores it and a sender delivers it. Everything needed to send it again is in
 * here, so a retry sends the very same message.
 */
export interface OutgoingEmail {
  /**
   * Stable id in RFC 5322 form, `<uuid@mail-domain>` (the domain is `AppConfig.mailDomain`): the outbox's
   * deduplication key and the Message-ID header, so a retried delivery carries the same id and receivers
   * can discard the copy.
   */
  messageId: string;
  /** `"<organization name>" <configured sender address>`. */
  from: EmailAddress;
  to: EmailAddress[];
  /** Where answers go: the organization's contact or the person who acted. Every message has one. */
  replyTo?: EmailAddress;
  subject: string;
  text: string;
  html?: string;
  calendar?: EmailCalendar;
}
