import { describe, expect, it } from 'vitest';
import { isDomainError } from './errors.ts';
import { ceilToGrid, offerWindow, pickSpreadSlots } from './offers.ts';

describe('offerWindow', () => {
  it('starts a day ahead on the quarter hour, whatever second the request comes at, and runs two weeks', () => {
    const window = offerWindow({ now: new Date('2026-12-01T10:58:12Z') });
    expect(window.from.toISOString()).toBe('2026-12-02T11:00:00.000Z');
    expect(window.to.toISOString()).toBe('2026-12-16T11:00:00.000Z');
  });

  it('moves an employer window that starts too early, and rounds a late one to the grid', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    expect(offerWindow({ now, from: new Date('2026-12-01T13:00:00Z'), to: new Date('2026-12-05T00:00:00Z') }).from.toISOString()).toBe('2026-12-02T12:00:00.000Z');
    expect(offerWindow({ now, from: new Date('2026-12-03T09:07:00Z') }).from.toISOString()).toBe('2026-12-03T09:15:00.000Z');
  });

  it('refuses a window that ends before the earliest offerable time, naming the field and why', () => {
    let caught: unknown;
    try {
      offerWindow({ now: new Date('2026-12-01T12:00:00Z'), to: new Date('2026-12-02T06:00:00Z'), path: 'offer' });
    } catch (error) {
      caught = error;
    }
    expect(isDomainError(caught, 'VALIDATION')).toBe(true);
    expect((caught as { details: { errors: Array<{ path: string; message: string }> } }).details.errors[0]).toMatchObject({
      path: 'offer.to',
      message: expect.stringContaining('24 hours ahead'),
    });
  });

  it('rounds to the grid only upwards', () => {
    expect(ceilToGrid(new Date('2026-12-01T10:15:00Z')).toISOString()).toBe('2026-12-01T10:15:00.000Z');
    expect(ceilToGrid(new Date('2026-12-01T10:15:00.001Z')).toISOString()).toBe('2026-12-01T10:30:00.000Z');
  });
});

describe('pickSpreadSlots', () => {
  it('spreads picks over the list, first and last included', () => {
    const slots = Array.from({ length: 10 }, (_, i) => ({ start: i, end: i + 1 }));
    expect(pickSpreadSlots(slots, 3).map((s) => s.start)).toEqual([0, 4, 9]);
    expect(pickSpreadSlots(slots.slice(0, 2), 5)).toHaveLength(2);
  });
});
