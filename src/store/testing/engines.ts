import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore } from '../index.ts';
import type { OpenStore } from '../index.ts';

export interface TestEngine {
  name: 'pglite' | 'postgres';
  open(): Promise<OpenStore>;
}

/**
 * The engines a shared suite runs on: always the embedded one; PostgreSQL too when TEST_DATABASE_URL
 * names a server. Each open() gets a database of its own, dropped on close.
 */
export function testEngines(): TestEngine[] {
  const engines: TestEngine[] = [{ name: 'pglite', open: () => openStore({ engine: 'pglite', dataDir: 'memory://' }) }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) engines.push({ name: 'postgres', open: () => openScratchPostgres(url) });
  return engines;
}

/**
 * A database of its own on the server `adminUrl` names: its URL, and how to drop it (forcing off whoever
 * is still connected).
 */
export async function createScratchDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `leeway_test_${randomBytes(6).toString('hex')}`;
  await adminStatement(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminStatement(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function adminStatement(adminUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

async function openScratchPostgres(adminUrl: string): Promise<OpenStore> {
  const scratch = await createScratchDatabase(adminUrl);
  const opened = await openStore({ engine: 'postgres', url: scratch.url, poolSize: 25 });
  return {
    ...opened,
    close: async () => {
      await opened.close();
      await scratch.drop();
    },
  };
}
