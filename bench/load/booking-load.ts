import type { WorkingHours } from '../../src/core/types.ts';
import type { ApiClient } from './api-client.ts';
import { driveRequests, inParallel } from './drive-requests.ts';
import type { LoadResult } from './drive-requests.ts';

const INTERVIEWERS = 64;
const CANDIDATES = 200;
const DURATION_MINUTES = 60;
/** Hourly starts 09:00–16:00 UTC on weekdays, inside the interviewers' and the candidates' hours. */
const FIRST_HOUR = 9;
const LAST_HOUR = 16;
/** How far ahead `bookingBodies` books unless told: enough for the soak and a short load. */
const DEFAULT_WEEKS = 12;
/** Bookings a week holds: weekdays × hourly starts × interviewers. */
export const BOOKINGS_PER_WEEK = 5 * (LAST_HOUR - FIRST_HOUR + 1) * INTERVIEWERS;
const WEEKDAY_HOURS = { from: '08:00', to: '18:00' };

export interface BookingFixture {
  openingId: string;
  memberIds: string[];
  candidateIds: string[];
}

export type BookingLoadResult = LoadResult;

/**
 * One opening, 64 interviewers (UTC, weekdays 08:00–18:00) and 200 candidates, stored over HTTP. `label`
 * keeps the names and addresses of two fixtures in one organization apart.
 *
 * @example
 * const fixture = await seedBookingFixture(api);
 */
export async function seedBookingFixture(api: ApiClient, label = 'load'): Promise<BookingFixture> {
  const opening = await api.call<{ id: string }>('POST', '/api/v1/openings', { title: `Load bench engineer (${label})` }, 201);
  const weekday: Array<[string, string]> = [[WEEKDAY_HOURS.from, WEEKDAY_HOURS.to]];
  const workingHours: WorkingHours = { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [] };
  const members = await inParallel(Array.from({ length: INTERVIEWERS }, (_, index) => index), 8, (index) =>
    api.call<{ id: string }>(
      'POST',
      '/api/v1/members',
      { name: `Interviewer ${label} ${index}`, email: `interviewer${index}@${label}.example`, role: 'interviewer', timezone: 'UTC', workingHours },
      201,
    ),
  );
  const candidates = await inParallel(Array.from({ length: CANDIDATES }, (_, index) => index), 8, (index) =>
    api.call<{ id: string }>('POST', '/api/v1/candidates', { name: `Candidate ${label} ${index}`, email: `candidate${index}@${label}.example`, timezone: 'UTC' }, 201),
  );
  return { openingId: opening.id, memberIds: members.map(({ id }) => id), candidateIds: candidates.map(({ id }) => id) };
}

/**
 * Every booking the load may make over `weeks` weeks, none colliding with another: for each weekday hour
 * from tomorrow on, one interview per interviewer. Candidates rotate so that no candidate has two
 * interviews at once.
 *
 * @example
 * const bodies = bookingBodies(fixture, new Date()); // 12 weeks × 5 days × 8 hours × 64 interviewers
 */
export function bookingBodies(fixture: BookingFixture, now: Date, weeks = DEFAULT_WEEKS): string[] {
  const bodies: string[] = [];
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  for (let offset = 0; offset < weeks * 7; offset += 1, day.setUTCDate(day.getUTCDate() + 1)) {
    if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue;
    for (let hour = FIRST_HOUR; hour <= LAST_HOUR; hour += 1) {
      const start = new Date(day.getTime() + hour * 3_600_000).toISOString();
      for (const memberId of fixture.memberIds) {
        const candidateId = fixture.candidateIds[bodies.length % fixture.candidateIds.length]!;
        bodies.push(
          JSON.stringify({ openingId: fixture.openingId, candidateId, title: 'Technical interview', durationMinutes: DURATION_MINUTES, panel: [memberId], start }),
        );
      }
    }
  }
  return bodies;
}

/**
 * `POST /api/v1/interviews` with a start, from `connections` keep-alive connections for `seconds`
 * (autocannon); each request takes the next body, so no two ask for the same interviewer and hour.
 *
 * @example
 * const result = await runBookingLoad(api, bookingBodies(fixture, new Date()), 16, 20);
 */
export async function runBookingLoad(api: ApiClient, bodies: readonly string[], connections: number, seconds: number): Promise<BookingLoadResult> {
  const headers = { authorization: `Bearer ${api.apiKey}` };
  return driveRequests(api.url, bodies.map((body) => ({ method: 'POST', path: '/api/v1/interviews', headers, body })), connections, seconds);
}

/** Booking loads that take their bodies from one list in turn, each body sent once. */
export interface BookingSupply {
  /** A booking load of `seconds` on the bodies after those every load before it sent, answered or not. */
  run: (seconds: number) => Promise<BookingLoadResult>;
}

/**
 * Hands `bodies` out to booking loads in order: no request repeats one sent before, whichever load sent
 * it. A load is given at most `ceilingPerSecond` × its seconds of them, so that a long list is not copied
 * whole for every short load; it fails plainly when too few are left to keep the connections busy.
 *
 * @example
 * const supply = bookingSupply(api, bodies, 16, 2_000);
 * const first = await supply.run(5);
 * const second = await supply.run(5); // on the bodies after the first load's
 */
export function bookingSupply(api: ApiClient, bodies: readonly string[], connections: number, ceilingPerSecond: number): BookingSupply {
  let used = 0;
  return {
    run: async (seconds) => {
      if (bodies.length - used < connections) throw new Error(`The booking bodies ran out after ${used}: book further ahead (bookingBodies' weeks).`);
      const result = await runBookingLoad(api, bodies.slice(used, used + Math.ceil(ceilingPerSecond * seconds)), connections, seconds);
      used += result.sent;
      return result;
    },
  };
}
