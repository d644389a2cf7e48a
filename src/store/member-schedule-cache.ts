import type { Member } from '../core/types.ts';

/** A member as far as finding their free time goes. */
export type MemberSchedule = Pick<Member, 'id' | 'name' | 'timezone' | 'workingHours' | 'bufferMinutes'>;

interface KeptSchedule {
  organizationId: string;
  schedule: MemberSchedule;
  busyVersion: string;
}

/** A panel as a slot search reads it: the members in the order asked, with their busy versions. */
export interface SchedulesWithBusyVersions {
  members: MemberSchedule[];
  busyVersions: Map<string, string>;
}

const DEFAULT_MEMBER_LIMIT = 5_000;

/**
 * What a slot search reads of members (zone, working hours, buffer, busy version), kept while this
 * process hears every change to them, so that searching the same panel again asks the database nothing.
 *
 * The database announces the ids of every member a statement updates or deletes, at commit (migration
 * 0013; a change to busy time updates the member's busy version, so it is announced too). A listener
 * hands the announcements to `forget`. Kept schedules are used only while the listener is subscribed:
 * losing it empties the cache and stops its use, and subscribing again starts afresh, since whatever was
 * announced in between was missed.
 *
 * A read may race an announcement: the epoch rises with every announcement and every change of the
 * listener's state, and a read is kept only if the epoch did not move while it ran.
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
    } = {},
  ) {}

  /** The listener is subscribed: from now on every change is heard. What was kept before is dropped. */
  listenerReady(): void {
    this.kept.clear();
    this.listening = true;
    this.epochValue += 1;
  }

  /** The listener is gone: changes may go unheard, so nothing kept is used or kept until it is back. */
  listenerLost(): void {
    this.kept.clear();
    this.listening = false;
    this.epochValue += 1;
  }

  /** Members announced as changed. */
  forget(memberIds: readonly string[]): void {
    for (const id of memberIds) this.kept.delete(id);
    this.epochValue += 1;
  }

  /** A change too large to name its members: any of them may have changed. */
  forgetAll(): void {
    this.kept.clear();
    this.epochValue += 1;
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
  async lookup(organizationId: string, ids: readonly string[]): Promise<SchedulesWithBusyVersions | undefined> {
    if (!this.listening || !this.holdsAll(organizationId, ids)) return undefined;
    if (this.writesHeard < this.writesEnded) {
      if (!(await this.hearOwnWrites())) return undefined;
      if (!this.listening || !this.holdsAll(organizationId, ids)) return undefined;
    }
    const members: MemberSchedule[] = [];
    const busyVersions = new Map<string, string>();
    for (const id of ids) {
      const entry = this.kept.get(id)!;
      // Used again: it moves to the back of the eviction order.
      this.kept.delete(id);
      this.kept.set(id, entry);
      members.push(entry.schedule);
      busyVersions.set(id, entry.busyVersion);
    }
    return { members, busyVersions };
  }

  /** Keeps members read while the epoch was `epochAtRead`, unless something was announced since. */
  keep(organizationId: string, epochAtRead: number, read: SchedulesWithBusyVersions): void {
    if (!this.listening || this.epochValue !== epochAtRead) return;
    for (const schedule of read.members) {
      const busyVersion = read.busyVersions.get(schedule.id);
      if (busyVersion === undefined) continue;
      this.kept.delete(schedule.id);
      this.kept.set(schedule.id, { organizationId, schedule, busyVersion });
    }
    const limit = this.options.members ?? DEFAULT_MEMBER_LIMIT;
    for (const oldest of this.kept.keys()) {
      if (this.kept.size <= limit) break;
      this.kept.delete(oldest);
    }
  }

  /** How many members are kept. */
  get size(): number {
    return this.kept.size;
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
