import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { findSlots } from './find-slots.ts';
import type { FindSlotsOptions, SlotSearchMember } from './slot-types.ts';
import { everyDay, weekdays } from './test/working-hours-fixtures.ts';

const at = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString();

function member(overrides: Partial<SlotSearchMember> = {}): SlotSearchMember {
  return { id: 'm1', timezone: 'UTC', workingHours: everyDay(['09:00', '12:00']), busy: [], ...overrides };
}

function options(overrides: Partial<FindSlotsOptions> = {}): FindSlotsOptions {
  return {
    window: { from: at('2026-12-07T00:00:00Z'), to: at('2026-12-08T00:00:00Z') },
    durationMinutes: 60,
    stepMinutes: 30,
    mode: 'all',
    members: [member()],
    ...overrides,
  };
}

/** Slot starts as ISO strings, the easiest thing to read in a failing assertion. */
function starts(search: FindSlotsOptions): string[] {
  return findSlots(search).map((slot) => iso(slot.start));
}

describe('findSlots: working hours across DST changes', () => {
  // An 8-hour slot fits 09:00–17:00 exactly once a day, at 09:00 local: its start is the range's start.
  const wholeDays = (timezone: string, from: string, to: string, stepMinutes = 60): string[] =>
    starts(
      options({
        window: { from: at(from), to: at(to) },
        durationMinutes: 480,
        stepMinutes,
        members: [member({ timezone, workingHours: everyDay(['09:00', '17:00']) })],
      }),
    );

  it('America/New_York: 09:00 is 13:00Z in EDT and 14:00Z in EST after 2026-11-01', () => {
    expect(wholeDays('America/New_York', '2026-10-30T00:00:00Z', '2026-11-04T00:00:00Z')).toEqual([
      '2026-10-30T13:00:00.000Z',
      '2026-10-31T13:00:00.000Z',
      '2026-11-01T14:00:00.000Z',
      '2026-11-02T14:00:00.000Z',
      '2026-11-03T14:00:00.000Z',
    ]);
  });

  it('Europe/London: 09:00 is 09:00Z in GMT and 08:00Z in BST from 2027-03-28', () => {
    expect(wholeDays('Europe/London', '2027-03-26T00:00:00Z', '2027-03-30T00:00:00Z')).toEqual([
      '2027-03-26T09:00:00.000Z',
      '2027-03-27T09:00:00.000Z',
      '2027-03-28T08:00:00.000Z',
      '2027-03-29T08:00:00.000Z',
    ]);
  });

  it('Pacific/Chatham: 09:00 is 19:15Z the day before at +13:45, 20:15Z at +12:45 from 2027-04-04', () => {
    expect(wholeDays('Pacific/Chatham', '2027-04-01T00:00:00Z', '2027-04-06T00:00:00Z', 15)).toEqual([
      '2027-04-01T19:15:00.000Z', // Friday 2 April, local
      '2027-04-02T19:15:00.000Z',
      '2027-04-03T20:15:00.000Z', // Sunday 4 April: the change was at 03:45 that morning
      '2027-04-04T20:15:00.000Z',
    ]);
  });

  it('counts the repeated hour: 00:00–03:00 on 2026-11-01 in New York lasts four real hours', () => {
    const search = options({
      window: { from: at('2026-11-01T00:00:00Z'), to: at('2026-11-02T00:00:00Z') },
      durationMinutes: 240,
      stepMinutes: 60,
      members: [member({ timezone: 'America/New_York', workingHours: everyDay(['00:00', '03:00']) })],
    });
    expect(starts(search)).toEqual(['2026-11-01T04:00:00.000Z']);
  });

  it('maps a time skipped by the gap forward: 02:30–04:00 on 2026-03-08 in New York is 03:30–04:00 EDT', () => {
    const search = options({
      window: { from: at('2026-03-08T00:00:00Z'), to: at('2026-03-09T00:00:00Z') },
      durationMinutes: 30,
      stepMinutes: 30,
      members: [member({ timezone: 'America/New_York', workingHours: everyDay(['02:30', '04:00']) })],
    });
    expect(starts(search)).toEqual(['2026-03-08T07:30:00.000Z']);
  });

  it('takes the earlier occurrence of a repeated time: 01:30–02:00 on 2026-11-01 starts at 01:30 EDT', () => {
    const search = options({
      window: { from: at('2026-11-01T00:00:00Z'), to: at('2026-11-02T00:00:00Z') },
      durationMinutes: 90,
      stepMinutes: 30,
      members: [member({ timezone: 'America/New_York', workingHours: everyDay(['01:30', '02:00']) })],
    });
    // 01:30 EDT is 05:30Z; 02:00 exists once, in EST, at 07:00Z: one 90-minute slot.
    expect(starts(search)).toEqual(['2026-11-01T05:30:00.000Z']);
  });

  it('lets "24:00" end a day without joining it to the next day\'s range', () => {
    const search = (durationMinutes: number): FindSlotsOptions =>
      options({
        window: { from: at('2026-12-07T00:00:00Z'), to: at('2026-12-09T00:00:00Z') },
        durationMinutes,
        stepMinutes: 60,
        members: [member({ workingHours: everyDay(['00:00', '01:00'], ['23:00', '24:00']) })],
      });
    expect(starts(search(60))).toEqual([
      '2026-12-07T00:00:00.000Z',
      '2026-12-07T23:00:00.000Z',
      '2026-12-08T00:00:00.000Z',
      '2026-12-08T23:00:00.000Z',
    ]);
    expect(starts(search(120))).toEqual([]);
  });

  it('does not depend on the host time zone', () => {
    // The whole file runs under several TZ values (npm test); this pins one instant regardless.
    expect(wholeDays('Asia/Kolkata', '2026-12-07T00:00:00Z', '2026-12-08T00:00:00Z', 30)).toEqual([
      '2026-12-07T03:30:00.000Z',
    ]);
  });
});

describe('findSlots: busy blocks and buffers', () => {
  const quarterHours = (overrides: Partial<SlotSearchMember>): string[] =>
    starts(options({ durationMinutes: 30, stepMinutes: 15, members: [member(overrides)] }));

  it('keeps the buffer free before and after a busy block', () => {
    const busy = [{ start: at('2026-12-07T10:00:00Z'), end: at('2026-12-07T11:00:00Z') }];
    expect(quarterHours({ busy, bufferMinutes: 15 })).toEqual([
      '2026-12-07T09:00:00.000Z',
      '2026-12-07T09:15:00.000Z',
      '2026-12-07T11:15:00.000Z',
      '2026-12-07T11:30:00.000Z',
    ]);
  });

  it('lets a slot end where a busy block starts and start where it ends', () => {
    const busy = [{ start: at('2026-12-07T10:00:00Z'), end: at('2026-12-07T11:00:00Z') }];
    expect(quarterHours({ busy })).toEqual([
      '2026-12-07T09:00:00.000Z',
      '2026-12-07T09:15:00.000Z',
      '2026-12-07T09:30:00.000Z',
      '2026-12-07T11:00:00.000Z',
      '2026-12-07T11:15:00.000Z',
      '2026-12-07T11:30:00.000Z',
    ]);
  });

  it('handles unsorted, overlapping and nested blocks and ignores empty or inverted ones', () => {
    const busy = [
      { start: at('2026-12-07T10:30:00Z'), end: at('2026-12-07T11:00:00Z') },
      { start: at('2026-12-07T09:30:00Z'), end: at('2026-12-07T10:15:00Z') },
      { start: at('2026-12-07T10:00:00Z'), end: at('2026-12-07T10:45:00Z') },
      { start: at('2026-12-07T10:05:00Z'), end: at('2026-12-07T10:10:00Z') },
      { start: at('2026-12-07T11:40:00Z'), end: at('2026-12-07T11:40:00Z') },
      { start: at('2026-12-07T11:50:00Z'), end: at('2026-12-07T11:20:00Z') },
    ];
    expect(quarterHours({ busy })).toEqual([
      '2026-12-07T09:00:00.000Z',
      '2026-12-07T11:00:00.000Z',
      '2026-12-07T11:15:00.000Z',
      '2026-12-07T11:30:00.000Z',
    ]);
  });

  it('widens blocks outside the window into it by the buffer', () => {
    const busy = [{ start: at('2026-12-06T22:00:00Z'), end: at('2026-12-07T00:00:00Z') }];
    const search = options({
      durationMinutes: 60,
      stepMinutes: 60,
      members: [member({ busy, bufferMinutes: 60, workingHours: everyDay(['00:00', '03:00']) })],
    });
    expect(starts(search)).toEqual(['2026-12-07T01:00:00.000Z', '2026-12-07T02:00:00.000Z']);
  });
});

describe('findSlots: window and grid', () => {
  it('includes a slot that starts at window.from and one that ends exactly at window.to', () => {
    const search = options({ window: { from: at('2026-12-07T09:00:00Z'), to: at('2026-12-07T11:00:00Z') } });
    expect(starts(search)).toEqual(['2026-12-07T09:00:00.000Z', '2026-12-07T09:30:00.000Z', '2026-12-07T10:00:00.000Z']);
  });

  it('anchors the grid at window.from, not at the hour', () => {
    const search = options({ window: { from: at('2026-12-07T08:50:00Z'), to: at('2026-12-07T12:00:00Z') } });
    expect(starts(search)).toEqual(['2026-12-07T09:20:00.000Z', '2026-12-07T09:50:00.000Z', '2026-12-07T10:20:00.000Z', '2026-12-07T10:50:00.000Z']);
  });

  it('returns nothing for a window shorter than the duration, or with no members', () => {
    expect(findSlots(options({ window: { from: at('2026-12-07T09:00:00Z'), to: at('2026-12-07T09:59:00Z') } }))).toEqual([]);
    expect(findSlots(options({ members: [] }))).toEqual([]);
    expect(findSlots(options({ mode: 'any', members: [] }))).toEqual([]);
  });

  it('keeps a slot inside one working-hours range: no slot across 12:00 between 09–12 and 12–17', () => {
    const search = options({
      stepMinutes: 60,
      window: { from: at('2026-12-07T10:30:00Z'), to: at('2026-12-07T15:00:00Z') },
      members: [member({ workingHours: everyDay(['09:00', '12:00'], ['12:00', '17:00']) })],
    });
    expect(starts(search)).toEqual(['2026-12-07T10:30:00.000Z', '2026-12-07T12:30:00.000Z', '2026-12-07T13:30:00.000Z']);
  });

  it('reads weekdays in the member zone: Monday 09:00 in Kolkata is Monday 03:30Z, Sunday has no hours', () => {
    const search = options({
      window: { from: at('2026-12-06T00:00:00Z'), to: at('2026-12-08T00:00:00Z') },
      durationMinutes: 60,
      members: [member({ timezone: 'Pacific/Kiritimati', workingHours: weekdays(['09:00', '10:00']) })],
    });
    // Kiritimati is UTC+14: Monday 2026-12-07 09:00 local is Sunday 2026-12-06 19:00Z.
    expect(starts(search)).toEqual(['2026-12-06T19:00:00.000Z', '2026-12-07T19:00:00.000Z']);
  });
});

describe('findSlots: panels and pools', () => {
  const alice = member({ id: 'alice', workingHours: everyDay(['09:00', '11:00']) });
  const bob = member({ id: 'bob', workingHours: everyDay(['10:00', '12:00']) });
  // 11:00–12:00 in Berlin is 10:00–11:00Z in December.
  const carol = member({ id: 'carol', timezone: 'Europe/Berlin', workingHours: everyDay(['11:00', '12:00']) });
  const dave = member({ id: 'dave', workingHours: everyDay(['11:00', '13:00']) });

  it('mode "all" keeps the times every member is free and lists no members', () => {
    const slots = findSlots(options({ members: [alice, bob, carol] }));
    expect(slots).toEqual([{ start: at('2026-12-07T10:00:00Z'), end: at('2026-12-07T11:00:00Z') }]);
  });

  it('mode "all" with members who never overlap returns nothing', () => {
    expect(findSlots(options({ members: [alice, dave] }))).toEqual([]);
  });

  it('mode "any" lists the free members of each slot in the order given', () => {
    const slots = findSlots(options({ mode: 'any', members: [bob, carol, alice] }));
    expect(slots.map((slot) => [iso(slot.start), slot.memberIds])).toEqual([
      ['2026-12-07T09:00:00.000Z', ['alice']],
      ['2026-12-07T09:30:00.000Z', ['alice']],
      ['2026-12-07T10:00:00.000Z', ['bob', 'carol', 'alice']],
      ['2026-12-07T10:30:00.000Z', ['bob']],
      ['2026-12-07T11:00:00.000Z', ['bob']],
    ]);
  });
});

describe('findSlots: validation', () => {
  const codeOf = (run: () => unknown): string | undefined => {
    try {
      run();
    } catch (error) {
      return isDomainError(error) ? error.code : 'not a DomainError';
    }
    return undefined;
  };

  it('rejects a non-positive duration or step, a negative buffer, bad times and unknown zones', () => {
    expect(codeOf(() => findSlots(options({ durationMinutes: 0 })))).toBe('VALIDATION');
    expect(codeOf(() => findSlots(options({ stepMinutes: -5 })))).toBe('VALIDATION');
    expect(codeOf(() => findSlots(options({ members: [member({ bufferMinutes: -1 })] })))).toBe('VALIDATION');
    expect(codeOf(() => findSlots(options({ members: [member({ workingHours: everyDay(['9am', '17:00']) })] })))).toBe('VALIDATION');
    expect(codeOf(() => findSlots(options({ members: [member({ workingHours: everyDay(['09:00', '24:30']) })] })))).toBe('VALIDATION');
    expect(codeOf(() => findSlots(options({ members: [member({ timezone: 'Mars/Olympus_Mons' })] })))).toBe('VALIDATION');
    expect(codeOf(() => findSlots(options({ window: { from: Number.NaN, to: 0 } })))).toBe('VALIDATION');
  });
});
