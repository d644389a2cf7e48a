import { describe, expect, it } from 'vitest';
import { decideDeliveryOutcome, MAX_ATTEMPTS, RETRY_AFTER_CEILING_MS, RETRY_DELAYS_MS, retryAfterMs } from './delivery-outcome.ts';

const at = new Date('2026-12-01T12:00:00Z');
const answer = (status: number, retryAfter: string | null = null, bodyExcerpt = '') => ({ kind: 'response' as const, status, retryAfter, bodyExcerpt });

describe('decideDeliveryOutcome', () => {
  it('counts any 2xx as delivered', () => {
    expect(decideDeliveryOutcome(answer(204), 1, at)).toEqual({ kind: 'delivered', responseStatus: 204 });
  });

  it('follows the schedule 5 s, 5 min, 30 min, 2 h, 5 h, 10 h … over about three days, then gives up', () => {
    const waits: number[] = [];
    for (let attempts = 1; attempts < MAX_ATTEMPTS; attempts += 1) {
      const outcome = decideDeliveryOutcome(answer(500), attempts, at);
      if (outcome.kind !== 'retry') throw new Error(`attempt ${attempts} was not retried`);
      waits.push(outcome.nextAttemptAt.getTime() - at.getTime());
    }
    expect(waits.slice(0, 7)).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
    const total = waits.reduce((a, b) => a + b, 0);
    expect(total / 86_400_000).toBeGreaterThan(2.5);
    expect(total / 86_400_000).toBeLessThan(3.5);
    const last = decideDeliveryOutcome(answer(500, null, 'down'), MAX_ATTEMPTS, at);
    expect(last.kind).toBe('give_up');
    expect(RETRY_DELAYS_MS).toHaveLength(MAX_ATTEMPTS - 1);
  });

  it('disables at once on 410 Gone', () => {
    expect(decideDeliveryOutcome(answer(410), 1, at)).toMatchObject({ kind: 'give_up', responseStatus: 410, disableReason: 'The endpoint answered 410 Gone.' });
  });

  it('counts a redirect as a failure and says it was not followed', () => {
    const outcome = decideDeliveryOutcome(answer(302), 1, at);
    expect(outcome).toMatchObject({ kind: 'retry', responseStatus: 302 });
    expect(outcome.kind === 'retry' && outcome.error).toContain('redirects are not followed');
  });

  it('keeps the start of what the endpoint said, and a network error in words', () => {
    expect(decideDeliveryOutcome(answer(500, null, 'database down'), 1, at)).toMatchObject({ error: 'The endpoint answered 500: database down' });
    expect(decideDeliveryOutcome({ kind: 'error', message: 'ECONNREFUSED: connect' }, 1, at)).toMatchObject({ kind: 'retry', responseStatus: null, error: 'ECONNREFUSED: connect' });
  });

  it('honours Retry-After in seconds or as an HTTP date, capped', () => {
    expect(decideDeliveryOutcome(answer(503, '120'), 3, at)).toMatchObject({ nextAttemptAt: new Date(at.getTime() + 120_000) });
    expect(decideDeliveryOutcome(answer(429, 'Tue, 01 Dec 2026 12:07:00 GMT'), 1, at)).toMatchObject({ nextAttemptAt: new Date('2026-12-01T12:07:00Z') });
    expect(decideDeliveryOutcome(answer(503, String(30 * 86_400)), 1, at)).toMatchObject({ nextAttemptAt: new Date(at.getTime() + RETRY_AFTER_CEILING_MS) });
    expect(decideDeliveryOutcome(answer(503, 'soon'), 1, at)).toMatchObject({ nextAttemptAt: new Date(at.getTime() + 5_000) });
  });
});

describe('retryAfterMs', () => {
  it('reads a date in the past as now', () => {
    expect(retryAfterMs('Mon, 30 Nov 2026 12:00:00 GMT', at)).toBe(0);
    expect(retryAfterMs(null, at)).toBeNull();
    expect(retryAfterMs('-5', at)).toBeNull();
  });
});
