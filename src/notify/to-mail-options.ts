import type { SendMailOptions } from 'nodemailer';
import { calendarFilename } from '../core/outgoing-email.ts';
import type { EmailAddress, OutgoingEmail } from '../core/outgoing-email.ts';
import { InvalidEmailError } from './invalid-email-error.ts';

export interface ToMailOptionsOptions {
  /**
   * The mailbox the SMTP relay lets us send as. When set it becomes the From of every message (keeping
   * the email's display name if it has none) and the email's own `from` moves to Reply-To, unless the
   * email already has one, so answers still reach the person who wrote it.
   */
  from?: EmailAddress;
}

/**
 * Every message Leeway sends is written by the system, not typed by a person at that moment (RFC 3834
 * §5): vacation responders and other automatic replies must not answer it.
 */
export const AUTO_SUBMITTED_HEADERS = { 'Auto-Submitted': 'auto-generated' } as const;

/**
 * Maps an {@link OutgoingEmail} to nodemailer's message options. Every message carries
 * `Auto-Submitted: auto-generated`. A calendar is written twice, both as
 * `text/calendar; charset=utf-8; method=<METHOD>` (RFC 6047 §2.4): inline as an alternative beside the text
 * (what Outlook, Gmail and Apple Mail turn into an invitation) and as an `.ics` attachment (for clients
 * that show only attachments). nodemailer's own `icalEvent` labels the attachment `application/ics`,
 * a type that is not registered and that some clients will not open as a calendar, so it is not used.
 *
 * @throws {InvalidEmailError} when the email cannot be sent as it is.
 */
export function toMailOptions(email: OutgoingEmail, options: ToMailOptionsOptions = {}): SendMailOptions {
  if (email.to.length === 0) throw new InvalidEmailError('an email needs at least one recipient', 'to');
  const ownFrom = checkAddress(email.from, 'from');
  const relayFrom = options.from ? checkAddress(options.from, 'options.from') : undefined;
  const from =
    relayFrom && relayFrom.address.toLowerCase() !== ownFrom.address.toLowerCase()
      ? { name: relayFrom.name || ownFrom.name, address: relayFrom.address }
      : ownFrom;
  const replyTo = email.replyTo ? checkAddress(email.replyTo, 'replyTo') : from === ownFrom ? undefined : ownFrom;

  const mail: SendMailOptions = {
    messageId: normalizeMessageId(email.messageId),
    from,
    to: email.to.map((address, index) => checkAddress(address, `to[${index}]`)),
    // A line break in a header value would start a new header: subjects come from titles people type.
    subject: email.subject.replace(/[\r\n]+/g, ' '),
    text: email.text,
    headers: { ...AUTO_SUBMITTED_HEADERS },
    // Our content is always inline strings: never let a value be read as a file path or fetched as a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
  if (replyTo) mail.replyTo = replyTo;
  if (email.html !== undefined) mail.html = email.html;
  if (email.calendar) {
    const { method, ics } = email.calendar;
    const written = /(?:^|\r\n)METHOD:([^\r\n]*)\r\n/.exec(ics)?.[1];
    // Clients dispatch on the MIME method but store what the calendar says: the two must agree.
    if (written !== method) {
      throw new InvalidEmailError(`calendar.method is ${method} but the calendar says ${written ?? 'nothing'}`, 'calendar.method');
    }
    const contentType = `text/calendar; charset=utf-8; method=${method}`;
    mail.alternatives = [{ contentType, content: ics }];
    mail.attachments = [
      {
        filename: calendarFilename(email.calendar),
        contentType,
        contentDisposition: 'attachment',
        content: ics,
      },
    ];
  }
  return mail;
}

function checkAddress(mailbox: EmailAddress, field: string): { name: string; address: string } {
  // Deliberately loose (internationalized addresses are fine) but nothing that could end the header.
  if (!/^[^\s@<>,;"]+@[^\s@<>,;"]+$/u.test(mailbox.address)) {
    throw new InvalidEmailError(`${field}.address is not a plain email address: ${JSON.stringify(mailbox.address)}`, `${field}.address`);
  }
  return { name: (mailbox.name ?? '').replace(/[\r\n]+/g, ' '), address: mailbox.address };
}

/** Message-IDs are `<left@right>` (RFC 5322 §3.6.4); the outbox may store one without the brackets. */
function normalizeMessageId(messageId: string): string {
  const bare = messageId.startsWith('<') && messageId.endsWith('>') ? messageId.slice(1, -1) : messageId;
  if (!/^[^\s<>@]+@[^\s<>@]+$/.test(bare)) {
    throw new InvalidEmailError(`messageId is not of the form <left@right>: ${JSON.stringify(messageId)}`, 'messageId');
  }
  return `<${bare}>`;
}
