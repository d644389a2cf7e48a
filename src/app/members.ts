import { DomainError } from '../core/errors.ts';
import type { BusyBlock, Member, WorkingHours } from '../core/types.ts';
import { completeWorkingHours, validateWorkingHours } from '../core/working-hours.ts';
import type { NewMember } from '../store/index.ts';

/** As clients send it: weekdays without hours may be left out. */
export type MemberInput = Omit<NewMember, 'workingHours'> & { workingHours: Partial<WorkingHours> };
export type MemberInputPatch = Partial<MemberInput> & { calendars?: CalendarSourceListItem[] };
import type { AppContext } from './context.ts';
import { prepareCalendarSources, replaceCalendarSources } from './calendars/calendar-sources.ts';
import type { CalendarSourceListItem } from './calendars/calendar-sources.ts';
import { FieldErrors } from './validation.ts';

export async function createMember(ctx: AppContext, organizationId: string, input: MemberInput): Promise<Member> {
  const errors = new FieldErrors();
  const timezone = errors.zone('timezone', input.timezone);
  const phone = errors.phone('phone', input.phone);
  errors.addAll(validateWorkingHours(input.workingHours)).throwIfAny();
  return ctx.store.members
    .create(organizationId, {
      ...input,
      timezone,
      ...(phone !== undefined ? { phone } : {}),
      email: input.email.toLowerCase(),
      workingHours: completeWorkingHours(input.workingHours),
    })
    .catch((error: unknown) => rethrowDuplicateEmail(error, input.email));
}

function rethrowDuplicateEmail(error: unknown, email: string | undefined): never {
  if ((error as { code?: string }).code === '23505') {
    throw new DomainError('CONFLICT', `A member with the email ${email ?? 'given'} already exists.`);
  }
  throw error;
}

export async function getMember(ctx: AppContext, organizationId: string, memberId: string): Promise<Member> {
  const member = await ctx.store.members.get(organizationId, memberId);
  if (!member) throw new DomainError('NOT_FOUND', 'No such member.');
  return member;
}

/** Members in the order they were added; a page starts after the member `after`. */
export async function listMembers(ctx: AppContext, organizationId: string, page: { limit?: number; after?: string } = {}): Promise<Member[]> {
  return ctx.store.members.list(organizationId, page);
}

export async function updateMember(
  ctx: AppContext,
  organizationId: string,
  memberId: string,
  patch: MemberInputPatch,
): Promise<Member> {
  const errors = new FieldErrors();
  const timezone = errors.zone('timezone', patch.timezone);
  const phone = errors.phone('phone', patch.phone);
  if (patch.workingHours) errors.addAll(validateWorkingHours(patch.workingHours));
  errors.throwIfAny();
  // Calendar addresses are checked before anything changes.
  const calendars = patch.calendars ? await prepareCalendarSources(ctx, organizationId, memberId, patch.calendars) : null;
  const { workingHours: _hours, calendars: _calendars, ...rest } = patch;
  const updated = await ctx.store.members
    .update(organizationId, memberId, {
      ...rest,
      ...(timezone !== undefined ? { timezone } : {}),
      ...(phone !== undefined ? { phone } : {}),
      ...(patch.email ? { email: patch.email.toLowerCase() } : {}),
      ...(patch.workingHours ? { workingHours: completeWorkingHours(patch.workingHours) } : {}),
    })
    .catch((error: unknown) => rethrowDuplicateEmail(error, patch.email));
  if (!updated) throw new DomainError('NOT_FOUND', 'No such member.');
  if (calendars) await replaceCalendarSources(ctx, organizationId, memberId, calendars);
  // All-day and floating events in the member's calendars are read in their zone.
  if (timezone !== undefined) await ctx.store.calendarSources.requestFullRead(organizationId, memberId, ctx.clock());
  return updated;
}

export async function addBusyBlock(
  ctx: AppContext,
  organizationId: string,
  memberId: string,
  input: { start: Date; end: Date; title?: string | null },
): Promise<BusyBlock> {
  if (input.end.getTime() <= input.start.getTime()) {
    new FieldErrors().add('end', 'The end must be after the start.').throwIfAny();
  }
  await getMember(ctx, organizationId, memberId);
  return ctx.store.members.addBusy(organizationId, memberId, input);
}

export async function deleteBusyBlock(ctx: AppContext, organizationId: string, memberId: string, busyId: string): Promise<void> {
  const deleted = await ctx.store.members.deleteBusy(organizationId, memberId, busyId);
  if (!deleted) throw new DomainError('NOT_FOUND', 'No such busy block for this member.');
}

/** A member's busy blocks overlapping the window, by start; a page starts after the block `after`. */
export async function listBusyBlocks(
  ctx: AppContext,
  organizationId: string,
  memberId: string,
  window: { from: Date; to: Date },
  page: { limit?: number; after?: { start: Date; id: string } } = {},
): Promise<BusyBlock[]> {
  if (window.to.getTime() < window.from.getTime()) new FieldErrors().add('to', 'The window must not end before it starts.').throwIfAny();
  await getMember(ctx, organizationId, memberId);
  return ctx.store.members.listBusy(organizationId, [memberId], window.from, window.to, page);
}
