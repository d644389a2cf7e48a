import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { findPanelSlots, toFindSlotsOptions } from './find-panel-slots.ts';
import type { FindPanelSlotsOptions } from './find-panel-slots.ts';
import { weekdays } from './test/working-hours-fixtures.ts';

const request: FindPanelSlotsOptions = {
  window: { from: '2026-12-07T09:00:00Z', to: new Date('2026-12-07T12:00:00Z') },
  durationMinutes: 60,
  stepMinutes: 60,
  members: [
    {
      id: 'm1',
      timezone: 'Europe/London',
      workingHours: weekdays(['09:00', '17:00']),
      busy: [{ start: '2026-12-07T11:00:00+01:00', end: Date.parse('2026-12-07T11:00:00Z') }],
    },
  ],
};

describe('findPanelSlots', () => {
  it('accepts ISO strings with offsets, Dates and epoch ms, and returns Dates', () => {
    // Busy 10:00–11:00Z, written once with an offset and once as epoch ms.
    expect(findPanelSlots(request)).toEqual([
      { start: new Date('2026-12-07T09:00:00Z'), end: new Date('2026-12-07T10:00:00Z') },
      { start: new Date('2026-12-07T11:00:00Z'), end: new Date('2026-12-07T12:00:00Z') },
    ]);
  });

  it('returns member ids in mode "any"', () => {
    expect(findPanelSlots({ ...request, mode: 'any' })[0]?.memberIds).toEqual(['m1']);
  });

  it('rejects an ISO date-time without an offset, which would be read in the host zone', () => {
    const run = (): unknown => toFindSlotsOptions({ ...request, window: { from: '2026-12-07T09:00:00', to: '2026-12-08T00:00:00Z' } });
    expect(run).toThrow(/window.from/);
    try {
      run();
    } catch (error) {
      expect(isDomainError(error, 'VALIDATION')).toBe(true);
    }
  });
});
