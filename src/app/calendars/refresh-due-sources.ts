import type { AppContext } from '../context.ts';
import { syncCalendarSource } from './sync-calendar-source.ts';

/** A claim outlasts a sync's longest fetch (20 s) with room to write. */
const CLAIM_LEASE_MS = 2 * 60_000;

export interface RefreshRound {
  synced: number;
  failed: number;
}

/**
 * Syncs the sources that are due, claimed in batches with SKIP LOCKED so any number of processes may
 * run it at once without reading one calendar twice.
 */
export async function refreshDueCalendarSources(ctx: AppContext, options: { limit: number }): Promise<RefreshRound> {
  const claimed = await ctx.store.calendarSources.claimDue({ at: ctx.clock(), limit: options.limit, leaseMs: CLAIM_LEASE_MS });
  const round: RefreshRound = { synced: 0, failed: 0 };
  for (const source of claimed) {
    const after = await syncCalendarSource(ctx, source);
    if (after?.status === 'error') round.failed += 1;
    else round.synced += 1;
  }
  return round;
}
