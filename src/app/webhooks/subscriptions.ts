import { randomBytes } from 'node:crypto';
import { DomainError } from '../../core/errors.ts';
import { formatSecret } from '../../core/webhooks/signature.ts';
import { checkOutboundUrl, OutboundUrlRefused } from '../../net/outbound-request.ts';
import type { SecretBox } from '../../store/secret-box.ts';
import type { WebhookDelivery, WebhookSubscription } from '../../store/repositories/webhooks.ts';
import type { AppContext } from '../context.ts';

/** How long a rotated-out secret keeps signing beside the new one, so receivers can switch without a gap. */
export const ROTATION_OVERLAP_MS = 24 * 3_600_000;

/** 32 random bytes: the Standard Webhooks range is 24 to 64. */
const SECRET_BYTES = 32;

function newSecret(): string {
  return formatSecret(randomBytes(SECRET_BYTES));
}

function secretBox(ctx: AppContext): SecretBox {
  if (!ctx.secrets) {
    throw new DomainError('SECRET_KEY_REQUIRED', 'Set LEEWAY_SECRET_KEY (32 bytes in base64: openssl rand -base64 32) to store webhook signing secrets.');
  }
  return ctx.secrets;
}

/** Why a URL was refused, in words for a webhook: net's own words suit other uses (a calendar feed has a password field). */
function refusalInWords(error: OutboundUrlRefused): string {
  if (error.reason === 'credentials') return 'A webhook URL may not carry a user name or password; verify deliveries by their signature instead.';
  return `This webhook URL is not allowed: ${error.message}`;
}

/**
 * The endpoint URL as it will be stored, refused when it is not http(s), carries credentials or points to
 * a private, loopback or link-local address (unless the server allows private URLs).
 */
async function allowedUrl(ctx: AppContext, url: string): Promise<string> {
  try {
    return (await checkOutboundUrl(url, { allowPrivateAddresses: ctx.config.allowPrivateUrls })).toString();
  } catch (error) {
    if (error instanceof OutboundUrlRefused) {
      throw new DomainError('URL_NOT_ALLOWED', refusalInWords(error), { reason: error.reason });
    }
    throw error;
  }
}

async function getOrThrow(ctx: AppContext, organizationId: string, id: string): Promise<WebhookSubscription> {
  const found = await ctx.store.webhooks.get(organizationId, id);
  if (!found) throw new DomainError('NOT_FOUND', 'No such webhook.');
  return found;
}

/** Subscribes an endpoint; the secret is returned here and never again (it is stored sealed). */
export async function createWebhook(
  ctx: AppContext,
  organizationId: string,
  input: { url: string; events: string[]; description?: string | null },
): Promise<{ webhook: WebhookSubscription; secret: string }> {
  const box = secretBox(ctx);
  const url = await allowedUrl(ctx, input.url);
  const secret = newSecret();
  const webhook = await ctx.store.webhooks.create({
    organizationId,
    url,
    description: input.description?.trim() ? input.description.trim() : null,
    events: [...new Set(input.events)],
    secretSealed: box.seal(secret),
    at: ctx.clock(),
  });
  return { webhook, secret };
}

export async function getWebhook(ctx: AppContext, organizationId: string, id: string): Promise<WebhookSubscription> {
  return getOrThrow(ctx, organizationId, id);
}

export async function listWebhooks(ctx: AppContext, organizationId: string, page: { limit: number; after?: string }): Promise<WebhookSubscription[]> {
  return ctx.store.webhooks.list(organizationId, page);
}

/** Changes an endpoint; `status: "active"` turns a disabled one back on, and its kept deliveries go out in order. */
export async function updateWebhook(
  ctx: AppContext,
  organizationId: string,
  id: string,
  patch: { url?: string; events?: string[]; description?: string | null; status?: 'active' },
): Promise<WebhookSubscription> {
  await getOrThrow(ctx, organizationId, id);
  const url = patch.url !== undefined ? await allowedUrl(ctx, patch.url) : undefined;
  const updated = await ctx.store.webhooks.update(
    organizationId,
    id,
    {
      ...(url !== undefined ? { url } : {}),
      ...(patch.events !== undefined ? { events: [...new Set(patch.events)] } : {}),
      ...(patch.description !== undefined ? { description: patch.description?.trim() ? patch.description.trim() : null } : {}),
      reactivate: patch.status === 'active',
    },
    ctx.clock(),
  );
  if (!updated) throw new DomainError('NOT_FOUND', 'No such webhook.');
  return updated;
}

export async function deleteWebhook(ctx: AppContext, organizationId: string, id: string): Promise<void> {
  if (!(await ctx.store.webhooks.delete(organizationId, id))) throw new DomainError('NOT_FOUND', 'No such webhook.');
}

/**
 * A new secret. For the next 24 hours deliveries are signed with both the new and the old one, so the
 * receiver can switch over at leisure; after that only the new one signs.
 */
export async function rotateWebhookSecret(ctx: AppContext, organizationId: string, id: string): Promise<{ secret: string }> {
  const box = secretBox(ctx);
  const now = ctx.clock();
  const secret = newSecret();
  return ctx.store.transaction(async (store) => {
    const current = await store.webhooks.sealedSecret(organizationId, id);
    if (current === null) throw new DomainError('NOT_FOUND', 'No such webhook.');
    await store.webhooks.rotateSecret(organizationId, id, {
      secretSealed: box.seal(secret),
      previousSecretSealed: current,
      previousSecretUntil: new Date(now.getTime() + ROTATION_OVERLAP_MS),
      at: now,
    });
    return { secret };
  });
}

/** Queues a `webhook.test` event for this endpoint only. */
export async function sendTestEvent(ctx: AppContext, organizationId: string, id: string): Promise<WebhookDelivery> {
  const webhook = await getOrThrow(ctx, organizationId, id);
  return ctx.store.webhooks.enqueueFor(organizationId, webhook.id, {
    type: 'webhook.test',
    at: ctx.clock(),
    data: { webhookId: webhook.id, message: 'This is a test event from Leeway.' },
  });
}

/** A page of an endpoint's deliveries, with the endpoint: while it is disabled, nothing pending is tried. */
export async function listDeliveries(
  ctx: AppContext,
  organizationId: string,
  id: string,
  page: { limit: number; after?: string },
): Promise<{ webhook: WebhookSubscription; deliveries: WebhookDelivery[] }> {
  const webhook = await getOrThrow(ctx, organizationId, id);
  return { webhook, deliveries: await ctx.store.webhooks.deliveries(organizationId, id, page) };
}
