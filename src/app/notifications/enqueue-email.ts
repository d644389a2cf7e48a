import { randomUUID } from 'node:crypto';
import type { OutgoingEmail } from '../../core/outgoing-email.ts';
import type { Store } from '../../store/index.ts';

export interface EmailToQueue {
  kind: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  calendar?: { method: 'REQUEST' | 'CANCEL'; ics: string; sequence: number };
  notBefore?: Date;
}

/** A Message-ID of our own, stable across retries: receivers drop a second copy of the same one. */
export function newMessageId(): string {
  return `<${randomUUID()}@leeway>`;
}

/**
 * Writes one email into the outbox, inside the caller's transaction: it is sent if and only if the change
 * it announces commits.
 */
export async function enqueueEmail(
  store: Store,
  input: { organizationId: string; interviewId: string | null; from: { name: string; address: string }; at: Date },
  email: EmailToQueue,
): Promise<string> {
  const messageId = newMessageId();
  const outgoing: OutgoingEmail = {
    messageId,
    from: input.from,
    to: [email.to],
    subject: email.subject,
    text: email.text,
    ...(email.calendar ? { calendar: { method: email.calendar.method, ics: email.calendar.ics } } : {}),
  };
  await store.outbox.enqueue(
    {
      organizationId: input.organizationId,
      messageId,
      kind: email.kind,
      interviewId: input.interviewId,
      recipient: email.to.address,
      subject: email.subject,
      payload: { email: outgoing },
      icsMethod: email.calendar?.method ?? null,
      sequence: email.calendar?.sequence ?? null,
      ...(email.notBefore ? { notBefore: email.notBefore } : {}),
    },
    input.at,
  );
  return messageId;
}
