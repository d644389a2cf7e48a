import { performance } from 'node:perf_hooks';
import { findFreePanelSlots } from '../src/app/slots.ts';
import type { OpenStore } from '../src/store/index.ts';
import { startTestServer } from '../src/server/testing/test-server.ts';
import type { LoadedScenario } from './load-scenarios.ts';
import type { Measurement, MeasureOptions } from './measure.ts';
import { measureAsync } from './measure-async.ts';
import { seedScenarioOverHttp } from './seed-scenario-over-http.ts';

export interface HttpSlotsTiming {
  busyBlocks: number;
  slots: number;
  seedMs: number;
  /** `app.request` for the slots query, body read. */
  http: Measurement;
  /** `findFreePanelSlots` on the same store: database reads plus search, no HTTP. */
  appLayer: Measurement;
}

/**
 * On a whole test server over `opened`: stores the scenario through the HTTP API, then times
 * `GET /api/v1/slots` for the scenario's panel, window, duration and step in-process (Hono's
 * `app.request`, no socket). Closes the store (dropping a scratch database) when done.
 *
 * @example
 * const timing = await timeHttpSlots(await openStore({ engine: 'pglite', dataDir: 'memory://' }), s2, TIMING);
 */
export async function timeHttpSlots(opened: OpenStore, loaded: LoadedScenario, timing: MeasureOptions): Promise<HttpSlotsTiming> {
  const { scenario } = loaded;
  const server = await startTestServer({ opened }).catch(async (error: unknown) => {
    await opened.close();
    throw error;
  });
  try {
    const seedStarted = performance.now();
    const { memberIds, busyBlocks } = await seedScenarioOverHttp(server, scenario);
    const seedMs = performance.now() - seedStarted;
    const from = toIso(scenario.window.from);
    const to = toIso(scenario.window.to);
    const query = new URLSearchParams({
      members: memberIds.join(','),
      durationMinutes: String(scenario.durationMinutes),
      from,
      to,
      stepMinutes: String(scenario.stepMinutes),
    });
    const init = { method: 'GET', headers: { authorization: `Bearer ${server.apiKey}` } };
    const request = async (): Promise<{ status: number; body: string }> => {
      const response = await server.app.request(`/api/v1/slots?${query.toString()}`, init);
      return { status: response.status, body: await response.text() };
    };
    const { measurement: http, result } = await measureAsync(request, timing);
    if (result.status !== 200) throw new Error(`GET /api/v1/slots answered ${result.status}: ${result.body}`);
    const slots = (JSON.parse(result.body) as { slots: unknown[] }).slots.length;
    const panelQuery = { memberIds, durationMinutes: scenario.durationMinutes, stepMinutes: scenario.stepMinutes, from: new Date(from), to: new Date(to) };
    const { measurement: appLayer } = await measureAsync(
      () => findFreePanelSlots(server.ctx.store, server.organizationId, panelQuery),
      timing,
    );
    return { busyBlocks, slots, seedMs, http, appLayer };
  } finally {
    await server.close();
  }
}

function toIso(value: Date | number | string): string {
  return typeof value === 'string' ? value : new Date(value).toISOString();
}
