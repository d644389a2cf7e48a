import { describe, expect, it } from 'vitest';
import { computeOutboxBackoff, withJitter } from './outbox-backoff.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('computeOutboxBackoff', () => {
  it('follows 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, then doubles up to 8 h', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 20].map(computeOutboxBackoff)).toEqual([
      30_000,
      2 * MINUTE,
      10 * MINUTE,
      30 * MINUTE,
      HOUR,
      2 * HOUR,
      4 * HOUR,
      8 * HOUR,
      8 * HOUR,
      8 * HOUR,
    ]);
  });

  it('treats zero or fractional attempts as the first step', () => {
    expect(computeOutboxBackoff(0)).toBe(30_000);
    expect(computeOutboxBackoff(2.7)).toBe(2 * MINUTE);
  });
});

describe('withJitter', () => {
  it('spreads the delay within the ratio around the base', () => {
    expect(withJitter(computeOutboxBackoff, { random: () => 0 })(1)).toBe(24_000);
    expect(withJitter(computeOutboxBackoff, { random: () => 0.5 })(1)).toBe(30_000);
    expect(withJitter(computeOutboxBackoff, { random: () => 0.999_999, ratio: 0.5 })(2)).toBe(180_000);
  });

  it('stays within ±20 % by default', () => {
    const jittered = withJitter(computeOutboxBackoff);
    for (let i = 0; i < 200; i += 1) {
      const delay = jittered(3);
      expect(delay).toBeGreaterThanOrEqual(8 * MINUTE);
      expect(delay).toBeLessThanOrEqual(12 * MINUTE);
    }
  });
});
