import { INBOUND_SECRET_PREFIX } from '../../core/inbound/inbound-secret-text.ts';
import type { AppContext } from '../context.ts';
import { generateSecret, hashSecret } from '../secrets.ts';
import { schedulingAddress } from './scheduling-address.ts';

/** A new inbound secret for the organization, replacing the old one at once; shown only now, kept hashed. */
export async function rotateInboundSecret(ctx: AppContext, organizationId: string): Promise<{ secret: string; address: string }> {
  const secret = generateSecret(INBOUND_SECRET_PREFIX);
  await ctx.store.inboundReplies.setSecret(organizationId, hashSecret(secret), ctx.clock());
  return { secret, address: schedulingAddress(ctx) };
}

/** The organization whose inbound secret this is, or null. */
export async function organizationOfInboundSecret(ctx: AppContext, secret: string): Promise<string | null> {
  if (!secret.startsWith(`${INBOUND_SECRET_PREFIX}_`) || secret.length > 200) return null;
  return ctx.store.inboundReplies.organizationBySecret(hashSecret(secret));
}

export async function inboundSecretSince(ctx: AppContext, organizationId: string): Promise<Date | null> {
  return ctx.store.inboundReplies.secretCreatedAt(organizationId);
}
