import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { createZoneTimeline, getTimelineOffset, resolveWallTime, zoneTimelineCovering } from './create-zone-timeline.ts';

const HOUR_MS = 3_600_000;
const at = (iso: string): number => Date.parse(iso);

describe('createZoneTimeline', () => {
  it('finds the New York fall-back on 2026-11-01 at 06:00Z, to the second', () => {
    const timeline = createZoneTimeline({ timeZone: 'America/New_York', from: at('2026-10-30T00:00:00Z'), to: at('2026-11-03T00:00:00Z') });
    expect(timeline.transitions).toEqual([at('2026-11-01T06:00:00Z')]);
    expect(timeline.offsets).toEqual([-4 * HOUR_MS, -5 * HOUR_MS]);
    expect(getTimelineOffset(timeline, at('2026-11-01T05:59:59Z'))).toBe(-4 * HOUR_MS);
    expect(getTimelineOffset(timeline, at('2026-11-01T06:00:00Z'))).toBe(-5 * HOUR_MS);
  });

  it('finds both Casablanca changes around Ramadan 2026 within one window', () => {
    const timeline = createZoneTimeline({ timeZone: 'Africa/Casablanca', from: at('2026-02-01T00:00:00Z'), to: at('2026-04-01T00:00:00Z') });
    expect(timeline.transitions).toHaveLength(2);
    expect(timeline.offsets).toEqual([HOUR_MS, 0, HOUR_MS]);
  });

  it('has no transitions for a zone without DST', () => {
    const timeline = createZoneTimeline({ timeZone: 'Asia/Kolkata', from: at('2026-01-01T00:00:00Z'), to: at('2026-12-31T00:00:00Z') });
    expect(timeline.transitions).toEqual([]);
    expect(timeline.offsets).toEqual([5.5 * HOUR_MS]);
  });
});

describe('resolveWallTime', () => {
  const cases: Array<[zone: string, date: string]> = [
    ['America/New_York', '2026-03-08'],
    ['America/New_York', '2026-11-01'],
    ['Europe/London', '2027-03-28'],
    ['Europe/London', '2026-10-25'],
    ['Pacific/Chatham', '2026-09-27'],
    ['Pacific/Chatham', '2027-04-04'],
    ['Australia/Lord_Howe', '2026-04-05'],
    ['Australia/Lord_Howe', '2026-10-04'],
    ['America/Santiago', '2026-09-06'],
    ['America/Santiago', '2026-04-05'],
    ['America/Havana', '2026-03-08'],
  ];

  // Every 15 minutes of the day before, the day of and the day after the change, against Temporal.
  it.each(cases)('matches Temporal "compatible" in %s around %s', (timeZone, date) => {
    const day = Temporal.PlainDate.from(date);
    const timeline = createZoneTimeline({ timeZone, from: at(`${date}T00:00:00Z`) - 86_400_000 * 2, to: at(`${date}T00:00:00Z`) + 86_400_000 * 2 });
    for (let minutes = -1440; minutes < 2 * 1440; minutes += 15) {
      const local = day.toPlainDateTime().add({ minutes });
      const expected = local.toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
      const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
      expect(resolveWallTime(timeline, wall), `${timeZone} ${local.toString()}`).toBe(expected);
    }
  });
});

describe('zoneTimelineCovering', () => {
  const zones = ['America/New_York', 'Europe/London', 'Pacific/Chatham', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kolkata', 'UTC'];
  const DAY_MS = 86_400_000;

  it('answers every instant of the span as a timeline built for exactly that span does', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2028-01-01T00:00:00Z') }),
        fc.integer({ min: 0, max: 92 * DAY_MS }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (timeZone, from, length, fractions) => {
          const exact = createZoneTimeline({ timeZone, from, to: from + length });
          const covering = zoneTimelineCovering(timeZone, from, from + length);
          for (const fraction of fractions) {
            const instant = from + Math.floor(fraction * length);
            expect(getTimelineOffset(covering, instant)).toBe(getTimelineOffset(exact, instant));
            const wall = instant + getTimelineOffset(exact, instant);
            expect(resolveWallTime(covering, wall)).toBe(resolveWallTime(exact, wall));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('builds a span once and hands the same timeline back for the same days', () => {
    const first = zoneTimelineCovering('Europe/Berlin', at('2027-03-20T09:00:00Z'), at('2027-04-03T17:00:00Z'));
    const again = zoneTimelineCovering('Europe/Berlin', at('2027-03-20T13:30:00Z'), at('2027-04-03T08:00:00Z'));
    expect(again).toBe(first);
    expect(first.transitions).toEqual([at('2027-03-28T01:00:00Z')]);
    expect(Object.isFrozen(first.transitions)).toBe(true);
    expect(zoneTimelineCovering('Europe/Paris', at('2027-03-20T09:00:00Z'), at('2027-04-03T17:00:00Z'))).not.toBe(first);
  });
});
