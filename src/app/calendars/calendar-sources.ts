import { DomainError } from '../../core/errors.ts';
import type { CalendarSourceKind, CalendarSourceRecord } from '../../store/repositories/calendar-sources.ts';
import type { SecretBox } from '../../store/secret-box.ts';
import type { AppContext } from '../context.ts';
import { checkCalendarAddress, maskCalendarAddress } from './calendar-address.ts';
import { syncCalendarSource } from './sync-calendar-source.ts';

export interface CalendarSourceInput {
  kind: CalendarSourceKind;
  url: string;
  username?: string | null;
  password?: string | null;
}

/** A source as the API shows it: the address masked, the user name, never the password. */
export interface CalendarSourceView {
  id: string;
  kind: CalendarSourceKind;
  url: string;
  username: string | null;
  hasPassword: boolean;
  status: CalendarSourceRecord['status'];
  lastSyncAt: Date | null;
  lastSuccessAt: Date | null;
  error: string | null;
  busyCount: number;
  nextSyncAt: Date;
}

async function requireMember(ctx: AppContext, organizationId: string, memberId: string): Promise<void> {
  if (!(await ctx.store.members.get(organizationId, memberId))) throw new DomainError('NOT_FOUND', 'No such member.');
}

function requireSecrets(ctx: AppContext): SecretBox {
  if (!ctx.secrets) {
    throw new DomainError('SECRET_KEY_REQUIRED', 'Set LEEWAY_SECRET_KEY to store calendar addresses and passwords: they are kept encrypted.');
  }
  return ctx.secrets;
}

export function viewCalendarSource(ctx: AppContext, source: CalendarSourceRecord): CalendarSourceView {
  let username: string | null = null;
  if (source.usernameSealed !== null && ctx.secrets) {
    try {
      username = ctx.secrets.open(source.usernameSealed);
    } catch {
      username = null;
    }
  }
  return {
    id: source.id,
    kind: source.kind,
    url: source.urlShown,
    username,
    hasPassword: source.passwordSealed !== null,
    status: source.status,
    lastSyncAt: source.lastSyncAt,
    lastSuccessAt: source.lastSuccessAt,
    error: source.error,
    busyCount: source.busyCount,
    nextSyncAt: source.nextSyncAt,
  };
}

export async function listCalendarSources(ctx: AppContext, organizationId: string, memberId: string): Promise<CalendarSourceView[]> {
  await requireMember(ctx, organizationId, memberId);
  const sources = await ctx.store.calendarSources.listForMember(organizationId, memberId);
  return sources.map((source) => viewCalendarSource(ctx, source));
}

/** Checks and seals a source's address and credentials; a blank user name or password means none. */
async function sealSource(ctx: AppContext, input: CalendarSourceInput) {
  const secrets = requireSecrets(ctx);
  const url = await checkCalendarAddress(ctx, input.url);
  const username = blankToNull(input.username);
  const password = blankToNull(input.password);
  return {
    url,
    username,
    row: {
      kind: input.kind,
      urlSealed: secrets.seal(url),
      urlShown: maskCalendarAddress(url),
      usernameSealed: username === null ? null : secrets.seal(username),
      passwordSealed: password === null ? null : secrets.seal(password),
      nextSyncAt: ctx.clock(),
    },
  };
}

function blankToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value === '' ? null : value;
}

/** Adds a source, due for its first sync at once (the background refresh picks it up). */
export async function addCalendarSource(ctx: AppContext, organizationId: string, memberId: string, input: CalendarSourceInput): Promise<CalendarSourceView> {
  await requireMember(ctx, organizationId, memberId);
  const sealed = await sealSource(ctx, input);
  const source = await ctx.store.calendarSources.create(organizationId, memberId, sealed.row);
  return viewCalendarSource(ctx, source);
}

export async function deleteCalendarSource(ctx: AppContext, organizationId: string, memberId: string, sourceId: string): Promise<void> {
  const deleted = await ctx.store.calendarSources.delete(organizationId, memberId, sourceId);
  if (!deleted) throw new DomainError('NOT_FOUND', 'No such calendar for this member.');
}

/** Reads the calendar now (whatever the refresh interval) and answers with the source after the attempt. */
export async function syncCalendarSourceNow(ctx: AppContext, organizationId: string, memberId: string, sourceId: string): Promise<CalendarSourceView> {
  const source = await ctx.store.calendarSources.get(organizationId, memberId, sourceId);
  if (!source) throw new DomainError('NOT_FOUND', 'No such calendar for this member.');
  const after = await syncCalendarSource(ctx, source);
  if (!after) throw new DomainError('NOT_FOUND', 'No such calendar for this member.');
  return viewCalendarSource(ctx, after);
}

/** Sources checked and sealed, ready to replace a member's set. */
export interface PreparedCalendarSources {
  inputs: readonly CalendarSourceInput[];
  sealed: Array<Awaited<ReturnType<typeof sealSource>>>;
}

/** Checks every address (URL_NOT_ALLOWED) and seals it, before anything is changed. */
export async function prepareCalendarSources(ctx: AppContext, inputs: readonly CalendarSourceInput[]): Promise<PreparedCalendarSources> {
  requireSecrets(ctx);
  return { inputs, sealed: await Promise.all(inputs.map((input) => sealSource(ctx, input))) };
}

/**
 * Makes the member's sources exactly these (`PATCH /members/{id}` with `calendars`). A source given again
 * with the same kind, address and user name is kept — its sync state and busy times too; without a
 * password it keeps its stored one (the API never shows passwords back for a client to resend), with
 * one it takes the new password and is read again at once. One transaction.
 */
export async function replaceCalendarSources(ctx: AppContext, organizationId: string, memberId: string, prepared: PreparedCalendarSources): Promise<void> {
  const secrets = requireSecrets(ctx);
  await ctx.store.transaction(async (tx) => {
    const existing = await tx.calendarSources.listForMember(organizationId, memberId);
    const identities = existing.map((source) => ({ source, identity: identityOf(secrets, source) }));
    const kept = new Set<string>();
    for (const [index, input] of prepared.inputs.entries()) {
      const wanted = prepared.sealed[index]!;
      const identity = `${input.kind} ${wanted.url} ${wanted.username ?? ''}`;
      const match = identities.find((e) => !kept.has(e.source.id) && e.identity === identity);
      if (match) {
        kept.add(match.source.id);
        if (wanted.row.passwordSealed !== null) {
          await tx.calendarSources.setPassword(organizationId, memberId, match.source.id, { passwordSealed: wanted.row.passwordSealed, nextSyncAt: ctx.clock() });
        }
        continue;
      }
      const created = await tx.calendarSources.create(organizationId, memberId, wanted.row);
      kept.add(created.id);
    }
    for (const { source } of identities) {
      if (!kept.has(source.id)) await tx.calendarSources.delete(organizationId, memberId, source.id);
    }
  });
}

/** kind, address and user name of a stored source, or null when they cannot be opened (another key). */
function identityOf(secrets: SecretBox, source: CalendarSourceRecord): string | null {
  try {
    const username = source.usernameSealed === null ? '' : secrets.open(source.usernameSealed);
    return `${source.kind} ${secrets.open(source.urlSealed)} ${username}`;
  } catch {
    return null;
  }
}
