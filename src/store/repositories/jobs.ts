import { sql } from 'kysely';
import type { OnConflictBuilder, OnConflictDoNothingBuilder } from 'kysely';
import type { Executor } from '../executor.ts';
import type { Database } from '../schema.ts';

/** A job of a kind and key that is not done yet is kept, and the new one dropped: enqueueing twice is one job. */
export function keepOpenJob(conflict: OnConflictBuilder<Database, 'jobs'>): OnConflictDoNothingBuilder<Database, 'jobs'> {
  return conflict.columns(['organizationId', 'kind', 'key']).where('doneAt', 'is', null).doNothing();
}

export interface NewJob {
  organizationId: string;
  /** The handler that runs it (`waitlist.offer_expiry`, …). */
  kind: string;
  /** Unique per organization and kind while the job is not done: enqueueing twice is one job. */
  key: string;
  payload?: Record<string, unknown>;
  runAt: Date;
}

export interface Job {
  id: string;
  organizationId: string;
  kind: string;
  key: string;
  payload: Record<string, unknown>;
  runAt: Date;
  lockedUntil: Date | null;
  attempts: number;
  lastError: string | null;
  doneAt: Date | null;
  createdAt: Date;
}

const COLUMNS = ['id', 'organizationId', 'kind', 'key', 'payload', 'runAt', 'lockedUntil', 'attempts', 'lastError', 'doneAt', 'createdAt'] as const;

/**
 * Background work any server process may claim. A claim is a lease (`locked_until`) taken with FOR UPDATE
 * SKIP LOCKED: two processes never claim one job at once, and a process that dies holding one only delays
 * it until the lease ends. A job is finished in the transaction of its work, fenced by its lease.
 */
export class JobRepository {
  constructor(private readonly db: Executor) {}

  /** Enqueues a job; a job of the same kind and key that is not done yet makes this a no-op (null). */
  async enqueue(job: NewJob): Promise<Job | null> {
    const row = await this.db
      .insertInto('jobs')
      .values({
        organizationId: job.organizationId,
        kind: job.kind,
        key: job.key,
        payload: JSON.stringify(job.payload ?? {}),
        runAt: job.runAt,
      })
      .onConflict(keepOpenJob)
      .returning(COLUMNS)
      .executeTakeFirst();
    return row ?? null;
  }

  /** Claims due jobs for one runner until `at + leaseMs`; each claim counts an attempt. */
  async claimDue(input: { at: Date; limit: number; leaseMs: number; kinds?: readonly string[] }): Promise<Job[]> {
    const leaseUntil = new Date(input.at.getTime() + input.leaseMs);
    let due = this.db
      .selectFrom('jobs')
      .select('id')
      .where('doneAt', 'is', null)
      .where('runAt', '<=', input.at)
      .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', input.at)]));
    if (input.kinds) {
      if (input.kinds.length === 0) return [];
      due = due.where('kind', 'in', [...input.kinds]);
    }
    const rows = await this.db
      .updateTable('jobs')
      .set({ lockedUntil: leaseUntil, attempts: sql<number>`attempts + 1` })
      .where('id', 'in', due.orderBy('runAt').orderBy('id').limit(input.limit).forUpdate().skipLocked())
      .where('doneAt', 'is', null)
      .returning(COLUMNS)
      .execute();
    return rows.sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || (a.id < b.id ? -1 : 1));
  }

  /**
   * Marks a claimed job done, only while the caller's lease holds: false when the lease was lost (another
   * runner took the job over), so the caller rolls its work back.
   */
  async complete(id: string, lease: Date, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({ doneAt: at, lockedUntil: null, lastError: null })
      .where('id', '=', id)
      .where('doneAt', 'is', null)
      .where('lockedUntil', '=', lease)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Marks the open job of this kind and key done, when its work was just done another way (in the request
   * that queued it); a job a runner holds at this moment is left to it. Returns whether one was marked.
   */
  async settle(organizationId: string, kind: string, key: string, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({ doneAt: at, lockedUntil: null })
      .where('organizationId', '=', organizationId)
      .where('kind', '=', kind)
      .where('key', '=', key)
      .where('doneAt', 'is', null)
      .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', at)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Gives a failed job back for a later attempt. */
  async retryLater(id: string, lease: Date, runAt: Date, error: string): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ runAt, lockedUntil: null, lastError: error.slice(0, 2000) })
      .where('id', '=', id)
      .where('doneAt', 'is', null)
      .where('lockedUntil', '=', lease)
      .execute();
  }

  /** Gives up on a job: done, with the error kept. */
  async giveUp(id: string, lease: Date, at: Date, error: string): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ doneAt: at, lockedUntil: null, lastError: error.slice(0, 2000) })
      .where('id', '=', id)
      .where('lockedUntil', '=', lease)
      .execute();
  }

  async list(organizationId: string, filter: { kind?: string } = {}): Promise<Job[]> {
    let query = this.db.selectFrom('jobs').select(COLUMNS).where('organizationId', '=', organizationId);
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    return query.orderBy('createdAt').orderBy('id').execute();
  }

  /** Drops jobs finished before `before`; returns how many. */
  async purgeDoneBefore(before: Date): Promise<number> {
    const result = await this.db.deleteFrom('jobs').where('doneAt', 'is not', null).where('doneAt', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** The earliest time a job not done becomes due, for a runner's sleep. */
  async nextRunAt(): Promise<Date | null> {
    const row = await this.db.selectFrom('jobs').select((eb) => eb.fn.min('runAt').as('next')).where('doneAt', 'is', null).executeTakeFirst();
    return (row?.next as Date | null | undefined) ?? null;
  }
}
