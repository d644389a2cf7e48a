import { newId } from '../../store/ids.ts';
import { setAsideLinkTokens } from '../../core/link-tokens-at-rest.ts';
import type { OutgoingEmail } from '../../core/outgoing-email.ts';
import type { NewOutboxMessage, Store } from '../../store/index.ts';
import { sealLinkTokens } from '../../store/sealed-link-tokens.ts';
import type { SecretBox } from '../../store/secret-box.ts';
import type { AppConfig } from '../context.ts';

export interface EmailToQueue {
  kind: string;
  to: { name: string; address: string };
  /**
   * Where an answer goes: the organization's contact, or the recruiter who acted. Sent as `Reply-To`, so a
   * message that invites a reply can be answered although it comes from the service's sender address.
   */
  replyTo: { name: string; address: string };
  subject: string;
  text: string;
  calendar?: { method: 'REQUEST' | 'CANCEL'; ics: string; sequence: number };
}

/** Who sends: the organization, through the service's configured sender address. */
export interface EnqueueEmailInput {
  organizationId: string;
  /** The display name of From: `"<organization name>" <config.mailFrom.address>`. */
  organizationName: string;
  interviewId: string | null;
  /** `mailFrom.address` is the sender address; `mailDomain` makes the Message-ID. Pass `ctx.config`. */
  config: Pick<AppConfig, 'mailFrom' | 'mailDomain'>;
  /** Seals the link tokens set aside from each message (pass `ctx.secrets`); without a key they rest as plain JSON until sent. */
  secrets: SecretBox | undefined;
  at: Date;
}

/** A Message-ID of our own, `<uuid@mailDomain>`, stable across retries: receivers drop a second copy. */
export function newMessageId(mailDomain: string): string {
  return `<${newId()}@${mailDomain}>`;
}

/**
 * The outbox row of one email and its Message-ID: the whole message as it will be sent (`{ email }`),
 * except its link tokens, which rest sealed beside it (`linkTokens`) until the sender puts them back.
 */
export function outboxMessageFor(input: EnqueueEmailInput, email: EmailToQueue): { messageId: string; message: NewOutboxMessage } {
  const messageId = newMessageId(input.config.mailDomain);
  const outgoing: OutgoingEmail = {
    messageId,
    from: { name: input.organizationName, address: input.config.mailFrom.address },
    to: [email.to],
    replyTo: email.replyTo,
    subject: email.subject,
    text: email.text,
    ...(email.calendar ? { calendar: { method: email.calendar.method, ics: email.calendar.ics } } : {}),
  };
  const { email: stored, tokens } = setAsideLinkTokens(outgoing);
  const message: NewOutboxMessage = {
    organizationId: input.organizationId,
    messageId,
    kind: email.kind,
    interviewId: input.interviewId,
    recipient: email.to.address,
    subject: stored.subject,
    payload: { email: stored },
    linkTokens: sealLinkTokens(tokens, input.secrets),
    icsMethod: email.calendar?.method ?? null,
    sequence: email.calendar?.sequence ?? null,
  };
  return { messageId, message };
}

/**
 * Writes emails into the outbox, inside the caller's transaction, in one statement: they are sent if and
 * only if the change they announce commits. The stored payload is also the audit of what was said
 * (`GET /api/v1/messages`). Returns the Message-IDs in the order given.
 */
export async function enqueueEmails(store: Store, input: EnqueueEmailInput, emails: EmailToQueue[]): Promise<string[]> {
  const prepared = emails.map((email) => outboxMessageFor(input, email));
  if (prepared.length > 0) await store.outbox.enqueueMany(prepared.map(({ message }) => ({ message, at: input.at })));
  return prepared.map(({ messageId }) => messageId);
}

/** Writes one email into the outbox, inside the caller's transaction (see `enqueueEmails`). */
export async function enqueueEmail(store: Store, input: EnqueueEmailInput, email: EmailToQueue): Promise<string> {
  const [messageId] = await enqueueEmails(store, input, [email]);
  return messageId!;
}
