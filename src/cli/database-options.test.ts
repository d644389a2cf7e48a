import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POOL_LIMITS, defaultConnections } from '../store/bounded-pool.ts';
import { UsageError } from './args.ts';
import { readPoolLimits, resolveDatabase } from './database-options.ts';

describe('the database pool settings', () => {
  it('give a PostgreSQL server twice the cores in connections, at least 4', () => {
    expect([1, 2, 3, 8].map((cores) => defaultConnections(cores))).toEqual([4, 4, 6, 16]);
    expect(defaultConnections()).toBe(Math.max(4, 2 * availableParallelism()));
    expect(resolveDatabase({ 'database-url': 'postgres://db.example/leeway' }, {}).pool?.size).toBe(defaultConnections());
  });

  it('keep the embedded database at its own number of sessions', () => {
    expect(resolveDatabase({ 'data-dir': 'memory://' }, {}).pool?.size).toBe(DEFAULT_POOL_LIMITS.size);
  });

  it('take LEEWAY_DB_POOL_SIZE over either default, and refuse what is not a whole number in range', () => {
    expect(readPoolLimits({ LEEWAY_DB_POOL_SIZE: '12' }, 'postgres').size).toBe(12);
    expect(readPoolLimits({ LEEWAY_DB_POOL_SIZE: ' ' }, 'pglite').size).toBe(DEFAULT_POOL_LIMITS.size);
    expect(() => readPoolLimits({ LEEWAY_DB_POOL_SIZE: '0' }, 'postgres')).toThrow(UsageError);
    expect(() => readPoolLimits({ LEEWAY_DB_POOL_SIZE: '4.5' }, 'postgres')).toThrow(/whole number from 1 to 1000/);
  });
});
