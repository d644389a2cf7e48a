import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, formatInZone, isValidTimeZone, zonedToInstant } from './zoned-time.ts';

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
