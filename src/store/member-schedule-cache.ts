import type { Member } from '../core/types.ts';
import { BusyTimeCache } from './busy-time-cache.ts';
import type { BusyByReason, BusyTimeCacheLimits } from './busy-time-cache.ts';

/** A member as far as finding their free time goes. */
export type MemberSchedule = Pick<Member, 'id' | 'name' | 'timezone' | 'workingHours' | 'bufferMinutes'>;

interface KeptSchedule {
  organizationId: string;
  schedule: MemberSchedule;
}

const DEFAULT_MEMBER_LIMIT = 5_000;

/**
 * Members whose last announcement is remembered, at most; beyond it the memory starts afresh, and every
 * read that began before counts as raced (it is read again next time, no harm done).
 */
const REMEMBERED_ANNOUNCEMENTS = 10_000;

/**
 * What a slot search reads of members (zone, working hours, buffer) and their busy time (in a
 * `BusyTimeCache`), kept while this process hears every change to them, so that searching the same panel
 * again asks the database nothing.
 *
 * The database announces the ids of every member a statement updates or deletes (migration 0013), and of
 * every member whose bookings, busy blocks or calendar busy times a statement changes (0019), at commit.
 * A listener hands the announcements to `forget` and `forgetBusyTime`: a booking drops the panelists'
 * busy time, not their working hours. What is kept is used only while the listener is
 * subscribed: losing it empties the cache and stops its use, and subscribing again starts afresh, since
 * whatever was announced in between was missed.
 *
 * A read may race an announcement: the epoch rises with every announcement and every change of the
 * listener's state, each member remembers the epoch of the last announcement that named them, and a read
 * is kept only if none of its members was announced (and nothing was announced for all) since it began.
 * Announcements of other members, which come with every booking anywhere, do not spoil it.
 *
 * Where announcements reach the process apart from its own writes (a PostgreSQL server: they come on
 * the listener's connection, not the one that committed), a write this process made is surely heard only
 * after a round trip on the listener's connection that began after the write ended: the server sends a
 * session its pending announcements before it answers. `catchUp` is that round trip, made only when this
 * process wrote since the last one, and shared by the searches waiting for it. On the embedded engine the
 * engine itself listens, for all its sessions: announcements come with the commit's own answer.
 */
export class MemberScheduleCache {
  private readonly kept = new Map<string, KeptSchedule>();
  private readonly busyTime: BusyTimeCache;
  /** The epoch of the last announcement naming each member. */
  private readonly announcedAt = new Map<string, number>();
  /** Reads that began before this epoch are not kept: everything may have changed since. */
  private keepableFrom = 0;
  private listening = false;
  private epochValue = 0;
  private writesEnded = 0;
  private writesHeard = 0;
  private catchingUp: Promise<void> | undefined;

  constructor(
    private readonly options: {
      /** A round trip on the listener's connection; absent where announcements come with the commit. */
      catchUp?: () => Promise<void>;
      members?: number;
      busyTime?: BusyTimeCacheLimits;
    } = {},
  ) {
    this.busyTime = new BusyTimeCache(options.busyTime);
  }

  /** The listener is subscribed: from now on every change is heard. What was kept before is dropped. */
  listenerReady(): void {
    this.startAfresh();
    this.listening = true;
  }

  /** The listener is gone: changes may go unheard, so nothing kept is used or kept until it is back. */
  listenerLost(): void {
    this.startAfresh();
    this.listening = false;
  }

  /** Members announced as changed: their schedules and their busy time. */
  forget(memberIds: readonly string[]): void {
    this.announced(memberIds, { schedules: true });
  }

  /** A change too large to name its members: any of them may have changed. */
  forgetAll(): void {
    this.startAfresh();
  }

  /** Members whose busy time was announced as changed: their schedules stand. */
  forgetBusyTime(memberIds: readonly string[]): void {
    this.announced(memberIds, { schedules: false });
  }

  /** A change to the busy time of too many members to name: all busy time goes, schedules stand. */
  forgetAllBusyTime(): void {
    this.busyTime.clear();
    this.spoilReadsInFlight();
  }

  /** A statement of this process that may have written ended (committed or not). */
  writeEnded(): void {
    this.writesEnded += 1;
  }

  /** Read before reading the members; pass it to `keep`. */
  get epoch(): number {
    return this.epochValue;
  }

  /** Whether kept schedules are in use: the listener is subscribed. */
  get active(): boolean {
    return this.listening;
  }

  /**
   * The members with these ids, in this order, when every one is kept for this organization and no
   * change this process made may still be unheard; otherwise undefined (read them).
   */
  async lookup(organizationId: string, ids: readonly string[]): Promise<MemberSchedule[] | undefined> {
    if (!this.listening || !this.holdsAll(organizationId, ids)) return undefined;
    if (this.writesHeard < this.writesEnded && (!(await this.heardOwnWrites()) || !this.holdsAll(organizationId, ids))) return undefined;
    const members: MemberSchedule[] = [];
    for (const id of ids) {
      const entry = this.kept.get(id)!;
      // Used again: it moves to the back of the eviction order.
      this.kept.delete(id);
      this.kept.set(id, entry);
      members.push(entry.schedule);
    }
    return members;
  }

  /** Keeps members read since the epoch was `epochAtRead`, unless one of them was announced since. */
  keep(organizationId: string, epochAtRead: number, members: readonly MemberSchedule[]): void {
    if (!this.unchangedSince(epochAtRead, members.map(({ id }) => id))) return;
    for (const schedule of members) {
      this.kept.delete(schedule.id);
      this.kept.set(schedule.id, { organizationId, schedule });
    }
    const limit = this.options.members ?? DEFAULT_MEMBER_LIMIT;
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= limit) break;
      this.kept.delete(oldest);
    }
  }

  /**
   * Whether kept busy time may be used now: the listener is subscribed and every write of this process
   * that ended before the call is heard. Ask before `keptBusyTime`, once per search.
   */
  async hearsEverything(): Promise<boolean> {
    return this.listening && (await this.heardOwnWrites());
  }

  /** The member's busy time kept for a window covering [from, to), while every change is heard; otherwise undefined. */
  keptBusyTime(organizationId: string, memberId: string, from: number, to: number): BusyByReason | undefined {
    return this.listening ? this.busyTime.get(organizationId, memberId, from, to) : undefined;
  }

  /** Keeps the member's busy time read for [from, to) since the epoch was `epochAtRead`, unless they were announced since. */
  keepBusyTime(organizationId: string, epochAtRead: number, memberId: string, from: number, to: number, busy: BusyByReason): void {
    if (this.unchangedSince(epochAtRead, [memberId])) this.busyTime.put(organizationId, memberId, from, to, busy);
  }

  /** How many members' schedules are kept. */
  get size(): number {
    return this.kept.size;
  }

  /** How many members' busy time is kept, and how many spans. */
  get busyTimeSize(): { members: number; spans: number } {
    return this.busyTime.size;
  }

  private announced(memberIds: readonly string[], drop: { schedules: boolean }): void {
    if (this.announcedAt.size + memberIds.length > REMEMBERED_ANNOUNCEMENTS) this.spoilReadsInFlight();
    else this.epochValue += 1;
    for (const id of memberIds) {
      if (drop.schedules) this.kept.delete(id);
      this.busyTime.forget(id);
      this.announcedAt.set(id, this.epochValue);
    }
  }

  private startAfresh(): void {
    this.kept.clear();
    this.busyTime.clear();
    this.spoilReadsInFlight();
  }

  /** No read that began before now is kept, whatever it read; what members were announced is forgotten. */
  private spoilReadsInFlight(): void {
    this.announcedAt.clear();
    this.epochValue += 1;
    this.keepableFrom = this.epochValue;
  }

  private unchangedSince(epochAtRead: number, ids: readonly string[]): boolean {
    return this.listening && epochAtRead >= this.keepableFrom && ids.every((id) => (this.announcedAt.get(id) ?? -1) <= epochAtRead);
  }

  private async heardOwnWrites(): Promise<boolean> {
    if (this.writesHeard >= this.writesEnded) return true;
    return (await this.hearOwnWrites()) && this.listening;
  }

  private holdsAll(organizationId: string, ids: readonly string[]): boolean {
    return ids.length > 0 && ids.every((id) => this.kept.get(id)?.organizationId === organizationId);
  }

  /** True once every write that ended before the call is surely heard; false when the listener failed. */
  private async hearOwnWrites(): Promise<boolean> {
    const { catchUp } = this.options;
    if (!catchUp) return true;
    const needed = this.writesEnded;
    try {
      while (this.writesHeard < needed) {
        if (!this.catchingUp) {
          // Only writes that ended before the round trip began are covered by it.
          const covers = this.writesEnded;
          this.catchingUp = catchUp()
            .then(() => {
              this.writesHeard = Math.max(this.writesHeard, covers);
            })
            .finally(() => {
              this.catchingUp = undefined;
            });
        }
        await this.catchingUp;
      }
      return true;
    } catch {
      return false;
    }
  }
}
