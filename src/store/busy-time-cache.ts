/** Why a member is busy: a busy block, their own calendar, another interview. */
export type BusyReason = 'busy' | 'calendar' | 'interview';

/** A span of busy time as epoch milliseconds, end exclusive. */
export interface EpochSpan {
  start: number;
  end: number;
}

/** A member's busy time by reason. */
export type BusyByReason = Record<BusyReason, EpochSpan[]>;

/** Busy time of several members read for a window: every span overlapping it is in `byMember`. */
export interface PanelBusyRead {
  from: Date;
  to: Date;
  /** The interview whose own bookings were left out, if any. */
  excludeInterviewId?: string;
  /** Every member asked has an entry. */
  byMember: Map<string, BusyByReason>;
}

/** Busy time with no span, to fill in. */
export function noBusyTime(): BusyByReason {
  return { busy: [], calendar: [], interview: [] };
}

function countSpans(busy: BusyByReason): number {
  return busy.busy.length + busy.calendar.length + busy.interview.length;
}

function within(spans: EpochSpan[], from: number, to: number): EpochSpan[] {
  return spans.filter((span) => span.start < to && span.end > from);
}

interface KeptBusyTime {
  organizationId: string;
  /** The window the spans were read for: every span overlapping it is here. */
  from: number;
  to: number;
  busy: BusyByReason;
  spans: number;
}

export interface BusyTimeCacheLimits {
  /** Members kept at most. */
  members: number;
  /** Spans kept at most, over all members: what bounds the memory. */
  spans: number;
}

const DEFAULT_LIMITS: BusyTimeCacheLimits = { members: 5_000, spans: 250_000 };

/**
 * Members' busy time as last read, for the window it was read for. What decides whether kept spans are
 * still true is the member schedule cache that holds this one: it forgets a member here whenever a change
 * to them is announced, empties this when it stops hearing announcements, and keeps a read only when no
 * announcement for the member came while it ran. Nothing here expires by time.
 *
 * The least recently used members go first when either limit is reached.
 */
export class BusyTimeCache {
  private readonly kept = new Map<string, KeptBusyTime>();
  private spanCount = 0;

  constructor(private readonly limits: BusyTimeCacheLimits = DEFAULT_LIMITS) {}

  /** The member's kept spans overlapping [from, to), when they were read for a window covering it; otherwise undefined. */
  get(organizationId: string, memberId: string, from: number, to: number): BusyByReason | undefined {
    const entry = this.kept.get(memberId);
    if (!entry || entry.organizationId !== organizationId || entry.from > from || entry.to < to) return undefined;
    // Used again: it moves to the back of the eviction order.
    this.kept.delete(memberId);
    this.kept.set(memberId, entry);
    // The same window (a panel searched again) is handed over as kept: callers only read it.
    if (entry.from === from && entry.to === to) return entry.busy;
    return { busy: within(entry.busy.busy, from, to), calendar: within(entry.busy.calendar, from, to), interview: within(entry.busy.interview, from, to) };
  }

  /** Keeps every span of the member overlapping [from, to), in place of what was kept. */
  put(organizationId: string, memberId: string, from: number, to: number, busy: BusyByReason): void {
    this.forget(memberId);
    const spans = countSpans(busy);
    if (spans > this.limits.spans) return;
    this.kept.set(memberId, { organizationId, from, to, busy, spans });
    this.spanCount += spans;
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= this.limits.members && this.spanCount <= this.limits.spans) break;
      this.forget(oldest);
    }
  }

  /** How many members and spans are kept. */
  get size(): { members: number; spans: number } {
    return { members: this.kept.size, spans: this.spanCount };
  }

  /** Drops what was kept of the member. */
  forget(memberId: string): void {
    const entry = this.kept.get(memberId);
    if (!entry) return;
    this.kept.delete(memberId);
    this.spanCount -= entry.spans;
  }

  /** Drops everything kept. */
  clear(): void {
    this.kept.clear();
    this.spanCount = 0;
  }
}
