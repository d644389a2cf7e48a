import type { Scenario } from '../load-scenarios.ts';
import { measureAsync } from '../measure-async.ts';
import type { MeasureOptions } from '../measure.ts';
import type { WorkingHours } from '../../src/core/types.ts';
import type { ApiClient } from './api-client.ts';
import { seedPanelOverHttp, sharedScenario, slotsQuery, toIso } from './slots-vs-healthz.ts';

const SCENARIO = 's6-pool-200-five-zones';
const ZONES = ['Europe/London', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'America/Los_Angeles'];
const MEMBERS = 200;
const DAYS = 30;
const BUSY_PER_WEEKDAY = 4;
const WEEK = 7 * 86_400_000;
/** Fewer runs than for s2 when each takes long (at 20 ms, 1.5 s still makes about 75). */
const POOL_TIMING: MeasureOptions = { warmup: 3, runs: 20, minTimeMs: 1500, maxRuns: 500 };

export interface PoolSlotsTiming {
  scenario: string;
  members: number;
  busyBlocks: number;
  slots: number;
  medianMs: number;
  runs: number;
  seedSeconds: number;
}

/**
 * Stores the shared scenario s6 (200 interviewers in five zones, about 25,000 busy blocks), or a generated
 * pool of the same shape when the scenarios are not beside the repository, then times
 * `GET /api/v1/slots` with all 200 members, one request at a time over a keep-alive socket. The API
 * searches for times the whole list is free (it has no search for times any one of a pool is free); for
 * s6 their working hours never meet, so the answer is empty and the timing is that of a request naming
 * 200 members, not of a pool search.
 *
 * Busy blocks arrive as calendar feeds (`seedPanelOverHttp`). A scenario whose window has passed is moved
 * forward by whole weeks (weekdays and zones stay as they were), so the calendars read keep its busy time.
 *
 * @example
 * const { medianMs } = await timePoolSlots(api, new Date());
 */
export async function timePoolSlots(api: ApiClient, now: Date): Promise<PoolSlotsTiming> {
  const scenario = aheadOf(now, sharedScenario(SCENARIO) ?? generatedPool(now));
  const seedStarted = Date.now();
  const query = slotsQuery(await seedPanelOverHttp(api, scenario), scenario);
  const seedSeconds = (Date.now() - seedStarted) / 1000;
  const timed = await measureAsync(() => api.call<{ slots: unknown[] }>('GET', `/api/v1/slots?${query}`), POOL_TIMING);
  return {
    scenario: scenario.name,
    members: scenario.members.length,
    busyBlocks: scenario.members.reduce((sum, member) => sum + member.busy.length, 0),
    slots: timed.result.slots.length,
    medianMs: timed.measurement.medianMs,
    runs: timed.measurement.runs,
    seedSeconds,
  };
}

/** The scenario moved forward by whole weeks until its window starts after `now`. */
function aheadOf(now: Date, scenario: Scenario): Scenario {
  const from = Date.parse(toIso(scenario.window.from));
  if (from > now.getTime()) return scenario;
  const shift = Math.ceil((now.getTime() - from) / WEEK + 0.01) * WEEK;
  const moved = (value: Date | number | string): string => new Date(Date.parse(toIso(value)) + shift).toISOString();
  return {
    ...scenario,
    window: { from: moved(scenario.window.from), to: moved(scenario.window.to) },
    members: scenario.members.map((member) => ({ ...member, busy: member.busy.map(({ start, end }) => ({ start: moved(start), end: moved(end) })) })),
  };
}

/**
 * 200 interviewers, 40 in each of s6's five zones, weekdays 09:00–17:00 in their zone, each with four busy
 * blocks of 30–90 minutes on every weekday of the next 30 days (placed by a fixed pseudo-random sequence,
 * so every run stores the same pool).
 */
function generatedPool(now: Date): Scenario {
  const day: Array<[string, string]> = [['09:00', '17:00']];
  const workingHours: WorkingHours = { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] };
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const to = new Date(from.getTime() + DAYS * 86_400_000);
  let seed = 6;
  const random = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const members = Array.from({ length: MEMBERS }, (_, index) => {
    // The zone's offset from UTC in whole hours (close enough to place blocks inside the working day).
    const zone = ZONES[index % ZONES.length]!;
    const offsetHours = { 'Europe/London': 0, 'America/New_York': -5, 'Europe/Berlin': 1, 'Asia/Kolkata': 5, 'America/Los_Angeles': -8 }[zone] ?? 0;
    const busy: Array<{ start: string; end: string }> = [];
    for (let dayIndex = 0; dayIndex < DAYS; dayIndex += 1) {
      const date = new Date(from.getTime() + dayIndex * 86_400_000);
      if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
      for (let block = 0; block < BUSY_PER_WEEKDAY; block += 1) {
        const startMinute = (9 - offsetHours) * 60 + Math.floor(random() * 28) * 15;
        const start = new Date(date.getTime() + startMinute * 60_000);
        const end = new Date(start.getTime() + (30 + Math.floor(random() * 5) * 15) * 60_000);
        busy.push({ start: start.toISOString(), end: end.toISOString() });
      }
    }
    return { id: `g${index + 1}`, timezone: zone, workingHours, busy };
  });
  return {
    name: 'generated pool of 200',
    mode: 'any',
    durationMinutes: 60,
    stepMinutes: 30,
    window: { from: from.toISOString(), to: to.toISOString() },
    members,
  };
}
