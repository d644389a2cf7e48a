import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openStore } from '../index.ts';
import type { ConnectOptions, OpenStore } from '../index.ts';

/** Everything a test started, undone after it whatever happened, last first. */
export class Cleanups {
  private readonly steps: Array<() => Promise<void> | void> = [];

  push(step: () => Promise<void> | void): void {
    this.steps.push(step);
  }

  async runAll(): Promise<void> {
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step();
      } catch {
        // Keep undoing the rest.
      }
    }
  }
}

/** Opens the store, to be closed by `cleanups` unless the test closes it first (closing twice does nothing). */
export async function openTracked(connect: ConnectOptions, cleanups: Cleanups): Promise<OpenStore> {
  const opened = await openStore(connect);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await opened.close();
  };
  cleanups.push(close);
  return { ...opened, close };
}

/** A database that outlives a process, for tests that kill one: where it lives is made per test. */
export interface DurableTarget {
  name: string;
  prepare(): Promise<ConnectOptions>;
}

/**
 * The durable databases a crash test runs on: always a PGlite data folder; a scratch PostgreSQL database
 * too when TEST_DATABASE_URL names a server. Each is removed by `cleanups`.
 */
export function durableTargets(label: string, cleanups: Cleanups): DurableTarget[] {
  const targets: DurableTarget[] = [
    {
      name: 'pglite data folder',
      async prepare() {
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `leeway-${label}-`));
        cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
        return { engine: 'pglite', dataDir };
      },
    },
  ];
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    targets.push({
      name: 'postgres',
      async prepare() {
        const name = `leeway_${label.replace(/\W/g, '_')}_${randomBytes(6).toString('hex')}`;
        await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
        cleanups.push(() => withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));
        const url = new URL(adminUrl);
        url.pathname = `/${name}`;
        return { engine: 'postgres', url: url.toString() };
      },
    });
  }
  return targets;
}

/** Runs one piece of work on the PostgreSQL server's admin connection. */
export async function withAdmin(url: string, work: (admin: pg.Client) => Promise<unknown>): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}
