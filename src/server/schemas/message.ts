import { z } from '@hono/zod-openapi';
import { redactCandidateTokens } from '../../core/candidate-link.ts';
import { calendarFilename } from '../../core/outgoing-email.ts';
import type { OutboxMessage } from '../../store/index.ts';
import { OUTBOX_STATUSES } from '../../store/repositories/outbox.ts';
import type { OutboxPosition } from '../../store/repositories/outbox.ts';
import { Email, Instant } from './common.ts';

export const MESSAGES_DEFAULT_LIMIT = 50;
export const MESSAGES_MAX_LIMIT = 200;

/**
 * The cursor is opaque to clients: base64url of `[createdAt, id]` of the last message of a page. Any
 * other text is refused (400) rather than read as the start of the list.
 */
export function encodeMessagesCursor(position: OutboxPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id]), 'utf8').toString('base64url');
}

export function decodeMessagesCursor(cursor: string): OutboxPosition | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [at, id] = value as unknown[];
  if (typeof at !== 'string' || typeof id !== 'string') return null;
  if (!z.uuid().safeParse(id).success || !z.iso.datetime().safeParse(at).success) return null;
  return { createdAt: new Date(at), id };
}

const MessageStatus = z.enum(OUTBOX_STATUSES);

export const MessagesQuery = z.object({
  interviewId: z.uuid().optional().openapi({ description: 'Only messages about this interview.' }),
  to: Email.optional().openapi({ description: 'Only messages to this address (any case).' }),
  kind: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,63}$/, 'A message kind is lower-case letters, digits and underscores, e.g. confirmation.')
    .optional()
    .openapi({ description: 'Only messages of this kind, e.g. `confirmation`, `reminder`.' }),
  status: MessageStatus.optional().openapi({ description: 'Only messages in this state, e.g. `pending` for what is still to go out.' }),
  dueBy: Instant.optional().openapi({
    description: 'Only messages whose `scheduledFor` is at or before this instant; with `status=pending` and the current time, what is overdue.',
  }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MESSAGES_MAX_LIMIT)
    .default(MESSAGES_DEFAULT_LIMIT)
    .openapi({
      description: `Messages per page, 1 to ${MESSAGES_MAX_LIMIT}; default ${MESSAGES_DEFAULT_LIMIT}.`,
      type: 'integer',
      minimum: 1,
      maximum: MESSAGES_MAX_LIMIT,
      default: MESSAGES_DEFAULT_LIMIT,
    }),
  cursor: z
    .string()
    .refine((value) => decodeMessagesCursor(value) !== null, 'Not a cursor of this list: pass nextCursor back exactly as it was given.')
    .optional()
    .openapi({ description: 'The `nextCursor` of the previous page.' }),
});

const MailboxSchema = z.object({ name: z.string(), address: z.string() }).openapi('Mailbox');

export const MessageSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    to: z.string().openapi({ description: 'The recipient address.' }),
    from: MailboxSchema.nullable().openapi({ description: 'The sender as sent: the organization\'s name and the service\'s address.' }),
    replyTo: MailboxSchema.nullable().openapi({ description: 'Where an answer goes.' }),
    subject: z.string().openapi({ description: 'Exactly as sent.' }),
    body: z.string().nullable().openapi({
      description: 'The text exactly as sent, except that candidate link tokens read `lw_cand_[redacted]`: a link is a credential.',
    }),
    status: MessageStatus.openapi({
      description: '`kept`: no SMTP is configured, so the message was written and will never be sent (final).',
    }),
    attempts: z.number().int(),
    icsMethod: z.enum(['REQUEST', 'CANCEL']).nullable(),
    calendar: z
      .object({
        method: z.enum(['REQUEST', 'CANCEL']),
        filename: z.string().openapi({ description: 'The name of the attached file.' }),
        ics: z.string().openapi({ description: 'The iCalendar text exactly as attached (link tokens redacted, as in the body).' }),
      })
      .nullable()
      .openapi({ description: 'The calendar part the email carries (an invitation or its cancellation), or null.' }),
    sequence: z.number().int().nullable(),
    interviewId: z.string().nullable(),
    messageId: z.string(),
    createdAt: Instant,
    scheduledFor: Instant.openapi({ description: 'When it is (or was) due to go out.' }),
    sentAt: Instant.nullable(),
    lastError: z.string().nullable(),
  })
  .openapi('Message');

export const MessagePageSchema = z
  .object({
    messages: z.array(MessageSchema),
    nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
  })
  .openapi('MessagePage');

// The stored payload is `{ email: OutgoingEmail }` (src/core/outgoing-email.ts); read only what is shown.
const mailbox = z.object({ name: z.string().optional(), address: z.string() });
const StoredPayload = z.object({
  email: z.object({
    from: mailbox.optional(),
    replyTo: mailbox.optional(),
    subject: z.string().optional(),
    text: z.string().optional(),
    calendar: z.object({ method: z.enum(['REQUEST', 'CANCEL']), ics: z.string(), filename: z.string().optional() }).optional(),
  }),
});


function mailboxJson(value: { name?: string | undefined; address: string } | undefined) {
  return value ? { name: value.name ?? '', address: value.address } : null;
}

/** A message as the audit shows it: what was (or will be) said, to whom, from whom, and what became of it. */
export function messageJson(message: OutboxMessage): z.infer<typeof MessageSchema> {
  const parsed = StoredPayload.safeParse(message.payload);
  const email = parsed.success ? parsed.data.email : undefined;
  return {
    id: message.id,
    kind: message.kind,
    to: message.recipient,
    from: mailboxJson(email?.from),
    replyTo: mailboxJson(email?.replyTo),
    subject: redactCandidateTokens(email?.subject ?? message.subject),
    body: email?.text === undefined ? null : redactCandidateTokens(email.text),
    status: message.status,
    attempts: message.attempts,
    icsMethod: message.icsMethod === 'REQUEST' || message.icsMethod === 'CANCEL' ? message.icsMethod : null,
    calendar: email?.calendar
      ? { method: email.calendar.method, filename: calendarFilename(email.calendar), ics: redactCandidateTokens(email.calendar.ics) }
      : null,
    sequence: message.sequence,
    interviewId: message.interviewId,
    messageId: message.messageId,
    createdAt: message.createdAt.toISOString(),
    scheduledFor: message.nextAttemptAt.toISOString(),
    sentAt: message.sentAt?.toISOString() ?? null,
    lastError: message.lastError,
  };
}
