import { DomainError } from './errors.ts';
import type { Slot } from './slots/index.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The one offer window: where times offered to a candidate (an invitation, new times after a request, the
 * reschedule picker) may fall. They start a day ahead, so neither the candidate nor the panel is asked at
 * short notice, on the quarter hour, and run two weeks unless the employer gives a window.
 */
export const OFFER_LEAD_HOURS = 24;
export const OFFER_SPAN_DAYS = 14;
export const OFFER_GRID_MINUTES = 15;

export interface OfferWindowOptions {
  now: Date;
  /** The employer's window, if any; its start is moved to the earliest offerable time when earlier. */
  from?: Date | undefined;
  to?: Date | undefined;
  /** The field the window came from, for a clear error (`offer` for an invitation). */
  path?: string;
}

/** Rounds an instant up to the offer grid, so offered times read "10:15", never "10:58:12". */
export function ceilToGrid(instant: Date, gridMinutes = OFFER_GRID_MINUTES): Date {
  const grid = gridMinutes * MINUTE;
  return new Date(Math.ceil(instant.getTime() / grid) * grid);
}

/**
 * The window to search for offerable times, or a VALIDATION error naming `<path>.to` when the employer's
 * window ends before the earliest offerable time.
 *
 * @example
 * offerWindow({ now: new Date('2026-12-01T10:58:12Z') })
 * // { from: 2026-12-02T11:00:00Z, to: 2026-12-16T11:00:00Z }
 */
export function offerWindow(options: OfferWindowOptions): { from: Date; to: Date } {
  const earliest = ceilToGrid(new Date(options.now.getTime() + OFFER_LEAD_HOURS * HOUR));
  const from = options.from && options.from.getTime() > earliest.getTime() ? ceilToGrid(options.from) : earliest;
  const to = options.to ?? new Date(from.getTime() + OFFER_SPAN_DAYS * DAY);
  if (options.from && options.to && options.to.getTime() <= options.from.getTime()) {
    throw new DomainError('VALIDATION', 'The offer window must end after it starts.', {
      errors: [{ path: `${options.path ?? 'offer'}.to`, message: 'End the window after its start.' }],
    });
  }
  if (to.getTime() <= from.getTime()) {
    const path = `${options.path ?? 'offer'}.to`;
    throw new DomainError('VALIDATION', 'The offer window ends too soon.', {
      errors: [
        {
          path,
          message: `Offered times start at least ${OFFER_LEAD_HOURS} hours ahead, on the quarter hour (here ${earliest.toISOString()}); end the window after that.`,
        },
      ],
    });
  }
  return { from, to };
}

/**
 * Up to `count` slots spread evenly over the list (first and last included), so a candidate sees a choice
 * of days rather than one morning's consecutive times.
 */
export function pickSpreadSlots<T extends Slot>(slots: readonly T[], count: number): T[] {
  if (slots.length <= count) return [...slots];
  const picked: T[] = [];
  for (let i = 0; i < count; i += 1) {
    const index = Math.floor((i * (slots.length - 1)) / Math.max(1, count - 1));
    const slot = slots[index];
    if (slot && !picked.includes(slot)) picked.push(slot);
  }
  return picked;
}
