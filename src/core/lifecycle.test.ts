import { describe, expect, it } from 'vitest';
import { isDomainError } from './errors.ts';
import { INTERVIEW_ACTIONS, allowedActions, isFinalStatus, nextStatus, sequenceAfter } from './lifecycle.ts';
import type { InterviewAction, Side } from './lifecycle.ts';
import { INTERVIEW_STATUSES } from './types.ts';
import type { InterviewStatus } from './types.ts';

const LEGAL: Array<[Side, InterviewStatus, InterviewAction, InterviewStatus]> = [
  ['candidate', 'invited', 'accept', 'scheduled'],
  ['employer', 'invited', 'book', 'scheduled'],
  ['candidate', 'invited', 'offer', 'invited'],
  ['employer', 'invited', 'offer', 'invited'],
  ['employer', 'invited', 'cancel', 'cancelled'],
  ['candidate', 'invited', 'decline', 'declined'],
  ['candidate', 'invited', 'withdraw', 'withdrawn'],
  ['candidate', 'scheduled', 'reschedule', 'scheduled'],
  ['employer', 'scheduled', 'reschedule', 'scheduled'],
  ['candidate', 'scheduled', 'offer', 'invited'],
  ['employer', 'scheduled', 'offer', 'invited'],
  ['candidate', 'scheduled', 'cancel', 'cancelled'],
  ['employer', 'scheduled', 'cancel', 'cancelled'],
  ['candidate', 'scheduled', 'withdraw', 'withdrawn'],
  ['employer', 'scheduled', 'complete', 'completed'],
  ['employer', 'scheduled', 'no_show', 'no_show'],
  ['employer', 'scheduled', 'end_early', 'ended_early'],
];

describe('interview lifecycle', () => {
  it.each(LEGAL)('%s: %s --%s--> %s', (side, from, action, to) => {
    expect(nextStatus(from, action, side)).toBe(to);
  });

  it('refuses every other transition with INVALID_STATE', () => {
    let refused = 0;
    for (const side of ['candidate', 'employer'] as const) {
      for (const status of INTERVIEW_STATUSES) {
        for (const action of INTERVIEW_ACTIONS) {
          if (LEGAL.some(([s, from, act]) => s === side && from === status && act === action)) continue;
          let caught: unknown;
          try {
            nextStatus(status, action, side);
          } catch (error) {
            caught = error;
          }
          expect(isDomainError(caught, 'INVALID_STATE'), `${side} ${status} ${action}`).toBe(true);
          refused += 1;
        }
      }
    }
    expect(refused).toBe(2 * INTERVIEW_STATUSES.length * INTERVIEW_ACTIONS.length - LEGAL.length);
  });

  it('lets a candidate decline an invitation but never cancel it', () => {
    expect(allowedActions('invited', 'candidate')).toEqual(['accept', 'offer', 'decline', 'withdraw']);
    expect(allowedActions('invited', 'candidate')).not.toContain('cancel');
    expect(allowedActions('invited', 'employer')).toContain('cancel');
  });

  it('final statuses allow nothing, for either side', () => {
    for (const status of INTERVIEW_STATUSES) {
      expect(allowedActions(status).length === 0).toBe(isFinalStatus(status));
    }
    expect(isFinalStatus('withdrawn')).toBe(true);
  });
});

describe('sequenceAfter', () => {
  it('keeps the first booking at the sequence calendars first see', () => {
    expect(sequenceAfter({ sequence: 0, hadTime: false }, { calendarChanges: true })).toBe(0);
  });
  it('raises it for a move or a cancellation of a sent event', () => {
    expect(sequenceAfter({ sequence: 0, hadTime: true }, { calendarChanges: true })).toBe(1);
    expect(sequenceAfter({ sequence: 3, hadTime: true }, { calendarChanges: true })).toBe(4);
  });
  it('raises it when a withdrawn event is booked again', () => {
    expect(sequenceAfter({ sequence: 1, hadTime: false }, { calendarChanges: true })).toBe(2);
  });
  it('leaves it alone when calendars see no change', () => {
    expect(sequenceAfter({ sequence: 2, hadTime: true }, { calendarChanges: false })).toBe(2);
    expect(sequenceAfter({ sequence: 0, hadTime: false }, { calendarChanges: false })).toBe(0);
  });
});
