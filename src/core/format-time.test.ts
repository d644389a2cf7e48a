import { describe, expect, it } from 'vitest';
import { formatClock, formatDay, formatSlot, formatWhen, labelZone } from './format-time.ts';

describe('format-time', () => {
  it('writes the reader\'s local time with the zone named', () => {
    expect(formatWhen(new Date('2026-12-10T15:00:00Z'), 'America/New_York')).toBe('Thursday, December 10 at 10:00 AM EST (New York time)');
    expect(formatWhen(new Date('2026-12-10T15:00:00Z'), 'UTC')).toBe('Thursday, December 10 at 3:00 PM UTC');
  });

  it('moves to the reader\'s calendar day', () => {
    expect(formatDay(new Date('2026-12-11T03:00:00Z'), 'America/Los_Angeles')).toBe('Thursday, December 10');
    expect(formatDay(new Date('2026-12-10T20:00:00Z'), 'Pacific/Chatham')).toBe('Friday, December 11');
  });

  it('follows daylight saving changes', () => {
    expect(formatSlot(new Date('2026-03-06T15:00:00Z'), 'America/New_York')).toBe('Friday, March 6 at 10:00 AM EST');
    expect(formatSlot(new Date('2026-03-09T14:00:00Z'), 'America/New_York')).toBe('Monday, March 9 at 10:00 AM EDT');
  });

  it('prints a plain space before AM/PM', () => {
    expect(formatClock(new Date('2026-12-10T15:05:00Z'), 'UTC')).toBe('3:05 PM');
  });

  it('labels zones by their city', () => {
    expect(labelZone('America/Argentina/Buenos_Aires')).toBe('Buenos Aires time');
    expect(labelZone('Etc/UTC')).toBe('UTC');
  });
});
