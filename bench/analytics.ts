/**
 * Times the analytics queries (`GET /api/v1/analytics/cancellations` for every grouping and
 * `GET /api/v1/analytics/summary`, through their use cases) on 100,000 seeded interviews. Part of
 * `npm run bench`; alone: `node --import tsx bench/analytics.ts [interviews]`.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { cancellationsReport, CANCELLATION_GROUPINGS, summaryReport } from '../src/app/analytics.ts';
import { DEFAULT_APP_CONFIG } from '../src/app/context.ts';
import type { AppContext } from '../src/app/context.ts';
import { testEngines } from '../src/store/testing/engines.ts';
import { dropAnalyticsIndex, seedAnalytics } from './analytics-seed.ts';
import type { BenchSection } from './bench-section.ts';
import { formatMs, formatTable } from './format-table.ts';
import { measureAsync } from './measure-async.ts';

const TIMING = { warmup: 3, runs: 10, minTimeMs: 1500, maxRuns: 200 };
const TARGET_MEDIAN_MS = 500;
const ENGINE_LABELS = { pglite: 'PGlite (in-memory)', postgres: 'PostgreSQL' } as const;
const DAY_MS = 86_400_000;

export async function benchAnalytics(log: (line: string) => void, interviews = 100_000): Promise<BenchSection> {
  const rows: string[][] = [];
  const failures: string[] = [];
  let seeded = { interviews, historyRows: 0 };
  for (const engine of testEngines()) {
    const opened = await engine.open();
    try {
      const started = performance.now();
      const seed = await seedAnalytics(opened.store, interviews);
      // For comparison only: the same figures without migration 0004's index.
      if (process.env.ANALYTICS_BENCH_WITHOUT_INDEX === '1') await dropAnalyticsIndex(opened.store);
      seeded = seed;
      log(`${engine.name}: seeded ${seed.interviews} interviews, ${seed.historyRows} history rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      const ctx: AppContext = { store: opened.store, clock: () => seed.end, config: DEFAULT_APP_CONFIG };
      for (const days of [30, 400]) {
        const query = { from: new Date(seed.end.getTime() - days * DAY_MS).toISOString(), to: seed.end.toISOString() };
        const cases: Array<[string, () => Promise<number>]> = [
          ...CANCELLATION_GROUPINGS.map((groupBy): [string, () => Promise<number>] => [
            `cancellations?groupBy=${groupBy}`,
            async () => (await cancellationsReport(ctx, seed.organizationId, { ...query, groupBy })).total,
          ]),
          ['summary', async () => {
            const s = await summaryReport(ctx, seed.organizationId, query);
            return s.candidate.cancelled.total + s.employer.cancelled.total;
          }],
        ];
        const totals = new Set<number>();
        for (const [name, run] of cases) {
          const { measurement, result } = await measureAsync(run, TIMING);
          const ok = measurement.medianMs <= TARGET_MEDIAN_MS;
          // Every grouping and the summary count the same cancellations.
          totals.add(result);
          const row = [ENGINE_LABELS[engine.name], `${days} days`, name, String(result), formatMs(measurement.medianMs), formatMs(measurement.p95Ms), `≤ ${TARGET_MEDIAN_MS} ${ok ? '✓' : '✗'}`, String(measurement.runs)];
          log(row.join('  '));
          rows.push(row);
        }
        if (totals.size !== 1) failures.push(`${engine.name}, ${days} days: the queries disagree on the number of cancellations (${[...totals].join(', ')})`);
      }
    } finally {
      await opened.close();
    }
  }
  return {
    title: `Analytics (${interviews.toLocaleString('en-US')} interviews)`,
    method:
      `One organization with ${seeded.interviews.toLocaleString('en-US')} interviews over 400 days (${seeded.historyRows.toLocaleString('en-US')} history rows, ` +
      'panels of two of 20 interviewers, freed slots and offers for every cancellation) and a second organization with a tenth ' +
      'of that, seeded by `bench/analytics-seed.ts`. Each row times one use case (`cancellationsReport`, `summaryReport`: ' +
      'window checks, then the SQL statements the endpoints run) over the last 30 or 400 days in the organization\'s zone: ' +
      `${TIMING.warmup} untimed calls, then at least ${TIMING.runs} calls and 1.5 s; median and 95th percentile. "result" is ` +
      'the cancellation total the call returned (every query of a window must agree; the run fails otherwise). "target" is ours, not a requirement: figures for a dashboard within half a second. The PostgreSQL rows, when present, are a local server over TCP with a scratch database.',
    table: formatTable(
      ['database', 'window', 'query', 'result', 'median ms', 'p95 ms', 'target (median ms)', 'runs'],
      rows,
      ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right'],
    ),
    failures,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const section = await benchAnalytics((line) => console.log(line), Number(process.argv[2] ?? 100_000));
  console.log(`\n## ${section.title}\n\n${section.method}\n\n${section.table}`);
  for (const failure of section.failures) console.error(`WRONG: ${failure}`);
}
