import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './rate-limit.ts';

function clockAt(startMs = 0) {
  let now = startMs;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('TokenBuckets', () => {
  it('lets a burst through, then one request per 1/perSecond, and says when to come back', () => {
    const clock = clockAt();
    const buckets = new TokenBuckets({ perSecond: 2, burst: 3 }, clock.now);
    expect([1, 2, 3].map(() => buckets.take('k').allowed)).toEqual([true, true, true]);
    const refused = buckets.take('k');
    expect(refused).toMatchObject({ allowed: false, limit: 3, remaining: 0, retryAfterSeconds: 1 });
    expect(refused.resetSeconds).toBe(2);
    clock.advance(499);
    expect(buckets.take('k').allowed).toBe(false);
    clock.advance(1);
    expect(buckets.take('k')).toMatchObject({ allowed: true, remaining: 0 });
    // A long quiet spell refills up to the burst, never beyond it.
    clock.advance(60_000);
    expect(buckets.take('k')).toMatchObject({ allowed: true, remaining: 2, resetSeconds: 1 });
  });

  it('keeps each key to its own bucket', () => {
    const buckets = new TokenBuckets({ perSecond: 1, burst: 1 }, clockAt().now);
    expect(buckets.take('a').allowed).toBe(true);
    expect(buckets.take('a').allowed).toBe(false);
    expect(buckets.take('b').allowed).toBe(true);
  });

  it('tells a slow rate to wait whole seconds, at least one', () => {
    const buckets = new TokenBuckets({ perSecond: 1, burst: 1 }, clockAt().now);
    buckets.take('k');
    expect(buckets.take('k').retryAfterSeconds).toBe(1);
    const slow = new TokenBuckets({ perSecond: 0.25, burst: 1 }, clockAt().now);
    slow.take('k');
    expect(slow.take('k').retryAfterSeconds).toBe(4);
  });

  it('stays bounded under many keys, forgetting the least recently used first', () => {
    const clock = clockAt();
    const buckets = new TokenBuckets({ perSecond: 1, burst: 2 }, clock.now, 100);
    buckets.take('busy');
    buckets.take('busy');
    for (let i = 0; i < 1_000; i += 1) {
      buckets.take(`key-${i}`);
      // The busy key is used all along, so it is never the one forgotten.
      if (i % 50 === 0) buckets.take('busy');
    }
    expect(buckets.size).toBe(100);
    expect(buckets.take('busy').allowed).toBe(false);
  });
});
