import type { Kysely } from 'kysely';

/** Members' own calendars (ICS feeds, CalDAV) and the busy times read from them. */
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
