import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorkingHours } from '../types.ts';
import { findSlots } from './find-slots.ts';
import type { FindSlotsOptions, SlotMode, SlotSearchMember } from './slot-types.ts';
import { bruteForceSlots } from './test/brute-force-slots.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

// Zones with ordinary DST, half-hour and 45-minute offsets, a 30-minute DST (Lord Howe), changes at
// local midnight (Santiago, Havana, Beirut), Ramadan changes (Casablanca), negative DST (Dublin).
const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/London',
  'Pacific/Chatham',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'America/Santiago',
  'America/Havana',
  'Asia/Beirut',
  'Africa/Casablanca',
  'Europe/Dublin',
  'America/St_Johns',
];

// DST changes in 2026–2027 of the zones above, so that windows often straddle one.
const CHANGE_DATES = [
  '2026-02-15', '2026-03-08', '2026-03-15', '2026-03-29', '2026-04-05', '2026-09-06', '2026-09-27',
  '2026-10-04', '2026-10-25', '2026-11-01', '2027-03-14', '2027-03-28', '2027-04-04',
].map((date) => Date.parse(`${date}T00:00:00Z`));

// Times near DST changes (01:00–03:45) and ordinary ones; "24:00" ends a day.
const CLOCK_TIMES = [
  '00:00', '00:30', '01:00', '01:30', '02:00', '02:15', '02:30', '02:45', '03:00', '03:30', '03:45',
  '08:00', '09:00', '12:00', '12:30', '17:00', '22:00', '23:30', '24:00',
];

const clockTime = fc.oneof(
  fc.constantFrom(...CLOCK_TIMES),
  fc.integer({ min: 0, max: 1440 }).map((minutes) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`),
);
// Long days are frequent so that panels of several members still share slots; most still start or end
// near a DST change.
const LONG_DAYS: Array<Array<[string, string]>> = [
  [['00:00', '24:00']],
  [['00:30', '06:00'], ['06:00', '23:00']],
  [['01:30', '22:00']],
  [['02:30', '18:00']],
  [['03:00', '24:00']],
];
const dayHours = fc.oneof(
  fc.constantFrom(...LONG_DAYS),
  fc.array(fc.tuple(clockTime, clockTime), { maxLength: 2 }) as fc.Arbitrary<Array<[string, string]>>,
);
const workingHours: fc.Arbitrary<WorkingHours> = fc.record({
  mon: dayHours, tue: dayHours, wed: dayHours, thu: dayHours, fri: dayHours, sat: dayHours, sun: dayHours,
});

const windowArb = fc
  .record({
    anchor: fc.oneof(fc.constantFrom(...CHANGE_DATES), fc.integer({ min: 0, max: 730 }).map((day) => Date.UTC(2026, 0, 1) + day * DAY_MS)),
    shiftMinutes: fc.integer({ min: -2 * 1440, max: 1440 }),
    lengthMinutes: fc.integer({ min: 0, max: 4 * 1440 }),
  })
  .map(({ anchor, shiftMinutes, lengthMinutes }) => {
    const from = anchor + shiftMinutes * MINUTE_MS;
    return { from, to: from + lengthMinutes * MINUTE_MS };
  });

function memberArb(id: string, window: { from: number; to: number }): fc.Arbitrary<SlotSearchMember> {
  const span = Math.round((window.to - window.from) / MINUTE_MS);
  const busyBlock = fc
    .record({ offset: fc.integer({ min: -720, max: span + 720 }), length: fc.integer({ min: 0, max: 300 }) })
    .map(({ offset, length }) => {
      const start = window.from + offset * MINUTE_MS;
      return { start, end: start + length * MINUTE_MS };
    });
  return fc.record({
    id: fc.constant(id),
    timezone: fc.constantFrom(...ZONES),
    workingHours,
    busy: fc.array(busyBlock, { maxLength: 8 }),
    bufferMinutes: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  });
}

function optionsArb(mode: SlotMode): fc.Arbitrary<FindSlotsOptions> {
  return windowArb.chain((window) =>
    fc.record({
      window: fc.constant(window),
      durationMinutes: fc.oneof(fc.constantFrom(15, 30, 45, 60, 90), fc.integer({ min: 1, max: 120 })),
      stepMinutes: fc.oneof(fc.constantFrom(15, 30, 60), fc.integer({ min: 5, max: 90 })),
      mode: fc.constant(mode),
      members: fc.integer({ min: 1, max: mode === 'all' ? 3 : 5 }).chain((count) =>
        fc.tuple(...Array.from({ length: count }, (_, index) => memberArb(`m${index}`, window))),
      ),
    }),
  );
}

describe('findSlots against a minute-by-minute oracle', () => {
  for (const mode of ['all', 'any'] as const) {
    it(`agrees in mode "${mode}"`, () => {
      fc.assert(
        fc.property(optionsArb(mode), (options) => {
          expect(findSlots(options)).toEqual(bruteForceSlots(options));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('agrees for members sharing a zone with plain office hours, where slots are plentiful', () => {
    const office: WorkingHours = {
      mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']],
      thu: [['09:00', '17:00']], fri: [['09:00', '12:00'], ['13:00', '17:00']], sat: [], sun: [],
    };
    const arb = optionsArb('any').map((options) => ({
      ...options,
      members: options.members.map((member) => ({ ...member, workingHours: office })),
    }));
    fc.assert(
      fc.property(arb, (options) => {
        expect(findSlots(options)).toEqual(bruteForceSlots(options));
      }),
      { numRuns: 100 },
    );
  });
});
