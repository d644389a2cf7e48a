import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../store/index.ts';
import type { OpenStore } from '../store/index.ts';
import type { PoolLimits } from '../store/bounded-pool.ts';
import { createScratchDatabase, runCleanups } from './testing/database-relay.ts';
import { startTestServer } from './testing/test-server.ts';

const adminUrl = process.env.TEST_DATABASE_URL;
const QUEUE_TIMEOUT_MS = 400;

interface Engine {
  name: string;
  open(pool: Partial<PoolLimits>): Promise<{ opened: OpenStore; cleanup(): Promise<void> }>;
}

const engines: Engine[] = [
  {
    name: 'pglite',
    open: async (pool) => {
      const opened = await openStore({ engine: 'pglite', dataDir: 'memory://', pool });
      return { opened, cleanup: () => opened.close() };
    },
  },
];
if (adminUrl) {
  engines.push({
    name: 'postgres',
    open: async (pool) => {
      const scratch = await createScratchDatabase(adminUrl);
      const opened = await openStore({ engine: 'postgres', url: scratch.url.toString(), pool });
      return {
        opened,
        cleanup: async () => {
          await opened.close();
          await scratch.drop();
        },
      };
    },
  });
}

async function timed(request: Promise<Response>): Promise<{ response: Response; body: { code?: string }; ms: number }> {
  const started = performance.now();
  const response = await request;
  const body = (await response.json()) as { code?: string };
  return { response, body, ms: performance.now() - started };
}

describe.each(engines)('a database too busy to serve on $name', (engine) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(() => runCleanups(cleanups));

  /** A server whose one connection is held by a transaction until the returned release is called. */
  async function serverWithHeldConnection(queueLimit: number) {
    const { opened, cleanup } = await engine.open({ size: 1, queueTimeoutMs: QUEUE_TIMEOUT_MS, queueLimit });
    cleanups.push(cleanup);
    const server = await startTestServer({ opened });
    let release: () => void = () => undefined;
    const held = opened.store.transaction(async (tx) => {
      await tx.organizations.get(server.organizationId);
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    cleanups.push(async () => {
      release();
      await held;
    });
    // The transaction has its connection once its first statement ran.
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { server, release: () => release(), held };
  }

  it('refuses a request that waited its time for a connection with 503 and Retry-After, then serves again', async () => {
    const { server, release, held } = await serverWithHeldConnection(10);
    const refused = await timed(server.call('GET', '/api/v1/members'));
    expect(refused.response.status).toBe(503);
    expect(refused.body.code).toBe('DATABASE_UNAVAILABLE');
    expect(Number(refused.response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.ms).toBeGreaterThanOrEqual(QUEUE_TIMEOUT_MS - 50);
    expect(refused.ms).toBeLessThan(QUEUE_TIMEOUT_MS + 1_500);

    release();
    await held;
    expect((await server.call('GET', '/api/v1/members')).status).toBe(200);
  });

  it('refuses at once when the queue for a connection is full', async () => {
    const { server, release, held } = await serverWithHeldConnection(1);
    const waiting = timed(server.call('GET', '/api/v1/members'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const refused = await timed(server.call('GET', '/api/v1/openings'));
    expect(refused.response.status).toBe(503);
    expect(refused.body.code).toBe('DATABASE_UNAVAILABLE');
    expect(Number(refused.response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.ms).toBeLessThan(QUEUE_TIMEOUT_MS / 2);

    // The one that waited is served once the connection is free within its time.
    release();
    await held;
    expect((await waiting).response.status).toBe(200);
  });
});
