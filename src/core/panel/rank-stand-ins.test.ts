import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSameDayAndWeek, localDayAndWeek } from './load-calendar.ts';
import { compareStandIns, rankStandIns, underLimits } from './rank-stand-ins.ts';
import type { StandInCandidate } from './rank-stand-ins.ts';

const at = new Date('2026-12-09T15:00:00Z'); // Wednesday
const decliner = { id: 'm0', pools: ['backend', 'bar-raiser'] };

function mate(id: string, extra: Partial<StandInCandidate> = {}): StandInCandidate {
  return { id, timezone: 'UTC', pools: ['backend'], limits: {}, scheduled: [], lastBookedAt: null, free: true, ...extra };
}

describe('local day and week', () => {
  it('counts in the member’s own zone: the same instant is Sunday in New York and Monday in Berlin', () => {
    const instant = new Date('2026-12-07T03:00:00Z');
    expect(localDayAndWeek(instant, 'America/New_York')).toEqual({ day: '2026-12-06', week: '2026-W49' });
    expect(localDayAndWeek(instant, 'Europe/Berlin')).toEqual({ day: '2026-12-07', week: '2026-W50' });
    expect(localDayAndWeek(instant, 'Pacific/Chatham')).toEqual({ day: '2026-12-07', week: '2026-W50' });
  });

  it('keeps a 23-hour and a 25-hour day whole across DST changes', () => {
    // New York springs forward on 2026-03-08 and falls back on 2026-11-01.
    const spring = [new Date('2026-03-08T05:30:00Z'), new Date('2026-03-09T03:59:00Z')]; // 00:30 EST and 23:59 EDT
    expect(spring.map((d) => localDayAndWeek(d, 'America/New_York').day)).toEqual(['2026-03-08', '2026-03-08']);
    const fall = [new Date('2026-11-01T04:00:00Z'), new Date('2026-11-02T04:59:00Z')]; // 00:00 EDT and 23:59 EST
    expect(fall.map((d) => localDayAndWeek(d, 'America/New_York').day)).toEqual(['2026-11-01', '2026-11-01']);
    expect(countSameDayAndWeek(fall[0]!, fall, 'America/New_York')).toEqual({ day: 2, week: 2 });
    // Chatham (+13:45 / +12:45) changes on 2026-04-05 and 2026-09-27.
    const chatham = [new Date('2026-04-04T11:00:00Z'), new Date('2026-04-05T11:00:00Z')];
    expect(chatham.map((d) => localDayAndWeek(d, 'Pacific/Chatham').day)).toEqual(['2026-04-05', '2026-04-05']);
  });

  it('weeks start on Monday, and ISO week-years wrap at New Year', () => {
    expect(localDayAndWeek(new Date('2026-12-28T12:00:00Z'), 'UTC').week).toBe('2026-W53');
    expect(localDayAndWeek(new Date('2027-01-03T12:00:00Z'), 'UTC').week).toBe('2026-W53');
    expect(localDayAndWeek(new Date('2027-01-04T12:00:00Z'), 'UTC').week).toBe('2027-W01');
  });
});

describe('rankStandIns', () => {
  it('takes only free members of a shared pool who are not on the panel', () => {
    const ranked = rankStandIns({
      decliner,
      panel: ['m0', 'm1'],
      at,
      candidates: [mate('m1'), mate('m2', { pools: ['frontend'] }), mate('m3', { free: false }), mate('m4', { pools: ['bar-raiser'] }), mate('m0')],
    });
    expect(ranked.map((r) => r.id)).toEqual(['m4']);
  });

  it('respects per-day and per-week limits counted in the member’s zone', () => {
    // 2026-12-09T03:00Z is Tuesday evening in Los Angeles, Wednesday in Berlin.
    const early = new Date('2026-12-09T03:00:00Z');
    const ranked = rankStandIns({
      decliner,
      panel: [],
      at,
      candidates: [
        mate('la', { timezone: 'America/Los_Angeles', limits: { perDay: 1 }, scheduled: [early] }),
        mate('berlin', { timezone: 'Europe/Berlin', limits: { perDay: 1 }, scheduled: [early] }),
        mate('weekly', { limits: { perWeek: 2 }, scheduled: [new Date('2026-12-07T10:00:00Z'), new Date('2026-12-11T10:00:00Z')] }),
      ],
    });
    expect(ranked.map((r) => r.id)).toEqual(['la']);
  });

  it('ranks by week load, then day load, then least recently booked (never first), then id', () => {
    const monday = new Date('2026-12-07T10:00:00Z');
    const ranked = rankStandIns({
      decliner,
      panel: [],
      at,
      candidates: [
        mate('busy-week', { scheduled: [monday, new Date('2026-12-08T10:00:00Z')] }),
        mate('busy-day', { scheduled: [new Date('2026-12-09T09:00:00Z')] }),
        mate('light-recent', { scheduled: [monday], lastBookedAt: new Date('2026-12-01T00:00:00Z') }),
        mate('light-old', { scheduled: [monday], lastBookedAt: new Date('2026-11-01T00:00:00Z') }),
        mate('z-never', { scheduled: [monday] }),
        mate('a-never', { scheduled: [monday] }),
      ],
    });
    expect(ranked.map((r) => r.id)).toEqual(['a-never', 'z-never', 'light-old', 'light-recent', 'busy-day', 'busy-week']);
  });

  const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Pacific/Chatham', 'America/Los_Angeles', 'Australia/Lord_Howe'];
  const instant = fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') }).map((ms) => new Date(ms));
  const candidate = fc.record({
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'),
    timezone: fc.constantFrom(...ZONES),
    pools: fc.subarray(['backend', 'frontend', 'bar-raiser']),
    limits: fc.record({ perDay: fc.integer({ min: 0, max: 3 }), perWeek: fc.integer({ min: 0, max: 6 }) }, { requiredKeys: [] }),
    scheduled: fc.array(instant, { maxLength: 8 }),
    lastBookedAt: fc.option(instant, { nil: null }),
    free: fc.boolean(),
  });

  it('property: the ranking is exactly the eligible members, in a total order that ignores input order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(candidate, { selector: (c) => c.id, maxLength: 7 }), instant, (candidates, seat) => {
        const ranked = rankStandIns({ decliner, panel: [], at: seat, candidates });
        const reversed = rankStandIns({ decliner, panel: [], at: seat, candidates: [...candidates].reverse() });
        expect(reversed).toEqual(ranked);
        for (let i = 1; i < ranked.length; i += 1) expect(compareStandIns(ranked[i - 1]!, ranked[i]!)).toBeLessThan(0);
        // Brute force: count by calendar fields of each member's own zone.
        const local = (d: Date, zone: string) => {
          const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
          return parts;
        };
        const eligible = candidates.filter((c) => {
          if (!c.free || !c.pools.some((p) => decliner.pools.includes(p))) return false;
          const day = c.scheduled.filter((d) => local(d, c.timezone) === local(seat, c.timezone)).length;
          const mondayOf = (d: Date) => {
            const date = new Date(`${local(d, c.timezone)}T00:00:00Z`);
            return date.getTime() - ((date.getUTCDay() + 6) % 7) * 86_400_000;
          };
          const week = c.scheduled.filter((d) => mondayOf(d) === mondayOf(seat)).length;
          const r = ranked.find((x) => x.id === c.id);
          if (r) expect([r.day, r.week]).toEqual([day, week]);
          return (c.limits.perDay === undefined || day < c.limits.perDay) && (c.limits.perWeek === undefined || week < c.limits.perWeek);
        });
        expect(ranked.map((r) => r.id).sort()).toEqual(eligible.map((c) => c.id).sort());
      }),
      { numRuns: 300 },
    );
  });

  it('underLimits treats an absent limit as none', () => {
    expect(underLimits({ timezone: 'UTC', limits: {}, scheduled: Array(50).fill(at) }, at).ok).toBe(true);
    expect(underLimits({ timezone: 'UTC', limits: { perDay: 0 }, scheduled: [] }, at).ok).toBe(false);
  });
});
