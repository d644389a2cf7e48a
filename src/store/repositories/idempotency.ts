import { sql } from 'kysely';
import type { Executor } from '../executor.ts';

export type IdempotencyClaim =
  | { state: 'claimed' }
  | { state: 'replay'; statusCode: number; responseBody: string }
  | { state: 'mismatch' }
  | { state: 'in_progress' };

/**
 * How long a claimed key stays "in progress" without an answer. A request cannot run longer (each statement
 * is cut at 30 s, a connection is waited for at most seconds), so a claim this old belongs to a process
 * that died mid-request, and the key is free for the client's retry.
 */
export const IN_PROGRESS_LEASE_MS = 60_000;

/**
 * Idempotency keys with Stripe's semantics: the first request with a key claims it, a replay with the
 * same request gets the stored response, the same key with another request is a conflict.
 */
export class IdempotencyRepository {
  constructor(private readonly db: Executor) {}

  async claim(input: { organizationId: string; scope: string; key: string; requestHash: string }, at: Date): Promise<IdempotencyClaim> {
    const inserted = await this.db
      .insertInto('idempotencyKeys')
      .values({ ...input, statusCode: null, responseBody: null, createdAt: at })
      .onConflict((oc) => oc.columns(['organizationId', 'scope', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (inserted) return { state: 'claimed' };
    const existing = await this.db
      .selectFrom('idempotencyKeys')
      .select(['requestHash', 'statusCode', 'responseBody', 'createdAt'])
      .where('organizationId', '=', input.organizationId)
      .where('scope', '=', input.scope)
      .where('key', '=', input.key)
      .executeTakeFirst();
    if (!existing) return this.claim(input, at);
    if (existing.requestHash !== input.requestHash) return { state: 'mismatch' };
    if (existing.statusCode === null || existing.responseBody === null) {
      // A claim never completed (its process died mid-request) is released after a while, so the key
      // does not stay blocked for ever.
      if (at.getTime() - existing.createdAt.getTime() < IN_PROGRESS_LEASE_MS) return { state: 'in_progress' };
      const taken = await this.db
        .updateTable('idempotencyKeys')
        .set({ createdAt: at })
        .where('organizationId', '=', input.organizationId)
        .where('scope', '=', input.scope)
        .where('key', '=', input.key)
        .where('statusCode', 'is', null)
        .where('createdAt', '=', existing.createdAt)
        .executeTakeFirst();
      return Number(taken.numUpdatedRows) > 0 ? { state: 'claimed' } : { state: 'in_progress' };
    }
    return { state: 'replay', statusCode: existing.statusCode, responseBody: existing.responseBody };
  }

  async complete(
    input: { organizationId: string; scope: string; key: string },
    response: { statusCode: number; responseBody: string },
  ): Promise<void> {
    await this.db
      .updateTable('idempotencyKeys')
      .set(response)
      .where('organizationId', '=', input.organizationId)
      .where('scope', '=', input.scope)
      .where('key', '=', input.key)
      .execute();
  }

  /** A request that failed on our side releases its key, so the client can retry it. */
  async release(input: { organizationId: string; scope: string; key: string }): Promise<void> {
    await this.db
      .deleteFrom('idempotencyKeys')
      .where('organizationId', '=', input.organizationId)
      .where('scope', '=', input.scope)
      .where('key', '=', input.key)
      .execute();
  }

  async purgeOlderThan(cutoff: Date): Promise<number> {
    const result = await this.db
      .deleteFrom('idempotencyKeys')
      .where('createdAt', '<', sql<Date>`${cutoff.toISOString()}::timestamptz`)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
