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

async function openScratchPostgres(adminUrl: string): Promise<OpenStore> {
  const name = `leeway_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const opened = await openStore({ engine: 'postgres', url: url.toString(), poolSize: 25 });
  return {
    ...opened,
    close: async () => {
      await opened.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
