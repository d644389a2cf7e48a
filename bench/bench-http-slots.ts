import { testEngines } from '../src/store/testing/engines.ts';
import type { BenchSection } from './bench-section.ts';
import { formatMs, formatTable } from './format-table.ts';
import type { LoadedScenario } from './load-scenarios.ts';
import { timeHttpSlots } from './time-http-slots.ts';

const TIMING = { warmup: 30, runs: 100, minTimeMs: 2000, maxRuns: 5000 };
const TARGET_MEDIAN_MS = 10;
const ENGINE_LABELS = { pglite: 'PGlite (embedded, in-memory)', postgres: 'PostgreSQL (`TEST_DATABASE_URL`)' } as const;

/**
 * Times `GET /api/v1/slots` for one scenario's panel with its members and busy blocks stored in the
 * database through the HTTP API: on embedded PGlite always, on PostgreSQL too when `TEST_DATABASE_URL`
 * is set (a scratch database, dropped afterwards). `coreMedianMs` is `findSlots` alone on the same
 * scenario from this run, for comparison.
 *
 * @example
 * const section = await benchHttpSlots(s2, 0.068, (line) => console.log(line));
 */
export async function benchHttpSlots(loaded: LoadedScenario, coreMedianMs: number | undefined, log: (line: string) => void): Promise<BenchSection> {
  const { scenario, expectedSlots } = loaded;
  const rows: string[][] = [];
  const failures: string[] = [];
  const reference = scenario.reference?.calcomMedianMs ?? undefined;
  for (const engine of testEngines()) {
    const timing = await timeHttpSlots(await engine.open(), loaded, TIMING);
    const countOk = expectedSlots === undefined || timing.slots === expectedSlots;
    if (!countOk) failures.push(`${scenario.name} over HTTP on ${engine.name}: ${timing.slots} slots, expected ${expectedSlots}`);
    const row = [
      ENGINE_LABELS[engine.name],
      scenario.name,
      String(scenario.members.length),
      String(timing.busyBlocks),
      `${timing.slots} (${expectedSlots ?? '?'})${countOk ? '' : ' ✗'}`,
      formatMs(timing.http.medianMs),
      formatMs(timing.http.p95Ms),
      `≤ ${TARGET_MEDIAN_MS} ${timing.http.medianMs <= TARGET_MEDIAN_MS ? '✓' : '✗'}`,
      formatMs(timing.appLayer.medianMs),
      coreMedianMs === undefined ? '—' : formatMs(coreMedianMs),
      reference === undefined ? '—' : formatMs(reference),
      String(timing.http.runs),
    ];
    log(`  ${row.join('  ')}  (stored in ${(timing.seedMs / 1000).toFixed(1)} s)`);
    rows.push(row);
  }
  const table = formatTable(
    ['database', 'scenario', 'members', 'busy blocks', 'slots (expected)', 'median ms', 'p95 ms', 'target (median ms)',
      'of which app layer ms', 'core `findSlots` ms', 'reference ms', 'runs'],
    rows,
    ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
  const method = [
    `\`GET /api/v1/slots\` for ${scenario.name}'s panel on a whole server (\`startTestServer\`: the HTTP app with`,
    'an API key), its members (zone, working hours) and busy blocks first stored through the HTTP API',
    '(`POST /api/v1/members`, `POST /api/v1/members/{id}/busy`). Requests go in-process through Hono\'s',
    '`app.request` (no socket, no TCP to the client), with the scenario\'s window, duration and step; each',
    'timing covers routing, authentication, query validation, the database reads of members, busy blocks',
    `and bookings, the search, and JSON out, body read. ${TIMING.warmup} untimed requests, then one at a time until at`,
    `least ${TIMING.runs} requests and ${TIMING.minTimeMs / 1000} s; median and 95th percentile. "of which app layer" times`,
    '`findFreePanelSlots` (database reads plus search, no HTTP) on the same store the same way; "core',
    '`findSlots`" is the median of the search alone from the section above; "reference ms" is the other',
    'scheduler\'s pure slot pipeline from the scenario file (no database, no HTTP). The PostgreSQL row, when',
    'present, is a local server reached over TCP with a scratch database. The slot count is checked.',
  ].join('\n');
  return { title: `Slots over HTTP (\`GET /api/v1/slots\`, ${scenario.name})`, method, table, failures };
}
