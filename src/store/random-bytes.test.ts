import { describe, expect, it } from 'vitest';
import { randomBytesFromPool } from './random-bytes.ts';

describe('randomBytesFromPool', () => {
  it('gives the bytes asked for, never the same twice, across many refills of the pool', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i += 1) {
      const bytes = randomBytesFromPool(32);
      expect(bytes).toHaveLength(32);
      seen.add(bytes.toString('hex'));
    }
    expect(seen.size).toBe(2_000);
  });

  it('hands out copies: a caller that changes its bytes changes no one else’s', () => {
    const first = randomBytesFromPool(12);
    const copy = Buffer.from(first);
    first.fill(0);
    const second = randomBytesFromPool(12);
    expect(second.equals(Buffer.alloc(12))).toBe(false);
    expect(copy.equals(Buffer.alloc(12))).toBe(false);
  });

  it('spreads its bytes evenly', () => {
    // 64 KiB of bytes: each value should come up about 256 times; a pool served twice or zeroed would not.
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 2_048; i += 1) for (const byte of randomBytesFromPool(32)) counts[byte]! += 1;
    expect(Math.min(...counts)).toBeGreaterThan(150);
    expect(Math.max(...counts)).toBeLessThan(380);
  });

  it('serves sizes beyond the pool’s share from the generator, and refuses sizes that are not whole', () => {
    expect(randomBytesFromPool(0)).toHaveLength(0);
    expect(randomBytesFromPool(1_000)).toHaveLength(1_000);
    expect(() => randomBytesFromPool(-1)).toThrow(RangeError);
    expect(() => randomBytesFromPool(1.5)).toThrow(RangeError);
  });
});
