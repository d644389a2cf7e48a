import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../api/webhook-types.ts';
import { deliveryStatusLabel, lastAnswer } from './delivery-words.ts';

const queued: Delivery = {
  id: 'msg_1',
  type: 'interview.cancelled',
  status: 'pending',
  attempts: 0,
  nextAttemptAt: '2026-12-01T12:00:00Z',
  waitingFor: null,
  lastAttemptAt: null,
  lastResponseStatus: null,
  lastError: null,
  createdAt: '2026-12-01T12:00:00Z',
  deliveredAt: null,
  payload: {},
};

describe('a webhook delivery in words', () => {
  it('tells a first try from a retry, and a delivery from giving up', () => {
    expect(deliveryStatusLabel(queued)).toBe('Waiting to be sent');
    expect(deliveryStatusLabel({ ...queued, attempts: 2 })).toBe('Failed, will retry');
    expect(deliveryStatusLabel({ ...queued, nextAttemptAt: null, waitingFor: 'msg_0' })).toBe('Held behind an older event');
    expect(deliveryStatusLabel({ ...queued, status: 'delivered', attempts: 1 })).toBe('Delivered');
    expect(deliveryStatusLabel({ ...queued, status: 'failed', attempts: 9 })).toBe('Failed, given up');
  });

  it('gives the last answer once, whether the server’s words name the status or not', () => {
    expect(lastAnswer(queued)).toBe('Not tried yet');
    expect(lastAnswer({ ...queued, attempts: 1, lastResponseStatus: 204 })).toBe('HTTP 204');
    expect(lastAnswer({ ...queued, attempts: 1, lastResponseStatus: 410, lastError: 'The endpoint answered 410 Gone.' })).toBe('The endpoint answered 410 Gone.');
    expect(lastAnswer({ ...queued, attempts: 1, lastResponseStatus: 302, lastError: 'A redirect counts as a failure.' })).toBe('HTTP 302: A redirect counts as a failure.');
    expect(lastAnswer({ ...queued, attempts: 1, lastError: 'Timed out after 15 s.' })).toBe('No answer: Timed out after 15 s.');
  });
});
