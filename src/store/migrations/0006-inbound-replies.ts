import type { Kysely } from 'kysely';

/** Calendar replies received by email, and each attendee's answer. */
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
