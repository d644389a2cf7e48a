import { execFile } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const script = resolve(dirname(fileURLToPath(import.meta.url)), 'run-soak.ts');

/**
 * The soak, shortened to a minute on the embedded engine: one server process under the mixed load while the
 * SMTP server goes down and the process is SIGKILLed and restarted, then the audit. (The PostgreSQL soak,
 * with its own cluster, two processes and a restart of the database, takes longer: `npm run soak`.)
 */
describe('npm run soak, one minute on PGlite', () => {
  it('passes its audit: nothing acknowledged lost, no overlap, every message delivered once, no lease left', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', script, '--minutes', '1', '--engine', 'pglite', '--clients', '6'], {
      maxBuffer: 64 * 2 ** 20,
      timeout: 190_000,
    }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
      throw new Error(`The soak failed:\n${error.stdout ?? ''}\n${error.stderr ?? error.message}`);
    });
    expect(stdout).toContain('server process SIGKILLed and restarted');
    expect(stdout).toContain('SMTP server down');
    const acknowledged = /acknowledged interviews present\s+\|\s+(\d+) of (\d+) ✓/.exec(stdout);
    expect(Number(acknowledged?.[2])).toBeGreaterThan(50);
    expect(acknowledged?.[1]).toBe(acknowledged?.[2]);
    expect(Number(/messages marked sent\s+\|\s+(\d+)/.exec(stdout)?.[1])).toBeGreaterThan(50);
    expect(stdout).toContain('**Audit passed.**');
    expect(stdout).toContain('Soak passed');
  }, 200_000);
});
