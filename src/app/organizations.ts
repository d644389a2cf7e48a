import { DomainError } from '../core/errors.ts';
import type { Organization } from '../core/types.ts';
import type { OrganizationPatch, Store } from '../store/index.ts';
import type { AppContext } from './context.ts';
import { ApiKeyCache } from './api-key-cache.ts';
import { generateSecret, hashPassword, hashSecret } from './secrets.ts';
import { FieldErrors } from './validation.ts';

export interface CreateOrganizationInput {
  name: string;
  timezone: string;
  contactEmail?: string | null;
  contactPhone?: string | null;
  adminEmail?: string;
  adminPassword?: string;
}

export interface CreatedOrganization {
  organization: Organization;
  /** Shown once: only its hash is kept. */
  apiKey: string;
}

const API_KEY_PREFIX = 'lw_key';

/** Creates an organization with its first API key (and a dashboard admin when asked), in one transaction. */
export async function createOrganization(ctx: AppContext, input: CreateOrganizationInput): Promise<CreatedOrganization> {
  const errors = new FieldErrors();
  const timezone = errors.zone('timezone', input.timezone);
  const contactPhone = errors.phone('contactPhone', input.contactPhone);
  if (!input.name.trim()) errors.add('name', 'The name must not be empty.');
  if ((input.adminEmail === undefined) !== (input.adminPassword === undefined)) {
    errors.add('adminPassword', 'An admin needs both an email and a password.');
  }
  if (input.adminPassword !== undefined && input.adminPassword.length < 10) {
    errors.add('adminPassword', 'The password must have at least 10 characters.');
  }
  errors.throwIfAny();
  const passwordHash = input.adminPassword ? await hashPassword(input.adminPassword) : null;
  return ctx.store.transaction(async (store) => {
    const organization = await store.organizations.create({
      name: input.name.trim(),
      timezone,
      contactEmail: input.contactEmail ?? input.adminEmail ?? null,
      contactPhone: contactPhone ?? null,
    });
    const apiKey = await issueApiKey(store, organization.id, 'default');
    if (input.adminEmail && passwordHash) {
      await store.users.create({
        organizationId: organization.id,
        email: input.adminEmail.toLowerCase(),
        passwordHash,
        memberId: null,
      });
    }
    return { organization, apiKey };
  });
}

async function issueApiKey(store: Store, organizationId: string, name: string): Promise<string> {
  const key = generateSecret(API_KEY_PREFIX);
  await store.apiKeys.create({ organizationId, name, prefix: key.slice(0, API_KEY_PREFIX.length + 7), keyHash: hashSecret(key) });
  return key;
}

export async function createApiKey(ctx: AppContext, organizationId: string, name = 'key'): Promise<string> {
  const organization = await ctx.store.organizations.get(organizationId);
  if (!organization) throw new DomainError('NOT_FOUND', 'No such organization.');
  return issueApiKey(ctx.store, organizationId, name);
}

const LAST_USED_PRECISION_MS = 60_000;

/** One cache per store (so per database and server), made when first needed. */
const keyCaches = new WeakMap<object, ApiKeyCache>();

/**
 * The organization an API key belongs to, or null for a wrong, revoked or malformed key. A key found
 * valid is believed for a few seconds without reading it again (see `ApiKeyCache`).
 */
export async function authenticateApiKey(ctx: AppContext, key: string): Promise<{ organizationId: string; keyId: string } | null> {
  if (!key.startsWith(`${API_KEY_PREFIX}_`) || key.length > 200) return null;
  const keyHash = hashSecret(key);
  const now = ctx.clock();
  let cache = keyCaches.get(ctx.store);
  if (!cache) keyCaches.set(ctx.store, (cache = new ApiKeyCache()));
  let known = cache.get(keyHash, now.getTime());
  if (!known) {
    const record = await ctx.store.apiKeys.findActiveByHash(keyHash);
    if (!record) return null;
    known = { organizationId: record.organizationId, keyId: record.id, lastUsedAt: record.lastUsedAt };
    cache.set(keyHash, known, now.getTime());
  }
  // "Last used" to the minute: writing it on every request would add a round trip (and a row lock on the
  // key, serializing one client's concurrent requests) to every API call.
  if (!known.lastUsedAt || now.getTime() - known.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    await ctx.store.apiKeys.touch(known.keyId, now);
    known.lastUsedAt = now;
  }
  return { organizationId: known.organizationId, keyId: known.keyId };
}

export async function getOrganization(ctx: AppContext, organizationId: string): Promise<Organization> {
  const organization = await ctx.store.organizations.get(organizationId);
  if (!organization) throw new DomainError('NOT_FOUND', 'No such organization.');
  return organization;
}

export type OrganizationChange = Omit<OrganizationPatch, 'noticePolicy'> & {
  noticePolicy?: { ampleHours?: number; adequateHours?: number };
};

export async function updateOrganization(
  ctx: AppContext,
  organizationId: string,
  change: OrganizationChange,
): Promise<Organization> {
  const current = await getOrganization(ctx, organizationId);
  const { noticePolicy: policyChange, ...rest } = change;
  // Either threshold may change alone; the other keeps its current value.
  const noticePolicy = policyChange ? { ...current.noticePolicy, ...policyChange } : undefined;
  const errors = new FieldErrors();
  const timezone = errors.zone('timezone', change.timezone);
  const contactPhone = errors.phone('contactPhone', change.contactPhone);
  if (noticePolicy && noticePolicy.ampleHours < noticePolicy.adequateHours) {
    errors.add('noticePolicy.ampleHours', 'ampleHours must be at least adequateHours.');
  }
  errors.throwIfAny();
  const updated = await ctx.store.organizations.update(organizationId, {
    ...rest,
    ...(timezone !== undefined ? { timezone } : {}),
    ...(contactPhone !== undefined ? { contactPhone } : {}),
    ...(noticePolicy ? { noticePolicy } : {}),
  });
  if (!updated) throw new DomainError('NOT_FOUND', 'No such organization.');
  return updated;
}
