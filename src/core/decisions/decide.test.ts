import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { isReasonOf, REASONS } from '../reasons.ts';
import type { ReasonCode } from '../reasons.ts';
import { candidateActions } from './candidate-actions.ts';
import { decideBooking, decideCancellation, decideClosing, decideTimesRequest, decideWithdrawal } from './decide.ts';
import { candidateAnswerIn } from './interview-change.ts';
import type { InterviewChange } from './interview-change.ts';
import type { DecisionContext, InterviewSnapshot } from './decide.ts';

const scheduled: InterviewSnapshot = { status: 'scheduled', start: new Date('2026-12-10T15:00:00Z'), end: new Date('2026-12-10T16:00:00Z'), sequence: 0, durationMinutes: 60, candidatePartstat: 'accepted' };
const invited: InterviewSnapshot = { status: 'invited', start: null, end: null, sequence: 0, durationMinutes: 60, candidatePartstat: 'needs-action' };
const at = (iso: string, contactPhone: string | null = null): DecisionContext => ({ now: new Date(iso), policy: { ampleHours: 48, adequateHours: 24 }, contactPhone });

const REASON_CODES = Object.keys(REASONS) as ReasonCode[];

function refusal(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return isDomainError(error) ? error.code : 'not a domain error';
  }
}

describe('decideBooking', () => {
  it('books an invitation without touching the sequence calendars first see', () => {
    const change = decideBooking(invited, { by: 'candidate', start: new Date('2026-12-08T15:00:00Z') }, at('2026-12-01T12:00:00Z'))!;
    expect(change).toMatchObject({ kind: 'booked', by: 'candidate', reason: null, notice: null, after: { status: 'scheduled', sequence: 0 } });
  });

  it('moves with the notice of the old time, a raised sequence, and only a reason that was given', () => {
    const change = decideBooking(scheduled, { by: 'employer', start: new Date('2026-12-11T15:00:00Z') }, at('2026-12-09T15:00:00Z'))!;
    expect(change).toMatchObject({ kind: 'moved', reason: null, notice: { class: 'adequate', hoursUntilStart: 24 }, after: { sequence: 1 } });
  });

  it('treats a move to the same time as no change', () => {
    expect(decideBooking(scheduled, { by: 'candidate', start: scheduled.start! }, at('2026-12-01T12:00:00Z'))).toBeNull();
  });

  it('refuses a time in the past and a move after the start', () => {
    expect(refusal(() => decideBooking(invited, { by: 'employer', start: new Date('2026-11-30T12:00:00Z') }, at('2026-12-01T12:00:00Z')))).toBe('VALIDATION');
    expect(refusal(() => decideBooking(scheduled, { by: 'employer', start: new Date('2026-12-12T12:00:00Z') }, at('2026-12-10T15:10:00Z')))).toBe('AFTER_START');
  });

  it('refuses a move whose reason leaves nothing to move, and takes every other reason of the table', () => {
    const now = at('2026-12-01T12:00:00Z');
    const start = new Date('2026-12-11T15:00:00Z');
    for (const reason of REASON_CODES) {
      const by = isReasonOf('candidate', reason) ? 'candidate' : 'employer';
      const outcome = refusal(() => decideBooking(scheduled, { by, start, reason }, now));
      expect(outcome, reason).toBe(REASONS[reason].leavesProcess || REASONS[reason].endsOpening ? 'VALIDATION' : null);
    }
    // Booking an invitation states no reason, so none is refused there.
    expect(refusal(() => decideBooking(invited, { by: 'employer', start, reason: 'position_filled' }, now))).toBeNull();
  });
});

describe("the candidate's answer to the time", () => {
  const now = at('2026-12-01T12:00:00Z');
  const later = new Date('2026-12-12T15:00:00Z');

  it('is accepted when the candidate set the time, and asked again when the employer did', () => {
    expect(decideBooking(invited, { by: 'candidate', start: later }, now)!.after.candidatePartstat).toBe('accepted');
    expect(decideBooking(invited, { by: 'employer', start: later }, now)!.after.candidatePartstat).toBe('needs-action');
    expect(decideBooking(scheduled, { by: 'employer', start: later }, now)!.after.candidatePartstat).toBe('needs-action');
    const tentative = { ...scheduled, candidatePartstat: 'tentative' as const };
    expect(decideBooking(tentative, { by: 'candidate', start: later }, now)!.after.candidatePartstat).toBe('accepted');
  });

  it('stands through changes that keep the time, and the calendar states it; a CANCEL says declined only when they cancelled', () => {
    const tentative = { ...scheduled, candidatePartstat: 'tentative' as const };
    const byEmployer = decideCancellation(tentative, { by: 'employer', reason: 'interviewer_unavailable' }, now);
    expect(byEmployer.after.candidatePartstat).toBe('tentative');
    expect(candidateAnswerIn(byEmployer, 'CANCEL')).toBe('tentative');
    const byCandidate = decideCancellation(tentative, { by: 'candidate', reason: 'schedule_conflict' }, now);
    expect(candidateAnswerIn(byCandidate, 'CANCEL')).toBe('declined');
    // Other times asked for: no time, so nothing is answered.
    expect(decideTimesRequest(scheduled, { reason: 'schedule_conflict', offered: [] }, now).after.candidatePartstat).toBe('needs-action');
  });

  it('is never accepted for a new time the employer set, whatever came before', () => {
    const side = fc.constantFrom('candidate' as const, 'employer' as const);
    const answer = fc.constantFrom('needs-action' as const, 'accepted' as const, 'tentative' as const);
    fc.assert(
      fc.property(fc.array(side, { minLength: 1, maxLength: 6 }), answer, (movers, first) => {
        let interview: InterviewSnapshot = { ...scheduled, candidatePartstat: first };
        let change: InterviewChange | null = null;
        movers.forEach((by, index) => {
          change = decideBooking(interview, { by, start: new Date(Date.UTC(2026, 11, 14 + index, 15)) }, now)!;
          interview = { ...interview, ...change.after };
        });
        const last = movers.at(-1);
        expect(candidateAnswerIn(change!, 'REQUEST')).toBe(last === 'candidate' ? 'accepted' : 'needs-action');
      }),
    );
  });
});

describe('decideCancellation', () => {
  it('lets a candidate cancel however late before the start, and after it only for an emergency', () => {
    expect(decideCancellation(scheduled, { by: 'candidate', reason: 'transportation' }, at('2026-12-10T14:30:00Z')).notice?.class).toBe('late');
    expect(refusal(() => decideCancellation(scheduled, { by: 'candidate', reason: 'transportation' }, at('2026-12-10T15:05:00Z')))).toBe('AFTER_START');
    expect(decideCancellation(scheduled, { by: 'candidate', reason: 'medical_emergency' }, at('2026-12-10T15:05:00Z')).after.status).toBe('cancelled');
  });

  it('keeps an invitation to be declined by the candidate and taken back only by the employer', () => {
    expect(refusal(() => decideCancellation(invited, { by: 'candidate', reason: 'schedule_conflict' }, at('2026-12-01T12:00:00Z')))).toBe('INVALID_STATE');
    const taken = decideCancellation(invited, { by: 'employer', reason: null }, at('2026-12-01T12:00:00Z'));
    expect(taken).toMatchObject({ notice: null, reason: null, after: { status: 'cancelled', sequence: 0 } });
  });
});

describe('decideTimesRequest', () => {
  it('refuses a request for other times with a reason that leaves the process', () => {
    expect(refusal(() => decideTimesRequest(scheduled, { reason: 'accepted_offer', offered: [] }, at('2026-12-01T12:00:00Z')))).toBe('VALIDATION');
    expect(refusal(() => decideTimesRequest(scheduled, { reason: 'schedule_conflict', offered: [] }, at('2026-12-01T12:00:00Z')))).toBeNull();
  });

  it('withdraws the time and raises the sequence for the CANCEL', () => {
    const change = decideTimesRequest(scheduled, { offered: [], note: '  Mornings only.  ' }, at('2026-12-01T12:00:00Z'));
    expect(change).toMatchObject({ after: { status: 'invited', start: null, sequence: 1 }, reason: null, noteForRecruiter: 'Mornings only.' });
  });
});

describe('decideWithdrawal', () => {
  it('ends every open interview, or none when one has started without an emergency', () => {
    const both = [{ ...scheduled, title: 'A' }, { ...invited, title: 'B' }];
    const changes = decideWithdrawal(both, { reason: 'accepted_offer' }, at('2026-12-01T12:00:00Z'));
    expect(changes.map((c) => c.after.status)).toEqual(['withdrawn', 'withdrawn']);
    expect(changes[0]!.alsoEnded).toEqual([{ title: 'B', start: null }]);
    expect(refusal(() => decideWithdrawal(both, { reason: 'accepted_offer' }, at('2026-12-10T15:30:00Z')))).toBe('AFTER_START');
  });
});

describe('decideClosing and candidateActions', () => {
  it('closes only once the interview has started', () => {
    expect(refusal(() => decideClosing(scheduled, { action: 'complete' }, at('2026-12-10T14:00:00Z')))).toBe('INVALID_STATE');
    expect(decideClosing(scheduled, { action: 'no_show', absent: { party: 'candidate' } }, at('2026-12-10T15:30:00Z')).after.status).toBe('no_show');
  });

  it('derives what a candidate may do from the lifecycle and the clock', () => {
    expect(candidateActions(invited, new Date('2026-12-01T12:00:00Z'))).toEqual(['accept', 'reschedule', 'decline', 'withdraw', 'concern']);
    expect(candidateActions(scheduled, new Date('2026-12-01T12:00:00Z'))).toEqual(['reschedule', 'cancel', 'withdraw', 'concern']);
    expect(candidateActions(scheduled, new Date('2026-12-10T15:30:00Z'))).toEqual(['cancel', 'concern']);
    expect(candidateActions({ status: 'withdrawn', start: null }, new Date('2026-12-01T12:00:00Z'))).toEqual(['concern']);
  });
});
