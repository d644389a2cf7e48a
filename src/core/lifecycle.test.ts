import { describe, expect, it } from 'vitest';
import { isDomainError } from './errors.ts';
import { INTERVIEW_ACTIONS, allowedActions, isFinalStatus, nextSequence, nextStatus } from './lifecycle.ts';
import type { InterviewAction } from './lifecycle.ts';
import { INTERVIEW_STATUSES } from './types.ts';
import type { InterviewStatus } from './types.ts';

const LEGAL: Array<[InterviewStatus, InterviewAction, InterviewStatus]> = [
  ['invited', 'accept', 'scheduled'],
  ['invited', 'book', 'scheduled'],
  ['invited', 'offer', 'invited'],
  ['invited', 'cancel', 'cancelled'],
  ['invited', 'decline', 'declined'],
  ['scheduled', 'reschedule', 'scheduled'],
  ['scheduled', 'offer', 'invited'],
  ['scheduled', 'cancel', 'cancelled'],
  ['scheduled', 'complete', 'completed'],
  ['scheduled', 'no_show', 'no_show'],
  ['scheduled', 'end_early', 'ended_early'],
];

describe('interview lifecycle', () => {
  it.each(LEGAL)('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  it('refuses every other transition with INVALID_STATE', () => {
    let refused = 0;
    for (const status of INTERVIEW_STATUSES) {
      for (const action of INTERVIEW_ACTIONS) {
        if (LEGAL.some(([from, act]) => from === status && act === action)) continue;
        let caught: unknown;
        try {
          nextStatus(status, action);
        } catch (error) {
          caught = error;
        }
        expect(isDomainError(caught, 'INVALID_STATE'), `${status} ${action}`).toBe(true);
        refused += 1;
      }
    }
    expect(refused).toBe(INTERVIEW_STATUSES.length * INTERVIEW_ACTIONS.length - LEGAL.length);
  });

  it('final statuses allow nothing', () => {
    for (const status of INTERVIEW_STATUSES) {
      expect(allowedActions(status).length === 0).toBe(isFinalStatus(status));
    }
  });

  it('raises the sequence on every change', () => {
    expect(nextSequence(0)).toBe(1);
    expect(nextSequence(nextSequence(0))).toBe(2);
  });
});
