import { describe, expect, it } from 'vitest';
import { API_KEY_CACHE_MS, ApiKeyCache } from './api-key-cache.ts';

const key = { organizationId: 'org', keyId: 'key', lastUsedAt: null };

describe('ApiKeyCache', () => {
  it('believes a key for API_KEY_CACHE_MS, then asks again', () => {
    const cache = new ApiKeyCache();
    cache.set('hash', key, 1_000);
    expect(cache.get('hash', 1_000 + API_KEY_CACHE_MS - 1)).toEqual(key);
    expect(cache.get('hash', 1_000 + API_KEY_CACHE_MS)).toBeNull();
    expect(cache.get('hash', 1_000)).toBeNull();
  });

  it('knows only what it was told', () => {
    expect(new ApiKeyCache().get('other', 0)).toBeNull();
  });

  it('stays bounded, dropping the oldest key first', () => {
    const cache = new ApiKeyCache();
    for (let i = 0; i <= 10_000; i += 1) cache.set(`hash-${i}`, key, 0);
    expect(cache.get('hash-0', 1)).toBeNull();
    expect(cache.get('hash-1', 1)).toEqual(key);
    expect(cache.get('hash-10000', 1)).toEqual(key);
  });
});
