import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUuid, newId } from './ids.ts';

const VERSION_7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newId', () => {
  it('is a version 7 uuid whose first 48 bits are the millisecond it was made', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 - 1 }), (at) => {
        const id = newId(at);
        expect(id).toMatch(VERSION_7);
        expect(isUuid(id)).toBe(true);
        expect(Number.parseInt(id.replace('-', '').slice(0, 12), 16)).toBe(at);
      }),
    );
  });

  it('sorts ids made in a later millisecond after those made earlier, as text and as the database orders uuids', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 - 2 }), fc.integer({ min: 1, max: 10_000 }), (at, later) => {
        const after = Math.min(at + later, 2 ** 48 - 1);
        expect(newId(at) < newId(after)).toBe(true);
      }),
    );
  });

  it('never makes the same id twice within one millisecond', () => {
    const at = Date.UTC(2026, 11, 2, 9, 0);
    const made = new Set(Array.from({ length: 10_000 }, () => newId(at)));
    expect(made.size).toBe(10_000);
  });

  it('is made now unless told otherwise, and refuses a time 48 bits cannot hold', () => {
    const before = Date.now();
    const at = Number.parseInt(newId().replace('-', '').slice(0, 12), 16);
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
    expect(() => newId(-1)).toThrow(RangeError);
    expect(() => newId(2 ** 48)).toThrow(RangeError);
    expect(() => newId(1.5)).toThrow(RangeError);
  });
});
