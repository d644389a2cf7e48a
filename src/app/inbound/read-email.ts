import { simpleParser } from 'mailparser';
import type { MimePart } from '../../core/inbound/pick-calendar-part.ts';

/** What Leeway reads of a received email: the sender, its Message-ID and its calendar-bearing parts. */
export interface ReceivedEmail {
  /** The From header's address, as written. */
  from: string | null;
  messageId: string | null;
  subject: string | null;
  parts: MimePart[];
}

const NUL = /\u0000/g;

/** Header text as stored: no NUL (PostgreSQL text cannot hold it) and a sane length. */
function clean(value: string | undefined | null, max = 500): string | null {
  if (!value) return null;
  const text = value.replace(NUL, '').trim();
  return text === '' ? null : text.slice(0, max);
}

/**
 * Parses raw MIME (RFC 5322, with any transfer encoding) into the parts a calendar reply is judged by.
 * Every attachment and alternative that is a calendar comes back with its Content-Type's `method`
 * parameter; nothing is fetched and no HTML is rendered.
 */
export async function readEmail(raw: Uint8Array): Promise<ReceivedEmail> {
  const mail = await simpleParser(Buffer.from(raw), { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true });
  const from = Array.isArray(mail.from) ? mail.from[0] : mail.from;
  const parts: MimePart[] = [];
  for (const attachment of mail.attachments) {
    const header = attachment.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
    const contentType = (header?.value ?? attachment.contentType ?? '').toLowerCase();
    if (contentType !== 'text/calendar' && contentType !== 'application/ics') continue;
    const method = header?.params?.method ?? null;
    parts.push({ contentType, method: method ? method.trim() : null, text: attachment.content.toString('utf8').replace(NUL, '') });
  }
  return {
    from: clean(from?.value[0]?.address, 320),
    messageId: clean(mail.messageId, 500),
    subject: clean(mail.subject, 500),
    parts,
  };
}
