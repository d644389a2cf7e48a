import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, formatInZone, isValidTimeZone, wallClockAt, zonedToInstant } from './zoned-time.ts';

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
    expect(formatInZone(new Date('2026-12-01T09:00:00.999Z'), 'UTC')).toBe('2026-12-01T09:00:00+00:00');
    expect(formatInZone(new Date('2026-12-01T09:00:00Z'), 'Pacific/Chatham')).toBe('2026-12-01T22:45:00+13:45');
  });

  it('writes what Temporal writes, for any instant in any zone, old local mean times included', () => {
    const zones = ['UTC', 'America/New_York', 'Europe/Amsterdam', 'Asia/Kolkata', 'Pacific/Chatham', 'Australia/Lord_Howe', 'America/St_Johns', 'Africa/Monrovia', 'America/Sao_Paulo'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1890, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...zones), (epochMs, zone) => {
        const byTemporal = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone).toString({ timeZoneName: 'never', smallestUnit: 'second' });
        expect(formatInZone(new Date(epochMs), zone)).toBe(byTemporal);
      }),
      { numRuns: 3_000 },
    );
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA names and rejects others', () => {
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('canonicalTimeZone', () => {
  it('restores the IANA spelling of a name given in any case', () => {
    expect(canonicalTimeZone('america/new_york')).toBe('America/New_York');
    expect(canonicalTimeZone('AMERICA/NEW_YORK')).toBe('America/New_York');
    expect(canonicalTimeZone('europe/london')).toBe('Europe/London');
    expect(canonicalTimeZone('asia/kolkata')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('pacific/chatham')).toBe('Pacific/Chatham');
    expect(canonicalTimeZone('america/port-au-prince')).toBe('America/Port-au-Prince');
    expect(canonicalTimeZone('africa/dar_es_salaam')).toBe('Africa/Dar_es_Salaam');
    expect(canonicalTimeZone('antarctica/dumontdurville')).toBe('Antarctica/DumontDUrville');
    expect(canonicalTimeZone('america/argentina/buenos_aires')).toBe('America/Argentina/Buenos_Aires');
    expect(canonicalTimeZone('etc/gmt+5')).toBe('Etc/GMT+5');
    expect(canonicalTimeZone('utc')).toBe('UTC');
  });

  it('keeps the name the client chose instead of swapping in another name of the same zone', () => {
    expect(canonicalTimeZone('Asia/Calcutta')).toBe('Asia/Calcutta');
    expect(canonicalTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('us/eastern')).toBe('US/Eastern');
    expect(canonicalTimeZone('Etc/UTC')).toBe('Etc/UTC');
    expect(canonicalTimeZone('Europe/Kyiv')).toBe('Europe/Kyiv');
  });

  it('gives every zone the runtime lists back unchanged, and from its lower-case form', () => {
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      expect(canonicalTimeZone(zone)).toBe(zone);
      expect(canonicalTimeZone(zone.toLowerCase())).toBe(zone);
    }
  });

  it('answers null for names that are no IANA zone', () => {
    for (const name of ['', ' ', 'Mars/Olympus', '+01:00', 'Z', 'America/New_York\u0000', 'x'.repeat(65), 'America//New_York']) {
      expect(canonicalTimeZone(name)).toBeNull();
    }
  });
});

describe('wallClockAt', () => {
  const zones = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Pacific/Chatham', 'Australia/Lord_Howe', 'America/St_Johns', 'Pacific/Kiritimati', 'America/Santiago'];

  it('reads the local day, weekday and minute of an instant as Temporal does, in every zone and across DST changes', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2032, 0, 1) }), fc.constantFrom(...zones), (epochMs, zone) => {
        const zoned = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone);
        const clock = wallClockAt(new Date(epochMs), zone);
        expect(clock.weekday).toBe(zoned.dayOfWeek - 1);
        expect(clock.minutes).toBe(zoned.hour * 60 + zoned.minute);
        expect(clock.day).toBe(zoned.toPlainDate().since('1970-01-01').days);
      }),
      { numRuns: 2_000 },
    );
  });

  it('turns at the instant a DST change takes effect', () => {
    // New York falls back at 06:00 UTC on 2026-11-01: 01:59 EDT, then 01:00 EST.
    expect(wallClockAt(new Date('2026-11-01T05:59:00Z'), 'America/New_York').minutes).toBe(60 + 59);
    expect(wallClockAt(new Date('2026-11-01T06:00:00Z'), 'America/New_York').minutes).toBe(60);
    // Lord Howe moves by half an hour.
    expect(wallClockAt(new Date('2026-10-03T15:29:00Z'), 'Australia/Lord_Howe').minutes).toBe(1 * 60 + 59);
    expect(wallClockAt(new Date('2026-10-03T15:30:00Z'), 'Australia/Lord_Howe').minutes).toBe(2 * 60 + 30);
  });

  it('counts days and weekdays before 1970 too', () => {
    expect(wallClockAt(new Date('1969-12-31T23:00:00Z'), 'UTC')).toEqual({ day: -1, weekday: 2, minutes: 23 * 60 });
  });
});
