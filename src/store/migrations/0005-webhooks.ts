import type { Kysely } from 'kysely';

/** Webhook subscriptions and their deliveries. */
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
