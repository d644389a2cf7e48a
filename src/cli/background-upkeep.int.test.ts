import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../server/testing/test-server.ts';
import type { TestServer } from '../server/testing/test-server.ts';
import { startUpkeep } from './background-upkeep.ts';
import { recordingIo } from './testing/recording-io.ts';


describe('the upkeep of a serving process on the embedded engine', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ now: '2026-12-01T12:00:00Z' });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('vacuums on its interval, says so once, and stops cleanly', async () => {
    const io = recordingIo();
    const upkeep = startUpkeep(server.ctx, io, 50);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await upkeep.stop();
    expect(io.out.filter((line) => line.startsWith('Vacuuming the busiest tables'))).toHaveLength(1);
    expect(io.err).toEqual([]);
  });

  it('does nothing when turned off (interval 0)', async () => {
    const io = recordingIo();
    const upkeep = startUpkeep(server.ctx, io, 0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await upkeep.stop();
    expect(io.out).toEqual([]);
  });
});
