import { DomainError } from '../core/errors.ts';
import { findSlots } from '../core/slots/index.ts';
import type { Slot } from '../core/slots/index.ts';
import type { TimeRange } from '../core/types.ts';
import type { BusyByReason, BusyReason, EpochSpan, MemberSchedule, PanelBusyRead, Store } from '../store/index.ts';
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

/** The panel's members, or NOT_FOUND naming those not in the organization. */
async function loadPanel(store: Store, organizationId: string, memberIds: string[]): Promise<MemberSchedule[]> {
  const members = await store.members.getSchedules(organizationId, memberIds);
  if (members.length !== memberIds.length) {
    const known = new Set(members.map((m) => m.id));
    throw new DomainError('NOT_FOUND', 'Some panel members do not exist in this organization.', {
      missing: memberIds.filter((id) => !known.has(id)),
    });
  }
  return members;
}

function sameMembers(members: readonly MemberSchedule[], ids: readonly string[]): boolean {
  return members.length === ids.length && members.every((member, index) => member.id === ids[index]);
}

const BUSY_REASONS: readonly BusyReason[] = ['calendar', 'busy', 'interview'];

/** A panel's members with their busy time by reason, read around a window. */
interface PanelBusy {
  members: MemberSchedule[];
  busy: ReadonlyMap<string, BusyByReason>;
}

/**
 * Busy time matters only where the whole panel works: the working hours are searched first (no database
 * needed), and busy time is read only from the first such time to the last — nothing at all when the
 * panel has no common working time (a pool spread over zones that never overlap). It is read with a
 * margin of the largest buffer so a block just outside still pushes slots away.
 */
async function loadPanelBusy(
  store: Store,
  organizationId: string,
  query: PanelSlotQuery,
  known?: { members?: MemberSchedule[]; busy?: PanelBusyRead },
): Promise<PanelBusy> {
  // Members the caller read in the same transaction, in the query's order, are not read again.
  const members =
    known?.members && sameMembers(known.members, query.memberIds) ? known.members : await loadPanel(store, organizationId, query.memberIds);
  const working = slotsCounting({ members, busy: new Map() }, members, query, []);
  if (working.length === 0) return { members, busy: new Map() };
  const margin = Math.max(0, ...members.map((m) => m.bufferMinutes)) * MINUTE;
  const readFrom = new Date(working.reduce((first, slot) => Math.min(first, slot.start), Infinity) - margin);
  const readTo = new Date(working.reduce((last, slot) => Math.max(last, slot.end), -Infinity) + margin);
  // Busy time the caller read with the members, for a window that covers this one, is not read again.
  const read = known?.busy;
  if (
    read &&
    read.excludeInterviewId === query.excludeInterviewId &&
    read.from <= readFrom &&
    read.to >= readTo &&
    query.memberIds.every((id) => read.byMember.has(id))
  ) {
    return { members, busy: read.byMember };
  }
  // One statement for the three kinds of busy time, and none for members whose busy time the store kept.
  const busy = await store.members.listPanelBusy(organizationId, query.memberIds, readFrom, readTo, {
    ...(query.excludeInterviewId ? { excludeInterviewId: query.excludeInterviewId } : {}),
  });
  return { members, busy };
}

/** A member's spans of the reasons given; a single kind of busy time is handed over as it is (it is only read). */
function spansFor(busy: BusyByReason | undefined, reasons: readonly BusyReason[]): readonly EpochSpan[] {
  if (!busy) return [];
  const present = reasons.filter((reason) => busy[reason].length > 0);
  if (present.length === 1) return busy[present[0]!];
  return present.flatMap((reason) => busy[reason]);
}

/** Slots of the query for these members, counting only the busy time of the reasons given. */
function slotsCounting(panel: PanelBusy, members: readonly MemberSchedule[], query: PanelSlotQuery, reasons: readonly BusyReason[]): Slot[] {
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
      busy: spansFor(panel.busy.get(member.id), reasons),
    })),
  });
}

/**
 * Times when every member of a panel is inside working hours, not busy (busy blocks, their own
 * calendars) and not booked (buffers kept), on the step grid anchored at the window's start.
 */
export async function findFreePanelSlots(store: Store, organizationId: string, query: PanelSlotQuery): Promise<Slot[]> {
  validateSlotQuery(query);
  const panel = await loadPanelBusy(store, organizationId, query);
  return slotsCounting(panel, panel.members, query, BUSY_REASONS);
}

/**
 * Whether the whole panel can meet at exactly this time. SLOT_TAKEN when someone is busy or booked,
 * naming who and why (details `busyPanelists`: member ids and reasons); OUTSIDE_AVAILABILITY when it
 * falls outside someone's working hours.
 */
export async function assertPanelFree(
  store: Store,
  organizationId: string,
  input: {
    memberIds: string[];
    range: TimeRange;
    excludeInterviewId?: string;
    /** The panel's members, when the caller read them. */
    members?: MemberSchedule[];
    /** The panel's busy time, when the caller read it with the members; read again if it does not reach as far as the buffers do. */
    busy?: PanelBusyRead;
  },
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
  validateSlotQuery(query);
  const panel = await loadPanelBusy(store, organizationId, query, input);
  const fits = (members: readonly MemberSchedule[], reasons: readonly BusyReason[]) =>
    slotsCounting(panel, members, query, reasons).some((slot) => slot.start === input.range.start.getTime());
  if (fits(panel.members, BUSY_REASONS)) return;
  if (!fits(panel.members, [])) {
    const outside = panel.members.filter((member) => !fits([member], []));
    throw new DomainError('OUTSIDE_AVAILABILITY', `That time is outside the working hours of ${listOf(outside.map((member) => member.name))}.`, {
      outsidePanelists: outside.map((member) => ({ memberId: member.id })),
    });
  }
  const busyPanelists = panel.members
    .map((member) => {
      // Each reason on its own, so a member both booked and busy in their calendar is told both.
      const reasons = BUSY_REASONS.filter((reason) => !fits([member], [reason]));
      return { member, reasons, free: reasons.length === 0 && fits([member], BUSY_REASONS) };
    })
    .filter((entry) => !entry.free);
  throw new DomainError('SLOT_TAKEN', describeBusyPanelists(busyPanelists), {
    busyPanelists: busyPanelists.map(({ member, reasons }) => ({ memberId: member.id, reasons })),
  });
}

/**
 * Who is busy and why, in sentences: "Grace Hopper's calendar shows them busy then. Ada Lovelace is
 * booked for another interview then."
 */
function describeBusyPanelists(entries: ReadonlyArray<{ member: MemberSchedule; reasons: readonly BusyReason[] }>): string {
  const named = (reason: BusyReason) => entries.filter((e) => e.reasons.includes(reason)).map((e) => e.member.name);
  const sentences: string[] = [];
  const calendar = named('calendar');
  if (calendar.length === 1) sentences.push(`${calendar[0]}'s calendar shows them busy then.`);
  else if (calendar.length > 1) sentences.push(`The calendars of ${listOf(calendar)} show them busy then.`);
  const blocks = named('busy');
  if (blocks.length > 0) sentences.push(`${listOf(blocks)} ${blocks.length === 1 ? 'has a busy block' : 'have busy blocks'} then.`);
  const booked = named('interview');
  if (booked.length > 0) sentences.push(`${listOf(booked)} ${booked.length === 1 ? 'is' : 'are'} booked for another interview then (buffers included).`);
  // Busy only by several reasons together (buffers meeting), which no single reason explains.
  const together = entries.filter((e) => e.reasons.length === 0).map((e) => e.member.name);
  if (together.length > 0) sentences.push(`${listOf(together)} ${together.length === 1 ? 'is' : 'are'} busy or booked then.`);
  return sentences.length > 0 ? sentences.join(' ') : 'At least one panelist is busy or booked at that time.';
}

function listOf(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
