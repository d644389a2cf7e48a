import { randomBytes } from 'node:crypto';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../store/index.ts';
import type { OpenStore } from '../store/index.ts';
import { NINE_TO_FIVE, startTestServer } from './testing/test-server.ts';
import type { TestServer } from './testing/test-server.ts';

const adminUrl = process.env.TEST_DATABASE_URL;

/** A database of its own on the shared server, so its connections can be cut without touching anyone else's. */
async function createScratchDatabase(): Promise<{ name: string; url: URL; drop(): Promise<void> }> {
  const name = `leeway_outage_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`).finally(() => admin.end());
  const url = new URL(adminUrl!);
  url.pathname = `/${name}`;
  return {
    name,
    url,
    drop: async () => {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => dropper.end());
    },
  };
}

async function terminateConnections(database: string): Promise<number> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const result = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
    return result.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

/**
 * A TCP relay in front of the database server that can be switched off (connections refused, open ones
 * reset) and on again at the same port, as a server that goes away and comes back.
 */
async function startRelay(target: URL): Promise<{ port: number; stop(): Promise<void>; start(): Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let port = 0;
  let server: net.Server | null = null;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const relay = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
      });
      relay.once('error', reject);
      relay.listen(port, '127.0.0.1', () => {
        port = (relay.address() as AddressInfo).port;
        server = relay;
        resolve();
      });
    });
  const stop = async () => {
    const relay = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    if (relay) await new Promise<void>((resolve) => relay.close(() => resolve()));
  };
  await listen();
  return { port, stop, start: listen, close: stop };
}

function isCleanRefusal(response: Response, body: { code?: string }): boolean {
  const retryAfter = Number(response.headers.get('retry-after'));
  return response.status === 503 && body.code === 'DATABASE_UNAVAILABLE' && Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 5;
}

describe.skipIf(!adminUrl)('a database that goes away', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function serverOn(url: URL): Promise<{ server: TestServer; opened: OpenStore }> {
    const opened = await openStore({ engine: 'postgres', url: url.toString(), poolSize: 8 });
    cleanups.push(() => opened.close());
    return { server: await startTestServer({ opened }), opened };
  }

  it('answers requests cut off by terminated connections with 503 and Retry-After, never 500, and recovers', async () => {
    const scratch = await createScratchDatabase();
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
      terminated += await terminateConnections(scratch.name);
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
    const relay = await startRelay(new URL(adminUrl!));
    cleanups.push(relay.close);
    const scratch = await createScratchDatabase();
    cleanups.push(scratch.drop);
    const throughRelay = new URL(scratch.url);
    throughRelay.hostname = '127.0.0.1';
    throughRelay.port = String(relay.port);
    const { server } = await serverOn(throughRelay);
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
