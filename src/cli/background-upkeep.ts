import type { AppContext } from '../app/context.ts';
import { isDatabaseUnavailable } from '../store/database-errors.ts';
import type { CliIO } from './io.ts';

/** A vacuum slower than this is worth a line in the log: the tables have grown or the disk is slow. */
const SLOW_VACUUM_MS = 2_000;
/** Runs between two that analyze the tables as well. */
const ANALYZE_EVERY = 10;
/**
 * How often tables that have grown well past their statistics are looked for (and analyzed): often, since
 * a young database's first plans are made on empty tables, and one query finds them.
 */
export const GROWN_TABLES_CHECK_MS = 5_000;

/**
 * Vacuums the tables Leeway keeps updating every `intervalMs` (see `Store.vacuumIfNeeded`), and every few
 * seconds analyzes the tables that have grown well past their statistics (`Store.analyzeGrownIfNeeded`),
 * one run at a time: on the embedded engine, which has no autovacuum, and on a PostgreSQL server whose autovacuum is
 * off. Without it the outbox's and the job queue's "what is due" queries slow down with every row they
 * ever settled.
 */
export function startUpkeep(ctx: AppContext, io: CliIO, intervalMs: number): { stop(): Promise<void> } {
  if (intervalMs <= 0) return { stop: async () => undefined };
  let running: Promise<unknown> = Promise.resolve();
  let announced = false;
  let runs = 0;
  const run = () => {
    running = running.then(async () => {
      const started = Date.now();
      // Statistics change slowly; the first run and every tenth analyze as well.
      const analyze = runs % ANALYZE_EVERY === 0;
      runs += 1;
      try {
        const ran = await ctx.store.vacuumIfNeeded({ analyze });
        const tookMs = Date.now() - started;
        if (ran && !announced) {
          announced = true;
          io.stdout(`Vacuuming the busiest tables every ${Math.round(intervalMs / 1000)} s (no autovacuum runs on this database).\n`);
        }
        if (ran && tookMs > SLOW_VACUUM_MS) io.stderr(`${JSON.stringify({ level: 'warn', event: 'upkeep.slow_vacuum', tookMs })}\n`);
      } catch (error) {
        // A database that is away is reported by the request path and the other workers; the next run retries.
        if (!isDatabaseUnavailable(error)) io.stderr(`${JSON.stringify({ level: 'warn', event: 'upkeep.failed', error: String(error) })}\n`);
      }
    });
  };
  const analyzeGrown = () => {
    running = running.then(async () => {
      try {
        await ctx.store.analyzeGrownIfNeeded();
      } catch (error) {
        if (!isDatabaseUnavailable(error)) io.stderr(`${JSON.stringify({ level: 'warn', event: 'upkeep.analyze_failed', error: String(error) })}\n`);
      }
    });
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  const grownTimer = setInterval(analyzeGrown, Math.min(GROWN_TABLES_CHECK_MS, intervalMs));
  grownTimer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      clearInterval(grownTimer);
      await running;
    },
  };
}
