import { afterAll, describe, expect, it } from 'vitest';
import { cleanUpAll } from './cleanup.ts';
import { measureEmbedded } from './engines.ts';
import { actionAuditTable, auditTable, goalsTable } from './load-report.ts';
import type { LoadResult } from './drive-requests.ts';

const SECONDS = 3;
/** Enough for 16 connections to stay busy for a while; more would only lengthen the seeding. */
const PER_ACTION = 128;

const answered = (result: LoadResult, statuses: (status: number) => boolean): number =>
  [...result.refused].filter(([status]) => statuses(status)).reduce((sum, [, { count }]) => sum + count, 0);
const serverErrors = (result: LoadResult): number => answered(result, (status) => status >= 500);
/** Every request of the loads is valid on its own (its own interviewer and hour, its own interview), so none is refused. */
const refusals = (result: LoadResult): number => answered(result, () => true);

/**
 * The load bench's embedded row, short: a server process on a PGlite data folder under the booking load
 * and the candidate action loads, then the database audited. The speed goals are printed, not asserted
 * (shared CI machines are too noisy for them); what must hold at any speed is asserted.
 */
describe('the load bench on the embedded engine', () => {
  afterAll(async () => {
    await cleanUpAll();
  });

  it(
    'books and acts under load without a server error, a double booking or a missing message',
    async () => {
      const row = await measureEmbedded({ seconds: SECONDS, poolSearch: false, maxPerAction: PER_ACTION, log: (line) => console.log(line) });
      console.log(`${goalsTable([row])}\n\n${auditTable([row])}\n\n${actionAuditTable([row])}`);
      const { bookings, bookingWarmUp, bookingsBesideActions, audit, actions } = row.measured;

      for (const load of [bookingWarmUp, bookings, bookingsBesideActions]) {
        expect(load.ok).toBeGreaterThan(0);
        expect(serverErrors(load), JSON.stringify([...load.refused])).toBe(0);
        expect(refusals(load), JSON.stringify([...load.refused])).toBe(0);
        expect(load.errors + load.timeouts).toBe(0);
      }
      expect(audit.overlaps).toBe(0);
      expect(audit.withoutMessages).toBe(0);
      expect(audit.booked).toBeGreaterThanOrEqual(bookings.ok + bookingWarmUp.ok + bookingsBesideActions.ok);
      expect(audit.messages).toBeGreaterThanOrEqual(audit.booked);

      expect(actions.map(({ action }) => action)).toEqual(['cancel', 'reschedule', 'accept']);
      for (const action of actions) {
        const what = `${action.action}: ${JSON.stringify([...action.refused])}`;
        expect(action.ok, what).toBeGreaterThan(0);
        expect(serverErrors(action), what).toBe(0);
        expect(refusals(action), what).toBe(0);
        expect(action.errors + action.timeouts, what).toBe(0);
        expect(action.audit.acted, what).toBeGreaterThanOrEqual(action.ok);
        expect(action.audit.withoutMessages, what).toBe(0);
        expect(action.besideBookings.ok, what).toBeGreaterThan(0);
      }
      expect(row.measured.slots.slotsMedianMs).toBeGreaterThan(0);
    },
    // About a minute on a quiet 2-core machine; the margin is for shared, busy ones.
    240_000,
  );
});
