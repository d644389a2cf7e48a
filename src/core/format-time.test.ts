import { describe, expect, it } from 'vitest';
import { formatForReader, formatTimeOfDay } from './format-time.ts';

describe('formatForReader', () => {
  it('writes the time in the reader zone and names the zone, on both sides of a DST change', () => {
    expect(formatForReader(new Date('2026-10-30T13:00:00Z'), 'America/New_York')).toBe(
      'Friday, October 30, 2026 at 9:00 AM EDT (America/New_York)',
    );
    expect(formatForReader(new Date('2026-11-02T14:00:00Z'), 'America/New_York')).toBe(
      'Monday, November 2, 2026 at 9:00 AM EST (America/New_York)',
    );
    expect(formatForReader(new Date('2026-12-01T09:00:00Z'), 'Asia/Kolkata')).toContain('2:30 PM');
    expect(formatTimeOfDay(new Date('2026-12-01T09:00:00Z'), 'Pacific/Chatham')).toBe('10:45 PM');
  });
});
