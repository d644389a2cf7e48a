import { putBackLinkTokens } from '../../core/link-tokens-at-rest.ts';
import type { OutgoingEmail } from '../../core/outgoing-email.ts';
import type { OutboxMessage, Store } from '../index.ts';
import { openLinkTokens } from '../sealed-link-tokens.ts';
import type { SecretBox } from '../secret-box.ts';

/**
 * An organization's emails as the worker would send them: each still pending with its link tokens put
 * back, so a test can follow a link as its recipient would. Settled messages are as stored (redacted).
 *
 * @example
 * const [offer] = await messagesAsSent(server.ctx, server.organizationId, { kind: 'waitlist_offer' });
 */
export async function messagesAsSent(
  ctx: { store: Store; secrets?: SecretBox | undefined },
  organizationId: string,
  filter: { interviewId?: string; to?: string; kind?: string; limit?: number } = {},
): Promise<OutboxMessage[]> {
  const messages = await ctx.store.outbox.list(organizationId, { ...filter, withLinkTokens: true });
  return messages.map(({ linkTokens, ...message }) => {
    const email = (message.payload as { email?: OutgoingEmail }).email;
    if (!email || linkTokens === null) return message;
    return { ...message, payload: { ...message.payload, email: putBackLinkTokens(email, openLinkTokens(linkTokens, ctx.secrets)) } };
  });
}
