import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { AppContext } from '../../app/context.ts';
import { DEFAULT_APP_CONFIG } from '../../app/context.ts';
import { createOrganization } from '../../app/organizations.ts';
import { openStore } from '../../store/index.ts';
import { SecretBox } from '../../store/secret-box.ts';
import type { OpenStore } from '../../store/index.ts';
import { createServerApp } from '../app.ts';
import type { WebAssets } from '../web-assets.ts';

export interface TestServer {
  app: ReturnType<typeof createServerApp>;
  ctx: AppContext;
  opened: OpenStore;
  /** Moves the injected clock. */
  setNow(instant: string | Date): void;
  apiKey: string;
  organizationId: string;
  /** A JSON request with the organization's key unless another is given. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  newOrganization(name: string): Promise<{ apiKey: string; organizationId: string }>;
  logged: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** A whole server on an in-memory embedded database, with a clock the test controls. */
export async function startTestServer(
  options: {
    now?: string;
    opened?: OpenStore;
    afterChange?: () => void;
    admin?: { email: string; password: string };
    web?: WebAssets;
    /** Loopback receivers are what tests deliver to, so private URLs are allowed unless a test says otherwise. */
    allowPrivateUrls?: boolean;
  } = {},
): Promise<TestServer> {
  const opened = options.opened ?? (await openStore({ engine: 'pglite', dataDir: 'memory://' }));
  let now = new Date(options.now ?? '2026-12-01T12:00:00Z');
  const ctx: AppContext = {
    store: opened.store,
    clock: () => new Date(now),
    config: { ...DEFAULT_APP_CONFIG, allowPrivateUrls: options.allowPrivateUrls ?? true },
    secrets: SecretBox.ephemeral(),
  };
  const logged: Array<Record<string, unknown>> = [];
  const app = createServerApp({ ctx, log: (entry) => { logged.push(entry); if (process.env.LEEWAY_TEST_LOG) console.error(entry); }, ...(options.afterChange ? { afterChange: options.afterChange } : {}), ...(options.web ? { web: options.web } : {}) });
  const first = await createOrganization(ctx, {
    name: 'Acme',
    timezone: 'America/New_York',
    contactPhone: '+1 555 0100',
    ...(options.admin ? { adminEmail: options.admin.email, adminPassword: options.admin.password } : {}),
  });
  const server: TestServer = {
    app,
    ctx,
    opened,
    logged,
    apiKey: first.apiKey,
    organizationId: first.organization.id,
    setNow(instant) {
      now = new Date(instant);
    },
    call(method, path, body, headers = {}) {
      const init: RequestInit = {
        method,
        headers: { authorization: `Bearer ${first.apiKey}`, ...headers },
      };
      if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
        (init.headers as Record<string, string>)['content-type'] = 'application/json';
      }
      return Promise.resolve(app.request(path, init));
    },
    async newOrganization(name) {
      const created = await createOrganization(ctx, { name, timezone: 'Europe/London' });
      return { apiKey: created.apiKey, organizationId: created.organization.id };
    },
    close: () => opened.close(),
  };
  return server;
}

export const NINE_TO_FIVE = {
  mon: [['09:00', '17:00']],
  tue: [['09:00', '17:00']],
  wed: [['09:00', '17:00']],
  thu: [['09:00', '17:00']],
  fri: [['09:00', '17:00']],
};

export interface LoopbackListener {
  /** `http://127.0.0.1:<port>` */
  base: string;
  port: number;
  close(): Promise<void>;
}

/** Serves a test server's app over a real socket on loopback, through the Node adapter, as `leeway serve` does. */
export async function listenOnLoopback(server: Pick<TestServer, 'app'>): Promise<LoopbackListener> {
  const http = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const { port } = http.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, port, close: () => new Promise<void>((resolve) => http.close(() => resolve())) };
}
