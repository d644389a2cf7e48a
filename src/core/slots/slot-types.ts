import type { WorkingHours } from '../types.ts';

/** The largest buffer a member may keep around busy time, in minutes. */
export const MAX_BUFFER_MINUTES = 240;

/** `all`: a panel, every member must be free. `any`: a pool, at least one member must be free. */
export type SlotMode = 'all' | 'any';

/** A half-open span of real time `[start, end)` in epoch milliseconds. */
export interface EpochSpan {
  start: number;
  end: number;
}

export interface SlotSearchMember {
  id: string;
  /** IANA zone in which `workingHours` are read. */
  timezone: string;
  workingHours: WorkingHours;
  /** Busy blocks and bookings: unsorted, may overlap; empty or inverted blocks are ignored. */
  busy: readonly EpochSpan[];
  /** Kept free before and after every busy block. Defaults to 0. */
  bufferMinutes?: number;
}

export interface FindSlotsOptions {
  /** Slots start on `window.from + k * stepMinutes` and end by `window.to`. */
  window: { from: number; to: number };
  durationMinutes: number;
  stepMinutes: number;
  mode: SlotMode;
  members: readonly SlotSearchMember[];
}

export interface Slot {
  start: number;
  end: number;
  /** Mode `any` only: the free members, in the order they were given. */
  memberIds?: string[];
}
