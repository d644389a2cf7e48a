import { describe, expect, it } from 'vitest';
import { MemberScheduleCache } from './member-schedule-cache.ts';
import type { MemberSchedule } from './member-schedule-cache.ts';

const ORG = 'org-1';
const schedule = (id: string): MemberSchedule => ({ id, name: `Member ${id}`, timezone: 'UTC', workingHours: { mon: [['09:00', '17:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, bufferMinutes: 0 });
const panel = (...ids: string[]): MemberSchedule[] => ids.map(schedule);
const busy = (start: number, end: number) => ({ busy: [{ start, end }], calendar: [], interview: [] });

function listeningCache(options: ConstructorParameters<typeof MemberScheduleCache>[0] = {}): MemberScheduleCache {
  const cache = new MemberScheduleCache(options);
  cache.listenerReady();
  return cache;
}

describe('MemberScheduleCache', () => {
  it('gives back a panel kept at the current epoch, in the order asked', async () => {
    const cache = listeningCache();
    cache.keep(ORG, cache.epoch, panel('a', 'b'));
    const found = await cache.lookup(ORG, ['b', 'a']);
    expect(found?.map((m) => m.id)).toEqual(['b', 'a']);
  });

  it('answers only when every member is kept, for the same organization', async () => {
    const cache = listeningCache();
    cache.keep(ORG, cache.epoch, panel('a'));
    expect(await cache.lookup(ORG, ['a', 'b'])).toBeUndefined();
    expect(await cache.lookup('org-2', ['a'])).toBeUndefined();
    expect(await cache.lookup(ORG, [])).toBeUndefined();
  });

  it('forgets announced members, and keeps no read of a member announced while it ran', async () => {
    const cache = listeningCache();
    cache.keep(ORG, cache.epoch, panel('a', 'b'));
    cache.forget(['a']);
    expect(await cache.lookup(ORG, ['a'])).toBeUndefined();
    expect(await cache.lookup(ORG, ['b'])).toBeDefined();
    const epochAtRead = cache.epoch;
    cache.forget(['a']);
    cache.keep(ORG, epochAtRead, panel('a', 'c'));
    expect(await cache.lookup(ORG, ['a'])).toBeUndefined();
    expect(await cache.lookup(ORG, ['c'])).toBeUndefined();
  });

  it('keeps a read while only other members were announced: bookings elsewhere do not spoil it', async () => {
    const cache = listeningCache();
    const epochAtRead = cache.epoch;
    cache.forget(['c']);
    cache.forget(['d', 'e']);
    cache.keep(ORG, epochAtRead, panel('a', 'b'));
    expect(await cache.lookup(ORG, ['a', 'b'])).toBeDefined();
    // An announcement from before the read began does not spoil it either.
    const later = cache.epoch;
    cache.keep(ORG, later, panel('c'));
    expect(await cache.lookup(ORG, ['c'])).toBeDefined();
  });

  it('forgets only busy time when only busy time changed, and keeps no busy time read meanwhile', async () => {
    const cache = listeningCache();
    cache.keep(ORG, cache.epoch, panel('a', 'b'));
    cache.keepBusyTime(ORG, cache.epoch, 'a', 0, 100, busy(1, 2));
    cache.keepBusyTime(ORG, cache.epoch, 'b', 0, 100, busy(1, 2));
    const epochAtRead = cache.epoch;
    cache.forgetBusyTime(['a']);
    expect(await cache.lookup(ORG, ['a', 'b'])).toHaveLength(2);
    expect(cache.keptBusyTime(ORG, 'a', 0, 100)).toBeUndefined();
    expect(cache.keptBusyTime(ORG, 'b', 0, 100)).toBeDefined();
    cache.keepBusyTime(ORG, epochAtRead, 'a', 0, 100, busy(1, 2));
    expect(cache.keptBusyTime(ORG, 'a', 0, 100)).toBeUndefined();
    cache.forgetAllBusyTime();
    expect(cache.keptBusyTime(ORG, 'b', 0, 100)).toBeUndefined();
    expect(await cache.lookup(ORG, ['a', 'b'])).toHaveLength(2);
  });

  it('keeps no read that began before it stopped remembering which members were announced', async () => {
    const cache = listeningCache();
    const epochAtRead = cache.epoch;
    for (let i = 0; i < 10_001; i += 1) cache.forget([`m${i}`]);
    cache.keep(ORG, epochAtRead, panel('a'));
    expect(await cache.lookup(ORG, ['a'])).toBeUndefined();
    cache.keep(ORG, cache.epoch, panel('a'));
    expect(await cache.lookup(ORG, ['a'])).toBeDefined();
  });

  it('keeps busy time like schedules: forgotten with the member, dropped with the listener, not kept when raced', async () => {
    const cache = listeningCache();
    expect(await cache.hearsEverything()).toBe(true);
    cache.keepBusyTime(ORG, cache.epoch, 'a', 0, 100, busy(10, 20));
    cache.keepBusyTime(ORG, cache.epoch, 'b', 0, 100, busy(30, 40));
    expect(cache.keptBusyTime(ORG, 'a', 0, 50)).toEqual(busy(10, 20));
    expect(cache.keptBusyTime('org-2', 'a', 0, 50)).toBeUndefined();
    cache.forget(['a']);
    expect(cache.keptBusyTime(ORG, 'a', 0, 100)).toBeUndefined();
    expect(cache.keptBusyTime(ORG, 'b', 0, 100)).toEqual(busy(30, 40));
    const epochAtRead = cache.epoch;
    cache.forget(['a']);
    cache.keepBusyTime(ORG, epochAtRead, 'a', 0, 100, busy(10, 20));
    expect(cache.keptBusyTime(ORG, 'a', 0, 100)).toBeUndefined();
    expect(cache.busyTimeSize).toEqual({ members: 1, spans: 1 });
    cache.listenerLost();
    expect(await cache.hearsEverything()).toBe(false);
    expect(cache.keptBusyTime(ORG, 'b', 0, 100)).toBeUndefined();
    cache.keepBusyTime(ORG, cache.epoch, 'b', 0, 100, busy(30, 40));
    expect(cache.busyTimeSize).toEqual({ members: 0, spans: 0 });
  });

  it('forgets everyone on a change too large to name its members', async () => {
    const cache = listeningCache();
    cache.keep(ORG, cache.epoch, panel('a', 'b'));
    const epochAtRead = cache.epoch;
    cache.forgetAll();
    expect(await cache.lookup(ORG, ['a'])).toBeUndefined();
    expect(await cache.lookup(ORG, ['b'])).toBeUndefined();
    cache.keep(ORG, epochAtRead, panel('a'));
    expect(cache.size).toBe(0);
  });

  it('is used only while the listener is subscribed, and starts afresh when it is again', async () => {
    const cache = new MemberScheduleCache();
    cache.keep(ORG, cache.epoch, panel('a'));
    expect(cache.size).toBe(0);
    cache.listenerReady();
    cache.keep(ORG, cache.epoch, panel('a'));
    const epochBeforeLoss = cache.epoch;
    cache.listenerLost();
    expect(cache.active).toBe(false);
    expect(await cache.lookup(ORG, ['a'])).toBeUndefined();
    cache.listenerReady();
    cache.keep(ORG, epochBeforeLoss, panel('a'));
    expect(await cache.lookup(ORG, ['a'])).toBeUndefined();
  });

  it('drops the least recently used members beyond its limit', async () => {
    const cache = listeningCache({ members: 2 });
    cache.keep(ORG, cache.epoch, panel('a', 'b'));
    await cache.lookup(ORG, ['a']);
    cache.keep(ORG, cache.epoch, panel('c'));
    expect(await cache.lookup(ORG, ['b'])).toBeUndefined();
    expect(await cache.lookup(ORG, ['a', 'c'])).toBeDefined();
  });

  it('after a write of its own, first makes sure the announcements are heard, once for the searches waiting', async () => {
    let roundTrips = 0;
    let release: () => void = () => {};
    const cache = listeningCache({
      catchUp: () => {
        roundTrips += 1;
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    cache.keep(ORG, cache.epoch, panel('a'));
    expect(await cache.lookup(ORG, ['a'])).toBeDefined();
    expect(roundTrips).toBe(0);
    cache.writeEnded();
    const first = cache.lookup(ORG, ['a']);
    const second = cache.lookup(ORG, ['a']);
    await Promise.resolve();
    expect(roundTrips).toBe(1);
    // What the round trip brings: the write changed member a.
    cache.forget(['a']);
    release();
    expect(await first).toBeUndefined();
    expect(await second).toBeUndefined();
    cache.keep(ORG, cache.epoch, panel('a'));
    expect(await cache.lookup(ORG, ['a'])).toBeDefined();
    expect(roundTrips).toBe(1);
  });

  it('does not count a write that ended during the round trip as heard', async () => {
    const releases: Array<() => void> = [];
    const cache = listeningCache({ catchUp: () => new Promise<void>((resolve) => releases.push(resolve)) });
    cache.keep(ORG, cache.epoch, panel('a'));
    cache.writeEnded();
    const first = cache.lookup(ORG, ['a']);
    await Promise.resolve();
    cache.writeEnded();
    releases[0]!();
    expect(await first).toBeDefined();
    const second = cache.lookup(ORG, ['a']);
    await Promise.resolve();
    expect(releases).toHaveLength(2);
    releases[1]!();
    expect(await second).toBeDefined();
  });

  it('answers nothing when the round trip fails', async () => {
    const cache = listeningCache({ catchUp: () => Promise.reject(new Error('connection lost')) });
    cache.keep(ORG, cache.epoch, panel('a'));
    cache.writeEnded();
    expect(await cache.lookup(ORG, ['a'])).toBeUndefined();
    expect(await cache.hearsEverything()).toBe(false);
  });
});
