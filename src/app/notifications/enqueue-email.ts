import { randomUUID } from 'node:crypto';
import type { OutgoingEmail } from '../../core/outgoing-email.ts';
import type { Store } from '../../store/index.ts';
import type { AppConfig } from '../context.ts';

export interface EmailToQueue {
  kind: string;
  to: { name: string; address: string };
  /**
   * Where an answer goes: the organization's contact, or the recruiter who acted. Sent as `Reply-To`, so a
   * message that invites a reply can be answered although it comes from the service's sender address.
   *
   * TEMPORARILY optional, so the callers (`planInterviewEmails`) keep compiling until they set it; it is
   * meant to be required, and a message without it is sent without Reply-To.
   */
  replyTo?: { name: string; address: string };
  subject: string;
  text: string;
  calendar?: { method: 'REQUEST' | 'CANCEL'; ics: string; sequence: number };
  notBefore?: Date;
}

/** Who sends: the organization, through the service's configured sender address. */
export interface EnqueueEmailInput {
  organizationId: string;
  /** The display name of From: `"<organization name>" <config.mailFrom.address>`. */
  organizationName: string;
  interviewId: string | null;
  /** `mailFrom.address` is the sender address; `mailDomain` makes the Message-ID. Pass `ctx.config`. */
  config: Pick<AppConfig, 'mailFrom' | 'mailDomain'>;
  at: Date;
}

/**
 * The input callers passed before the organization became the sender.
 *
 * @deprecated Pass {@link EnqueueEmailInput} (`organizationName` and `config: ctx.config`): with this one
 *   the From name is `from.name` and the Message-ID domain is the sender address's, not `config.mailDomain`.
 */
export interface LegacyEnqueueEmailInput {
  organizationId: string;
  interviewId: string | null;
  from: { name: string; address: string };
  at: Date;
}

/** A Message-ID of our own, `<uuid@mailDomain>`, stable across retries: receivers drop a second copy. */
export function newMessageId(mailDomain: string): string {
  return `<${randomUUID()}@${mailDomain}>`;
}

/**
 * Writes one email into the outbox, inside the caller's transaction: it is sent if and only if the change
 * it announces commits. The stored payload is the whole message as it will be sent (`{ email }`), which
 * is also the audit of what was said (`GET /api/v1/messages`).
 */
export async function enqueueEmail(
  store: Store,
  input: EnqueueEmailInput | LegacyEnqueueEmailInput,
  email: EmailToQueue,
): Promise<string> {
  const sender =
    'config' in input
      ? { name: input.organizationName, address: input.config.mailFrom.address, domain: input.config.mailDomain }
      : { name: input.from.name, address: input.from.address, domain: domainOf(input.from.address) };
  const messageId = newMessageId(sender.domain);
  const outgoing: OutgoingEmail = {
    messageId,
    from: { name: sender.name, address: sender.address },
    to: [email.to],
    ...(email.replyTo ? { replyTo: email.replyTo } : {}),
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

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}
