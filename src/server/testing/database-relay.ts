import { randomBytes } from 'node:crypto';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import pg from 'pg';

export interface ScratchDatabase {
  name: string;
  url: URL;
  drop(): Promise<void>;
}

/** A database of its own on the shared server, so its connections can be cut without touching anyone else's. */
export async function createScratchDatabase(adminUrl: string): Promise<ScratchDatabase> {
  const name = `leeway_outage_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`).finally(() => admin.end());
  const url = new URL(adminUrl);
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

/** Ends every connection to one database, as a server restart does to its clients. */
export async function terminateConnections(adminUrl: string, database: string): Promise<number> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const result = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
    return result.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

export interface DatabaseRelay {
  /** The same database, reached through the relay. */
  url: URL;
  /** The server goes away: open connections are reset and new ones refused. */
  stop(): Promise<void>;
  /** The server is back, at the same port. */
  start(): Promise<void>;
}

/**
 * A TCP relay in front of a database, switched off and on again at the same port: a PostgreSQL server
 * that goes away and comes back, without restarting the one other tests share.
 */
export async function startDatabaseRelay(target: URL): Promise<DatabaseRelay> {
  const sockets = new Set<net.Socket>();
  let port = 0;
  let server: net.Server | null = null;
  const start = () =>
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
  await start();
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return { url, stop, start };
}

/** Runs every clean-up, last registered first, even when one fails; then throws the first failure. */
export async function runCleanups(cleanups: Array<() => Promise<void>>): Promise<void> {
  let failure: unknown = null;
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch (error) {
      failure ??= error;
    }
  }
  if (failure !== null) throw failure;
}
