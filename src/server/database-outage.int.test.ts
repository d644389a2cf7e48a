import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../store/index.ts';
import type { OpenStore } from '../store/index.ts';
import { NINE_TO_FIVE, startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';
import { createScratchDatabase, startDatabaseRelay, terminateConnections, runCleanups } from './testing/database-relay.ts';

const adminUrl = process.env.TEST_DATABASE_URL;

function isCleanRefusal(response: Response, body: { code?: string }): boolean {
  const retryAfter = Number(response.headers.get('retry-after'));
  return response.status === 503 && body.code === 'DATABASE_UNAVAILABLE' && Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 5;
}

describe.skipIf(!adminUrl)('a database that goes away', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(() => runCleanups(cleanups));

  async function serverOn(url: URL): Promise<{ server: TestServer; opened: OpenStore }> {
    const opened = await openStore({ engine: 'postgres', url: url.toString(), poolSize: 8 });
    cleanups.push(() => opened.close());
    return { server: await startTestServer({ opened }), opened };
  }

  it('answers requests cut off by terminated connections with 503 and Retry-After, never 500, and recovers', async () => {
    const scratch = await createScratchDatabase(adminUrl!);
    cleanups.push(scratch.drop);
    const { server } = await serverOn(scratch.url);
    const statuses: number[] = [];
    const unclean: Array<{ status: number; body: unknown }> = [];
    let created = 0;
    let running = true;
    const client = async (lane: number) => {
      for (let i = 0; running; i += 1) {
        const response =
          i % 2 === 0
            ? await server.call('GET', '/api/v1/members')
            : await server.call('POST', '/api/v1/members', {
                name: `Member ${lane}-${i}`,
                email: `m${lane}-${i}@acme.test`,
                role: 'interviewer',
                timezone: 'Europe/London',
                workingHours: NINE_TO_FIVE,
              });
        const body = (await response.json()) as { code?: string };
        statuses.push(response.status);
        if (response.status === 201) created += 1;
        if (response.status >= 500 && !isCleanRefusal(response, body)) unclean.push({ status: response.status, body });
      }
    };
    const lanes = Array.from({ length: 6 }, (_, lane) => client(lane));
    let terminated = 0;
    for (let round = 0; round < 5; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      terminated += await terminateConnections(adminUrl!, scratch.name);
    }
    running = false;
    await Promise.all(lanes);

    expect(unclean).toEqual([]);
    expect(terminated).toBeGreaterThan(0);
    expect(statuses.filter((status) => status === 503).length).toBeGreaterThan(0);
    expect(created).toBeGreaterThan(0);
    // The pool dropped the broken connections and opened new ones: the next requests simply work.
    expect((await server.call('GET', '/api/v1/members')).status).toBe(200);
    expect((await server.call('GET', '/healthz')).status).toBe(200);
    const logged = server.logged.filter((entry) => entry.level === 'error');
    expect(logged).toEqual([]);
  });

  it('refuses with 503 and Retry-After while the server cannot be reached at all, and serves again once it is back', async () => {
    const scratch = await createScratchDatabase(adminUrl!);
    cleanups.push(scratch.drop);
    const relay = await startDatabaseRelay(scratch.url);
    cleanups.push(relay.stop);
    const { server } = await serverOn(relay.url);
    expect((await server.call('GET', '/api/v1/members')).status).toBe(200);

    await relay.stop();
    for (const path of ['/api/v1/members', '/api/v1/openings']) {
      const response = await server.call('GET', path);
      expect(isCleanRefusal(response, (await response.json()) as { code?: string })).toBe(true);
    }
    const health = await server.call('GET', '/healthz');
    expect(health.status).toBe(503);
    expect(Number(health.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(server.logged.filter((entry) => entry.event === 'database.unavailable')).toHaveLength(1);

    await relay.start();
    expect((await server.call('GET', '/api/v1/members')).status).toBe(200);
    expect((await server.call('GET', '/healthz')).status).toBe(200);
  });
});
