import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { canExcuseNoShow, decideLateness, decideNoShowExcuse } from './decide-attendance.ts';

const start = new Date('2026-12-10T15:00:00Z');
const interview = { status: 'scheduled' as const, start, panel: ['m1', 'm2'] };
const code = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    return isDomainError(error) ? error.code : 'other';
  }
};

describe('decideLateness', () => {
  it('marks either side late once the interview has started', () => {
    expect(decideLateness(interview, { party: 'interviewer', memberId: 'm2', minutes: 12 }, new Date('2026-12-10T15:20:00Z'))).toMatchObject({ party: 'interviewer', memberId: 'm2', minutes: 12 });
    expect(decideLateness(interview, { party: 'candidate', minutes: 5 }, new Date('2026-12-10T15:20:00Z'))).toMatchObject({ party: 'candidate', memberId: null });
  });
  it('refuses before the start, outside the panel and for odd minutes', () => {
    expect(code(() => decideLateness(interview, { party: 'candidate', minutes: 5 }, new Date('2026-12-10T14:00:00Z')))).toBe('INVALID_STATE');
    expect(code(() => decideLateness(interview, { party: 'interviewer', memberId: 'x', minutes: 5 }, new Date('2026-12-10T15:20:00Z')))).toBe('VALIDATION');
    expect(code(() => decideLateness(interview, { party: 'candidate', minutes: 0 }, new Date('2026-12-10T15:20:00Z')))).toBe('VALIDATION');
    expect(code(() => decideLateness({ ...interview, status: 'cancelled' }, { party: 'candidate', minutes: 5 }, new Date('2026-12-10T15:20:00Z')))).toBe('INVALID_STATE');
  });
});

describe('no-show excuses', () => {
  const marked = [{ action: 'no_show', at: new Date('2026-12-10T15:30:00Z'), details: { party: 'candidate' } }];
  it('may be given within 48 hours of the mark, once, for an emergency', () => {
    expect(canExcuseNoShow(marked, new Date('2026-12-12T15:30:00Z'))).toBe(true);
    expect(canExcuseNoShow(marked, new Date('2026-12-12T15:31:00Z'))).toBe(false);
    expect(canExcuseNoShow([...marked, { action: 'no_show_excused', at: new Date('2026-12-11T09:00:00Z'), details: null }], new Date('2026-12-11T10:00:00Z'))).toBe(false);
    expect(canExcuseNoShow([{ ...marked[0]!, details: { party: 'interviewer' } }], new Date('2026-12-11T10:00:00Z'))).toBe(false);
    expect(code(() => decideNoShowExcuse({ status: 'no_show' }, marked, 'schedule_conflict', new Date('2026-12-11T10:00:00Z')))).toBe('VALIDATION');
    expect(decideNoShowExcuse({ status: 'no_show' }, marked, 'family_emergency', new Date('2026-12-11T10:00:00Z')).reason).toBe('family_emergency');
  });
});
