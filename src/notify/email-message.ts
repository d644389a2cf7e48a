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

/**
 * One email as the outbox stores it and a sender delivers it. Everything needed to send it again is in
 * here, so a retry sends the very same message.
 */
export interface OutgoingEmail {
  /**
   * Stable id in RFC 5322 form, e.g. `<0b6e...@leeway>`: the outbox's deduplication key and the
   * Message-ID header, so a retried delivery carries the same id and receivers can discard the copy.
   */
  messageId: string;
  from: EmailAddress;
  to: EmailAddress[];
  replyTo?: EmailAddress;
  subject: string;
  text: string;
  html?: string;
  calendar?: EmailCalendar;
}
