import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CANDIDATE_HOURS, candidateHoursFor, fitsHours } from './candidate-hours.ts';
import { WEEKDAYS } from './types.ts';
import type { TimeRange, WorkingHours } from './types.ts';
import { minutesOfDay } from './working-hours.ts';
import { zonedToInstant } from './zoned-time.ts';

/** The rule read through Temporal, slowly and plainly: what `fitsHours` must agree with. */
function fitsHoursByTemporal(range: TimeRange, hours: WorkingHours, timeZone: string): boolean {
  const start = Temporal.Instant.fromEpochMilliseconds(range.start.getTime()).toZonedDateTimeISO(timeZone);
  const end = Temporal.Instant.fromEpochMilliseconds(range.end.getTime()).toZonedDateTimeISO(timeZone);
  const startMinutes = start.hour * 60 + start.minute;
  let endMinutes = end.hour * 60 + end.minute;
  if (!end.toPlainDate().equals(start.toPlainDate())) {
    if (!(endMinutes === 0 && end.toPlainDate().equals(start.toPlainDate().add({ days: 1 })))) return false;
    endMinutes = 24 * 60;
  }
  return hours[WEEKDAYS[start.dayOfWeek - 1]!].some(([from, to]) => minutesOfDay(from) <= startMinutes && endMinutes <= minutesOfDay(to));
}

const hour = (local: string, zone: string, minutes = 60) => {
  const start = zonedToInstant(local, zone);
  return { start, end: new Date(start.getTime() + minutes * 60_000) };
};

describe('fitsHours', () => {
  it('keeps offers inside the candidate\'s hours in their zone', () => {
    expect(fitsHours(hour('2026-12-10T08:00', 'Asia/Tokyo'), DEFAULT_CANDIDATE_HOURS, 'Asia/Tokyo')).toBe(true);
    expect(fitsHours(hour('2026-12-10T19:00', 'Asia/Tokyo'), DEFAULT_CANDIDATE_HOURS, 'Asia/Tokyo')).toBe(true);
    expect(fitsHours(hour('2026-12-10T19:30', 'Asia/Tokyo'), DEFAULT_CANDIDATE_HOURS, 'Asia/Tokyo')).toBe(false);
    expect(fitsHours(hour('2026-12-10T02:30', 'America/New_York'), DEFAULT_CANDIDATE_HOURS, 'America/New_York')).toBe(false);
    expect(fitsHours(hour('2026-12-12T10:00', 'Europe/Berlin'), DEFAULT_CANDIDATE_HOURS, 'Europe/Berlin')).toBe(false);
  });

  it('reads local time at each instant across DST changes', () => {
    // New York falls back on 2026-11-01: 08:00 local on Monday Nov 2 is 13:00 UTC, not 12:00.
    expect(fitsHours(hour('2026-11-02T08:00', 'America/New_York'), DEFAULT_CANDIDATE_HOURS, 'America/New_York')).toBe(true);
    expect(fitsHours({ start: new Date('2026-11-02T12:00:00Z'), end: new Date('2026-11-02T13:00:00Z') }, DEFAULT_CANDIDATE_HOURS, 'America/New_York')).toBe(false);
  });

  it('lets a day end at midnight', () => {
    const all = { ...DEFAULT_CANDIDATE_HOURS, thu: [['20:00', '24:00']] as Array<[string, string]> };
    expect(fitsHours(hour('2026-12-10T23:00', 'UTC'), all, 'UTC')).toBe(true);
    expect(fitsHours(hour('2026-12-10T23:30', 'UTC'), all, 'UTC')).toBe(false);
  });

  it('never passes a time whose local start is outside 08:00–20:00 on a weekday, in any zone', () => {
    const zones = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'Europe/London'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * 24 * 30 }), fc.constantFrom(...zones), (minutes, zone) => {
        const start = new Date(Date.UTC(2026, 11, 1) + minutes * 60_000);
        const range = { start, end: new Date(start.getTime() + 30 * 60_000) };
        const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(start);
        const [weekday, time] = parts.split(' ');
        if (fitsHours(range, DEFAULT_CANDIDATE_HOURS, zone)) {
          expect(['Sat', 'Sun']).not.toContain(weekday);
          expect(time! >= '08:00' && time! <= '19:30').toBe(true);
        }
      }),
    );
  });

  it('agrees with the rule read through Temporal for any time, length, hours and zone, across DST changes', () => {
    const zones = ['UTC', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Pacific/Chatham', 'Australia/Lord_Howe', 'America/Santiago'];
    const late = { ...DEFAULT_CANDIDATE_HOURS, fri: [['18:00', '24:00']] as Array<[string, string]>, sun: [['00:00', '03:00']] as Array<[string, string]> };
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2026, 0, 1) / 60_000, max: Date.UTC(2028, 0, 1) / 60_000 }),
        fc.integer({ min: 15, max: 8 * 60 }),
        fc.constantFrom(...zones),
        fc.constantFrom(DEFAULT_CANDIDATE_HOURS, late),
        (startMinute, minutes, zone, hours) => {
          const range = { start: new Date(startMinute * 60_000), end: new Date((startMinute + minutes) * 60_000) };
          expect(fitsHours(range, hours, zone)).toBe(fitsHoursByTemporal(range, hours, zone));
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it("prefers the candidate's stated hours to the organization's default", () => {
    const own = { ...DEFAULT_CANDIDATE_HOURS, mon: [] };
    expect(candidateHoursFor({ reasonableHours: own }, { candidateHours: DEFAULT_CANDIDATE_HOURS })).toBe(own);
    expect(candidateHoursFor({ reasonableHours: null }, { candidateHours: DEFAULT_CANDIDATE_HOURS })).toBe(DEFAULT_CANDIDATE_HOURS);
  });
});
