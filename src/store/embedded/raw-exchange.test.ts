import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { leavesSessionIdle, simpleQuery } from './engine-sessions.ts';
import { rawExchanges } from './raw-exchange.ts';

describe('rawExchanges', () => {
  let engine: PGlite;
  beforeAll(async () => {
    engine = await PGlite.create();
  });
  afterAll(async () => {
    await engine.close();
  });

  it('answers with the bytes a server would send, long answers whole', async () => {
    const run = rawExchanges(engine);
    const reply = await run(simpleQuery("SELECT repeat('x', 200000) AS long"));
    expect(reply[0]).toBe(0x54); // RowDescription
    expect(reply.length).toBeGreaterThan(200_000);
    expect(leavesSessionIdle(reply)).toBe(true);
  });

  it('never goes through the entry point that keeps every answer it parsed', async () => {
    const kept = vi.spyOn(engine, 'execProtocolRaw');
    try {
      const run = rawExchanges(engine);
      for (let i = 0; i < 50; i += 1) await run(simpleQuery('SELECT 1'));
      expect(kept).not.toHaveBeenCalled();
    } finally {
      kept.mockRestore();
    }
  });
});
