import { describe, expect, it } from 'vitest';
import { findClockChanges, findZoneTransition } from './zone-transition.ts';

const at = (iso: string) => new Date(iso);

describe('findZoneTransition', () => {
  it('finds the autumn change in New York between now and the interview', () => {
    expect(findZoneTransition({ zone: 'America/New_York', from: at('2026-10-30T12:00:00Z'), to: at('2026-11-02T14:00:00Z') })).toEqual({
      zone: 'America/New_York',
      at: '2026-11-01T06:00:00.000Z',
      offsetBefore: '-04:00',
      offsetAfter: '-05:00',
    });
  });

  it('finds the autumn change in London', () => {
    expect(findZoneTransition({ zone: 'Europe/London', from: at('2026-10-20T00:00:00Z'), to: at('2026-10-27T09:00:00Z') })).toEqual({
      zone: 'Europe/London',
      at: '2026-10-25T01:00:00.000Z',
      offsetBefore: '+01:00',
      offsetAfter: '+00:00',
    });
  });

  it('finds the southern spring change in Sydney (clocks go forward in October)', () => {
    expect(findZoneTransition({ zone: 'Australia/Sydney', from: at('2026-09-30T00:00:00Z'), to: at('2026-10-06T00:00:00Z') })).toEqual({
      zone: 'Australia/Sydney',
      at: '2026-10-03T16:00:00.000Z',
      offsetBefore: '+10:00',
      offsetAfter: '+11:00',
    });
  });

  it('finds nothing in Kolkata, which keeps one offset all year', () => {
    expect(findZoneTransition({ zone: 'Asia/Kolkata', from: at('2026-01-01T00:00:00Z'), to: at('2026-12-31T00:00:00Z') })).toBeNull();
  });

  it('finds nothing when the change comes after the interview, or the window is empty', () => {
    expect(findZoneTransition({ zone: 'America/New_York', from: at('2026-10-20T12:00:00Z'), to: at('2026-10-31T14:00:00Z') })).toBeNull();
    expect(findZoneTransition({ zone: 'Europe/London', from: at('2026-10-27T00:00:00Z'), to: at('2026-10-20T00:00:00Z') })).toBeNull();
  });

  it('counts a change at the very start of the interview, not one at the moment of asking', () => {
    const change = at('2026-10-25T01:00:00Z');
    expect(findZoneTransition({ zone: 'Europe/London', from: at('2026-10-24T00:00:00Z'), to: change })?.at).toBe(change.toISOString());
    expect(findZoneTransition({ zone: 'Europe/London', from: change, to: at('2026-10-26T00:00:00Z') })).toBeNull();
  });

  it('does not depend on the host zone', () => {
    // The zone is an explicit input; the answer is the same whatever TZ the tests run under.
    const window = { from: at('2026-03-07T00:00:00Z'), to: at('2026-03-10T00:00:00Z') };
    expect(findZoneTransition({ zone: 'America/New_York', ...window })?.at).toBe('2026-03-08T07:00:00.000Z');
    expect(findZoneTransition({ zone: 'Europe/London', ...window })).toBeNull();
  });
});

describe('findClockChanges', () => {
  it("lists the candidate's and the organization's changes, once per zone", () => {
    const changes = findClockChanges({ zones: ['Europe/London', 'America/New_York', 'Europe/London'], from: at('2026-10-20T00:00:00Z'), to: at('2026-11-03T00:00:00Z') });
    expect(changes.map((c) => [c.zone, c.at])).toEqual([
      ['Europe/London', '2026-10-25T01:00:00.000Z'],
      ['America/New_York', '2026-11-01T06:00:00.000Z'],
    ]);
    expect(findClockChanges({ zones: ['Asia/Kolkata'], from: at('2026-10-20T00:00:00Z'), to: at('2026-11-03T00:00:00Z') })).toEqual([]);
  });
});
