import { newId } from '../store/ids.ts';
import type { OutgoingEmail } from '../core/outgoing-email.ts';
import { renderDisabledNotice } from '../core/webhooks/disabled-notice.ts';
import type { Store } from '../store/index.ts';

export interface NoticeSender {
  /** The service's sender address (`LEEWAY_MAIL_FROM`). */
  fromAddress: string;
  /** The domain Message-IDs are made on (`AppConfig.mailDomain`). */
  mailDomain: string;
}

/**
 * Tells the organization that an endpoint was disabled, through the outbox (in the caller's transaction):
 * to its contact address, else its first admin or recruiter. Returns the address written to, or null when
 * the organization has nobody to tell (the reason stays on the endpoint, shown by the API).
 */
export async function queueDisabledNotice(
  store: Store,
  sender: NoticeSender,
  input: { organizationId: string; webhookId: string; url: string; description: string | null; reason: string; pendingDeliveries: number; at: Date },
): Promise<string | null> {
  const organization = await store.organizations.get(input.organizationId);
  if (!organization) return null;
  let to = organization.contactEmail ? { name: `${organization.name} recruiting`, address: organization.contactEmail } : null;
  if (!to) {
    const members = await store.members.list(organization.id);
    const staff = members.find((m) => m.role === 'admin') ?? members.find((m) => m.role === 'recruiter');
    if (staff) to = { name: staff.name, address: staff.email };
  }
  if (!to) return null;
  const rendered = renderDisabledNotice({
    organizationName: organization.name,
    webhookId: input.webhookId,
    url: input.url,
    description: input.description,
    reason: input.reason,
    pendingDeliveries: input.pendingDeliveries,
  });
  const messageId = `<${newId()}@${sender.mailDomain}>`;
  const email: OutgoingEmail = {
    messageId,
    from: { name: 'Leeway', address: sender.fromAddress },
    to: [to],
    subject: rendered.subject,
    text: rendered.text,
  };
  await store.outbox.enqueue(
    { organizationId: organization.id, messageId, kind: 'webhook_disabled', recipient: to.address, subject: rendered.subject, payload: { email } },
    input.at,
  );
  return to.address;
}
