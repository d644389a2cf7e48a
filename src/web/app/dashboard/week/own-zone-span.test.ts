import { describe, expect, it } from 'vitest';
import { ownZoneSpan } from './own-zone-span.ts';

describe('ownZoneSpan', () => {
  it("names the interviewer's day when it is not the organization's", () => {
    // 09:30 in New York on Tuesday is 01:30 on Wednesday in Sydney.
    expect(ownZoneSpan('2026-12-01T14:30:00Z', '2026-12-01T15:30:00Z', 'America/New_York', 'Australia/Sydney')).toBe('Wed 2 Dec 01:30–02:30 Sydney');
    // 16:00 in New York is 21:00 the same day in London.
    expect(ownZoneSpan('2026-12-01T21:00:00Z', '2026-12-01T22:00:00Z', 'America/New_York', 'Europe/London')).toBe('21:00–22:00 London');
  });

  it('says nothing when their zone reads the same clock', () => {
    expect(ownZoneSpan('2026-12-01T14:30:00Z', '2026-12-01T15:30:00Z', 'America/New_York', 'America/Toronto')).toBeNull();
    expect(ownZoneSpan('2026-12-01T14:30:00Z', '2026-12-01T15:30:00Z', 'America/New_York', null)).toBeNull();
  });
});
