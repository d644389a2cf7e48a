export interface Coalesced {
  /** Asks for a call: the first ask in a quiet period schedules it `settleMs` later; asks until then join it. */
  (): void;
  /** Drops a call that is scheduled and not yet made (on shutdown). */
  cancel(): void;
}

/**
 * Many asks, one call: under load every change wakes the background workers, and each wake costs them a
 * claim query or a transaction. Gathering the wakes of `settleMs` into one call lets a run pick up the
 * work of many changes at once, at the price of that much delay before the first of them is handled.
 *
 * @example
 * const wake = coalesce(() => background.notify(), 50);
 * wake(); wake(); // one notify() 50 ms later
 */
export function coalesce(call: () => void, settleMs: number): Coalesced {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const coalesced = (() => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      call();
    }, settleMs);
  }) as Coalesced;
  coalesced.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return coalesced;
}
