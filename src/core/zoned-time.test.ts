import { describe, expect, it } from 'vitest';
import { formatInZone, isValidTimeZone, zonedToInstant } from './zoned-time.ts';

describe('zonedToInstant', () => {
  it('applies the offset in force on that local date', () => {
    expect(zonedToInstant('2026-10-31T09:30', 'America/New_York').toISOString()).toBe('2026-10-31T13:30:00.000Z');
    expect(zonedToInstant('2026-11-02T09:00', 'America/New_York').toISOString()).toBe('2026-11-02T14:00:00.000Z');
    expect(zonedToInstant('2027-03-29T09:30', 'Europe/London').toISOString()).toBe('2027-03-29T08:30:00.000Z');
    expect(zonedToInstant('2026-12-01T09:00', 'Pacific/Chatham').toISOString()).toBe('2026-11-30T19:15:00.000Z');
  });

  it('moves a skipped local time forward and takes the earlier of a repeated one', () => {
    expect(zonedToInstant('2027-03-28T01:30', 'Europe/London').toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(zonedToInstant('2026-11-01T01:30', 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });
});

describe('formatInZone', () => {
  it('renders wall-clock time with the offset', () => {
    expect(formatInZone(new Date('2026-11-02T14:00:00Z'), 'America/New_York')).toBe('2026-11-02T09:00:00-05:00');
    expect(formatInZone(new Date('2026-12-01T09:00:00Z'), 'Asia/Kolkata')).toBe('2026-12-01T14:30:00+05:30');
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA names and rejects others', () => {
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
