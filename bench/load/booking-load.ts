import autocannon from 'autocannon';
import type { WorkingHours } from '../../src/core/types.ts';
import type { ApiClient } from './api-client.ts';

const INTERVIEWERS = 64;
const CANDIDATES = 200;
const DURATION_MINUTES = 60;
/** Hourly starts 09:00–16:00 UTC on weekdays, inside the interviewers' and the candidates' hours. */
const FIRST_HOUR = 9;
const LAST_HOUR = 16;
const WEEKS = 12;
const WEEKDAY_HOURS = { from: '08:00', to: '18:00' };

export interface BookingFixture {
  openingId: string;
  memberIds: string[];
  candidateIds: string[];
}

export interface BookingLoadResult {
  connections: number;
  seconds: number;
  ok: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Non-2xx answers by status, with the first body seen for each. */
  refused: Map<number, { count: number; example: string }>;
  errors: number;
  timeouts: number;
}

/**
 * One opening, 64 interviewers (UTC, weekdays 08:00–18:00) and 200 candidates, stored over HTTP.
 *
 * @example
 * const fixture = await seedBookingFixture(api);
 */
export async function seedBookingFixture(api: ApiClient): Promise<BookingFixture> {
  const opening = await api.call<{ id: string }>('POST', '/api/v1/openings', { title: 'Load bench engineer' }, 201);
  const weekday: Array<[string, string]> = [[WEEKDAY_HOURS.from, WEEKDAY_HOURS.to]];
  const workingHours: WorkingHours = { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [] };
  const memberIds: string[] = [];
  for (let index = 0; index < INTERVIEWERS; index += 1) {
    const member = await api.call<{ id: string }>(
      'POST',
      '/api/v1/members',
      { name: `Interviewer ${index}`, email: `interviewer${index}@load.example`, role: 'interviewer', timezone: 'UTC', workingHours },
      201,
    );
    memberIds.push(member.id);
  }
  const candidateIds: string[] = [];
  for (let index = 0; index < CANDIDATES; index += 1) {
    const candidate = await api.call<{ id: string }>(
      'POST',
      '/api/v1/candidates',
      { name: `Candidate ${index}`, email: `candidate${index}@load.example`, timezone: 'UTC' },
      201,
    );
    candidateIds.push(candidate.id);
  }
  return { openingId: opening.id, memberIds, candidateIds };
}

/**
 * Every booking the load may make, none colliding with another: for each weekday hour from tomorrow on,
 * one interview per interviewer. Candidates rotate so that no candidate has two interviews at once.
 *
 * @example
 * const bodies = bookingBodies(fixture, new Date()); // 12 weeks × 5 days × 8 hours × 64 interviewers
 */
export function bookingBodies(fixture: BookingFixture, now: Date): string[] {
  const bodies: string[] = [];
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  for (let offset = 0; offset < WEEKS * 7; offset += 1, day.setUTCDate(day.getUTCDate() + 1)) {
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
  let next = 0;
  const refused = new Map<number, { count: number; example: string }>();
  const result = await autocannon({
    url: api.url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/interviews',
        headers: { authorization: `Bearer ${api.apiKey}`, 'content-type': 'application/json' },
        setupRequest: (request) => {
          // Past the prepared list the bodies repeat, and the repeats are refused (409) in the table.
          const body = bodies[next % bodies.length]!;
          next += 1;
          return { ...request, body };
        },
        onResponse: (status, body) => {
          if (status >= 200 && status < 300) return;
          const seen = refused.get(status);
          if (seen) seen.count += 1;
          else refused.set(status, { count: 1, example: body.slice(0, 300) });
        },
      },
    ],
  });
  return {
    connections,
    seconds: result.duration,
    ok: result['2xx'],
    perSecond: result['2xx'] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    refused,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
