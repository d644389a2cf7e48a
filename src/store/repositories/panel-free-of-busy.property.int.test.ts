import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSlots } from '../../core/slots/index.ts';
import type { WorkingHours } from '../../core/types.ts';
import { createScratchDatabase, testEngines } from '../testing/engines.ts';
import { connectDatabase } from '../connect.ts';
import type { DatabaseHandle } from '../connect.ts';
import { migrateToLatest } from '../migrate.ts';
import { Store } from '../store.ts';
import { panelFreeOfBusy, panelFreeOfBusyParameters, panelistReaches } from './members.ts';

const MINUTE = 60_000;
const ALL_DAY: Array<[string, string]> = [['00:00', '24:00']];
const ALWAYS: WorkingHours = { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY };
const START = Date.parse('2026-12-08T12:00:00Z');

/** Whether the core finds the panelist free at the time, as a booking's check asks it (`assertPanelFree`). */
function coreFindsFree(bufferMinutes: number, durationMinutes: number, blocks: ReadonlyArray<{ start: number; end: number }>): boolean {
  const slots = findSlots({
    window: { from: START, to: START + durationMinutes * MINUTE },
    durationMinutes,
    stepMinutes: Math.max(5, durationMinutes),
    mode: 'all',
    members: [{ id: 'm', timezone: 'UTC', workingHours: ALWAYS, bufferMinutes, busy: blocks }],
  });
  return slots.some((slot) => slot.start === START);
}

/**
 * A booking from kept parties reads no busy time: its statement checks the panel free of it instead. That
 * check must agree with the core's, which a booking read afresh asks: a busy span widened by the member's
 * buffer must not meet the time, at the very edges too.
 */
describe.each(testEngines())('the statement finds a panelist free exactly when the core does, on $name', (engine) => {
  let handle: DatabaseHandle;
  let drop: (() => Promise<void>) | undefined;
  let organizationId = '';
  let memberId = '';
  let store: Store;

  beforeAll(async () => {
    if (engine.name === 'postgres') {
      const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL!);
      drop = scratch.drop;
      handle = await connectDatabase({ engine: 'postgres', url: scratch.url, poolSize: 2 });
    } else {
      handle = await connectDatabase({ engine: 'pglite', dataDir: 'memory://' });
    }
    await migrateToLatest(handle.db as never);
    store = new Store(handle.db, handle.engine);
    organizationId = (await store.organizations.create({ name: 'Acme', timezone: 'UTC' })).id;
    memberId = (await store.members.create(organizationId, { name: 'Grace', email: 'grace@acme.test', role: 'interviewer', timezone: 'UTC', workingHours: ALWAYS })).id;
  });
  afterAll(async () => {
    await handle?.close();
    await drop?.();
  });

  it('for any buffer, length and busy blocks around the time', async () => {
    // Whole minutes within three hours of the start, so that edges (a block ending where the buffer begins) come up often.
    const block = fc.record({ offset: fc.integer({ min: -180, max: 180 }), length: fc.integer({ min: 1, max: 90 }) });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 5, max: 120 }), fc.array(block, { maxLength: 3 }), async (bufferMinutes, durationMinutes, offsets) => {
        const blocks = offsets.map(({ offset, length }) => ({ start: START + offset * MINUTE, end: START + (offset + length) * MINUTE }));
        await sql`DELETE FROM busy_blocks WHERE member_id = ${memberId}`.execute(handle.db);
        for (const { start, end } of blocks) await store.members.addBusy(organizationId, memberId, { start: new Date(start), end: new Date(end) });
        const reaches = panelistReaches([memberId], new Map([[memberId, bufferMinutes]]), { start: new Date(START), end: new Date(START + durationMinutes * MINUTE) });
        const condition = panelFreeOfBusy(organizationId, reaches);
        const compiled = sql<{ free: boolean }>`SELECT ${condition} AS free`.compile(handle.db);
        expect(compiled.parameters).toEqual(panelFreeOfBusyParameters(organizationId, reaches));
        const { rows } = await handle.db.executeQuery(compiled);
        expect(rows[0]!.free).toBe(coreFindsFree(bufferMinutes, durationMinutes, blocks));
      }),
      { numRuns: 60 },
    );
  });
});
