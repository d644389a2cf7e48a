import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarios, locateScenarios } from '../load-scenarios.ts';
import type { Scenario } from '../load-scenarios.ts';
import { measureAsync } from '../measure-async.ts';
import type { MeasureOptions } from '../measure.ts';
import type { WorkingHours } from '../../src/core/types.ts';
import type { ApiClient } from './api-client.ts';

const SCENARIO = 's2-panel-of-4';
const TIMING: MeasureOptions = { warmup: 10, runs: 100, minTimeMs: 1500, maxRuns: 1000 };

export interface SlotsTiming {
  panel: string;
  slots: number;
  slotsMedianMs: number;
  healthzMedianMs: number;
  runs: number;
}

/**
 * Stores a small panel over HTTP (the shared scenario s2 when it is beside the repository, else four
 * generated interviewers), then times `GET /api/v1/slots` for it and `GET /healthz`, one request at a
 * time over a keep-alive socket: the medians say what the slot search adds to the cheapest request.
 *
 * @example
 * const { slotsMedianMs, healthzMedianMs } = await timeSlotsAgainstHealthz(api, new Date());
 */
export async function timeSlotsAgainstHealthz(api: ApiClient, now: Date): Promise<SlotsTiming> {
  const scenario = sharedPanel() ?? generatedPanel(now);
  const memberIds: string[] = [];
  for (const member of scenario.members) {
    const created = await api.call<{ id: string }>(
      'POST',
      '/api/v1/members',
      { name: `Panel ${member.id}`, email: `panel-${member.id}@load.example`, role: 'interviewer', timezone: member.timezone, workingHours: member.workingHours },
      201,
    );
    memberIds.push(created.id);
    for (const block of member.busy) {
      await api.call('POST', `/api/v1/members/${created.id}/busy`, { start: toIso(block.start), end: toIso(block.end) }, 201);
    }
  }
  const query = new URLSearchParams({
    members: memberIds.join(','),
    durationMinutes: String(scenario.durationMinutes),
    from: toIso(scenario.window.from),
    to: toIso(scenario.window.to),
    stepMinutes: String(scenario.stepMinutes),
  });
  const slots = await measureAsync(() => api.call<{ slots: unknown[] }>('GET', `/api/v1/slots?${query.toString()}`), TIMING);
  const healthz = await measureAsync(async () => {
    const response = await fetch(`${api.url}/healthz`);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`/healthz answered ${response.status}`);
  }, TIMING);
  return {
    panel: scenario.name,
    slots: slots.result.slots.length,
    slotsMedianMs: slots.measurement.medianMs,
    healthzMedianMs: healthz.measurement.medianMs,
    runs: Math.min(slots.measurement.runs, healthz.measurement.runs),
  };
}

function sharedPanel(): Scenario | undefined {
  const dir = locateScenarios();
  if (!existsSync(join(dir, `${SCENARIO}.json`))) return undefined;
  return loadScenarios(dir).find(({ scenario }) => scenario.name === SCENARIO)?.scenario;
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

function toIso(value: Date | number | string): string {
  return typeof value === 'string' ? value : new Date(value).toISOString();
}
