import { DomainError } from '../../core/errors.ts';
import type { CalendarSourceKind, CalendarSourceRecord } from '../../store/repositories/calendar-sources.ts';
import type { SecretBox } from '../../store/secret-box.ts';
import type { AppContext } from '../context.ts';
import { FieldErrors } from '../validation.ts';
import { checkCalendarAddress, looksMasked, maskCalendarAddress } from './calendar-address.ts';
import { syncCalendarSource } from './sync-calendar-source.ts';

export interface CalendarSourceInput {
  kind: CalendarSourceKind;
  url: string;
  username?: string | null;
  password?: string | null;
  /** The member's own name for it, such as "Work (Google)". */
  label?: string | null;
}

/** A source as the API shows it: the address masked, the user name, never the password. */
export interface CalendarSourceView {
  id: string;
  kind: CalendarSourceKind;
  /** Scheme, host and fingerprint: see {@link maskCalendarAddress}. */
  url: string;
  label: string | null;
  username: string | null;
  hasPassword: boolean;
  status: CalendarSourceRecord['status'];
  lastSyncAt: Date | null;
  lastSuccessAt: Date | null;
  error: string | null;
  warning: string | null;
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

/** A sealed value opened, or null when there is none or it cannot be opened (no key, or another key). */
function openOrNull(ctx: AppContext, sealed: string | null): string | null {
  if (sealed === null || !ctx.secrets) return null;
  try {
    return ctx.secrets.open(sealed);
  } catch {
    return null;
  }
}

export function viewCalendarSource(ctx: AppContext, source: CalendarSourceRecord): CalendarSourceView {
  const address = openOrNull(ctx, source.urlSealed);
  return {
    id: source.id,
    kind: source.kind,
    // Masked afresh from the address, so sources stored before fingerprints were shown have one too.
    url: address === null ? source.urlShown : maskCalendarAddress(address),
    label: source.label,
    username: openOrNull(ctx, source.usernameSealed),
    hasPassword: source.passwordSealed !== null,
    status: source.status,
    lastSyncAt: source.lastSyncAt,
    lastSuccessAt: source.lastSuccessAt,
    error: source.error,
    warning: source.warning,
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
      label: blankToNull(input.label?.trim()),
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
  const errors = new FieldErrors();
  refuseMaskedAddress(errors, 'url', input.url);
  errors.throwIfAny();
  const sealed = await sealSource(ctx, input);
  const source = await ctx.store.calendarSources.create(organizationId, memberId, sealed.row);
  return viewCalendarSource(ctx, source);
}

export async function deleteCalendarSource(ctx: AppContext, organizationId: string, memberId: string, sourceId: string): Promise<void> {
  const deleted = await ctx.store.calendarSources.delete(organizationId, memberId, sourceId);
  if (!deleted) throw new DomainError('NOT_FOUND', 'No such calendar for this member.');
}

/** What may change of one calendar in place: its name and its password. */
export interface CalendarSourceChange {
  label?: string | null;
  /** A new password (the calendar is then read at once); null or blank removes it. */
  password?: string | null;
}

/**
 * Changes one calendar in place, leaving the member's other calendars alone (unlike replacing the whole
 * list, nothing added meanwhile can be lost). A changed password has the calendar read at once.
 */
export async function changeCalendarSource(
  ctx: AppContext,
  organizationId: string,
  memberId: string,
  sourceId: string,
  change: CalendarSourceChange,
): Promise<CalendarSourceView> {
  const passwordSealed = change.password === undefined ? undefined : sealPassword(ctx, blankToNull(change.password));
  const updated = await ctx.store.calendarSources.update(organizationId, memberId, sourceId, {
    ...(change.label !== undefined ? { label: blankToNull(change.label?.trim()) } : {}),
    ...(passwordSealed !== undefined ? { passwordSealed, nextSyncAt: ctx.clock() } : {}),
  });
  if (!updated) throw new DomainError('NOT_FOUND', 'No such calendar for this member.');
  const source = await ctx.store.calendarSources.get(organizationId, memberId, sourceId);
  if (!source) throw new DomainError('NOT_FOUND', 'No such calendar for this member.');
  return viewCalendarSource(ctx, source);
}

function sealPassword(ctx: AppContext, password: string | null): string | null {
  return password === null ? null : requireSecrets(ctx).seal(password);
}

/** Reads the calendar now (whatever the refresh interval) and answers with the source after the attempt. */
export async function syncCalendarSourceNow(ctx: AppContext, organizationId: string, memberId: string, sourceId: string): Promise<CalendarSourceView> {
  const source = await ctx.store.calendarSources.get(organizationId, memberId, sourceId);
  if (!source) throw new DomainError('NOT_FOUND', 'No such calendar for this member.');
  const after = await syncCalendarSource(ctx, source);
  if (!after) throw new DomainError('NOT_FOUND', 'No such calendar for this member.');
  return viewCalendarSource(ctx, after);
}

/**
 * One item of the list `PATCH /members/{id}` replaces a member's calendars with: either an existing source
 * by its `id` (kept as it is; a password given replaces the stored one, a label given replaces its label),
 * or a calendar by its address, kept when the member already has it with the same kind, address and user
 * name, added otherwise.
 */
export interface CalendarSourceListItem {
  id?: string;
  kind?: CalendarSourceKind;
  url?: string;
  username?: string | null;
  password?: string | null;
  label?: string | null;
}

type PreparedItem =
  | { keep: string; passwordSealed: string | null; label: string | null | undefined }
  | { input: CalendarSourceInput; sealed: Awaited<ReturnType<typeof sealSource>> };

/** Sources checked and sealed, ready to replace a member's set. */
export interface PreparedCalendarSources {
  items: PreparedItem[];
}

/**
 * Checks every item before anything is changed — ids against the member's sources, addresses for being
 * allowed (URL_NOT_ALLOWED) and for not being a masked one sent back — and seals what will be stored.
 */
export async function prepareCalendarSources(
  ctx: AppContext,
  organizationId: string,
  memberId: string,
  items: readonly CalendarSourceListItem[],
): Promise<PreparedCalendarSources> {
  const secrets = requireSecrets(ctx);
  // An unknown member is a 404, not a list of unknown calendar ids.
  await requireMember(ctx, organizationId, memberId);
  const existing = await ctx.store.calendarSources.listForMember(organizationId, memberId);
  const errors = new FieldErrors();
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    const path = `calendars.${index}`;
    if (item.id === undefined) {
      if (item.url !== undefined) refuseMaskedAddress(errors, `${path}.url`, item.url);
      continue;
    }
    const source = existing.find((s) => s.id === item.id);
    if (!source) {
      errors.add(`${path}.id`, 'This member has no calendar with this id.');
      continue;
    }
    if (seen.has(source.id)) errors.add(`${path}.id`, 'This calendar is listed twice.');
    seen.add(source.id);
    checkKeptUnchanged(errors, path, item, source, viewCalendarSource(ctx, source), openOrNull(ctx, source.urlSealed));
  }
  errors.throwIfAny();
  const prepared = await Promise.all(
    items.map(async (item): Promise<PreparedItem> => {
      if (item.id !== undefined) {
        const password = blankToNull(item.password);
        return { keep: item.id, passwordSealed: password === null ? null : secrets.seal(password), label: item.label };
      }
      const input: CalendarSourceInput = {
        kind: item.kind!,
        url: item.url!,
        ...(item.username !== undefined ? { username: item.username } : {}),
        ...(item.password !== undefined ? { password: item.password } : {}),
        ...(item.label !== undefined ? { label: item.label } : {}),
      };
      return { input, sealed: await sealSource(ctx, input) };
    }),
  );
  return { items: prepared };
}

/**
 * A source kept by its id keeps its kind, address and user name: the ones given with it, if any, must be
 * its own (its address as shown masked, or in full). Changing them is adding another calendar.
 */
function checkKeptUnchanged(errors: FieldErrors, path: string, item: CalendarSourceListItem, source: CalendarSourceRecord, view: CalendarSourceView, address: string | null): void {
  const another = 'A calendar kept by its id keeps its kind, address and user name; to read another calendar, give it without an id.';
  if (item.kind !== undefined && item.kind !== source.kind) errors.add(`${path}.kind`, another);
  if (item.url !== undefined && item.url.trim() !== view.url && item.url.trim() !== source.urlShown && !sameAddress(item.url, address)) {
    errors.add(`${path}.url`, another);
  }
  if (item.username !== undefined && blankToNull(item.username) !== view.username) errors.add(`${path}.username`, another);
}

function sameAddress(given: string, stored: string | null): boolean {
  if (stored === null) return false;
  try {
    return new URL(given.trim().replace(/^webcals?:\/\//i, 'https://')).toString() === stored;
  } catch {
    return false;
  }
}

/** A masked address (as the API shows one) leads nowhere: refused, with what to send instead. */
function refuseMaskedAddress(errors: FieldErrors, path: string, url: string): void {
  if (looksMasked(url)) {
    errors.add(path, 'This is a calendar address as Leeway shows it, masked, not the address itself: to keep a calendar, send its `id` instead of `url`; to add one, give its full address.');
  }
}

/**
 * Makes the member's sources exactly these (`PATCH /members/{id}` with `calendars`). A source named by its
 * id, or given again with the same kind, address and user name, is kept — its sync state and busy times
 * too; without a password it keeps its stored one, with one it takes the new password and is read again
 * at once. One transaction.
 */
export async function replaceCalendarSources(ctx: AppContext, organizationId: string, memberId: string, prepared: PreparedCalendarSources): Promise<void> {
  const secrets = requireSecrets(ctx);
  await ctx.store.transaction(async (tx) => {
    const existing = await tx.calendarSources.listForMember(organizationId, memberId);
    const identities = existing.map((source) => ({ source, identity: identityOf(secrets, source) }));
    const kept = new Set<string>();
    const keep = async (id: string, change: { passwordSealed: string | null; label: string | null | undefined }) => {
      kept.add(id);
      await tx.calendarSources.update(organizationId, memberId, id, {
        ...(change.label !== undefined ? { label: change.label } : {}),
        ...(change.passwordSealed !== null ? { passwordSealed: change.passwordSealed, nextSyncAt: ctx.clock() } : {}),
      });
    };
    // Sources named by id first, so one also given by its address is not matched twice.
    for (const [index, item] of prepared.items.entries()) {
      if (!('keep' in item)) continue;
      if (!existing.some((s) => s.id === item.keep)) new FieldErrors().add(`calendars.${index}.id`, 'This member has no calendar with this id.').throwIfAny();
      await keep(item.keep, item);
    }
    for (const item of prepared.items) {
      if ('keep' in item) continue;
      const { input, sealed } = item;
      const identity = `${input.kind} ${sealed.url} ${sealed.username ?? ''}`;
      const match = identities.find((e) => !kept.has(e.source.id) && e.identity === identity);
      if (match) {
        await keep(match.source.id, { passwordSealed: sealed.row.passwordSealed, label: input.label === undefined ? undefined : sealed.row.label });
        continue;
      }
      const created = await tx.calendarSources.create(organizationId, memberId, sealed.row);
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
