import { describe, expect, it } from 'vitest';
import { BusyTimeCache } from './busy-time-cache.ts';

type Reason = 'busy' | 'calendar' | 'interview';
const span = (start: number, end: number, reason: Reason = 'busy') => ({ reason, start, end });
/** Spans grouped by reason, as the cache keeps them. */
const busyOf = (...spans: Array<ReturnType<typeof span>>) => {
  const grouped = { busy: [], calendar: [], interview: [] } as Record<Reason, Array<{ start: number; end: number }>>;
  for (const { reason, start, end } of spans) grouped[reason].push({ start, end });
  return grouped;
};

describe('BusyTimeCache', () => {
  it('answers what it kept until the member is forgotten or everything is cleared', () => {
    const cache = new BusyTimeCache();
    cache.put('org', 'ann', 0, 100, busyOf(span(10, 20)));
    cache.put('org', 'bob', 0, 100, busyOf(span(30, 40)));
    expect(cache.get('org', 'ann', 0, 100)).toEqual(busyOf(span(10, 20)));
    cache.forget('ann');
    expect(cache.get('org', 'ann', 0, 100)).toBeUndefined();
    expect(cache.get('org', 'bob', 0, 100)).toEqual(busyOf(span(30, 40)));
    expect(cache.size).toEqual({ members: 1, spans: 1 });
    cache.clear();
    expect(cache.get('org', 'bob', 0, 100)).toBeUndefined();
    expect(cache.size).toEqual({ members: 0, spans: 0 });
  });

  it('answers a window inside the one read, with the spans overlapping it, and nothing for a wider one', () => {
    const cache = new BusyTimeCache();
    cache.put('org', 'ann', 0, 100, busyOf(span(0, 10), span(20, 30, 'calendar'), span(90, 100, 'interview')));
    expect(cache.get('org', 'ann', 25, 95)).toEqual(busyOf(span(20, 30, 'calendar'), span(90, 100, 'interview')));
    // Touching the window's ends is not overlapping it.
    expect(cache.get('org', 'ann', 10, 20)).toEqual(busyOf());
    expect(cache.get('org', 'ann', -1, 100)).toBeUndefined();
    expect(cache.get('org', 'ann', 0, 101)).toBeUndefined();
  });

  it('keeps a member for one organization only', () => {
    const cache = new BusyTimeCache();
    cache.put('org', 'ann', 0, 100, busyOf());
    expect(cache.get('other', 'ann', 0, 100)).toBeUndefined();
    expect(cache.get('org', 'ann', 0, 100)).toEqual(busyOf());
  });

  it('replaces what it kept of a member', () => {
    const cache = new BusyTimeCache();
    cache.put('org', 'ann', 0, 100, busyOf(span(1, 2), span(3, 4)));
    cache.put('org', 'ann', 50, 60, busyOf(span(55, 56)));
    expect(cache.get('org', 'ann', 0, 100)).toBeUndefined();
    expect(cache.get('org', 'ann', 50, 60)).toEqual(busyOf(span(55, 56)));
    expect(cache.size).toEqual({ members: 1, spans: 1 });
  });

  it('lets the least recently used members go beyond its limits', () => {
    const cache = new BusyTimeCache({ members: 2, spans: 5 });
    cache.put('org', 'a', 0, 100, busyOf(span(1, 2)));
    cache.put('org', 'b', 0, 100, busyOf(span(1, 2)));
    cache.get('org', 'a', 0, 100);
    cache.put('org', 'c', 0, 100, busyOf(span(1, 2)));
    expect(cache.get('org', 'b', 0, 100)).toBeUndefined();
    expect(cache.get('org', 'a', 0, 100)?.busy).toHaveLength(1);
    // Four spans are one too many beside a and c: c, used less recently than a, goes.
    cache.put('org', 'd', 0, 100, busyOf(span(1, 2), span(3, 4), span(5, 6), span(7, 8)));
    expect(cache.get('org', 'c', 0, 100)).toBeUndefined();
    expect(cache.size).toEqual({ members: 2, spans: 5 });
    // More than the limit on its own is not kept at all.
    cache.put('org', 'e', 0, 100, busyOf(...Array.from({ length: 6 }, (_, i) => span(i, i + 1))));
    expect(cache.get('org', 'e', 0, 100)).toBeUndefined();
    expect(cache.size).toEqual({ members: 2, spans: 5 });
  });
});
