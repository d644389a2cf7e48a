/** What a valid key stands for, remembered for a few seconds. */
export interface CachedKey {
  organizationId: string;
  keyId: string;
  lastUsedAt: Date | null;
}

/** How long a key that was found valid is believed without asking the database again. */
export const API_KEY_CACHE_MS = 10_000;
const MAX_ENTRIES = 10_000;

/**
 * Valid API keys by the hash of the key, for `API_KEY_CACHE_MS`: every employer request starts with the key,
 * and reading it costs a round trip to the database. Only keys found valid are kept (a wrong key is always
 * looked up), so a key revoked in the database stops working within that time on every server process.
 * Bounded: past `MAX_ENTRIES` the oldest entry goes.
 */
export class ApiKeyCache {
  private readonly entries = new Map<string, { key: CachedKey; until: number }>();

  get(keyHash: string, now: number): CachedKey | null {
    const entry = this.entries.get(keyHash);
    if (!entry) return null;
    if (entry.until <= now) {
      this.entries.delete(keyHash);
      return null;
    }
    return entry.key;
  }

  set(keyHash: string, key: CachedKey, now: number): void {
    this.entries.delete(keyHash);
    this.entries.set(keyHash, { key, until: now + API_KEY_CACHE_MS });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }
}
