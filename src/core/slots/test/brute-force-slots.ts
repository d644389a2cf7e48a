import { Temporal } from 'temporal-polyfill';
import type { FindSlotsOptions, Slot, SlotSearchMember } from '../slot-types.ts';

/**
 * A deliberately naive slot search to check `findSlots` against: every grid start, every member, every
 * minute of the slot. It shares no code with the implementation; working-hours ranges are mapped to
 * instants by Temporal itself (`compatible` disambiguation), one local date at a time.
 * Exact when the window start and busy blocks fall on whole minutes.
 */

const MINUTE_MS = 60_000;
const DAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

interface Span {
  start: number;
  end: number;
}

export function bruteForceSlots(options: FindSlotsOptions): Slot[] {
  const { window, mode, members } = options;
  const duration = options.durationMinutes * MINUTE_MS;
  const step = options.stepMinutes * MINUTE_MS;
  const working = members.map((member) => workingSpans(member, window.from, window.to));
  const slots: Slot[] = [];
  if (members.length === 0) return slots;
  for (let start = window.from; start + duration <= window.to; start += step) {
    const free = members.filter((member, index) => isFree(member, working[index] ?? [], start, duration));
    if (mode === 'all' && free.length === members.length) slots.push({ start, end: start + duration });
    if (mode === 'any' && free.length > 0) {
      slots.push({ start, end: start + duration, memberIds: free.map((member) => member.id) });
    }
  }
  return slots;
}

function isFree(member: SlotSearchMember, working: Span[], start: number, duration: number): boolean {
  const inOneRange = working.some((span) => span.start <= start && start + duration <= span.end);
  if (!inOneRange) return false;
  const buffer = (member.bufferMinutes ?? 0) * MINUTE_MS;
  for (let minute = start; minute < start + duration; minute += MINUTE_MS) {
    for (const block of member.busy) {
      if (block.start - buffer <= minute && minute < block.end + buffer) return false;
    }
  }
  return true;
}

/** Working-hours ranges as real instants, for every local date around the window. */
function workingSpans(member: SlotSearchMember, from: number, to: number): Span[] {
  const zone = member.timezone;
  const first = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(zone).toPlainDate();
  const last = Temporal.Instant.fromEpochMilliseconds(to).toZonedDateTimeISO(zone).toPlainDate();
  const spans: Span[] = [];
  for (let date = first.subtract({ days: 2 }); Temporal.PlainDate.compare(date, last.add({ days: 2 })) <= 0; date = date.add({ days: 1 })) {
    const key = DAY_KEYS[date.dayOfWeek - 1] ?? 'mon';
    for (const [from, until] of member.workingHours[key]) {
      const start = toInstant(date, from, zone);
      const end = toInstant(date, until, zone);
      if (minutesOf(until) > minutesOf(from)) spans.push({ start, end });
    }
  }
  return spans;
}

function minutesOf(text: string): number {
  const [hours, minutes] = text.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

function toInstant(date: Temporal.PlainDate, text: string, zone: string): number {
  const minutes = minutesOf(text);
  const day = minutes === 24 * 60 ? date.add({ days: 1 }) : date;
  const time = { hour: Math.floor(minutes / 60) % 24, minute: minutes % 60 };
  return day.toPlainDateTime(time).toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
}
