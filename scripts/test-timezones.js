// The whole suite runs once in UTC; the pure core (everything about time) runs again under other host
// time zones, so no code can lean on the machine's TZ by accident. Ends with one summary line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const runs = [
  { tz: 'UTC', args: [] },
  { tz: 'America/New_York', args: ['src/core'] },
  { tz: 'Asia/Kolkata', args: ['src/core'] },
  { tz: 'Pacific/Chatham', args: ['src/core'] },
];
// Browser tests load the built web app, so build it from the sources being tested.
console.log('== building the web app');
const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leeway-test-'));
let passed = 0;
let failed = 0;
let skipped = 0;
let status = 0;
for (const [index, { tz, args }] of runs.entries()) {
  console.log(`\n== vitest with TZ=${tz} ${args.join(' ') || '(all tests)'}`);
  const report = path.join(reportDir, `run-${index}.json`);
  const result = spawnSync(
    'npx',
    ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    { stdio: 'inherit', env: { ...process.env, TZ: tz } },
  );
  if (fs.existsSync(report)) {
    const summary = JSON.parse(fs.readFileSync(report, 'utf8'));
    passed += summary.numPassedTests;
    failed += summary.numFailedTests;
    skipped += summary.numPendingTests + summary.numTodoTests;
  }
  if (result.status !== 0) {
    status = result.status ?? 1;
    break;
  }
}
fs.rmSync(reportDir, { recursive: true, force: true });
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(status);
