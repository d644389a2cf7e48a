// The whole suite runs once in UTC; the pure core (everything about time) runs again under other host
// time zones, so no code can lean on the machine's TZ by accident.
import { spawnSync } from 'node:child_process';

const runs = [
  { tz: 'UTC', args: [] },
  { tz: 'America/New_York', args: ['src/core'] },
  { tz: 'Asia/Kolkata', args: ['src/core'] },
  { tz: 'Pacific/Chatham', args: ['src/core'] },
];
const only = process.argv[2] === '--core-only';
for (const { tz, args } of runs) {
  if (only && args.length === 0) continue;
  console.log(`\n== vitest with TZ=${tz} ${args.join(' ') || '(all tests)'}`);
  const result = spawnSync('npx', ['vitest', 'run', ...args], {
    stdio: 'inherit',
    env: { ...process.env, TZ: tz },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
