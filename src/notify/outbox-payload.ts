import { z } from 'zod';
import type { OutgoingEmail } from '../core/outgoing-email.ts';

/** What the app layer stores in `outbox.payload` for an email: the whole rendered message. */
export interface OutboxEmailPayload {
  email: OutgoingEmail;
}

const address = z.object({ name: z.string().optional(), address: z.string().min(1) });

// Checks shape only: whether the addresses and headers are sendable is the sender's business
// (`InvalidEmailError`), and that verdict is already a permanent failure.
const payloadSchema = z.object({
  email: z.object({
    messageId: z.string().min(1),
    from: address,
    to: z.array(address).min(1),
    replyTo: address.optional(),
    subject: z.string(),
    text: z.string(),
    html: z.string().optional(),
    calendar: z
      .object({ method: z.enum(['REQUEST', 'CANCEL']), ics: z.string().min(1), filename: z.string().optional() })
      .optional(),
  }),
});

export type ReadOutboxEmailResult = { ok: true; email: OutgoingEmail } | { ok: false; error: string };

/**
 * Builds the payload of an outbox row from a rendered email. The row's `messageId` must be
 * `email.messageId`: the column is the unique deduplication key, the header is what receivers see.
 */
export function toOutboxPayload(email: OutgoingEmail): OutboxEmailPayload {
  return { email };
}

/**
 * Reads the email back out of an outbox row. A payload that is not a `{ email }` of the right shape, or
 * whose Message-ID is not the row's, can never be delivered as intended: the worker fails it rather than
 * retrying.
 */
export function readOutboxEmail(row: { messageId: string; payload: unknown }): ReadOutboxEmailResult {
  const parsed = payloadSchema.safeParse(row.payload);
  if (!parsed.success) {
    return { ok: false, error: `Invalid outbox payload, expected { email: OutgoingEmail }: ${describeIssues(parsed.error)}` };
  }
  const email = parsed.data.email;
  if (email.messageId !== row.messageId) {
    return {
      ok: false,
      error: `Invalid outbox payload: email.messageId ${email.messageId} is not the row's messageId ${row.messageId}`,
    };
  }
  return { ok: true, email };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
