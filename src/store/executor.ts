import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** A connection or an open transaction: repositories work the same on both. */
export type Executor = Kysely<Database> | Transaction<Database>;
