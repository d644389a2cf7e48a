/**
 * The process the cascade crash test kills: it opens the store, fills the opening with small batches,
 * prints `batch <n> written` from inside the batch's transaction (its writes done, its commit not yet) and
 * then waits there to be killed. Run as `node --import tsx src/app/openings/testing/cascade-crash-child.ts`
 * with CASCADE_CRASH_CHILD set to the JSON of {@link CascadeCrashChildConfig}.
 */
import { DEFAULT_APP_CONFIG } from '../../context.ts';
import type { AppContext } from '../../context.ts';
import { openStore } from '../../../store/index.ts';
import type { ConnectOptions } from '../../../store/index.ts';
import { fillOpening } from '../end-opening.ts';

export interface CascadeCrashChildConfig {
  connect: ConnectOptions;
  organizationId: string;
  openingId: string;
  hiredCandidateId: string | null;
  /** The child's fixed clock, ISO 8601. */
  at: string;
  batchSize: number;
  /** The batch inside whose transaction the child stops and waits to be killed. */
  stopInBatch: number;
}

async function main(): Promise<void> {
  const raw = process.env.CASCADE_CRASH_CHILD;
  if (raw === undefined) throw new Error('CASCADE_CRASH_CHILD is not set');
  const config = JSON.parse(raw) as CascadeCrashChildConfig;
  const { store } = await openStore({ ...config.connect, migrate: false });
  const at = new Date(config.at);
  const ctx: AppContext = { store, clock: () => at, config: DEFAULT_APP_CONFIG };
  await fillOpening(
    ctx,
    config.organizationId,
    config.openingId,
    { hiredCandidateId: config.hiredCandidateId, message: 'Thank you for your time with us.' },
    {
      batchSize: config.batchSize,
      beforeCommit: async ({ number }) => {
        process.stdout.write(`batch ${number} written\n`);
        if (number === config.stopInBatch) await new Promise(() => {});
      },
    },
  );
  process.stdout.write('finished\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
