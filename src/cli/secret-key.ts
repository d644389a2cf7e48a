import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ConnectOptions } from '../store/index.ts';
import { SecretBox } from '../store/secret-box.ts';
import { UsageError } from './args.ts';

export const KEY_FILE_NAME = 'leeway-secret.key';

export interface ResolvedSecretKey {
  box: SecretBox | undefined;
  /** Where the key came from, for the start-up line; or why there is none. */
  source: string;
}

/**
 * The key that seals webhook secrets, calendar credentials and the links of emails waiting to be sent:
 * - `LEEWAY_SECRET_KEY` (32 bytes, hex or base64) wins, and is what a production server should set;
 * - on the embedded database in a folder, a key is made once and kept in `<folder>/leeway-secret.key`
 *   (mode 0600), so `npm start` works on a fresh machine and keeps working across restarts;
 * - on an in-memory database the key lives as long as the data: the process;
 * - on a PostgreSQL server with no key set there is none, and the features that need one say so.
 */
export function resolveSecretKey(database: ConnectOptions, env: Record<string, string | undefined>): ResolvedSecretKey {
  const text = env.LEEWAY_SECRET_KEY;
  if (text !== undefined && text.trim() !== '') {
    try {
      return { box: SecretBox.fromText(text), source: 'LEEWAY_SECRET_KEY' };
    } catch (error) {
      throw new UsageError(`LEEWAY_SECRET_KEY: ${(error as Error).message}`);
    }
  }
  if (database.engine === 'postgres') {
    return {
      box: undefined,
      source: 'none: set LEEWAY_SECRET_KEY to use webhooks and calendar sources, and to seal the links of emails waiting to be sent',
    };
  }
  if (database.dataDir.startsWith('memory://')) return { box: SecretBox.ephemeral(), source: 'in memory, like the data' };
  const file = path.join(database.dataDir, KEY_FILE_NAME);
  if (!existsSync(file)) {
    mkdirSync(database.dataDir, { recursive: true });
    writeFileSync(file, `${SecretBox.generateKeyText()}\n`, { mode: 0o600, flag: 'wx' });
  }
  try {
    return { box: SecretBox.fromText(readFileSync(file, 'utf8')), source: file };
  } catch (error) {
    throw new UsageError(`${file}: ${(error as Error).message}`);
  }
}
