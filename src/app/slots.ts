import { DomainError } from '../core/errors.ts';
import { findSlots } from '../core/slots/index.ts';
import type { Slot } from '../core/slots/index.ts';
import type { Member, TimeRange } from '../core/types.ts';
import type { Store } from '../store/index.ts';
import { FieldErrors } from './validation.ts';

const MINUTE = 60_000;
const MAX_WINDOW_DAYS = 92;

export interface PanelSlotQuery {
  memberIds: string[];
  durationMinutes: number;
  from: Date;
  to: Date;
  stepMinutes?: number;
  /** An interview being moved: its own bookings do not block it. */
  excludeInterviewId?: string;
}

export function validateSlotQuery(query: PanelSlotQuery): void {
  const errors = new FieldErrors();
  if (query.memberIds.length === 0) errors.add('members', 'Name at least one member.');
  if (new Set(query.memberIds).size !== query.memberIds.length) errors.add('members', 'A member is listed twice.');
  if (!Number.isInteger(query.durationMinutes) || query.durationMinutes < 5 || query.durationMinutes > 1440) {
    errors.add('durationMinutes', 'The duration must be 5 to 1440 whole minutes.');
  }
  const step = query.stepMinutes ?? 30;
  if (!Number.isInteger(step) || step < 5 || step > 1440) errors.add('stepMinutes', 'The step must be 5 to 1440 whole minutes.');
  if (query.to.getTime() <= query.from.getTime()) errors.add('to', 'The window must end after it starts.');
  if (query.to.getTime() - query.from.getTime() > MAX_WINDOW_DAYS * 24 * 60 * MINUTE) {
    errors.add('to', `The window may span at most ${MAX_WINDOW_DAYS} days.`);
  }
  errors.throwIfAny();
}

async function loadPanel(store: Store, organizationId: string, memberIds: string[]): Promise<Member[]> {
  const members = await store.members.getMany(organizationId, memberIds);
  if (members.length !== memberIds.length) {
    const known = new Set(members.map((m) => m.id));
    throw new DomainError('NOT_FOUND', 'Some panel members do not exist in this organization.', {
      missing: memberIds.filter((id) => !known.has(id)),
    });
  }
  return members;
}

/**
 * Times when every member of a panel is inside working hours, not busy (busy blocks, their own
 * calendars) and not booked (buffers kept), on the step grid anchored at the window's start. Busy time
 * is read with a margin of the largest buffer so a block just outside the window still pushes slots away.
 */
export async function findFreePanelSlots(store: Store, organizationId: string, query: PanelSlotQuery): Promise<Slot[]> {
  validateSlotQuery(query);
  const members = await loadPanel(store, organizationId, query.memberIds);
  const margin = Math.max(0, ...members.map((m) => m.bufferMinutes)) * MINUTE;
  const readFrom = new Date(query.from.getTime() - margin);
  const readTo = new Date(query.to.getTime() + margin);
  // One query after the other: inside a transaction they share one connection.
  const busy = await store.members.listBusy(organizationId, query.memberIds, readFrom, readTo);
  // Busy times read from the members' own calendars, Leeway's own invitations left out (the bookings count).
  const calendarBusy = await store.calendarSources.listBusy(organizationId, query.memberIds, readFrom, readTo);
  const bookings = await store.interviews.listBookings(organizationId, query.memberIds, readFrom, readTo, {
    ...(query.excludeInterviewId ? { excludeInterviewId: query.excludeInterviewId } : {}),
  });
  const busyByMember = new Map<string, Array<{ start: number; end: number }>>();
  for (const block of [...busy, ...calendarBusy, ...bookings]) {
    const list = busyByMember.get(block.memberId) ?? [];
    list.push({ start: block.start.getTime(), end: block.end.getTime() });
    busyByMember.set(block.memberId, list);
  }
  return findSlots({
    window: { from: query.from.getTime(), to: query.to.getTime() },
    durationMinutes: query.durationMinutes,
    stepMinutes: query.stepMinutes ?? 30,
    mode: 'all',
    members: members.map((member) => ({
      id: member.id,
      timezone: member.timezone,
      workingHours: member.workingHours,
      bufferMinutes: member.bufferMinutes,
      busy: busyByMember.get(member.id) ?? [],
    })),
  });
}

/**
 * Whether the whole panel can meet at exactly this time. SLOT_TAKEN when someone is busy or booked;
 * OUTSIDE_AVAILABILITY when it falls outside someone's working hours.
 */
export async function assertPanelFree(
  store: Store,
  organizationId: string,
  input: { memberIds: string[]; range: TimeRange; excludeInterviewId?: string },
): Promise<void> {
  const durationMinutes = Math.round((input.range.end.getTime() - input.range.start.getTime()) / MINUTE);
  const query = {
    memberIds: input.memberIds,
    durationMinutes,
    stepMinutes: Math.max(5, durationMinutes),
    from: input.range.start,
    to: input.range.end,
    ...(input.excludeInterviewId ? { excludeInterviewId: input.excludeInterviewId } : {}),
  };
  const slots = await findFreePanelSlots(store, organizationId, query);
  if (slots.some((slot) => slot.start === input.range.start.getTime())) return;
  const withinHours = await findSlotsIgnoringBusy(store, organizationId, query);
  if (withinHours) throw new DomainError('SLOT_TAKEN', 'At least one panelist is busy or booked at that time.');
  throw new DomainError('OUTSIDE_AVAILABILITY', 'That time is outside the working hours of at least one panelist.');
}

async function findSlotsIgnoringBusy(store: Store, organizationId: string, query: PanelSlotQuery): Promise<boolean> {
  const members = await loadPanel(store, organizationId, query.memberIds);
  const slots = findSlots({
    window: { from: query.from.getTime(), to: query.to.getTime() },
    durationMinutes: query.durationMinutes,
    stepMinutes: query.stepMinutes ?? 30,
    mode: 'all',
    members: members.map((m) => ({ id: m.id, timezone: m.timezone, workingHours: m.workingHours, busy: [] })),
  });
  return slots.some((slot) => slot.start === query.from.getTime());
}
