import type { ColumnType } from 'kysely';

/** Set by the database when a row is inserted, never updated. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A jsonb column: written as JSON text, read back parsed. */
export type Json<T> = ColumnType<T, string, string>;
