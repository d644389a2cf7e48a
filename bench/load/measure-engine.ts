import { apiClient } from './api-client.ts';
import { auditBookings } from './audit.ts';
import type { BookingAudit, Query } from './audit.ts';
import { bookingBodies, runBookingLoad, seedBookingFixture } from './booking-load.ts';
import type { BookingLoadResult } from './booking-load.ts';
import { createOrganization, startServerProcess } from './server-process.ts';
import type { DatabaseFlags } from './server-process.ts';
import { timeSlotsAgainstHealthz } from './slots-vs-healthz.ts';
import type { SlotsTiming } from './slots-vs-healthz.ts';

export const CONNECTIONS = 16;

export interface EngineMeasurement {
  slots: SlotsTiming;
  bookings: BookingLoadResult;
  audit: BookingAudit;
}

/**
 * One engine, through a real server process: organization and key by the CLI, the slot timing on a quiet
 * server, then the booking load; the server is stopped and the bookings audited in SQL with `query`
 * (opened only after the server has let go of the database, which the embedded engine needs).
 *
 * @example
 * const measured = await measureEngine(['--database-url', url], 20, () => postgresQuery(url), (line) => console.log(line));
 */
export async function measureEngine(
  database: DatabaseFlags,
  seconds: number,
  withQuery: <T>(use: (query: Query) => Promise<T>) => Promise<T>,
  log: (line: string) => void,
): Promise<EngineMeasurement> {
  const { organizationId, apiKey } = await createOrganization(database);
  const server = await startServerProcess(database);
  let slots: SlotsTiming;
  let bookings: BookingLoadResult;
  try {
    const api = apiClient(server.url, apiKey);
    log(`  server at ${server.url}; timing GET /api/v1/slots and /healthz`);
    slots = await timeSlotsAgainstHealthz(api, new Date());
    log('  seeding 64 interviewers and 200 candidates');
    const fixture = await seedBookingFixture(api);
    log(`  booking load: ${CONNECTIONS} connections for ${seconds} s`);
    bookings = await runBookingLoad(api, bookingBodies(fixture, new Date()), CONNECTIONS, seconds);
  } finally {
    await server.stop();
  }
  const audit = await withQuery((query) => auditBookings(query, organizationId));
  return { slots, bookings, audit };
}
