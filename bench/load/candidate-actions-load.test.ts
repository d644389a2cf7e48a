import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInterleavedActionLoads } from './candidate-actions-load.ts';
import type { PreparedActions } from './candidate-actions-load.ts';
import type { LoadResult } from './drive-requests.ts';

/** A loopback server that answers every request 200 after `DELAY_MS`, so that a short slice cannot use up a long list. */
const DELAY_MS = 20;
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => setTimeout(() => response.end('{}'), DELAY_MS));
});
let url = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const prepare = (counts: Record<keyof PreparedActions, number>): PreparedActions => {
  const list = (action: string, count: number) =>
    Array.from({ length: count }, (_, index) => ({ interviewId: `${action}-${index}`, request: { method: 'POST' as const, path: `/${action}/${index}`, body: '{}' } }));
  return { cancel: list('cancel', counts.cancel), reschedule: list('reschedule', counts.reschedule), accept: list('accept', counts.accept) };
};

/** Booking slices told apart by their answers: the n-th (from 0) answered n + 1, in one second. */
function numberedBookingSlices(): { slice: () => Promise<LoadResult> } {
  let count = 0;
  return {
    slice: async () => {
      count += 1;
      return { connections: 2, seconds: 1, exhausted: false, sent: count, ok: count, perSecond: count, p50Ms: 1, p99Ms: 1, latenciesMs: [1], refused: new Map(), errors: 0, timeouts: 0 };
    },
  };
}

const sumOfSlices = (...indexes: number[]): number => indexes.reduce((sum, index) => sum + index + 1, 0);

/** Two rounds from two connections against the loopback server, the booking slices numbered. */
const runTwoRounds = (counts: Record<keyof PreparedActions, number>, seconds: number) =>
  runInterleavedActionLoads({ url, apiKey: 'k', call: () => Promise.reject(new Error('unused')) }, prepare(counts), {
    connections: 2,
    seconds,
    rounds: 2,
    bookingSlice: numberedBookingSlices().slice,
    log: () => {},
  });

describe('runInterleavedActionLoads', () => {
  it('runs the actions in turn with a booking slice before, between and after them, and takes each against the slices beside its own', async () => {
    const { actions, bookings: slices } = await runTwoRounds({ cancel: 500, reschedule: 500, accept: 500 }, 0.4);
    // B0 cancel B1 reschedule B2 accept B3 cancel B4 reschedule B5 accept B6
    expect(slices).toHaveLength(7);
    expect(actions.map(({ action }) => action)).toEqual(['cancel', 'reschedule', 'accept']);
    const [cancel, reschedule, accept] = actions;
    expect(cancel!.besideBookings.ok).toBe(sumOfSlices(0, 1, 3, 4));
    expect(reschedule!.besideBookings.ok).toBe(sumOfSlices(1, 2, 4, 5));
    expect(accept!.besideBookings.ok).toBe(sumOfSlices(2, 3, 5, 6));
    for (const action of actions) {
      expect(action.ok).toBeGreaterThan(0);
      expect(action.ok).toBeLessThan(500);
      expect(action.prepared).toBe(500);
    }
  });

  it('lets an action whose interviews ran out sit out, and still follows the last slice with bookings', async () => {
    // Too few to keep two connections busy: accept never runs. Cancel and reschedule use theirs up in the first round.
    const { actions, bookings: slices } = await runTwoRounds({ cancel: 4, reschedule: 4, accept: 1 }, 1);
    // B0 cancel B1 reschedule B2
    expect(slices).toHaveLength(3);
    expect(actions.map(({ action }) => action)).toEqual(['cancel', 'reschedule']);
    expect(actions[0]!.besideBookings.ok).toBe(sumOfSlices(0, 1));
    expect(actions[1]!.besideBookings.ok).toBe(sumOfSlices(1, 2));
    expect(actions.map(({ ok, sent }) => [ok, sent])).toEqual([
      [4, 4],
      [4, 4],
    ]);
  });
});
