import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarios, locateScenarios } from '../load-scenarios.ts';
import type { Scenario } from '../load-scenarios.ts';
import { measurePairAsync } from '../measure-async.ts';
import type { MeasureOptions } from '../measure.ts';
import type { WorkingHours } from '../../src/core/types.ts';
import type { ApiClient } from './api-client.ts';
import { serveBusyFeeds } from './busy-feeds.ts';
import { inParallel } from './drive-requests.ts';

const SCENARIO = 's2-panel-of-4';
/**
 * Each of the two is asked 500 times before it is timed, and then they are timed in turn (rounds of both,
 * see `measurePairAsync`). A server that has just started runs both paths unoptimized for their first few
 * hundred calls: timed from the 10th call, on one machine, the slot search's median fell from 3.1 to 1.5 ms
 * over four rounds of timing, and `/healthz`'s from 0.69 to 0.44 ms. Timed one after the other, `/healthz`
 * ran on a server the slot searches had warmed for a thousand requests more and looked faster than it is.
 */
export const SLOTS_TIMING: MeasureOptions = { warmup: 500, runs: 100, minTimeMs: 1500, maxRuns: 1000 };

export interface SlotsTiming {
  panel: string;
  slots: number;
  slotsMedianMs: number;
  healthzMedianMs: number;
  runs: number;
}

/**
 * Stores a small panel over HTTP (the shared scenario s2 when it is beside the repository, else four
 * generated interviewers; see `seedPanelOverHttp`), then times `GET /api/v1/slots` for it and `GET /healthz`, one request at a
 * time over a keep-alive socket, in turn: the medians say what the slot search adds to the cheapest request.
 *
 * @example
 * const { slotsMedianMs, healthzMedianMs } = await timeSlotsAgainstHealthz(api, new Date());
 */
export async function timeSlotsAgainstHealthz(api: ApiClient, now: Date): Promise<SlotsTiming> {
  const scenario = sharedScenario(SCENARIO) ?? generatedPanel(now);
  const query = slotsQuery(await seedPanelOverHttp(api, scenario), scenario);
  const { a: slots, b: healthz } = await measurePairAsync(
    () => api.call<{ slots: unknown[] }>('GET', `/api/v1/slots?${query}`),
    async () => {
      const response = await fetch(`${api.url}/healthz`);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`/healthz answered ${response.status}`);
    },
    SLOTS_TIMING,
  );
  return {
    panel: scenario.name,
    slots: slots.result.slots.length,
    slotsMedianMs: slots.measurement.medianMs,
    healthzMedianMs: healthz.measurement.medianMs,
    runs: Math.min(slots.measurement.runs, healthz.measurement.runs),
  };
}

/**
 * Stores a scenario's members (zone, working hours, buffer) through the API, 8 at a time, and their busy
 * blocks as one calendar feed per member served on loopback (`POST …/calendars`, then `…/sync`): the way
 * busy time mostly arrives, and one request per member instead of one per block (s6 has about 25,000).
 * Returns the members' ids in the scenario's order.
 *
 * @example
 * const memberIds = await seedPanelOverHttp(api, scenario);
 */
export async function seedPanelOverHttp(api: ApiClient, scenario: Scenario): Promise<string[]> {
  const feeds = await serveBusyFeeds(new Map(scenario.members.map((member) => [member.id, member.busy.map(({ start, end }) => ({ start: toIso(start), end: toIso(end) }))])));
  const domain = `${scenario.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.example`;
  try {
    return await inParallel(scenario.members, 8, async (member) => {
      const { id } = await api.call<{ id: string }>(
        'POST',
        '/api/v1/members',
        {
          name: `Panel ${member.id}`,
          email: `panel-${member.id}@${domain}`,
          role: 'interviewer',
          timezone: member.timezone,
          workingHours: member.workingHours,
          ...(member.bufferMinutes === undefined ? {} : { bufferMinutes: member.bufferMinutes }),
        },
        201,
      );
      if (member.busy.length === 0) return id;
      const source = await api.call<{ id: string }>('POST', `/api/v1/members/${id}/calendars`, { kind: 'ics', url: feeds.urlOf(member.id), label: 'Busy' }, 201);
      const synced = await api.call<{ status: string; error: string | null; busyCount: number }>('POST', `/api/v1/members/${id}/calendars/${source.id}/sync`);
      // Overlapping blocks may be read as one busy interval, so fewer can be counted, never none.
      if (synced.status !== 'ok' || synced.busyCount === 0) {
        throw new Error(`The calendar of ${member.id} was not read: ${synced.status}, ${synced.error ?? 'no error'}, ${synced.busyCount} busy intervals`);
      }
      return id;
    });
  } finally {
    await feeds.close();
  }
}

/** The query string of `GET /api/v1/slots` for the scenario's window, duration and step over `memberIds`. */
export function slotsQuery(memberIds: readonly string[], scenario: Scenario): string {
  return new URLSearchParams({
    members: memberIds.join(','),
    durationMinutes: String(scenario.durationMinutes),
    from: toIso(scenario.window.from),
    to: toIso(scenario.window.to),
    stepMinutes: String(scenario.stepMinutes),
  }).toString();
}

/** The shared scenario of that name when the scenarios are beside the repository, else undefined. */
export function sharedScenario(name: string): Scenario | undefined {
  const dir = locateScenarios();
  if (!existsSync(join(dir, `${name}.json`))) return undefined;
  return loadScenarios(dir).find(({ scenario }) => scenario.name === name)?.scenario;
}

/** Four interviewers in two zones, weekdays 09:00–17:00, no busy time, the next 30 days. */
function generatedPanel(now: Date): Scenario {
  const day: Array<[string, string]> = [['09:00', '17:00']];
  const workingHours: WorkingHours = { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] };
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const to = new Date(from.getTime() + 30 * 86_400_000);
  return {
    name: 'generated panel of 4',
    mode: 'all',
    durationMinutes: 60,
    stepMinutes: 30,
    window: { from: from.toISOString(), to: to.toISOString() },
    members: ['Europe/London', 'Europe/London', 'Europe/Berlin', 'Europe/Berlin'].map((timezone, index) => ({ id: `g${index + 1}`, timezone, workingHours, busy: [] })),
  };
}

export function toIso(value: Date | number | string): string {
  return typeof value === 'string' ? value : new Date(value).toISOString();
}
