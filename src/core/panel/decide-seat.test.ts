import { describe, expect, it } from 'vitest';
import type { DecisionContext } from '../decisions/decide.ts';
import { isDomainError } from '../errors.ts';
import { decideSeatDecline, nearestTimes, panelAfter } from './decide-seat.ts';
import type { SeatSnapshot } from './decide-seat.ts';

const interview: SeatSnapshot = {
  status: 'scheduled',
  start: new Date('2026-12-10T15:00:00Z'),
  end: new Date('2026-12-10T16:00:00Z'),
  sequence: 2,
  panel: ['m1', 'm2'],
  candidatePartstat: 'needs-action',
};
const ctx = (iso: string): DecisionContext => ({ now: new Date(iso), policy: { ampleHours: 48, adequateHours: 24 }, contactPhone: null });
const WEEK_BEFORE = ctx('2026-12-03T12:00:00Z');
const HOURS_BEFORE = ctx('2026-12-10T05:00:00Z');
const proposal = { start: new Date('2026-12-11T15:00:00Z'), end: new Date('2026-12-11T16:00:00Z'), standIn: 'm3' };
const base = { memberId: 'm2', replacement: null, proposals: [], replacementsSoFar: 0, replaceHours: 24, standInsExist: true };

describe('decideSeatDecline', () => {
  it('a stand-in takes only that seat: same time, sequence raised', () => {
    const change = decideSeatDecline(interview, { ...base, replacement: 'm3' }, WEEK_BEFORE);
    expect(change.kind).toBe('panel_replaced');
    expect(change.after).toEqual({ ...change.before, sequence: 3 });
    expect(change.seat).toEqual({ declined: 'm2', replacement: 'm3', proposals: [], handedOver: null, note: null });
    expect(panelAfter(interview.panel, change)).toEqual(['m1', 'm3']);
  });

  it('close to the start a stand-in still takes the seat; without one the coordinator does', () => {
    expect(decideSeatDecline(interview, { ...base, replacement: 'm3' }, HOURS_BEFORE).kind).toBe('panel_replaced');
    const change = decideSeatDecline(interview, { ...base, proposals: [proposal] }, HOURS_BEFORE);
    expect(change.kind).toBe('panel_declined');
    expect(change.seat?.handedOver).toBe('too_close');
    expect(change.seat?.proposals).toEqual([]);
    expect(change.after).toEqual(change.before);
  });

  it('after three replacements the coordinator takes over, stand-in or not', () => {
    const change = decideSeatDecline(interview, { ...base, replacement: 'm3', replacementsSoFar: 3 }, WEEK_BEFORE);
    expect(change.kind).toBe('panel_declined');
    expect(change.seat?.handedOver).toBe('too_many_replacements');
  });

  it('with nobody free, proposes times; with no time either, hands over', () => {
    expect(decideSeatDecline(interview, { ...base, proposals: [proposal] }, WEEK_BEFORE).seat).toEqual({ declined: 'm2', replacement: null, proposals: [proposal], handedOver: null, note: null });
    expect(decideSeatDecline(interview, base, WEEK_BEFORE).seat?.handedOver).toBe('no_time');
  });

  it('says nobody may stand in when no colleague shares a pool with the decliner, close to the start or not, and keeps their note', () => {
    for (const when of [WEEK_BEFORE, HOURS_BEFORE]) {
      const change = decideSeatDecline(interview, { ...base, standInsExist: false, note: '  Jury duty.  ' }, when);
      expect(change.seat).toMatchObject({ handedOver: 'no_stand_in', proposals: [], note: 'Jury duty.' });
    }
    // Too many replacements already is still the reason given first.
    expect(decideSeatDecline(interview, { ...base, standInsExist: false, replacementsSoFar: 3 }, WEEK_BEFORE).seat?.handedOver).toBe('too_many_replacements');
  });

  it('refuses a member not on the panel, an interview not scheduled, and after the start', () => {
    const codes = [
      () => decideSeatDecline(interview, { ...base, memberId: 'm9' }, WEEK_BEFORE),
      () => decideSeatDecline({ ...interview, status: 'cancelled' }, base, WEEK_BEFORE),
      () => decideSeatDecline(interview, base, ctx('2026-12-10T15:00:00Z')),
      () => decideSeatDecline(interview, { ...base, replacement: 'm1' }, WEEK_BEFORE),
    ].map((run) => {
      try {
        run();
        return 'none';
      } catch (error) {
        return isDomainError(error) ? error.code : 'other';
      }
    });
    expect(codes).toEqual(['NOT_FOUND', 'INVALID_STATE', 'AFTER_START', 'CONFLICT']);
  });
});

describe('nearestTimes', () => {
  it('keeps the three starts nearest the original on either side, one per start, in time order', () => {
    const t = (h: number, standIn = 'a') => ({ start: new Date(Date.UTC(2026, 11, 10, h)), end: new Date(Date.UTC(2026, 11, 10, h + 1)), standIn });
    const picked = nearestTimes([t(3), t(20), t(14, 'b'), t(14, 'c'), t(17), t(9)], new Date(Date.UTC(2026, 11, 10, 15)));
    expect(picked.map((p) => [p.start.getUTCHours(), p.standIn])).toEqual([[14, 'b'], [17, 'a'], [20, 'a']]);
  });
});
