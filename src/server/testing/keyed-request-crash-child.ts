/**
 * The process the keyed-request crash test kills: it serves one `POST /api/v1/interviews` with an
 * Idempotency-Key in process, prints `answering` when the key's answer is about to be stored (the
 * booking written) or `committed` once the request has committed (its answer not sent yet), as `stopAt`
 * says, and waits there to be killed. Run as
 * `node --import tsx src/server/testing/keyed-request-crash-child.ts` with KEYED_CRASH_CHILD set to the
 * JSON of {@link KeyedCrashChildConfig}.
 */
import { DEFAULT_APP_CONFIG } from '../../app/context.ts';
import type { AppContext } from '../../app/context.ts';
import { openStore } from '../../store/index.ts';
import type { ConnectOptions } from '../../store/index.ts';
import { IdempotencyRepository } from '../../store/repositories/idempotency.ts';
import { SecretBox } from '../../store/secret-box.ts';
import { createServerApp } from '../app.ts';

export interface KeyedCrashChildConfig {
  connect: ConnectOptions;
  apiKey: string;
  idempotencyKey: string;
  /** The request's JSON body. */
  body: string;
  /** The child's fixed clock, ISO 8601. */
  at: string;
  stopAt: 'answering' | 'committed';
}

const forever = () => new Promise<never>(() => {});

async function main(): Promise<void> {
  const raw = process.env.KEYED_CRASH_CHILD;
  if (raw === undefined) throw new Error('KEYED_CRASH_CHILD is not set');
  const config = JSON.parse(raw) as KeyedCrashChildConfig;
  const { store } = await openStore({ ...config.connect, migrate: false });
  const at = new Date(config.at);
  const ctx: AppContext = { store, clock: () => at, config: DEFAULT_APP_CONFIG, secrets: SecretBox.ephemeral() };
  if (config.stopAt === 'answering') {
    IdempotencyRepository.prototype.complete = async function () {
      process.stdout.write('answering\n');
      return forever();
    };
  }
  const app = createServerApp({
    ctx,
    log: () => {},
    // Called once the request's transaction has committed, before its answer leaves.
    afterChange: () => {
      if (config.stopAt === 'committed') process.stdout.write('committed\n');
    },
  });
  const response = await app.request('/api/v1/interviews', {
    method: 'POST',
    headers: { authorization: `Bearer ${config.apiKey}`, 'content-type': 'application/json', 'idempotency-key': config.idempotencyKey },
    body: config.body,
  });
  process.stdout.write(`answered ${response.status}\n`);
  await forever();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
