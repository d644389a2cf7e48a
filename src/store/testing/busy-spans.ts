import type { BusyByReason, BusyReason } from '../busy-time-cache.ts';

/** A member's busy span with its reason, as tests compare them. */
export interface BusySpanOfMember {
  reason: BusyReason;
  memberId: string;
  start: number;
  end: number;
}

/**
 * Busy time by member and reason (what `listPanelBusy` answers) as one list, member by member in the
 * order asked, reasons in a fixed order, spans by start.
 *
 * @example
 * expect(spansOf(await store.members.listPanelBusy(org, [ann], from, to))).toEqual([]);
 */
export function spansOf(busy: ReadonlyMap<string, BusyByReason>): BusySpanOfMember[] {
  const reasons: BusyReason[] = ['busy', 'calendar', 'interview'];
  return [...busy].flatMap(([memberId, byReason]) =>
    reasons.flatMap((reason) => [...byReason[reason]].sort((a, b) => a.start - b.start).map(({ start, end }) => ({ reason, memberId, start, end }))),
  );
}
