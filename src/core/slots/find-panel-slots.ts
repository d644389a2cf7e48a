import { DomainError } from '../errors.ts';
import { findSlots } from './find-slots.ts';
import type { FindSlotsOptions, SlotMode, SlotSearchMember } from './slot-types.ts';

/** An instant as a `Date`, epoch milliseconds, or an ISO 8601 string with `Z` or an explicit offset. */
export type InstantInput = Date | number | string;

export interface PanelSlotMember extends Omit<SlotSearchMember, 'busy'> {
  busy: readonly { start: InstantInput; end: InstantInput }[];
}

export interface FindPanelSlotsOptions {
  window: { from: InstantInput; to: InstantInput };
  durationMinutes: number;
  stepMinutes: number;
  /** Defaults to `all`: the whole panel must be free. */
  mode?: SlotMode;
  members: readonly PanelSlotMember[];
}

export interface PanelSlot {
  start: Date;
  end: Date;
  /** Mode `any` only: the free members. */
  memberIds?: string[];
}

// Without an offset, Date.parse reads a date-time in the host's zone; the core never may.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/i;

function toEpochMs(value: InstantInput, field: string): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : parseIso(value);
  if (!Number.isFinite(ms)) throw new DomainError('VALIDATION', `${field} is not a valid instant`);
  return ms;
}

function parseIso(text: string): number {
  return ISO_WITH_OFFSET.test(text) ? Date.parse(text) : Number.NaN;
}

/**
 * Converts Date/ISO inputs (an HTTP request, a scenario file) to the epoch milliseconds `findSlots`
 * works in. Kept apart from the search so callers can parse once and search many times.
 *
 * @example
 * toFindSlotsOptions({ window: { from: '2026-12-07T00:00:00Z', to: '2026-12-08T00:00:00Z' },
 *   durationMinutes: 60, stepMinutes: 30, members: [] }).window; // { from: 1796601600000, to: 1796688000000 }
 */
export function toFindSlotsOptions(options: FindPanelSlotsOptions): FindSlotsOptions {
  return {
    window: { from: toEpochMs(options.window.from, 'window.from'), to: toEpochMs(options.window.to, 'window.to') },
    durationMinutes: options.durationMinutes,
    stepMinutes: options.stepMinutes,
    mode: options.mode ?? 'all',
    members: options.members.map((member) => ({
      id: member.id,
      timezone: member.timezone,
      workingHours: member.workingHours,
      bufferMinutes: member.bufferMinutes,
      busy: member.busy.map((block) => ({
        start: toEpochMs(block.start, `busy start of member ${member.id}`),
        end: toEpochMs(block.end, `busy end of member ${member.id}`),
      })),
    })),
  };
}

/**
 * `findSlots` for the HTTP and application layers: instants in as `Date`s or ISO strings, out as
 * `Date`s. Mode defaults to `all` (a panel, as `GET /api/v1/slots` lists).
 *
 * @example
 * findPanelSlots({
 *   window: { from: '2026-12-07T00:00:00Z', to: '2026-12-12T00:00:00Z' },
 *   durationMinutes: 60,
 *   stepMinutes: 30,
 *   members: [{ id: 'm1', timezone: 'Europe/London', workingHours, busy: [{ start: '2026-12-07T10:00:00Z', end: '2026-12-07T11:00:00Z' }] }],
 * });
 * // [{ start: 2026-12-07T09:00:00.000Z, end: 2026-12-07T10:00:00.000Z }, …]
 */
export function findPanelSlots(options: FindPanelSlotsOptions): PanelSlot[] {
  return findSlots(toFindSlotsOptions(options)).map((slot) => {
    const result: PanelSlot = { start: new Date(slot.start), end: new Date(slot.end) };
    if (slot.memberIds !== undefined) result.memberIds = slot.memberIds;
    return result;
  });
}
