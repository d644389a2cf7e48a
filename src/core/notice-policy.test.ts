import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyNotice, employerNotice, noticeGiven } from './notice-policy.ts';
import { DEFAULT_NOTICE_POLICY } from './types.ts';
import { zonedToInstant } from './zoned-time.ts';

const HOUR = 3_600_000;
const start = new Date('2026-12-10T15:00:00Z');
const before = (ms: number) => new Date(start.getTime() - ms);

describe('classifyNotice', () => {
  it.each([
    [48 * HOUR, 'ample'],
    [48 * HOUR - 1, 'adequate'],
    [24 * HOUR, 'adequate'],
    [24 * HOUR - 1, 'late'],
    [1, 'late'],
    [0, 'missed'],
    [-HOUR, 'missed'],
  ])('%d ms before the start is %s', (ms, expected) => {
    expect(classifyNotice({ at: before(ms), start }).class).toBe(expected);
  });

  it('uses the organization thresholds', () => {
    const policy = { ampleHours: 72, adequateHours: 12 };
    expect(classifyNotice({ at: before(60 * HOUR), start, policy }).class).toBe('adequate');
    expect(classifyNotice({ at: before(13 * HOUR), start, policy }).class).toBe('adequate');
    expect(classifyNotice({ at: before(11 * HOUR), start, policy }).class).toBe('late');
    expect(classifyNotice({ at: before(72 * HOUR), start, policy }).class).toBe('ample');
  });

  it('advises a call with the number when late, email otherwise', () => {
    const late = classifyNotice({ at: before(3 * HOUR), start, contactPhone: '+1 555 0100' });
    expect(late.advice).toMatchObject({ channel: 'phone', phone: '+1 555 0100' });
    const ample = classifyNotice({ at: before(72 * HOUR), start, contactPhone: '+1 555 0100' });
    expect(ample.advice.channel).toBe('email');
    expect(ample.advice.phone).toBeUndefined();
    expect(classifyNotice({ at: before(-HOUR), start, contactPhone: '+15550100' }).advice.channel).toBe('phone');
  });

  it('never says "call" when there is no number to call', () => {
    for (const ms of [3 * HOUR, -HOUR]) {
      const advice = classifyNotice({ at: before(ms), start }).advice;
      expect(advice.channel).toBe('email');
      expect(advice.phone).toBeUndefined();
      expect(advice.text).not.toMatch(/\bcall/i);
    }
  });

  it('builds late advice from the policy, not from "a day"', () => {
    const lax = classifyNotice({ at: before(27 * HOUR), start, policy: { ampleHours: 72, adequateHours: 48 }, contactPhone: '+15550100' });
    expect(lax.class).toBe('late');
    expect(lax.advice.text).toContain('only 27 hours away, less than the 48 hours');
    expect(lax.advice.text).not.toMatch(/a day/);
    const strict = classifyNotice({ at: before(245 * HOUR), start, policy: { ampleHours: 300, adequateHours: 250 } });
    expect(strict.class).toBe('late');
    expect(strict.advice.text).toContain('only 10 days away, less than the 250 hours');
    const usual = classifyNotice({ at: before(20 * HOUR), start });
    expect(usual.advice.text).toContain('only 20 hours away, less than the 24 hours');
  });

  it('reports signed hours until the start', () => {
    expect(classifyNotice({ at: before(90 * 60_000), start }).hoursUntilStart).toBe(1.5);
    expect(classifyNotice({ at: before(-30 * 60_000), start }).hoursUntilStart).toBe(-0.5);
  });
});

describe('classifyNotice across DST changes', () => {
  it('New York fall back (2026-11-01): 09:30 Sat to 09:00 Mon local is 48.5 real hours, ample', () => {
    const at = zonedToInstant('2026-10-31T09:30', 'America/New_York');
    const interview = zonedToInstant('2026-11-02T09:00', 'America/New_York');
    const decision = classifyNotice({ at, start: interview });
    expect(decision.hoursUntilStart).toBe(48.5);
    expect(decision.class).toBe('ample');
  });

  it('New York fall back: 10:00 Sat to 09:00 Mon local is 48 real hours, exactly ample', () => {
    const at = zonedToInstant('2026-10-31T10:00', 'America/New_York');
    const interview = zonedToInstant('2026-11-02T09:00', 'America/New_York');
    expect(classifyNotice({ at, start: interview })).toMatchObject({ hoursUntilStart: 48, class: 'ample' });
  });

  it('New York fall back: the same wall-clock hour a day earlier is 25 real hours, adequate', () => {
    const at = zonedToInstant('2026-10-31T09:00', 'America/New_York');
    const interview = zonedToInstant('2026-11-01T09:00', 'America/New_York');
    expect(classifyNotice({ at, start: interview })).toMatchObject({ hoursUntilStart: 25, class: 'adequate' });
  });

  it('London spring forward (2027-03-28): 10:00 Sat to 09:30 Mon local is only 46.5 real hours, adequate', () => {
    const at = zonedToInstant('2027-03-27T10:00', 'Europe/London');
    const interview = zonedToInstant('2027-03-29T09:30', 'Europe/London');
    expect(classifyNotice({ at, start: interview })).toMatchObject({ hoursUntilStart: 46.5, class: 'adequate' });
  });

  it('London spring forward: 09:00 Sat to 09:00 Sun local is 23 real hours, late', () => {
    const at = zonedToInstant('2027-03-27T09:00', 'Europe/London');
    const interview = zonedToInstant('2027-03-28T09:00', 'Europe/London');
    expect(classifyNotice({ at, start: interview })).toMatchObject({ hoursUntilStart: 23, class: 'late' });
  });
});

describe('employerNotice', () => {
  const at = new Date('2026-12-01T12:00:00Z');
  const hoursLater = (hours: number) => new Date(at.getTime() + hours * 3_600_000);
  const ada = { name: 'Ada Lovelace', phone: '+15550100' };

  it('says an email is enough with ample notice, and to call first with late notice when there is a number', () => {
    expect(employerNotice({ at, start: hoursLater(72), candidate: ada })).toMatchObject({
      class: 'ample',
      callFirst: false,
      phone: null,
      text: 'Ada Lovelace gets 3 days of notice, at least the 48 hours this organization asks for: the email is enough.',
    });
    expect(employerNotice({ at, start: hoursLater(9.5), candidate: ada })).toMatchObject({
      class: 'late',
      callFirst: true,
      phone: '+15550100',
      text: 'Ada Lovelace gets only 9 hours of notice, less than the 24 hours this organization asks for: call them at +15550100 first, then send this.',
    });
  });

  it('never advises a call without a number to call, and counts by the organization’s own thresholds', () => {
    const late = employerNotice({ at, start: hoursLater(30), policy: { ampleHours: 72, adequateHours: 36 }, candidate: { name: 'Bo', phone: null } });
    expect(late).toMatchObject({ class: 'late', callFirst: false, phone: null });
    expect(late.text).toContain('less than the 36 hours');
    expect(late.text).toContain('No phone number is on file');
  });

  it('agrees with classifyNotice for every start and policy, and calls only when late and a number is known', () => {
    fc.assert(
      fc.property(fc.integer({ min: -48 * 60, max: 14 * 24 * 60 }), fc.integer({ min: 1, max: 96 }), fc.integer({ min: 0, max: 96 }), fc.boolean(), (minutes, adequate, extra, hasPhone) => {
        const start = new Date(at.getTime() + minutes * 60_000);
        const policy = { adequateHours: adequate, ampleHours: adequate + extra };
        const told = employerNotice({ at, start, policy, candidate: { name: 'C', phone: hasPhone ? '+15550199' : null } });
        const classified = classifyNotice({ at, start, policy });
        expect(told.class).toBe(classified.class);
        expect(told.hoursUntilStart).toBe(classified.hoursUntilStart);
        expect(told.callFirst).toBe(hasPhone && (told.class === 'late' || told.class === 'missed'));
        expect(told.text.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('noticeGiven', () => {
  const start = new Date('2026-12-10T15:00:00Z');
  const given = (hoursBefore: number, phone: string | null) =>
    noticeGiven(classifyNotice({ at: new Date(start.getTime() - hoursBefore * 3_600_000), start, contactPhone: phone }), DEFAULT_NOTICE_POLICY, phone);

  it('tells the notice as given, keeping its class and hours, and never asks again for the written notice', () => {
    for (const hours of [-1, 3, 30, 100]) {
      for (const phone of ['+15550100', null]) {
        const before = classifyNotice({ at: new Date(start.getTime() - hours * 3_600_000), start, contactPhone: phone });
        const after = given(hours, phone);
        expect(after.class).toBe(before.class);
        expect(after.hoursUntilStart).toBe(before.hoursUntilStart);
        expect(after.advice.text).not.toMatch(/send (the|your) written notice/);
      }
    }
  });

  it('still suggests a call at short notice or after the start, when there is a number', () => {
    expect(given(3, '+15550100').advice).toEqual({
      channel: 'phone',
      phone: '+15550100',
      text: 'You gave only 3 hours of notice, less than the 24 hours this organization asks for: if you have not called +15550100 yet, a quick call now helps.',
    });
    expect(given(3, null).advice).toEqual({ channel: 'email', text: 'You gave only 3 hours of notice, less than the 24 hours this organization asks for.' });
    expect(given(-1, '+15550100').advice.text).toBe('This was after the start: if you have not called +15550100 yet, a call to apologise helps.');
    expect(given(100, null).advice.text).toBe('You gave 4 days of notice, at least the 48 hours this organization asks for.');
    expect(given(30, null).advice.text).toBe('You gave 30 hours of notice, within what this organization asks for.');
  });
});
