// Lints the OpenAPI document the server serves with an independent linter (Redocly CLI, rules in
// redocly.yaml): the document is generated in-process, written to a temporary file and linted there.
// Run: node --import tsx scripts/lint-openapi.ts (part of `npm run lint`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_APP_CONFIG } from '../src/app/context.ts';
import type { AppContext } from '../src/app/context.ts';
import { createServerApp } from '../src/server/app.ts';
import type { Store } from '../src/store/index.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// Serving the document touches no database: a store that is never called is enough.
const ctx: AppContext = { store: {} as Store, clock: () => new Date(), config: DEFAULT_APP_CONFIG };
const response = await createServerApp({ ctx, log: () => {} }).request('/openapi.json');
if (response.status !== 200) {
  console.error(`GET /openapi.json answered ${response.status}: ${await response.text()}`);
  process.exit(1);
}

const folder = mkdtempSync(join(tmpdir(), 'leeway-openapi-'));
const file = join(folder, 'openapi.json');
writeFileSync(file, JSON.stringify(await response.json(), null, 2));
try {
  const result = spawnSync(
    process.execPath,
    [join(repoRoot, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js'), 'lint', file, '--config', join(repoRoot, 'redocly.yaml'), '--format', 'stylish'],
    {
      stdio: 'inherit',
      // The linter may not phone home: no telemetry, no update check (the network may reach only the registry).
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    },
  );
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(folder, { recursive: true, force: true });
}
